//! Recomputing one row: the board from the code, the lot by the board's
//! rule of the date, profit per lot and gain at the row's price, and the
//! check of the figures the source published.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::cell::{cell_date, cell_decimal, may_need_folding, trim_bytes};
use super::layout::{Field, Layout};
use super::{Record, SourceFormat};
use crate::board::{self, Board};
use crate::error::{Error, Result};
use crate::input;
use crate::num;

/// A recomputed row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RowOut {
    /// Code as given.
    pub code: String,
    /// Name as given.
    pub name: String,
    /// Board, from the code.
    pub board: Option<Board>,
    /// Listing date.
    pub listing_date: Option<NaiveDate>,
    /// Issue price.
    pub issue_price: Option<Decimal>,
    /// Shares per lot by the board's rule of the date.
    pub lot_shares: Option<u64>,
    /// Total shares after the IPO, when the row has them.
    pub total_shares: Option<u64>,
    /// Which price the headline figures use: the first close, else the
    /// first-day average (BSE tables), else the latest price.
    pub basis: &'static str,
    /// The headline figures, at that price.
    pub headline: Option<At>,
    /// The figures at the first-day open, when the row has it.
    pub open: Option<At>,
    /// The figures at the latest price (最新价), when the row has it.
    pub latest: Option<At>,
    /// The source's per-lot profit.
    pub published_profit: Option<Decimal>,
    /// The source's gain.
    pub published_gain: Option<Decimal>,
    /// `ok`, or why the published figures differ.
    pub check: String,
    /// The error, when the row could not be computed.
    pub error: Option<String>,
}

/// The figures at one price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct At {
    /// The price.
    pub price: Decimal,
    /// (price − issue) × lot.
    pub profit_per_lot: Decimal,
    /// Gain in percent, rounded half-up to 2 places.
    pub gain_pct: Option<Decimal>,
    /// price × total shares, when the row has them.
    pub market_value: Option<Decimal>,
}

impl At {
    /// The figures at `price` (validated as a price; `field` names it in
    /// the error).
    pub fn new(
        field: &str,
        price: Decimal,
        issue: Decimal,
        lot: u64,
        total_shares: Option<u64>,
    ) -> Result<At> {
        let price = input::Price::new(field, price)?.get();
        Ok(At {
            price,
            profit_per_lot: num::mul(
                num::sub(price, issue, "profit per lot")?,
                Decimal::from(lot),
                "profit per lot",
            )?,
            gain_pct: Some(gain_pct_2dp(price, issue).ok_or_else(|| Error::Overflow {
                what: "gain".into(),
            })?),
            market_value: match total_shares {
                Some(t) => Some(num::mul(price, Decimal::from(t), "market value")?),
                None => None,
            },
        })
    }
}

/// The board a mainland code belongs to: six digits, with or without an
/// exchange prefix (`SZ300474`) or suffix (`002001.SZ`).
pub fn board_of_code(code: &str) -> Option<Board> {
    let c = code.trim();
    let c = c.rsplit_once('.').map(|(a, _)| a).unwrap_or(c);
    let c = c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
    board_of_digits(c.as_bytes())
}

/// [`board_of_code`] for the bare six digits.
#[inline]
pub(super) fn board_of_digits(c: &[u8]) -> Option<Board> {
    let [a, b, c3, ..] = *c else { return None };
    if c.len() != 6 || !c.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(match [a, b, c3] {
        [b'6', b'8', b'8' | b'9'] => Board::Star,
        [b'6', b'0', b'0' | b'1' | b'3' | b'5'] => Board::SseMain,
        [b'0', b'0', b'0'..=b'4'] => Board::SzseMain,
        [b'3', b'0', b'0'..=b'2'] => Board::ChiNext,
        [b'9', b'2', b'0'] | [b'8' | b'4', ..] => Board::Bse,
        _ => return None,
    })
}

/// Gain in percent, rounded half-up to 2 places, by exact integer
/// arithmetic: the same result as the decimal formula
/// `round_half_up((price − issue) × 100 ÷ issue, 2)` (a property test holds
/// the two equal). `None` for an issue price ≤ 0, or a gain too large for a
/// decimal.
pub fn gain_pct_2dp(price: Decimal, issue: Decimal) -> Option<Decimal> {
    if let (Ok(p), Ok(i)) = (
        i64::try_from(price.mantissa()),
        i64::try_from(issue.mantissa()),
    ) {
        if let Some(q) = gain_hundredths(p, price.scale(), i, issue.scale()) {
            return Some(Decimal::new(q, 2));
        }
    }
    // wide numbers: the same division in 128 bits
    let scale = price.scale().max(issue.scale());
    let p = rescaled(price, scale)?;
    let i = rescaled(issue, scale)?;
    if i <= 0 {
        return None;
    }
    let num = p.checked_sub(i)?.checked_mul(10_000)?;
    let (q, r) = (num / i, num % i);
    // half-up on the magnitude
    let q = if r.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + num.signum()
    } else {
        q
    };
    // beyond 96 bits (an issue price of 10⁻²⁸, say): no decimal holds it
    Decimal::try_from_i128_with_scale(q, 2).ok()
}

/// The gain of `p`·10⁻ᵖˢ over `i`·10⁻ⁱˢ in hundredths of a percent, half-up,
/// in 64 bits; `None` when `i` ≤ 0 or the numbers are too wide.
#[inline]
pub(super) fn gain_hundredths(p: i64, ps: u32, i: i64, is: u32) -> Option<i64> {
    if i <= 0 {
        return None;
    }
    let scale = ps.max(is);
    let p = p.checked_mul(10i64.checked_pow(scale - ps)?)?;
    let i = i.checked_mul(10i64.checked_pow(scale - is)?)?;
    let num = p.checked_sub(i)?.checked_mul(10_000)?;
    let (q, r) = (num / i, num % i);
    // half-up on the magnitude; 2·|r| < 2·i fits in u64
    Some(if r.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + num.signum()
    } else {
        q
    })
}

fn rescaled(x: Decimal, scale: u32) -> Option<i128> {
    let m = x.mantissa();
    let up = scale.checked_sub(x.scale())?;
    m.checked_mul(10i128.checked_pow(up)?)
}

fn field_into<R: Record + ?Sized>(out: &mut String, rec: &R, col: Option<(usize, Decimal)>) {
    out.clear();
    let Some(b) = col.and_then(|(i, _)| rec.field(i)) else {
        return;
    };
    let b = trim_bytes(b);
    match std::str::from_utf8(b) {
        Ok(s) if !may_need_folding(b) => out.push_str(s),
        _ => out.push_str(&input::normalize(&String::from_utf8_lossy(b))),
    }
}

/// Recomputes one record. Never fails: a row that cannot be computed comes
/// back with its `error`, so that no row is lost.
pub fn process<R: Record + ?Sized>(layout: &Layout, rec: &R) -> RowOut {
    let mut out = RowOut::default();
    process_into(layout, rec, &mut out);
    out
}

/// [`process`] into a reused row, keeping its strings' capacity (the
/// batch's hot path allocates nothing for a clean row).
pub fn process_into<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &mut RowOut) {
    field_into(&mut out.code, rec, layout.col(Field::Code));
    field_into(&mut out.name, rec, layout.col(Field::Name));
    out.board = None;
    out.listing_date = None;
    out.issue_price = None;
    out.lot_shares = None;
    out.total_shares = None;
    out.basis = "";
    out.headline = None;
    out.open = None;
    out.latest = None;
    out.published_profit = None;
    out.published_gain = None;
    out.check.clear();
    out.error = None;
    if let Err(e) = compute(layout, rec, out) {
        out.error = Some(e.to_string());
        out.check.clear();
        out.check.push_str("error");
    }
}

fn get<'a, R: Record + ?Sized>(
    layout: &Layout,
    rec: &'a R,
    f: Field,
) -> Option<(&'a [u8], Decimal)> {
    layout
        .col(f)
        .and_then(|(i, m)| rec.field(i).map(|b| (trim_bytes(b), m)))
}

fn dec<R: Record + ?Sized>(
    layout: &Layout,
    rec: &R,
    f: Field,
    name: &str,
) -> Result<Option<Decimal>> {
    match get(layout, rec, f) {
        Some((b, m)) => cell_decimal(layout.header(f, name), b, m),
        None => Ok(None),
    }
}

fn compute<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &mut RowOut) -> Result<()> {
    if rec.count() < layout.width {
        return Err(Error::invalid(
            "row",
            &format!("{} fields", rec.count()),
            format!(
                "the header has {}: a short row or a broken quote",
                layout.width
            ),
        ));
    }
    let board_cell = get(layout, rec, Field::BoardCol)
        .map(|(b, _)| String::from_utf8_lossy(b).into_owned())
        .filter(|s| !s.is_empty());
    let board = match board_cell {
        Some(b) => b.parse::<Board>()?,
        None => board_of_code(&out.code).ok_or_else(|| {
            Error::invalid(
                layout.header(Field::Code, "股票代码"),
                &out.code,
                "not a mainland A-share code",
            )
        })?,
    };
    out.board = Some(board);
    let issue_col = layout.header(Field::IssuePrice, "发行价格");
    let issue = dec(layout, rec, Field::IssuePrice, issue_col)?
        .ok_or_else(|| Error::missing(issue_col, "the issue price is empty"))?;
    let issue = input::Price::new(issue_col, issue)?.get();
    out.issue_price = Some(issue);
    let listing = match get(layout, rec, Field::ListingDate) {
        Some((b, _)) => cell_date(layout.header(Field::ListingDate, "上市日期"), b)?,
        None => None,
    };
    out.listing_date = listing;
    let subscribed = match get(layout, rec, Field::SubscriptionDate) {
        Some((b, _)) => cell_date(layout.header(Field::SubscriptionDate, "申购日期"), b)?,
        None => None,
    };
    let rule_date = subscribed.or(listing);
    let given_lot = match dec(layout, rec, Field::LotShares, "lot_shares")? {
        Some(l) => Some(
            u64::try_from(l)
                .ok()
                .filter(|n| *n > 0 && l.fract().is_zero())
                .ok_or_else(|| {
                    Error::invalid("lot_shares", &l.to_string(), "a whole number of shares")
                })?,
        ),
        None => None,
    };
    let lot = match (given_lot, rule_date) {
        (Some(l), _) => l,
        (None, Some(d)) => board::lot_rule(board, d)?
            .shares
            .ok_or_else(|| Error::missing("lot_shares", "this board sets lots per IPO"))?,
        (None, None) => {
            return Err(Error::missing(
                "上市日期",
                "no listing or subscription date: the lot cannot be told",
            ))
        }
    };
    out.lot_shares = Some(lot);
    let total = match dec(layout, rec, Field::TotalShares, "total_shares")? {
        Some(t) => Some(
            u64::try_from(t)
                .ok()
                .filter(|n| *n > 0 && t.fract().is_zero())
                .ok_or_else(|| {
                    Error::invalid("total_shares", &t.to_string(), "a whole number of shares")
                })?,
        ),
        None => None,
    };
    out.total_shares = total;
    // published figures
    let mut published_profit = dec(layout, rec, Field::ProfitPerLot, "每中一签获利")?;
    if layout.format == SourceFormat::EmXgsglbBse {
        if let Some(p100) = dec(layout, rec, Field::ProfitPer100, "上市首日-每百股获利")? {
            published_profit = Some(p100 * Decimal::from(lot) / Decimal::ONE_HUNDRED);
        }
    }
    out.published_profit = published_profit;
    // which column the published gain came from, for the check's words
    let (gain_label, published_gain) = match dec(layout, rec, Field::GainPct, "涨幅")? {
        Some(g) => ("涨幅", Some(g)),
        None => (
            "首日涨幅",
            dec(layout, rec, Field::FirstDayGainPct, "首日涨幅")?,
        ),
    };
    out.published_gain = published_gain;
    let latest = dec(layout, rec, Field::Latest, "最新价")?;
    if let Some(o) = dec(layout, rec, Field::FirstOpen, "首日开盘价")? {
        out.open = Some(At::new("首日开盘价", o, issue, lot, total)?);
    }
    if let Some(l) = latest {
        out.latest = Some(At::new("最新价", l, issue, lot, total)?);
    }
    let (basis, price) = if let Some(c) = dec(layout, rec, Field::FirstClose, "首日收盘价")? {
        ("close", Some(c))
    } else if let Some(a) = dec(layout, rec, Field::FirstAvg, "上市首日-均价")? {
        ("avg", Some(a))
    } else if let Some(l) = latest {
        ("latest", Some(l))
    } else {
        ("", None)
    };
    out.basis = basis;
    let Some(price) = price else {
        let mut c = if listing.is_none() {
            "not listed yet: no price".to_string()
        } else {
            "no price in the row".to_string()
        };
        if let Some(p) = out
            .published_profit
            .and_then(|pp| implied_price(issue, pp, lot))
        {
            let _ = write!(c, "; the published profit implies a sale price of {p}");
        } else if let Some(g) = out.published_gain {
            let close =
                num::round_half_up(issue * (Decimal::ONE_HUNDRED + g) / Decimal::ONE_HUNDRED, 2);
            let _ = write!(
                c,
                "; the published gain {g}% implies a price of about {close}"
            );
        }
        out.check = c;
        return Ok(());
    };
    let at = At::new(basis, price, issue, lot, total)?;
    out.headline = Some(at);
    let limit_ups = dec(layout, rec, Field::LimitUpDays, "连续一字板数量")?;
    // a first-day price must lie in the board's first-day band, where there
    // is one (the main boards' +44% / −36%)
    let band = match (basis, listing) {
        ("close" | "avg", Some(d)) => {
            crate::rules::first_day_warnings(board, d, issue, &[(basis, at.price)])
                .into_iter()
                .next()
        }
        _ => None,
    };
    let c = check(out, latest, limit_ups, lot, band, gain_label);
    out.check.clear();
    out.check.push_str(&c);
    Ok(())
}

/// The sale price a published per-lot profit implies, when it lies on the
/// fen grid: issue + profit ÷ lot.
fn implied_price(issue: Decimal, profit: Decimal, lot: u64) -> Option<Decimal> {
    if lot == 0 {
        return None;
    }
    let p = issue.checked_add(profit.checked_div(Decimal::from(lot))?)?;
    // on the fen grid: no non-zero digit past the second place
    (p > Decimal::ZERO && p.normalize().scale() <= 2).then(|| num::round_half_up(p, 2))
}

fn close_enough(computed: Decimal, published: Decimal) -> bool {
    // the published figure's own precision: compare at its decimals
    let dp = published.scale();
    if computed.scale() <= dp {
        return computed == published;
    }
    num::round_half_up(computed, dp) == published
}

fn check(
    out: &RowOut,
    latest: Option<Decimal>,
    limit_ups: Option<Decimal>,
    lot: u64,
    band: Option<String>,
    gain_label: &str,
) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    let (Some(issue), Some(h)) = (out.issue_price, out.headline) else {
        return Cow::Borrowed("");
    };
    let profit = h.profit_per_lot;
    let mut s = String::new();
    let mut fine = true;
    if let Some(w) = band {
        fine = false;
        let _ = write!(
            s,
            "{w}: not a first-day price (a later day's close, or another board)"
        );
    }
    if let Some(pp) = out.published_profit {
        if !close_enough(profit, pp) {
            if !s.is_empty() {
                s.push_str("; ");
            }
            fine = false;
            let latest_profit = latest.map(|l| (l - issue) * Decimal::from(lot));
            let other_lot = if lot == 500 { 1000 } else { 500 };
            let other = (h.price - issue) * Decimal::from(other_lot);
            if latest_profit.is_some_and(|lp| close_enough(lp, pp)) {
                let _ = write!(s, "每中一签获利 {pp} uses the latest price, not the first close (an unopened board's latest close)");
            } else if limit_ups.is_some_and(|n| n > Decimal::ZERO) {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {}: after {} limit-up days the source uses the close of the day the board opened (开板日)",
                    num::fixed(profit, 2),
                    limit_ups.unwrap_or_default()
                );
            } else if close_enough(other, pp) {
                let _ = write!(s, "每中一签获利 {pp} assumes {other_lot}-share lots; the rule of the date gives {lot}");
            } else if let Some(p) = implied_price(issue, pp, lot) {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {}: it implies a sale price of {p}, not the {} {}",
                    num::fixed(profit, 2),
                    out.basis,
                    num::fixed(h.price, 2)
                );
            } else {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {} (differs by {})",
                    num::fixed(profit, 2),
                    num::fixed(pp - profit, 2)
                );
            }
        }
    }
    if let (Some(pg), Some(g)) = (out.published_gain, h.gain_pct) {
        if !close_enough(g, pg) {
            if !s.is_empty() {
                s.push_str("; ");
            }
            fine = false;
            let latest_gain = latest.and_then(|l| gain_pct_2dp(l, issue));
            if out.basis != "latest" && latest_gain.is_some_and(|lg| close_enough(lg, pg)) {
                let _ = write!(s, "{gain_label} {pg}% is the change to the latest price");
            } else if out.basis == "latest" {
                // a first-day figure beside a row whose only price is the
                // latest: say what first-day price it implies
                let close = num::round_half_up(
                    issue * (Decimal::ONE_HUNDRED + pg) / Decimal::ONE_HUNDRED,
                    2,
                );
                let _ = write!(
                    s,
                    "{gain_label} {pg}% ≠ {g}% at the latest price {}: as a first-day gain it implies a close of about {close}",
                    num::fixed(h.price, 2)
                );
            } else {
                let _ = write!(s, "{gain_label} {pg}% ≠ {g}%");
            }
        }
    }
    if fine {
        if out.published_profit.is_none() && out.published_gain.is_none() {
            Cow::Borrowed("ok (nothing published to check)")
        } else {
            Cow::Borrowed("ok")
        }
    } else {
        Cow::Owned(s)
    }
}

/// The output row of one record of a daxin data file: computed as
/// [`row_from_ipo`] computes it, or, for a record that is not valid, its
/// code and name with the record's error.
pub fn row_from_record(rec: &crate::data::FileRecord) -> RowOut {
    match &rec.ipo {
        Ok(ipo) => row_from_ipo(ipo),
        Err(e) => RowOut {
            code: rec.code.clone(),
            name: rec.name.clone(),
            check: "error".into(),
            error: Some(e.to_string()),
            ..RowOut::default()
        },
    }
}

/// A record of daxin's own format (TOML, JSON) as a batch row: figures at
/// the first close (else the last price it has), and the check of every
/// published figure the record carries.
pub fn row_from_ipo(ipo: &crate::Ipo) -> RowOut {
    let mut out = RowOut {
        code: ipo.code.clone(),
        name: ipo.name_zh.clone(),
        board: ipo.board,
        listing_date: ipo.listing_date,
        issue_price: Some(ipo.issue_price.get()),
        lot_shares: Some(ipo.lot_shares.get()),
        total_shares: ipo.total_shares.map(|t| t.get()),
        ..RowOut::default()
    };
    let s = match crate::returns::compute(ipo) {
        Ok(s) => s,
        Err(e) => {
            out.error = Some(e.to_string());
            out.check = "error".into();
            return out;
        }
    };
    let f = s.at(crate::Basis::Close).or_else(|| s.figures.last());
    let Some(f) = f else {
        out.check = "no price in the record".into();
        return out;
    };
    out.basis = f.basis.id();
    out.headline = Some(At {
        price: f.price,
        profit_per_lot: f.profit_per_lot,
        gain_pct: Some(num::round_half_up(f.gain_pct, 2)),
        market_value: f.market_cap,
    });
    out.open = s.at(crate::Basis::Open).map(|o| At {
        price: o.price,
        profit_per_lot: o.profit_per_lot,
        gain_pct: Some(num::round_half_up(o.gain_pct, 2)),
        market_value: o.market_cap,
    });
    let checks = crate::published::check_all(&ipo.published, &s);
    let differs: Vec<String> = checks
        .iter()
        .filter(|c| c.verdict == crate::published::Verdict::Differs)
        .map(|c| {
            let why = c
                .published
                .conflict
                .clone()
                .or_else(|| c.fits_basis.map(|b| format!("fits the {} price", b.id())))
                .unwrap_or_else(|| "differs".into());
            format!("{}: {why}", c.published.printed)
        })
        .collect();
    out.check = if differs.is_empty() {
        format!("ok ({} published figures checked)", checks.len())
    } else {
        differs.join("; ")
    };
    out
}

/// The working of a computed row, numbers put in:
/// `(829.90 − 104.66) × 500 = 362,620.00; (829.90 − 104.66) ÷ 104.66 × 100 = 692.95%`.
pub fn working(r: &RowOut) -> String {
    let h = r.headline.as_ref();
    match (
        h.map(|h| h.price),
        r.issue_price,
        r.lot_shares,
        h.map(|h| h.profit_per_lot),
        h.and_then(|h| h.gain_pct),
    ) {
        (Some(p), Some(i), Some(l), Some(pr), Some(g)) => format!(
            "({} − {}) × {l} = {}; ({} − {}) ÷ {} × 100 = {}%",
            num::fixed(p, 2),
            num::fixed(i, 2),
            num::group(pr, 2),
            num::fixed(p, 2),
            num::fixed(i, 2),
            num::fixed(i, 2),
            num::fixed(g, 2)
        ),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn integer_gain_matches_decimal_gain() {
        for (p, i) in [
            ("829.90", "104.66"),
            ("600.50", "114.28"),
            ("18.50", "20"),
            ("34.46", "19.60"),
            ("10.005", "10"),
        ] {
            let exact = (d(p) - d(i)) * Decimal::ONE_HUNDRED / d(i);
            assert_eq!(
                gain_pct_2dp(d(p), d(i)),
                Some(num::round_half_up(exact, 2)),
                "{p} {i}"
            );
        }
    }

    #[test]
    fn boards_from_codes() {
        assert_eq!(board_of_code("688802"), Some(Board::Star));
        assert_eq!(board_of_code("601133"), Some(Board::SseMain));
        assert_eq!(board_of_code("SZ300474"), Some(Board::ChiNext));
        assert_eq!(board_of_code("002001.SZ"), Some(Board::SzseMain));
        assert_eq!(board_of_code("920001"), Some(Board::Bse));
        assert_eq!(board_of_code("830799"), Some(Board::Bse));
        assert_eq!(board_of_code("6082.HK"), None);
    }

    #[test]
    fn a_first_close_outside_the_first_day_band_is_flagged() {
        let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期"];
        let l = Layout::detect(&header, None).unwrap();
        let row = |close: &'static str| -> [&'static [u8]; 5] {
            [b"601999", b"x", b"10.00", close.as_bytes(), b"2022-06-01"]
        };
        // SSE main board since 2014: +44% / −36%, so 14.40 and 6.40 at most
        for ok in ["14.40", "6.40"] {
            assert!(process(&l, &row(ok)).check.starts_with("ok"), "{ok}");
        }
        for bad in ["14.41", "6.39", "23.99"] {
            let c = process(&l, &row(bad)).check;
            assert!(c.contains("6.40–14.40"), "{bad}: {c}");
            assert!(c.contains("not a first-day price"), "{c}");
        }
        // STAR has no first-day band: 600.50 on 114.28 is a first-day close
        let r: [&[u8]; 5] = [b"688795", b"x", b"114.28", b"600.50", b"2025-12-05"];
        assert!(process(&l, &r).check.starts_with("ok"));
    }

    #[test]
    fn check_explains_other_bases() {
        let header = [
            "股票代码",
            "股票简称",
            "发行价格",
            "最新价",
            "首日收盘价",
            "上市日期",
            "连续一字板数量",
            "每中一签获利",
        ];
        let l = Layout::detect(&header, None).unwrap();
        // SSE main board 2022: 1,000-share lots; a source that assumed 500
        let r: [&[u8]; 8] = [
            b"601999",
            b"x",
            b"10.00",
            b"-",
            b"14.40",
            b"2022-06-01",
            b"0",
            b"2200",
        ];
        let o = process(&l, &r);
        assert_eq!(o.lot_shares, Some(1000));
        assert!(o.check.contains("assumes 500-share lots"), "{}", o.check);
        // a run of limit-up days: the source used the 开板日 close
        let r: [&[u8]; 8] = [
            b"601999",
            b"x",
            b"10.00",
            b"-",
            b"14.40",
            b"2022-06-01",
            b"5",
            b"12345.67",
        ];
        assert!(process(&l, &r).check.contains("开板日"));
        // an unopened board: the latest price
        let r: [&[u8]; 8] = [
            b"688999",
            b"x",
            b"10.00",
            b"20.00",
            b"14.40",
            b"2024-06-03",
            b"0",
            b"5000",
        ];
        assert!(process(&l, &r).check.contains("latest price"));
    }
}
