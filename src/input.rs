//! The edge: raw text from flags and files becomes validated domain values
//! (prices, share counts, dates, percentages) here, once. The rest of the
//! library only sees values that passed.
//!
//! Accepted: ASCII or full-width digits (`１０４．６６`), thousands separators
//! in the right places (`400,100,000`), the units 万, 亿 and 万亿 on amounts
//! (`4.001亿`), `%` on percentages, dates as `2025-12-17`, `2025/12/17`,
//! `20251217`, `2025年12月17日` (a time part is ignored). Refused, with the
//! field and the value named: placeholders for unknown values (`-`, `—`,
//! `--`, `nan`, empty), negatives, zero where zero makes no sense, numbers
//! with more digits than a decimal can hold exactly, floats in exponent form.
//!
//! ```
//! use daxin::input::{parse_price, parse_shares};
//! assert_eq!(parse_price("--open", "７００").unwrap().get().to_string(), "700");
//! assert_eq!(parse_shares("--shares", "4.001亿").unwrap().get(), 400_100_000);
//! let err = parse_price("--close", "—").unwrap_err();
//! assert!(err.to_string().starts_with("--close:"));
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, Why};

/// Largest price accepted (per share), far above any real quote.
pub const MAX_PRICE: u64 = 100_000_000;
/// Largest share count accepted, far above any listed company's.
pub const MAX_SHARES: u64 = 10_000_000_000_000;
/// Largest fixed fee accepted (a minimum commission, a handling fee), far
/// above any broker's; it keeps sums of fees and amounts within a decimal.
pub const MAX_FEE: u64 = 1_000_000_000;
/// Earliest date accepted anywhere (before any board in the tables).
pub const MIN_DATE: NaiveDate = ymd(1986, 1, 1);
/// Latest date accepted.
pub const MAX_DATE: NaiveDate = ymd(2100, 12, 31);

/// A `NaiveDate` from a literal, checked when the program is compiled.
pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid date literal"),
    }
}

/// A price per share: positive, below [`MAX_PRICE`], held exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Price(Decimal);

impl Price {
    /// Validates a decimal as a price; `field` names it in the error.
    pub fn new(field: &str, value: Decimal) -> Result<Price> {
        // by the mantissa: a decimal's comparison rescales, and prices are
        // checked once per row of a batch
        let m = value.mantissa();
        let max = i128::from(MAX_PRICE).checked_mul(10i128.pow(value.scale()));
        if m > 0 && max.is_some_and(|max| m <= max) {
            return Ok(Price(value));
        }
        if value <= Decimal::ZERO {
            return Err(Error::invalid(
                field,
                &value.to_string(),
                crate::why!("a price must be greater than zero", "价格必须大于零"),
            ));
        }
        if value > Decimal::from(MAX_PRICE) {
            return Err(Error::invalid(
                field,
                &value.to_string(),
                crate::why!(
                    "a price must be at most {MAX_PRICE}",
                    "价格不得超过 {MAX_PRICE}"
                ),
            ));
        }
        Ok(Price(value))
    }

    /// The price as a decimal.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl<'de> Deserialize<'de> for Price {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_price("price", &s).map_err(serde::de::Error::custom)
    }
}

/// A count of shares: a whole number, at least 1, at most [`MAX_SHARES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Shares(u64);

impl Shares {
    /// Validates a share count; `field` names it in the error.
    pub fn new(field: &str, n: u64) -> Result<Shares> {
        if n == 0 {
            return Err(Error::invalid(
                field,
                "0",
                crate::why!("must be at least 1 share", "至少为 1 股"),
            ));
        }
        if n > MAX_SHARES {
            return Err(Error::invalid(
                field,
                &n.to_string(),
                crate::why!("must be at most {MAX_SHARES}", "不得超过 {MAX_SHARES}"),
            ));
        }
        Ok(Shares(n))
    }

    /// The count.
    pub fn get(self) -> u64 {
        self.0
    }

    /// The count as a decimal, for arithmetic.
    pub fn dec(self) -> Decimal {
        Decimal::from(self.0)
    }
}

/// Replaces full-width digits and punctuation with ASCII, and the Unicode
/// minus with `-`; trims white space (including the ideographic space).
pub fn normalize(raw: &str) -> String {
    raw.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '，' => ',',
            '－' | '−' | '–' => '-',
            '＋' => '+',
            '％' => '%',
            '／' => '/',
            '　' => ' ',
            other => other,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// True for the marks tables use for "unknown": empty, `-`, `--`, `—`, `——`,
/// `nan`, `N/A`, `null`, `None`.
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t.chars().all(|c| matches!(c, '-' | '—' | '－' | '–'))
        || ["nan", "n/a", "na", "null", "none"]
            .iter()
            .any(|p| t.eq_ignore_ascii_case(p))
}

fn strip_grouping<'a>(field: &str, raw: &str, s: &'a str) -> Result<std::borrow::Cow<'a, str>> {
    if !s.contains(',') {
        return Ok(std::borrow::Cow::Borrowed(s));
    }
    let body = s.trim_start_matches(['-', '+']);
    let int = body.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    let ok = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "thousands separators must split the whole part into groups of three digits",
                "千位分隔符须把整数部分按三位一组分开"
            ),
        ));
    }
    Ok(std::borrow::Cow::Owned(s.replace(',', "")))
}

/// `1e5`, `-2.5E-3`: a number in exponent notation (a word with an `e`,
/// such as `hello`, is not one).
fn is_exponent_notation(s: &str) -> bool {
    let Some((mantissa, exp)) = s.split_once(['e', 'E']) else {
        return false;
    };
    let mantissa = mantissa.trim_start_matches(['+', '-']);
    let exp = exp.trim_start_matches(['+', '-']);
    mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// Parses a decimal exactly. See the module docs for what is accepted.
pub fn parse_decimal(field: &str, raw: &str) -> Result<Decimal> {
    let s = normalize(raw);
    if is_placeholder(&s) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("a placeholder for an unknown value, not a number; give the number or leave the field out", "这是表示未知值的占位符，不是数字；请给出数字，或不填这一项"),
        ));
    }
    if is_exponent_notation(&s) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "exponent notation is not accepted; write the number out",
                "不接受科学计数法；请写出完整数字"
            ),
        ));
    }
    let s = strip_grouping(field, raw, &s)?;
    let s = s.strip_prefix('+').unwrap_or(&s);
    // a number: an optional leading minus, digits, at most one point
    let body = s.strip_prefix('-').unwrap_or(s);
    let well_formed = body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1;
    if !well_formed {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("not a number", "不是数字"),
        ));
    }
    Decimal::from_str_exact(s).map_err(|e| {
        let why = match e {
            rust_decimal::Error::Underflow => crate::why!(
                "more decimal places than can be held exactly",
                "小数位数太多，无法精确表示"
            ),
            // a well-formed number that does not fit: rust_decimal reports
            // too many digits as an error string
            _ => crate::why!(
                "too large: more digits than a decimal holds (at most 28)",
                "太大：位数超过十进制数可容纳的范围（最多 28 位）"
            ),
        };
        Error::invalid(field, raw, why)
    })
}

/// Splits a trailing 万 / 亿 / 万亿 unit (and a trailing 元, 股, 港元 or
/// HK$ prefix) off an amount; returns the number text and the multiplier.
fn split_unit(s: &str) -> (&str, Decimal) {
    let mut t = s.trim();
    for suffix in [
        "港元", "港幣", "港币", "元", "圓", "股", "HKD", "CNY", " yuan", " shares",
    ] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end();
            break;
        }
    }
    for prefix in ["HK$", "¥", "￥"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start();
            break;
        }
    }
    for (word, mult) in [
        (" billion", 1_000_000_000u64),
        ("bn", 1_000_000_000),
        (" million", 1_000_000),
    ] {
        if let Some(rest) = t.strip_suffix(word) {
            return (rest.trim_end(), Decimal::from(mult));
        }
    }
    // simplified and traditional: 万亿/萬億, 亿/億, 万/萬
    if let Some(rest) = t.strip_suffix("万亿").or_else(|| t.strip_suffix("萬億")) {
        (rest.trim_end(), Decimal::from(1_000_000_000_000u64))
    } else if let Some(rest) = t.strip_suffix(['亿', '億']) {
        (rest.trim_end(), Decimal::from(100_000_000u64))
    } else if let Some(rest) = t.strip_suffix(['万', '萬']) {
        (rest.trim_end(), Decimal::from(10_000u64))
    } else {
        (t, Decimal::ONE)
    }
}

/// Parses an amount that may carry a Chinese unit: `6.2亿`, `29.77万元`,
/// `HK$3,220`, `1,234.5`. The result is in base units (yuan, shares).
pub fn parse_amount(field: &str, raw: &str) -> Result<Decimal> {
    let s = normalize(raw);
    if is_placeholder(&s) {
        return parse_decimal(field, raw);
    }
    let (num, mult) = split_unit(&s);
    let x = parse_decimal(field, num).map_err(|e| match e {
        Error::Invalid { reason, .. } => Error::invalid(field, raw, reason),
        other => other,
    })?;
    x.checked_mul(mult).ok_or_else(|| {
        Error::invalid(
            field,
            raw,
            crate::why!("too large to hold exactly", "太大，无法精确表示"),
        )
    })
}

/// Parses a fixed fee (a minimum commission, a handling fee): an amount
/// from 0 to [`MAX_FEE`].
///
/// ```
/// use daxin::input::parse_fee;
/// assert_eq!(parse_fee("--handling-fee", "100").unwrap().to_string(), "100");
/// assert!(parse_fee("--handling-fee", "-1").unwrap_err().to_string().contains("negative"));
/// assert!(parse_fee("--min-commission", "1e30").is_err());
/// assert!(parse_fee("--min-commission", "2000000000").unwrap_err().to_string().contains("1,000,000,000"));
/// ```
pub fn parse_fee(field: &str, raw: &str) -> Result<Decimal> {
    let x = parse_amount(field, raw)?;
    if x < Decimal::ZERO {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("a fee cannot be negative", "费用不能为负"),
        ));
    }
    if x > Decimal::from(MAX_FEE) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "above the largest fee accepted, 1,000,000,000",
                "超过可接受的最大费用 1,000,000,000"
            ),
        ));
    }
    Ok(x)
}

/// Parses a price per share (see [`Price`]).
pub fn parse_price(field: &str, raw: &str) -> Result<Price> {
    let x = parse_decimal(field, raw)?;
    Price::new(field, x).map_err(|e| match e {
        Error::Invalid { reason, .. } => Error::invalid(field, raw, reason),
        other => other,
    })
}

/// Parses a whole, positive count of shares; 万 and 亿 units are accepted
/// when the result is whole (`4.001亿` = 400,100,000).
pub fn parse_shares(field: &str, raw: &str) -> Result<Shares> {
    let x = parse_amount(field, raw)?;
    if x <= Decimal::ZERO {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("must be at least 1 share", "至少为 1 股"),
        ));
    }
    if !x.fract().is_zero() {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("a share count must be a whole number", "股数须为整数"),
        ));
    }
    let n = u64::try_from(x).map_err(|_| {
        Error::invalid(
            field,
            raw,
            crate::why!("must be at most {MAX_SHARES}", "不得超过 {MAX_SHARES}"),
        )
    })?;
    Shares::new(field, n).map_err(|e| match e {
        Error::Invalid { reason, .. } => Error::invalid(field, raw, reason),
        other => other,
    })
}

/// Parses a positive amount of money in yuan or HK dollars (units allowed).
pub fn parse_money(field: &str, raw: &str) -> Result<Decimal> {
    let x = parse_amount(field, raw)?;
    if x <= Decimal::ZERO {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("must be greater than zero", "必须大于零"),
        ));
    }
    Ok(x)
}

/// Parses a percentage as the sources print it, with or without `%`:
/// `0.03348913%` and `0.03348913` both mean 0.03348913 percent. Must lie in
/// 0..=100.
pub fn parse_percent(field: &str, raw: &str) -> Result<Decimal> {
    let s = normalize(raw);
    let body = s.strip_suffix('%').unwrap_or(&s);
    let x = parse_decimal(field, body).map_err(|e| match e {
        Error::Invalid { reason, .. } => Error::invalid(field, raw, reason),
        other => other,
    })?;
    if x < Decimal::ZERO || x > Decimal::ONE_HUNDRED {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "a percentage must be between 0 and 100",
                "百分比须在 0 到 100 之间"
            ),
        ));
    }
    Ok(x)
}

/// A rate: a fraction between 0 and 1, read from text that names its unit.
///
/// Rates are written with their unit, everywhere a user types one (flags,
/// `daxin.toml`): `0.025%`, `0.25‰`, `2.5‱`, or the brokers' `万2.5`
/// (2.5 per ten thousand; also `万分之2.5`, `千分之1`). A bare number is
/// refused: `0.025` could mean 2.5 % or 0.025 %, and a calculator that is
/// exact to the fen does not guess.
///
/// ```
/// use daxin::input::parse_rate;
/// let r = parse_rate("--commission", "万2.5").unwrap();
/// assert_eq!(r.fraction().to_string(), "0.00025");
/// assert_eq!(r.pct().to_string(), "0.025");
/// assert_eq!(parse_rate("--commission", "0.25‰").unwrap(), r);
/// let e = parse_rate("--commission", "0.025").unwrap_err().to_string();
/// assert!(e.contains("0.025%") && e.contains("万2.5"), "{e}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Rate(Decimal);

impl Rate {
    /// The rate as a fraction (0.00025 for 0.025 %).
    pub fn fraction(self) -> Decimal {
        self.0
    }

    /// The rate in percent (0.025 for 0.025 %).
    pub fn pct(self) -> Decimal {
        // a fraction ≤ 1 with at most 28 digits: × 100 cannot overflow
        (self.0 * Decimal::ONE_HUNDRED).normalize()
    }
}

/// The spellings a rate may take, for error messages.
pub const RATE_SPELLINGS: &str = "0.025%, 0.25‰ or 万2.5";

/// [`RATE_SPELLINGS`] in Chinese.
pub const RATE_SPELLINGS_ZH: &str = "0.025%、0.25‰ 或 万2.5";

/// Parses a rate written with its unit (see [`Rate`]).
pub fn parse_rate(field: &str, raw: &str) -> Result<Rate> {
    let s = normalize(raw);
    let (body, per): (&str, u64) = if let Some(b) = s.strip_suffix('%') {
        (b, 100)
    } else if let Some(b) = s.strip_suffix('‰') {
        (b, 1000)
    } else if let Some(b) = s.strip_suffix('‱') {
        (b, 10_000)
    } else if let Some(b) = s.strip_prefix("万分之").or_else(|| s.strip_prefix('万')) {
        (b, 10_000)
    } else if let Some(b) = s.strip_prefix("千分之") {
        (b, 1000)
    } else if let Some(b) = s.strip_prefix("百分之") {
        (b, 100)
    } else {
        if is_placeholder(&s) {
            return Err(Error::invalid(
                field,
                raw,
                crate::why!("a placeholder, not a rate", "这是占位符，不是费率"),
            ));
        }
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "a rate needs its unit: write {RATE_SPELLINGS}",
                "费率须带单位：请写作 {RATE_SPELLINGS_ZH}"
            ),
        ));
    };
    let x = parse_decimal(field, body.trim()).map_err(|e| match e {
        Error::Invalid { reason, .. } => Error::invalid(field, raw, reason),
        other => other,
    })?;
    if x < Decimal::ZERO {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("a rate cannot be negative", "费率不能为负"),
        ));
    }
    let f = x / Decimal::from(per);
    if f > Decimal::ONE {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!("a rate above 100% is not a rate", "超过 100% 的不是费率"),
        ));
    }
    Ok(Rate(f.normalize()))
}

/// An optional flag through its parser: `None` (the flag not given) stays
/// `None`; a value given must parse.
///
/// ```
/// use daxin::input::{opt, parse_price};
/// assert_eq!(opt("--open", None, parse_price).unwrap(), None);
/// let p = opt("--open", Some("700"), parse_price).unwrap().unwrap();
/// assert_eq!(p.get().to_string(), "700");
/// assert!(opt("--open", Some("—"), parse_price).is_err());
/// ```
pub fn opt<T>(
    field: &str,
    raw: Option<&str>,
    parse: impl Fn(&str, &str) -> Result<T>,
) -> Result<Option<T>> {
    raw.map(|r| parse(field, r)).transpose()
}

/// Parses a whole number within `range`; anything else (a fraction, a
/// number out of range) is refused with `reason`.
///
/// ```
/// use daxin::input::parse_whole;
/// let why = || daxin::why!("a trading day from 1", "从 1 起的交易日");
/// assert_eq!(parse_whole("--day", "６", 1..=250, why()).unwrap(), 6);
/// let e = parse_whole("--day", "0", 1..=250, why()).unwrap_err();
/// assert_eq!(e.to_string(), "--day: a trading day from 1 (got \"0\")");
/// assert_eq!(e.text(daxin::Lang::Zh), "--day：从 1 起的交易日（输入为 \"0\"）");
/// assert!(parse_whole("--day", "1.5", 1..=250, why()).is_err());
/// ```
pub fn parse_whole(
    field: &str,
    raw: &str,
    range: std::ops::RangeInclusive<u64>,
    reason: Why,
) -> Result<u64> {
    let x = parse_decimal(field, raw)?;
    u64::try_from(x)
        .ok()
        .filter(|n| range.contains(n) && x.fract().is_zero())
        .ok_or_else(|| Error::invalid(field, raw, reason))
}

/// Parses a run of digits as typed (full-width digits and `,` allowed),
/// with its width when it has leading zeros (a 配号 such as `000123` keeps
/// its six places; `0` elsewhere).
///
/// ```
/// use daxin::input::parse_digits;
/// assert_eq!(parse_digits("--start", "000123").unwrap(), (123, 6));
/// assert_eq!(parse_digits("--start", "１００,０１２").unwrap(), (100_012, 0));
/// assert!(parse_digits("--start", "12a").is_err());
/// ```
pub fn parse_digits(field: &str, raw: &str) -> Result<(u64, usize)> {
    let s = normalize(raw).replace(',', "");
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "a whole number of digits, such as 100012345678",
                "须为一串数字，例如 100012345678"
            ),
        ));
    }
    let n: u64 = s.parse().map_err(|_| {
        Error::invalid(
            field,
            raw,
            crate::why!(
                "too large; numbers run to 20 digits at most",
                "太大；配号最多 20 位"
            ),
        )
    })?;
    let width = if s.starts_with('0') && s.len() > 1 {
        s.len()
    } else {
        0
    };
    Ok((n, width))
}

/// Parses a date: `2025-12-17`, `2025/12/17`, `2025.12.17`, `20251217`,
/// `2025年12月17日`; a trailing time part (`2025-12-17 00:00:00`,
/// `2025-12-17T09:30`) is ignored. Must lie between 1986 and 2100.
pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate> {
    let s = normalize(raw);
    if is_placeholder(&s) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "a placeholder for an unknown date, not a date",
                "这是表示未知日期的占位符，不是日期"
            ),
        ));
    }
    let day = s.split(['T', ' ']).next().unwrap_or("");
    let cjk = day.replace(['年', '月'], "-").replace('日', "");
    let parsed = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&cjk, f).ok());
    let Some(date) = parsed.filter(|_| cjk.len() >= 8) else {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "not a date; write it as 2025-12-17",
                "不是日期；请写作 2025-12-17"
            ),
        ));
    };
    if !(MIN_DATE..=MAX_DATE).contains(&date) {
        return Err(Error::invalid(
            field,
            raw,
            crate::why!(
                "out of range: dates run from {MIN_DATE} to {MAX_DATE}",
                "超出范围：日期须在 {MIN_DATE} 到 {MAX_DATE} 之间"
            ),
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn full_width_and_grouping() {
        assert_eq!(parse_decimal("f", "１０４．６６").unwrap(), dec("104.66"));
        assert_eq!(parse_decimal("f", "400,100,000").unwrap(), dec("400100000"));
        assert_eq!(
            parse_decimal("f", "４００，１００，０００").unwrap(),
            dec("400100000")
        );
        assert!(parse_decimal("f", "4,00,100").is_err());
        assert!(parse_decimal("f", ",100").is_err());
    }

    #[test]
    fn placeholders_are_named() {
        for p in ["-", "—", "--", "——", "", "nan", "NaN", "N/A", "－"] {
            let e = parse_price("close", p).unwrap_err();
            let msg = e.to_string();
            assert!(msg.starts_with("close:"), "{msg}");
            assert!(msg.contains("placeholder"), "{msg}");
        }
    }

    #[test]
    fn bad_numbers() {
        assert!(parse_decimal("f", "1e5").is_err());
        for (raw, why) in [
            ("1e5", "exponent"),
            ("-2.5E-3", "exponent"),
            // a word with an e is no exponent (the trial: "hello" was told
            // "exponent notation is not accepted")
            ("hello", "not a number"),
            ("<script>", "not a number"),
            ("1e", "not a number"),
        ] {
            let e = parse_decimal("f", raw).unwrap_err().to_string();
            assert!(e.contains(why), "{raw}: {e}");
        }
        assert!(parse_decimal("f", "abc").is_err());
        assert!(parse_decimal("f", "1.2.3").is_err());
        assert!(parse_decimal("f", "--5").is_err());
        // 29 significant digits cannot be held exactly
        let e = parse_decimal("f", "1.00000000000000000000000000001").unwrap_err();
        assert!(e.to_string().contains("exactly"), "{e}");
    }

    #[test]
    fn too_large_is_not_not_a_number() {
        let e = parse_decimal("--x", "99999999999999999999999999999999")
            .unwrap_err()
            .to_string();
        assert!(e.contains("too large"), "{e}");
        let e = parse_decimal("--x", "-99999999999999999999999999999999")
            .unwrap_err()
            .to_string();
        assert!(e.contains("too large"), "{e}");
        for bad in ["1.2.3", "1-2", "--", "."] {
            assert!(parse_decimal("--x", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn prices_must_be_positive() {
        let e = parse_price("--issue-price", "-3").unwrap_err();
        assert_eq!(
            e.to_string(),
            "--issue-price: a price must be greater than zero (got \"-3\")"
        );
        assert!(parse_price("p", "0").is_err());
        assert!(parse_price("p", "0.00").is_err());
        assert!(parse_price("p", "100000001").is_err());
        assert_eq!(parse_price("p", "+19.60").unwrap().get(), dec("19.60"));
    }

    #[test]
    fn shares_with_units() {
        assert_eq!(parse_shares("s", "4.001亿").unwrap().get(), 400_100_000);
        assert_eq!(parse_shares("s", "7,000万股").unwrap().get(), 70_000_000);
        assert_eq!(parse_shares("s", "500").unwrap().get(), 500);
        assert!(parse_shares("s", "0").is_err());
        assert!(parse_shares("s", "12.5").is_err());
        assert!(parse_shares("s", "-500").is_err());
        assert!(parse_shares("s", "1.00000001万").is_err());
    }

    #[test]
    fn money_with_units() {
        assert_eq!(parse_money("m", "29.77万元").unwrap(), dec("297700"));
        assert_eq!(parse_money("m", "HK$3,220").unwrap(), dec("3220"));
        assert_eq!(parse_money("m", "6.2亿").unwrap(), dec("620000000"));
        // traditional characters, as Hong Kong and Taiwan papers print them
        assert_eq!(parse_money("m", "333.16億元").unwrap(), dec("33316000000"));
        assert_eq!(parse_money("m", "3.6萬港元").unwrap(), dec("36000"));
        assert_eq!(parse_money("m", "1.2萬億").unwrap(), dec("1200000000000"));
        assert_eq!(
            parse_money("m", "83.656 billion yuan").unwrap(),
            dec("83656000000")
        );
    }

    #[test]
    fn percents() {
        assert_eq!(
            parse_percent("w", "0.03348913%").unwrap(),
            dec("0.03348913")
        );
        assert_eq!(parse_percent("w", "0.0335").unwrap(), dec("0.0335"));
        assert!(parse_percent("w", "101%").is_err());
        assert!(parse_percent("w", "-1").is_err());
    }

    #[test]
    fn rates_need_their_unit() {
        let f = |raw: &str| parse_rate("r", raw).map(|r| r.fraction());
        assert_eq!(f("0.025%").unwrap(), dec("0.00025"));
        assert_eq!(f("０．０２５％").unwrap(), dec("0.00025"));
        assert_eq!(f("0.25‰").unwrap(), dec("0.00025"));
        assert_eq!(f("2.5‱").unwrap(), dec("0.00025"));
        assert_eq!(f("万2.5").unwrap(), dec("0.00025"));
        assert_eq!(f("万分之2.5").unwrap(), dec("0.00025"));
        assert_eq!(f("千分之1").unwrap(), dec("0.001"));
        assert_eq!(f("3.99%").unwrap(), dec("0.0399"));
        for bad in ["0.025", "3", "-1%", "101%", "%", "万", "—", "abc%"] {
            assert!(f(bad).is_err(), "{bad}");
        }
        let e = parse_rate("--commission", "0.025").unwrap_err().to_string();
        assert!(e.starts_with("--commission"), "{e}");
        assert!(e.contains(RATE_SPELLINGS), "{e}");
    }

    #[test]
    fn dates() {
        let want = ymd(2025, 12, 17);
        for s in [
            "2025-12-17",
            "2025/12/17",
            "20251217",
            "2025年12月17日",
            "2025-12-17 00:00:00",
            "2025-12-17T09:30:00",
            "２０２５-１２-１７",
        ] {
            assert_eq!(parse_date("d", s).unwrap(), want, "{s}");
        }
        assert!(parse_date("d", "2025-13-01").is_err());
        assert!(parse_date("d", "1900-01-01")
            .unwrap_err()
            .to_string()
            .contains("out of range"));
        assert!(parse_date("d", "—").is_err());
        assert!(parse_date("d", "2025-1-7x").is_err());
    }
}
