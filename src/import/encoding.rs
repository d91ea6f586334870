//! Telling a file's encoding from its first bytes: by the whole header line
//! and a sample of the rows, not by the first byte that is not UTF-8. A
//! UTF-8 file with one bad byte in a row stays UTF-8 (that row is then an
//! error of its own); a GBK/GB18030 file, as Excel saves on a Chinese
//! system, has a header that is not UTF-8 at all.

/// Valid multi-byte UTF-8 characters and invalid sequences in `b` (a
/// character cut at the end of `b` counts as neither).
fn utf8_tally(mut b: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0, 0);
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                return (good, bad);
            }
            Err(e) => {
                let ok = &b[..e.valid_up_to()];
                // the prefix is valid: count its characters
                good += std::str::from_utf8(ok)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                match e.error_len() {
                    Some(n) => {
                        bad += 1;
                        b = &b[e.valid_up_to() + n..];
                    }
                    None => return (good, bad),
                }
            }
        }
    }
}

/// Decides the encoding of a file from its start (`head`, the first 64 KiB
/// or so): a BOM says it (UTF-8, or UTF-16 which the decoder then reads);
/// else a header line that is UTF-8 with non-ASCII text means UTF-8, one
/// that is not UTF-8 means GB18030; an ASCII header leaves it to the sample
/// (UTF-8 when its valid UTF-8 characters are at least as many as its
/// invalid sequences). Returns the encoding and how many bytes of BOM to
/// skip.
///
/// ```
/// use daxin::import::sniff_encoding;
/// let mut utf8 = "股票代码,股票简称\n688802,沐曦股份\n".as_bytes().to_vec();
/// utf8.extend_from_slice(b"688795,\xff\n"); // one bad byte in a row
/// assert_eq!(sniff_encoding(&utf8).0, encoding_rs::UTF_8);
/// let (gbk, _, _) = encoding_rs::GBK.encode("股票代码,股票简称\n");
/// assert_eq!(sniff_encoding(&gbk).0, encoding_rs::GB18030);
/// ```
pub fn sniff_encoding(head: &[u8]) -> (&'static encoding_rs::Encoding, usize) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (encoding_rs::UTF_8, 3);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return (encoding_rs::UTF_16LE, 0);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return (encoding_rs::UTF_16BE, 0);
    }
    let header = match memchr::memchr(b'\n', head) {
        Some(i) => &head[..i],
        None => head,
    };
    let (good, bad) = utf8_tally(header);
    if bad > 0 {
        return (encoding_rs::GB18030, 0);
    }
    if good > 0 {
        return (encoding_rs::UTF_8, 0);
    }
    let (good, bad) = utf8_tally(head);
    if good >= bad {
        (encoding_rs::UTF_8, 0)
    } else {
        (encoding_rs::GB18030, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(sniff_encoding(b"\xEF\xBB\xBFcode").1, 3);
        assert_eq!(sniff_encoding("股票代码".as_bytes()).0, encoding_rs::UTF_8);
        let (gbk, _, _) = encoding_rs::GBK.encode("股票代码,发行价格");
        assert_eq!(sniff_encoding(&gbk).0, encoding_rs::GB18030);
        // an ASCII header: the rows tell
        let (gbk, _, _) = encoding_rs::GBK.encode("code,name\n688802,沐曦股份\n");
        assert_eq!(sniff_encoding(&gbk).0, encoding_rs::GB18030);
        assert_eq!(
            sniff_encoding("code,name\n688802,沐曦股份\n688795,\u{ff}".as_bytes()).0,
            encoding_rs::UTF_8
        );
        // one bad byte after a UTF-8 header
        assert_eq!(
            sniff_encoding(b"\xe8\x82\xa1,x\n1,\xff\xfe\n").0,
            encoding_rs::UTF_8
        );
        assert_eq!(sniff_encoding(b"\xFF\xFEc\0").0, encoding_rs::UTF_16LE);
        // a character cut at the end of the sample is no evidence
        assert_eq!(sniff_encoding(&"股".as_bytes()[..2]).0, encoding_rs::UTF_8);
        assert_eq!(utf8_tally(b"a\xffb\xe8\x82\xa1"), (1, 1));
    }
}
