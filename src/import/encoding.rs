//! Telling a file's encoding from its first bytes.

/// Decodes the start of a file: strips a UTF-8 BOM, and tells whether the
/// bytes are UTF-8 (else GB18030, as Excel saves on a Chinese system).
pub fn sniff_encoding(head: &[u8]) -> (&'static encoding_rs::Encoding, usize) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (encoding_rs::UTF_8, 3);
    }
    match std::str::from_utf8(head) {
        Ok(_) => (encoding_rs::UTF_8, 0),
        // a multi-byte character cut at the end of the sample is fine
        Err(e) if e.error_len().is_none() => (encoding_rs::UTF_8, 0),
        Err(_) => (encoding_rs::GB18030, 0),
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
    }
}
