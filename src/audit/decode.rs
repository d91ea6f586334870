//! An article's bytes to text: UTF-8 (with or without a byte-order mark),
//! UTF-16 with a byte-order mark, or GB18030/GBK as a Chinese Windows editor
//! saves it.
//!
//! The choice rests on the whole text, not on its first invalid byte: a
//! UTF-8 article with a stray bad byte stays UTF-8 (the byte becomes U+FFFD
//! and is counted), while a GBK article — where nearly every Chinese
//! character is invalid UTF-8 — is read as GB18030.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// The text of an article and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding used: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `gb18030`.
    pub encoding: &'static str,
    /// Bytes that were not valid in that encoding (each became U+FFFD).
    pub replaced: usize,
}

/// Decodes an article's bytes.
///
/// ```
/// use daxin::audit::decode;
/// let (gbk, _, _) = encoding_rs::GBK.encode("沐曦股份首日收涨692.95%。");
/// let d = decode(&gbk);
/// assert_eq!((d.text.as_str(), d.encoding), ("沐曦股份首日收涨692.95%。", "gb18030"));
/// let mut utf16 = vec![0xFF, 0xFE];
/// utf16.extend("收涨".encode_utf16().flat_map(|u| u.to_le_bytes()));
/// assert_eq!(decode(&utf16).text, "收涨");
/// ```
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return with(enc, &bytes[bom..]);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: UTF_8.name(),
            replaced: 0,
        };
    }
    let (valid, invalid) = utf8_census(bytes);
    // in GBK text most multi-byte sequences are invalid UTF-8; in UTF-8
    // text with a few damaged bytes nearly all of them are valid
    if valid >= 10 * invalid {
        with(UTF_8, bytes)
    } else {
        with(GB18030, bytes)
    }
}

fn with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let replaced = if enc == UTF_8 {
        utf8_census(bytes).1
    } else {
        // the replacement character stands for each invalid sequence
        // (an article may also contain U+FFFD itself; then this over-counts)
        text.chars().filter(|c| *c == '\u{FFFD}').count()
    };
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        replaced,
    }
}

/// Valid multi-byte UTF-8 characters and invalid sequences in `bytes`.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // the prefix is valid by the error's own account
                valid += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                invalid += 1;
                match e.error_len() {
                    Some(n) => bytes = &rest[n..],
                    None => return (valid, invalid),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str = "沐曦股份首日收涨692.95%，中一签浮盈近30万元。";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(ZH.as_bytes()).text, ZH);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(ZH.as_bytes());
        let d = decode(&b);
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (ZH, "UTF-8", 0));
    }

    #[test]
    fn gbk_and_gb18030() {
        let (gbk, _, bad) = encoding_rs::GBK.encode(ZH);
        assert!(!bad);
        let d = decode(&gbk);
        assert_eq!((d.text.as_str(), d.encoding), (ZH, "gb18030"));
        // traditional characters in GB18030
        let (gb, _, _) = GB18030.encode("壁仞科技開盤漲82.14%。");
        assert_eq!(decode(&gb).text, "壁仞科技開盤漲82.14%。");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(ZH.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), (ZH, "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(ZH.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).text, ZH);
    }

    #[test]
    fn one_bad_byte_keeps_utf8() {
        let mut b = ZH.as_bytes().to_vec();
        b.insert(6, 0xFF);
        let d = decode(&b);
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert!(d.text.contains("首日收涨692.95%"));
    }
}
