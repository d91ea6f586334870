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

use super::{At, RowOut, SourceFormat};
use crate::num;
use crate::Lang;

/// The output columns of `daxin batch`: the row's identity, the headline
/// figures (at the first close, else the first-day average, else the latest
/// price), the same figures at the open and at the latest price when the
/// row has them, the published figures and the check.
pub const OUT_HEADER: [&str; 28] = [
    "line",
    "code",
    "name",
    "board",
    "listing_date",
    "issue_price",
    "lot_shares",
    "total_shares",
    "basis",
    "price",
    "profit_per_lot",
    "gain_pct",
    "market_value",
    "open_price",
    "open_profit_per_lot",
    "open_gain_pct",
    "open_market_value",
    "latest_price",
    "latest_profit_per_lot",
    "latest_gain_pct",
    "latest_market_value",
    "published_profit",
    "published_gain",
    "check",
    "error",
    "source_format",
    "status",
    "subscription_date",
    // `working`, with --explain
];

/// One output row as (column, text) pairs in [`OUT_HEADER`]'s order, `None`
/// for an empty cell: what the JSON and Markdown outputs print. The CSV
/// writer ([`csv_row`]) writes the same texts without building strings (a
/// test holds the two equal). The error is in `lang`.
pub fn cells(
    line: u64,
    source: SourceFormat,
    r: &RowOut,
    lang: Lang,
) -> Vec<(&'static str, Option<String>)> {
    let fixed = |x: Option<Decimal>| x.map(|v| num::fixed(v, 2));
    let plain = |x: Option<Decimal>| x.map(|v| v.normalize().to_string());
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let at = |a: Option<&At>| {
        [
            a.map(|a| num::fixed(a.price, 2)),
            a.map(|a| num::fixed(a.profit_per_lot, 2)),
            a.and_then(|a| fixed(a.gain_pct)),
            a.and_then(|a| fixed(a.market_value)),
        ]
    };
    let [hp, hpl, hg, hmv] = at(r.headline.as_ref());
    let [op, opl, og, omv] = at(r.open.as_ref());
    let [lp, lpl, lg, lmv] = at(r.latest.as_ref());
    let values = [
        Some(line.to_string()),
        text(&r.code),
        text(&r.name),
        r.board.map(|b| b.id().to_string()),
        r.listing_date.map(|d| d.to_string()),
        fixed(r.issue_price),
        r.lot_shares.map(|n| n.to_string()),
        r.total_shares.map(|n| n.to_string()),
        text(r.basis),
        hp,
        hpl,
        hg,
        hmv,
        op,
        opl,
        og,
        omv,
        lp,
        lpl,
        lg,
        lmv,
        plain(r.published_profit),
        plain(r.published_gain),
        text(&r.check),
        r.error.as_ref().map(|e| e.text(lang).to_string()),
        Some(source.id().to_string()),
        Some(r.status.id().to_string()),
        r.subscription_date.map(|d| d.to_string()),
    ];
    OUT_HEADER.into_iter().zip(values).collect()
}

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
/// (when `explain`) the working; the error in `lang`.
pub fn csv_row(
    out: &mut Vec<u8>,
    line: u64,
    source: SourceFormat,
    r: &RowOut,
    explain: bool,
    lang: Lang,
) {
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
    for n in [r.lot_shares, r.total_shares] {
        if let Some(n) = n {
            push_u64(out, n);
        }
        out.push(b',');
    }
    out.extend_from_slice(r.basis.as_bytes());
    out.push(b',');
    push_at(out, r.headline.as_ref());
    push_at(out, r.open.as_ref());
    push_at(out, r.latest.as_ref());
    push_opt(out, r.published_profit, None);
    push_opt(out, r.published_gain, None);
    push_text(out, &r.check);
    push_text(out, r.error.as_ref().map_or("", |e| e.text(lang)));
    out.extend_from_slice(source.id().as_bytes());
    out.push(b',');
    out.extend_from_slice(r.status.id().as_bytes());
    out.push(b',');
    if let Some(d) = r.subscription_date {
        push_date(out, d);
    }
    if explain {
        out.push(b',');
        push_text(out, &super::working(r, lang));
        out.pop(); // push_text ends with a delimiter
    }
    out.push(b'\n');
}

/// The four figures at one price (empty cells when there is none).
pub(super) fn push_at(out: &mut Vec<u8>, at: Option<&At>) {
    match at {
        Some(a) => {
            push_fixed(out, a.price, 2);
            out.push(b',');
            push_fixed(out, a.profit_per_lot, 2);
            out.push(b',');
            push_opt(out, a.gain_pct, Some(2));
            push_opt(out, a.market_value, Some(2));
        }
        None => out.extend_from_slice(b",,,,"),
    }
}

/// Appends a text field and its delimiter, quoted when it must be.
pub fn push_text(out: &mut Vec<u8>, s: &str) {
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

/// Writes `n` into the end of `buf`, two digits at a time, zero-padded to
/// fill it; returns where the digits start (0 when `buf` is just long
/// enough, as the callers make it).
#[inline]
fn digits(buf: &mut [u8], mut n: u64) -> usize {
    let mut i = buf.len();
    while n >= 100 && i >= 2 {
        let p = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    }
    if n >= 10 && i >= 2 {
        let p = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    } else if i >= 1 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
    }
    while i > 0 {
        i -= 1;
        buf[i] = b'0';
    }
    i
}

/// Appends `n` in decimal.
#[inline]
pub fn push_u64(out: &mut Vec<u8>, n: u64) {
    push_scaled(out, false, n, 0);
}

pub(super) fn push_date(out: &mut Vec<u8>, d: chrono::NaiveDate) {
    use chrono::Datelike;
    let mut year = [0u8; 4];
    // year 0..=9999 by the input's date range; month and day two digits
    digits(&mut year, u64::from(d.year().clamp(0, 9999) as u32));
    out.extend_from_slice(&year);
    for part in [d.month(), d.day()] {
        out.push(b'-');
        let p = part as usize * 2;
        out.extend_from_slice(&PAIRS[p..p + 2]);
    }
}

/// Appends `x` rounded half-up to `dp` places.
#[inline]
pub fn push_fixed(out: &mut Vec<u8>, x: Decimal, dp: u32) {
    // round only when there are more places than wanted
    let r = if x.scale() > dp {
        num::round_half_up(x, dp)
    } else {
        x
    };
    // the magnitude at exactly `dp` places in 64 bits; wider values (never
    // a real price or amount) go through the general decimal formatter
    let m = r.mantissa();
    let n = u64::try_from(m.unsigned_abs()).ok().and_then(|v| {
        10u64
            .checked_pow(dp.checked_sub(r.scale())?)?
            .checked_mul(v)
    });
    match n {
        Some(n) if dp <= 18 => push_scaled(out, m < 0, n, dp),
        _ => out.extend_from_slice(num::fixed(r, dp).as_bytes()),
    }
}

/// Appends `n`·10⁻ᵈᵖ (negative when `neg`, unless it is zero), all `dp`
/// places shown (`dp` ≤ 18): the digits laid out right to left in a stack
/// buffer, two at a time, and copied out once.
#[inline]
pub(super) fn push_scaled(out: &mut Vec<u8>, neg: bool, n: u64, dp: u32) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    let mut rest = n;
    if dp == 2 {
        // the common case, with constant divisors
        let p = (rest % 100) as usize * 2;
        rest /= 100;
        buf[38] = PAIRS[p];
        buf[39] = PAIRS[p + 1];
        buf[37] = b'.';
        i = 37;
    } else if dp > 0 {
        for _ in 0..dp.min(18) {
            i -= 1;
            buf[i] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        i -= 1;
        buf[i] = b'.';
    }
    // at most 20 integer digits and a sign: i stays above zero
    while rest >= 100 {
        let p = (rest % 100) as usize * 2;
        rest /= 100;
        i -= 2;
        buf[i] = PAIRS[p];
        buf[i + 1] = PAIRS[p + 1];
    }
    if rest >= 10 {
        let p = rest as usize * 2;
        i -= 2;
        buf[i] = PAIRS[p];
        buf[i + 1] = PAIRS[p + 1];
    } else {
        i -= 1;
        buf[i] = b'0' + rest as u8;
    }
    if neg && n != 0 {
        i -= 1;
        buf[i] = b'-';
    }
    out.extend_from_slice(&buf[i..]);
}

/// Appends `m`·10⁻ˢ with trailing zeros dropped, by integers.
#[inline]
pub(super) fn push_plain_parts(out: &mut Vec<u8>, m: i64, scale: u32) {
    let (mut mag, mut s) = (m.unsigned_abs(), scale);
    while s > 0 && mag % 10 == 0 {
        mag /= 10;
        s -= 1;
    }
    if s <= 18 {
        push_scaled(out, m < 0, mag, s);
    } else {
        // more places than the digit loop writes: the general formatter
        let n = Decimal::new(m, scale.min(28)).normalize();
        out.extend_from_slice(num::fixed(n, n.scale()).as_bytes());
    }
}

/// Appends `x` at its own scale with trailing zeros dropped: `362620.00` →
/// `362620`, `0.03348913` → `0.03348913`.
#[inline]
pub fn push_plain(out: &mut Vec<u8>, x: Decimal) {
    match i64::try_from(x.mantissa()) {
        Ok(m) => push_plain_parts(out, m, x.scale()),
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

    /// The CSV writer and `cells` give the same texts, cell for cell.
    #[test]
    fn csv_row_writes_the_cells() {
        let d = |x: &str| Decimal::from_str_exact(x).unwrap();
        let at = At {
            price: d("650"),
            profit_per_lot: d("267860"),
            gain_pct: Some(d("468.78")),
            market_value: Some(d("305500000000.5")),
        };
        let r = RowOut {
            code: "688795".into(),
            name: "摩尔线程, \"A\"".into(),
            board: Some(crate::Board::Star),
            listing_date: Some(crate::input::ymd(2025, 12, 5)),
            issue_price: Some(d("114.28")),
            lot_shares: Some(500),
            total_shares: Some(470_000_000),
            basis: "close",
            headline: Some(At {
                price: d("600.5"),
                profit_per_lot: d("243110"),
                gain_pct: Some(d("425.46")),
                market_value: None,
            }),
            open: Some(at),
            latest: None,
            published_profit: Some(d("243110.00")),
            published_gain: None,
            check: "ok".into(),
            error: None,
            status: super::super::Status::Ambiguous,
            subscription_date: Some(crate::input::ymd(2025, 11, 24)),
        };
        let mut out = Vec::new();
        csv_row(&mut out, 9, SourceFormat::EmXgsglb, &r, false, Lang::Zh);
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_slice());
        let rec = rd.records().next().unwrap().unwrap();
        let want = cells(9, SourceFormat::EmXgsglb, &r, Lang::Zh);
        assert_eq!(rec.len(), OUT_HEADER.len());
        for (got, (col, want)) in rec.iter().zip(want) {
            assert_eq!(got, want.unwrap_or_default(), "{col}");
        }
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
