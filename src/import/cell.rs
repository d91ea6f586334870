//! Reading one cell: numbers (a byte-level fast path for plain ASCII, the
//! general parser for full-width digits, separators, units and `%`), dates,
//! and the placeholders tables use for "unknown".

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::input;

/// The placeholders tables use for "unknown", checked on bytes first.
#[inline]
pub(super) fn is_placeholder_bytes(raw: &[u8]) -> bool {
    matches!(
        raw,
        b"" | b"-"
            | b"--"
            | b"nan"
            | b"NaN"
            | b"None"
            | b"null"
            | [0xE2, 0x80, 0x94]
            | [0xE2, 0x80, 0x94, 0xE2, 0x80, 0x94]
    )
}

/// A number cell times the header's unit: an ASCII decimal (`-12.345`) by
/// the fast path, else the general parser (full-width digits, separators,
/// units, `%`). `Ok(None)` for an empty or placeholder cell.
pub(super) fn cell_decimal(field: &str, raw: &[u8], mult: Decimal) -> Result<Option<Decimal>> {
    // plain numbers first: they are most cells
    if let Some(x) = ascii_decimal(raw) {
        return Ok(Some(if mult == Decimal::ONE { x } else { x * mult }));
    }
    if is_placeholder_bytes(raw) {
        return Ok(None);
    }
    let s = String::from_utf8_lossy(raw);
    if input::is_placeholder(&input::normalize(&s)) {
        return Ok(None);
    }
    let t = input::normalize(&s);
    let t = t.trim_end_matches('%');
    let x = input::parse_amount(field, t)?;
    Ok(Some(x.checked_mul(mult).ok_or_else(|| {
        Error::invalid(field, &s, crate::why!("too large", "太大"))
    })?))
}

/// Parses `[-]digits[.digits]` of at most 18 digits without allocating;
/// `None` for anything else.
///
/// ```
/// use daxin::import::ascii_decimal;
/// assert_eq!(ascii_decimal(b"-104.66").unwrap().to_string(), "-104.66");
/// assert_eq!(ascii_decimal(b"1,000"), None); // the general parser's work
/// ```
pub fn ascii_decimal(raw: &[u8]) -> Option<Decimal> {
    ascii_fixed(raw).map(|(m, scale)| Decimal::new(m, scale))
}

/// [`ascii_decimal`] as a mantissa and a scale.
#[inline]
pub(super) fn ascii_fixed(raw: &[u8]) -> Option<(i64, u32)> {
    let (neg, body) = match raw {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, raw),
    };
    if body.is_empty() || body.len() > 19 {
        return None;
    }
    // 19 digits at most here, which fit a u64; more than 18 are refused
    // below, so that the value fits an i64 with room
    let mut m: u64 = 0;
    let mut dot = None;
    for (k, &b) in body.iter().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d < 10 {
            m = m * 10 + u64::from(d);
        } else if b == b'.' && dot.is_none() {
            dot = Some(k);
        } else {
            return None;
        }
    }
    let scale = match dot {
        // `1.` is not a number; `.5` is
        Some(k) if k + 1 == body.len() => return None,
        Some(k) => body.len() - 1 - k,
        None => 0,
    };
    let digits = body.len() - usize::from(dot.is_some());
    if digits == 0 || digits > 18 {
        return None;
    }
    let m = i64::try_from(m).ok()?;
    Some((if neg { -m } else { m }, scale as u32))
}

/// A date cell: `2025-12-17` by the fast path, else every form
/// `input::parse_date` reads. `Ok(None)` for an empty or placeholder cell.
pub(super) fn cell_date(field: &str, raw: &[u8]) -> Result<Option<NaiveDate>> {
    if is_placeholder_bytes(raw) {
        return Ok(None);
    }
    if let Some(d) = iso_date(raw) {
        return Ok(Some(d));
    }
    let s = String::from_utf8_lossy(raw);
    if input::is_placeholder(&input::normalize(&s)) {
        return Ok(None);
    }
    input::parse_date(field, &s).map(Some)
}

/// True when UTF-8 bytes may hold a character `input::normalize` folds
/// (full-width forms U+FF00–U+FFEF, the ideographic space, the Unicode
/// minus and en dash); plain Chinese names do not.
/// `YYYY-MM-DD`, a real day within the dates daxin accepts; `None` for
/// anything else (which the general parser then reads or rejects).
#[inline]
pub(super) fn iso_date(raw: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *raw else {
        return None;
    };
    let mut n = [0u32; 8];
    for (slot, b) in n.iter_mut().zip([y0, y1, y2, y3, m0, m1, d0, d1]) {
        if !b.is_ascii_digit() {
            return None;
        }
        *slot = u32::from(b - b'0');
    }
    let y = n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3];
    let date = NaiveDate::from_ymd_opt(y as i32, n[4] * 10 + n[5], n[6] * 10 + n[7])?;
    (input::MIN_DATE..=input::MAX_DATE)
        .contains(&date)
        .then_some(date)
}

pub(super) fn may_need_folding(b: &[u8]) -> bool {
    b.windows(2).any(|w| {
        matches!(
            w,
            [0xEF, 0xBC] | [0xEF, 0xBD] | [0xE3, 0x80] | [0xE2, 0x88] | [0xE2, 0x80]
        )
    })
}

/// A cell without the ASCII white space around it.
#[inline]
pub(super) fn trim_bytes(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn fast_decimal_paths() {
        assert_eq!(ascii_decimal(b"104.66"), Some(d("104.66")));
        assert_eq!(ascii_decimal(b"-3"), Some(d("-3")));
        assert_eq!(ascii_decimal(b"1."), None);
        assert_eq!(ascii_decimal(b"1,000"), None);
        assert_eq!(ascii_decimal(b""), None);
        assert_eq!(ascii_decimal(b"9999999999999999999"), None); // 19 digits
        assert_eq!(
            ascii_decimal(b"999999999999999999"),
            Some(d("999999999999999999"))
        );
        assert_eq!(
            cell_decimal("f", "１０４．６６".as_bytes(), Decimal::ONE).unwrap(),
            Some(d("104.66"))
        );
        assert_eq!(
            cell_decimal("f", b"0.0335%", Decimal::ONE).unwrap(),
            Some(d("0.0335"))
        );
        assert_eq!(
            cell_decimal("f", "—".as_bytes(), Decimal::ONE).unwrap(),
            None
        );
        assert_eq!(cell_decimal("f", b"nan", Decimal::ONE).unwrap(), None);
        assert_eq!(
            cell_decimal("f", b"4010", d("10000")).unwrap(),
            Some(d("40100000"))
        );
    }
}
