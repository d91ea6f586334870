//! Writing recomputed rows as CSV bytes, without I/O: rows are appended to a
//! `Vec<u8>` the caller flushes. Numbers never need quoting; text is quoted
//! only when it holds a delimiter, quote or line break.
//!
//! Decimals are written by hand rather than through `Display`: the batch
//! writes five per row, and the formatter's generic machinery cost more
//! than the rest of the row's work. The digits are the same as
//! [`num::fixed`] gives (a property test holds the two equal).
//!
//! ```
//! use daxin::import::write::push_fixed;
//! use rust_decimal::Decimal;
//! let mut out = Vec::new();
//! push_fixed(&mut out, Decimal::new(-125, 3), 2); // −0.125, half-up
//! assert_eq!(out, b"-0.13");
//! ```

use rust_decimal::Decimal;

use super::{RowOut, SourceFormat};
use crate::num;

/// The output columns of `daxin batch`.
pub const OUT_HEADER: [&str; 16] = [
    "line",
    "code",
    "name",
    "board",
    "listing_date",
    "issue_price",
    "lot_shares",
    "basis",
    "price",
    "profit_per_lot",
    "gain_pct",
    "published_profit",
    "published_gain",
    "check",
    "error",
    "source_format",
];

/// Appends the header line (with a `working` column when `explain`).
pub fn csv_header(out: &mut Vec<u8>, explain: bool) {
    for (i, h) in OUT_HEADER.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(h.as_bytes());
    }
    if explain {
        out.extend_from_slice(b",working");
    }
    out.push(b'\n');
}

/// Appends one row: the input's line number, the recomputed figures, and
/// (when `explain`) the working.
pub fn csv_row(out: &mut Vec<u8>, line: u64, source: SourceFormat, r: &RowOut, explain: bool) {
    push_u64(out, line);
    out.push(b',');
    push_text(out, &r.code);
    push_text(out, &r.name);
    out.extend_from_slice(r.board.map_or("", |b| b.id()).as_bytes());
    out.push(b',');
    if let Some(d) = r.listing_date {
        push_date(out, d);
    }
    out.push(b',');
    push_opt(out, r.issue_price, Some(2));
    if let Some(l) = r.lot_shares {
        push_u64(out, l);
    }
    out.push(b',');
    out.extend_from_slice(r.basis.as_bytes());
    out.push(b',');
    push_opt(out, r.price, Some(2));
    push_opt(out, r.profit_per_lot, Some(2));
    push_opt(out, r.gain_pct, Some(2));
    push_opt(out, r.published_profit, None);
    push_opt(out, r.published_gain, None);
    push_text(out, &r.check);
    push_text(out, r.error.as_deref().unwrap_or(""));
    out.extend_from_slice(source.id().as_bytes());
    if explain {
        out.push(b',');
        push_text(out, &super::working(r));
        out.pop(); // push_text ends with a delimiter
    }
    out.push(b'\n');
}

/// A text field and its delimiter, quoted when it must be.
fn push_text(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
        out.push(b'"');
        for &c in b {
            if c == b'"' {
                out.push(b'"');
            }
            out.push(c);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(b);
    }
    out.push(b',');
}

/// A decimal (or nothing) and its delimiter: at `dp` places, or as
/// published (trailing zeros dropped) when `dp` is `None`.
fn push_opt(out: &mut Vec<u8>, x: Option<Decimal>, dp: Option<u32>) {
    if let Some(v) = x {
        match dp {
            Some(dp) => push_fixed(out, v, dp),
            None => push_plain(out, v),
        }
    }
    out.push(b',');
}

/// "00" to "99".
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes `n` into the end of `buf`, two digits at a time; returns where
/// the digits start. At least `min` digits (zero-padded).
fn digits(buf: &mut [u8; 24], mut n: u64, min: usize) -> usize {
    let mut i = buf.len();
    while n >= 100 {
        let p = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    }
    if n >= 10 {
        let p = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    while buf.len() - i < min {
        i -= 1;
        buf[i] = b'0';
    }
    i
}

/// Appends `n` in decimal.
pub fn push_u64(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 24];
    let i = digits(&mut buf, n, 1);
    out.extend_from_slice(&buf[i..]);
}

fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let mut buf = [0u8; 24];
    // year 0..=9999 by the input's date range; month and day two digits
    let i = digits(&mut buf, u64::from(d.year().clamp(0, 9999) as u32), 4);
    out.extend_from_slice(&buf[i..]);
    for part in [d.month(), d.day()] {
        out.push(b'-');
        let p = part as usize * 2;
        out.extend_from_slice(&PAIRS[p..p + 2]);
    }
}

/// Appends `x` rounded half-up to `dp` places.
pub fn push_fixed(out: &mut Vec<u8>, x: Decimal, dp: u32) {
    if dp > 18 {
        out.extend_from_slice(num::fixed(x, dp).as_bytes());
        return;
    }
    // round only when there are more places than wanted
    let r = if x.scale() > dp {
        num::round_half_up(x, dp)
    } else {
        x
    };
    let m = r.mantissa();
    // the magnitude at exactly `dp` places in 64 bits; wider values (never
    // a real price or amount) go through the general decimal formatter
    let Some(n) = u64::try_from(m.unsigned_abs())
        .ok()
        .and_then(|v| 10u64.checked_pow(dp - r.scale())?.checked_mul(v))
    else {
        out.extend_from_slice(num::fixed(r, dp).as_bytes());
        return;
    };
    if m < 0 && n != 0 {
        out.push(b'-');
    }
    let mut buf = [0u8; 24];
    if dp == 0 {
        let i = digits(&mut buf, n, 1);
        out.extend_from_slice(&buf[i..]);
        return;
    }
    let unit = 10u64.pow(dp);
    let i = digits(&mut buf, n / unit, 1);
    out.extend_from_slice(&buf[i..]);
    out.push(b'.');
    let i = digits(&mut buf, n % unit, dp as usize);
    out.extend_from_slice(&buf[i..]);
}

/// Appends `x` at its own scale with trailing zeros dropped: `362620.00` →
/// `362620`, `0.03348913` → `0.03348913`.
pub fn push_plain(out: &mut Vec<u8>, x: Decimal) {
    let (mut m, mut s) = (x.mantissa(), x.scale());
    while s > 0 && m % 10 == 0 {
        m /= 10;
        s -= 1;
    }
    match i64::try_from(m) {
        Ok(m) => push_fixed(out, Decimal::new(m, s), s),
        Err(_) => {
            let n = x.normalize();
            push_fixed(out, n, n.scale())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(x: &str, dp: u32) -> String {
        let mut out = Vec::new();
        push_fixed(&mut out, Decimal::from_str_exact(x).unwrap(), dp);
        String::from_utf8(out).unwrap()
    }

    fn plain(x: &str) -> String {
        let mut out = Vec::new();
        push_plain(&mut out, Decimal::from_str_exact(x).unwrap());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fixed_half_up() {
        assert_eq!(fixed("362620", 2), "362620.00");
        assert_eq!(fixed("-0.125", 2), "-0.13");
        assert_eq!(fixed("-0.004", 2), "0.00");
        assert_eq!(fixed("0.004", 2), "0.00");
        assert_eq!(fixed("7", 0), "7");
        assert_eq!(fixed("829.9", 2), "829.90");
        assert_eq!(fixed("0.05", 4), "0.0500");
    }

    #[test]
    fn plain_drops_trailing_zeros() {
        assert_eq!(plain("362620.00"), "362620");
        assert_eq!(plain("0.03348913"), "0.03348913");
        assert_eq!(plain("692.950"), "692.95");
        assert_eq!(plain("-5"), "-5");
        assert_eq!(plain("0.0"), "0");
    }

    #[test]
    fn text_is_quoted_only_when_it_must_be() {
        let mut out = Vec::new();
        push_text(&mut out, "沐曦股份");
        push_text(&mut out, "a,b");
        push_text(&mut out, "say \"x\"");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "沐曦股份,\"a,b\",\"say \"\"x\"\"\","
        );
    }

    #[test]
    fn dates_and_integers() {
        let mut out = Vec::new();
        push_date(&mut out, crate::input::ymd(2025, 12, 7));
        out.push(b' ');
        push_u64(&mut out, 0);
        out.push(b' ');
        push_u64(&mut out, u64::MAX);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "2025-12-07 0 18446744073709551615"
        );
    }
}
