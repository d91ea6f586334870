//! Decimal helpers: the one rounding rule, checked arithmetic, and display.
//!
//! Nothing is rounded inside a computation. Rounding happens only when a
//! figure is shown (or where an exchange rule prescribes it), always
//! half-up — 四舍五入, `RoundingStrategy::MidpointAwayFromZero` — never
//! `round_dp`'s default banker's rounding, which would turn 0.125 into 0.12.
//!
//! ```
//! use daxin::num::{round_half_up, group};
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! let x = Decimal::from_str("0.125").unwrap();
//! assert_eq!(round_half_up(x, 2).to_string(), "0.13");
//! assert_eq!(group(Decimal::from(297670), 2), "297,670.00");
//! ```

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Error, Result};

/// The rounding used for every displayed figure: half-up on the magnitude
/// (四舍五入), so −0.125 shows as −0.13.
pub const HALF_UP: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Decimal places for money amounts (yuan, HK dollars) on display.
pub const MONEY_DP: u32 = 2;
/// Decimal places for percentages on display.
pub const PCT_DP: u32 = 2;
/// Decimal places for prices on display (at least; see [`price_dp`]).
pub const PRICE_DP: u32 = 2;
/// Decimal places for valuation multiples (P/E, P/S) on display.
pub const RATIO_DP: u32 = 2;

/// Rounds half-up (away from zero at the midpoint) to `dp` places.
pub fn round_half_up(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, HALF_UP)
}

/// Rounds down (towards zero) to `dp` places: used for "crossed X" wording,
/// where the figure must not claim more than was reached.
pub fn round_down(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::ToZero)
}

/// The places to show a price with: 2, or 3 when the price itself has three
/// (Hong Kong quotes under HK$10 can).
pub fn price_dp(p: Decimal) -> u32 {
    p.normalize().scale().clamp(PRICE_DP, 3)
}

/// `a × b`, or an overflow error naming `what`.
pub fn mul(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(what))
}

/// `a + b`, or an overflow error naming `what`.
pub fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(what))
}

/// `a − b`, or an overflow error naming `what`.
pub fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(what))
}

/// `a ÷ b`, or an overflow error naming `what` (also for a zero divisor,
/// which validated inputs never give).
pub fn div(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_div(b).ok_or_else(|| Error::overflow(what))
}

/// Rounds half-up to `dp` places and prints with exactly `dp` decimals and
/// no grouping: `1234.5` → `"1234.50"`.
pub fn fixed(x: Decimal, dp: u32) -> String {
    let mut r = round_half_up(x, dp);
    r.rescale(dp);
    r.to_string()
}

/// Like [`fixed`] with thousands separators: `297670` → `"297,670.00"`.
pub fn group(x: Decimal, dp: u32) -> String {
    let s = fixed(x, dp);
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A large amount for a table cell: 亿 in Chinese (from 1亿), billions in
/// English (from 1 billion), else grouped with 2 decimals.
///
/// ```
/// use daxin::num::big;
/// use daxin::Lang;
/// use rust_decimal::Decimal;
/// assert_eq!(big(Decimal::from(332_042_990_000u64), Lang::Zh), "3,320.43亿");
/// assert_eq!(big(Decimal::from(332_042_990_000u64), Lang::En), "332.04 bn");
/// ```
pub fn big(x: Decimal, lang: crate::Lang) -> String {
    let yi = Decimal::from(100_000_000u64);
    let bn = Decimal::from(1_000_000_000u64);
    match lang {
        crate::Lang::Zh if x.abs() >= yi => format!("{}亿", group(x / yi, 2)),
        crate::Lang::En if x.abs() >= bn => format!("{} bn", group(x / bn, 2)),
        _ => group(x, MONEY_DP),
    }
}

/// A fraction shown in percent with `dp` places, half-up: `0.30099` →
/// `"30.0990%"` at 4 places.
///
/// ```
/// use daxin::num::percent;
/// use rust_decimal::Decimal;
/// assert_eq!(percent(Decimal::new(30099, 5), 4), "30.0990%");
/// ```
pub fn percent(fraction: Decimal, dp: u32) -> String {
    // a probability or a share: × 100 stays far inside a decimal
    format!(
        "{}%",
        fixed(fraction.saturating_mul(Decimal::ONE_HUNDRED), dp)
    )
}

/// Prints a decimal without trailing zeros: `300.0` → `"300"`, `305.50` → `"305.5"`.
pub fn trim(x: Decimal) -> String {
    x.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn half_up_not_bankers() {
        // Banker's rounding would give 0.12 and 2.34; 四舍五入 gives 0.13 and 2.35.
        assert_eq!(round_half_up(d("0.125"), 2), d("0.13"));
        assert_eq!(round_half_up(d("2.345"), 2), d("2.35"));
        assert_eq!(round_half_up(d("-0.125"), 2), d("-0.13"));
        assert_eq!(d("0.125").round_dp(2), d("0.12"), "round_dp is banker's");
    }

    #[test]
    fn grouping() {
        assert_eq!(group(d("297670"), 2), "297,670.00");
        assert_eq!(group(d("-1234567.891"), 2), "-1,234,567.89");
        assert_eq!(group(d("999"), 0), "999");
        assert_eq!(group(d("1000"), 0), "1,000");
        assert_eq!(fixed(d("700"), 2), "700.00");
    }

    #[test]
    fn price_places() {
        assert_eq!(price_dp(d("700")), 2);
        assert_eq!(price_dp(d("19.60")), 2);
        assert_eq!(price_dp(d("3.125")), 3);
        assert_eq!(price_dp(d("3.1250")), 3);
        assert_eq!(price_dp(Decimal::from_str("34.4607").unwrap()), 3);
    }

    #[test]
    fn checked_ops_report_overflow() {
        let e = mul(Decimal::MAX, d("2"), "market cap").unwrap_err();
        assert_eq!(e, Error::overflow("market cap"));
        assert!(div(d("1"), Decimal::ZERO, "gain").is_err());
    }
}
