//! The odds of winning: A-share quotas from market value, winning numbers
//! and the chance of at least one lot; BSE proportional allotment. Hong Kong
//! allotment tables are in [`crate::allotment`].
//!
//! A-shares (market-rules.md §2–§3):
//! - quota = min(⌊market value ÷ value per unit⌋ × unit shares, cap), zero
//!   below the ¥10,000 minimum;
//! - numbers (配号) = quota ÷ unit shares; expected lots = numbers × 中签率
//!   (exact: each number wins with the published rate);
//! - P(at least one) is a *model*. Independent draws: 1 − (1 − r)ⁿ. The
//!   tail-number lottery (摇号 by trailing digits over consecutive numbers):
//!   when n·r ≤ 1, at most one of n consecutive numbers wins and
//!   P = n·r exactly; the tool shows both.
//!
//! ```
//! use daxin::odds::{a_share_odds, OddsInput};
//! use daxin::Board;
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! let o = a_share_odds(&OddsInput {
//!     board: Board::Star,
//!     date: NaiveDate::from_ymd_opt(2025, 12, 5).unwrap(),
//!     market_value: Decimal::from(500_000),
//!     cap_shares: Some(4500),
//!     win_rate_pct: Decimal::from_str("0.0335").unwrap(),
//! }).unwrap();
//! assert_eq!((o.units, o.quota_shares, o.numbers), (100, 4500, 9));
//! assert_eq!(o.expected_lots.to_string(), "0.003015"); // 9 × 0.0335 %
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{self, Board};
use crate::error::{Error, Result};
use crate::num;
use crate::rules;

/// An A-share subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OddsInput {
    /// The IPO's board.
    pub board: Board,
    /// Subscription day (T日).
    pub date: NaiveDate,
    /// Average market value held in the board's pool (Shanghai or
    /// Shenzhen) over the window the rules name, in yuan.
    pub market_value: Decimal,
    /// The per-account cap in shares (申购上限).
    pub cap_shares: Option<u64>,
    /// The winning rate (中签率) in percent, as published.
    pub win_rate_pct: Decimal,
}

/// The odds of an A-share subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Odds {
    /// Subscription units the market value earns (before the cap).
    pub units: u64,
    /// Shares that may be applied for: units × unit shares, capped.
    pub quota_shares: u64,
    /// Shares per winning number.
    pub unit_shares: u64,
    /// Winning-number chances (配号).
    pub numbers: u64,
    /// numbers × rate: expected lots won.
    pub expected_lots: Decimal,
    /// Independent-draws model: 1 − (1 − r)ⁿ.
    pub p_independent: Decimal,
    /// Tail-number model: min(1, n·r).
    pub p_tail_number: Decimal,
    /// Whether the cap bound the quota.
    pub capped: bool,
    /// Below the ¥10,000 minimum: no subscription.
    pub below_minimum: bool,
}

impl Odds {
    /// The expected profit of the subscription: expected lots × the profit
    /// of one lot; an overflow error for amounts no decimal holds.
    ///
    /// ```
    /// use daxin::odds::{a_share_odds, OddsInput};
    /// use daxin::Board;
    /// use rust_decimal::Decimal;
    /// let o = a_share_odds(&OddsInput {
    ///     board: Board::Star,
    ///     date: chrono::NaiveDate::from_ymd_opt(2025, 12, 11).unwrap(),
    ///     market_value: Decimal::from(100_000),
    ///     cap_shares: None,
    ///     win_rate_pct: "0.03348913".parse().unwrap(),
    /// })
    /// .unwrap();
    /// // ¥100,000 in the Shanghai pool earns 20 numbers; at 沐曦股份's final
    /// // online rate, 0.03348913%, that is 0.006697826 lots, each worth its
    /// // ¥362,620 at the first close
    /// let e = o.expected_profit(Decimal::from(362_620)).unwrap();
    /// assert_eq!(daxin::num::round_half_up(e, 2).to_string(), "2428.77");
    /// ```
    pub fn expected_profit(&self, per_lot: Decimal) -> Result<Decimal> {
        num::mul(self.expected_lots, per_lot, "expected profit")
    }
}

/// `(1 − r)ⁿ` by repeated squaring in 28-digit decimals.
fn pow_complement(r: Decimal, n: u64) -> Result<Decimal> {
    let mut base = Decimal::ONE - r;
    let mut acc = Decimal::ONE;
    let mut e = n;
    while e > 0 {
        if e & 1 == 1 {
            acc = num::mul(acc, base, "probability")?;
        }
        base = num::mul(base, base, "probability")?;
        e >>= 1;
    }
    Ok(acc)
}

/// The odds of an A-share online subscription.
pub fn a_share_odds(i: &OddsInput) -> Result<Odds> {
    if i.market_value < Decimal::ZERO {
        return Err(Error::invalid(
            "--sh/--sz",
            &i.market_value.to_string(),
            crate::why!("a market value cannot be negative", "市值不能为负"),
        ));
    }
    let rule = rules::subscription_rule(i.board, i.date)?;
    let unit = board::lot_rule(i.board, i.date)?.shares.unwrap_or(0);
    let Some(mv_unit) = rule.mv_per_unit else {
        return Err(Error::invalid(
            "--board",
            i.board.id(),
            crate::why!("BSE subscriptions are in cash with proportional allotment: use --apply with --online-shares and --valid-shares", "北交所新股以现金申购、按比例配售：请用 --apply 并给出 --online-shares 与 --valid-shares"),
        ));
    };
    let r = i.win_rate_pct / Decimal::ONE_HUNDRED;
    let below = rule
        .min_mv
        .is_some_and(|m| i.market_value < Decimal::from(m));
    let units_d = (i.market_value / Decimal::from(mv_unit)).floor();
    let units = if below {
        0
    } else {
        u64::try_from(units_d).map_err(|_| Error::overflow("subscription units"))?
    };
    let mut quota = units.saturating_mul(unit);
    let mut capped = false;
    let cap = i.cap_shares.or(rule.cap_max);
    if let Some(c) = cap {
        if quota > c {
            quota = c;
            capped = true;
        }
    }
    let numbers = quota.checked_div(unit).unwrap_or(0);
    let n = Decimal::from(numbers);
    let expected = num::mul(n, r, "expected lots")?;
    let p_ind = Decimal::ONE - pow_complement(r, numbers)?;
    let p_tail = expected.min(Decimal::ONE);
    Ok(Odds {
        units,
        quota_shares: quota,
        unit_shares: unit,
        numbers,
        expected_lots: expected,
        p_independent: p_ind,
        p_tail_number: p_tail,
        capped,
        below_minimum: below,
    })
}

/// The per-account cap by the 1‰ rule from the initial online shares,
/// rounded down to whole units. The tool's assumption on rounding (the
/// published 申购上限 wins where known).
pub fn cap_from_online(board: Board, date: NaiveDate, online_initial: u64) -> Result<u64> {
    let rule = rules::subscription_rule(board, date)?;
    let unit = board::lot_rule(board, date)?.shares.unwrap_or(1).max(1);
    let raw = Decimal::from(online_initial) * rule.cap_fraction;
    let units = (raw / Decimal::from(unit)).floor();
    let cap = u64::try_from(units).map_err(|_| Error::overflow("cap"))? * unit;
    Ok(match rule.cap_max {
        Some(m) => cap.min(m),
        None => cap,
    })
}

/// BSE proportional allotment for one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BseAllotment {
    /// Shares applied for.
    pub applied: u64,
    /// online shares ÷ valid applied shares.
    pub ratio: Decimal,
    /// ⌊applied × ratio ÷ 100⌋ × 100: shares certainly allotted.
    pub base_shares: u64,
    /// applied × ratio − base: the remainder that competes for one more
    /// 100-share lot (larger remainders first, then earlier time).
    pub remainder: Decimal,
    /// Cash to pay in full with the application: applied × price.
    pub cash_needed: Decimal,
    /// The smallest application (in 100-share units) certain of 100 shares.
    pub sure_of_100_shares: u64,
    /// Its cash.
    pub cash_for_sure_100: Decimal,
}

/// BSE allotment: applications in 100-share units, prepaid in full, with
/// proportional allotment (market-rules.md §1).
pub fn bse_allotment(
    applied: u64,
    online_shares: u64,
    valid_applied: u64,
    price: Decimal,
) -> Result<BseAllotment> {
    if applied == 0 || applied % 100 != 0 {
        return Err(Error::invalid(
            "--apply",
            &applied.to_string(),
            crate::why!(
                "BSE applications are in whole 100-share units",
                "北交所申购须为 100 股的整数倍"
            ),
        ));
    }
    if valid_applied == 0 || online_shares == 0 {
        return Err(Error::invalid(
            "--valid-shares",
            &valid_applied.to_string(),
            crate::why!(
                "give the online shares and the valid applied shares, both above zero",
                "请给出网上发行股数与有效申购股数，两者都须大于零"
            ),
        ));
    }
    let ratio = (Decimal::from(online_shares) / Decimal::from(valid_applied)).min(Decimal::ONE);
    let exact = num::mul(Decimal::from(applied), ratio, "allotment")?;
    let base = (exact / Decimal::ONE_HUNDRED).floor() * Decimal::ONE_HUNDRED;
    let base_shares = u64::try_from(base).map_err(|_| Error::overflow("allotment"))?;
    // smallest multiple of 100 with applied × ratio ≥ 100
    let sure_raw =
        (Decimal::ONE_HUNDRED / ratio / Decimal::ONE_HUNDRED).ceil() * Decimal::ONE_HUNDRED;
    let sure = u64::try_from(sure_raw).map_err(|_| Error::overflow("allotment"))?;
    Ok(BseAllotment {
        applied,
        ratio,
        base_shares,
        remainder: exact - base,
        cash_needed: num::mul(Decimal::from(applied), price, "cash")?,
        sure_of_100_shares: sure,
        cash_for_sure_100: num::mul(Decimal::from(sure), price, "cash")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ymd;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn worked_a_share_example_by_hand() {
        // ¥500,000 of Shanghai market value, STAR (¥5,000 and 500 shares per unit):
        // 500,000 ÷ 5,000 = 100 units = 50,000 shares, capped at 4,500 → 9 numbers.
        // 中签率 0.03348913% (沐曦, dtm.com.cn): expected lots 9 × 0.0003348913 = 0.0030140217.
        let o = a_share_odds(&OddsInput {
            board: Board::Star,
            date: ymd(2025, 12, 8),
            market_value: d("500000"),
            cap_shares: Some(4500),
            win_rate_pct: d("0.03348913"),
        })
        .unwrap();
        assert_eq!(o.quota_shares, 4500);
        assert!(o.capped);
        assert_eq!(o.numbers, 9);
        assert_eq!(o.expected_lots, d("0.0030140217"));
        // tail-number model: exactly n·r; independent draws: slightly less
        assert_eq!(o.p_tail_number, d("0.0030140217"));
        assert!(o.p_independent < o.p_tail_number);
        // checked with Python's decimal module at 40 digits: 0.30099873747727…%
        assert_eq!(num::fixed(o.p_independent * d("100"), 12), "0.300998737477");
    }

    #[test]
    fn minimum_and_rounding_of_units() {
        let base = OddsInput {
            board: Board::SzseMain,
            date: ymd(2024, 1, 2),
            market_value: d("9999.99"),
            cap_shares: None,
            win_rate_pct: d("0.02"),
        };
        assert!(a_share_odds(&base).unwrap().below_minimum);
        let o = a_share_odds(&OddsInput {
            market_value: d("14999"),
            ..base
        })
        .unwrap();
        assert_eq!((o.units, o.quota_shares, o.numbers), (2, 1000, 2));
        // old SSE main board: ¥10,000 per 1,000 shares
        let o = a_share_odds(&OddsInput {
            board: Board::SseMain,
            date: ymd(2022, 6, 1),
            market_value: d("15000"),
            ..base
        })
        .unwrap();
        assert_eq!((o.units, o.quota_shares, o.numbers), (1, 1000, 1));
    }

    #[test]
    fn cap_from_initial_online_shares() {
        // 沐曦: 网上发行数量 641.60万股 before the clawback (cfi.cn 20251208000199)
        // → 1‰ = 6,416 → 12 whole 500-share units = 6,000 (rounding assumed)
        assert_eq!(
            cap_from_online(Board::Star, ymd(2025, 12, 5), 6_416_000).unwrap(),
            6000
        );
    }

    #[test]
    fn bse_proportional() {
        // 1% ratio: 25,000 shares → 250 → 200 certain + a 50-share remainder
        // competing for one more lot (wodefinance's worked example, market-rules.md §1)
        let b = bse_allotment(25_000, 1_000_000, 100_000_000, d("10")).unwrap();
        assert_eq!(b.base_shares, 200);
        assert_eq!(b.remainder, d("50"));
        assert_eq!(b.sure_of_100_shares, 10_000);
        assert_eq!(b.cash_for_sure_100, d("100000"));
        assert!(bse_allotment(150, 1, 1, d("1")).is_err());
    }
}
