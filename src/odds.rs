//! The odds of winning: A-share quotas from market value, winning numbers
//! and the chance of at least one lot; BSE proportional allotment; Hong Kong
//! allotment-basis tables.
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

impl HkTierOdds {
    /// Expected shares allotted: expected lots × shares per lot.
    pub fn expected_shares(&self, lot_shares: u64) -> Result<Decimal> {
        num::mul(
            self.expected_lots,
            Decimal::from(lot_shares),
            "expected shares",
        )
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
            "a market value cannot be negative",
        ));
    }
    let rule = rules::subscription_rule(i.board, i.date)?;
    let unit = board::lot_rule(i.board, i.date)?.shares.unwrap_or(0);
    let Some(mv_unit) = rule.mv_per_unit else {
        return Err(Error::invalid(
            "--board",
            i.board.id(),
            "BSE subscriptions are in cash with proportional allotment: use --apply with --online-shares and --valid-shares",
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
            "BSE applications are in whole 100-share units",
        ));
    }
    if valid_applied == 0 || online_shares == 0 {
        return Err(Error::invalid(
            "--valid-shares",
            &valid_applied.to_string(),
            "give the online shares and the valid applied shares, both above zero",
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

/// One tier of a Hong Kong allotment basis (分配基准).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HkTier {
    /// Lots applied for.
    pub lots: u64,
    /// Valid applications in the tier.
    pub applications: u64,
    /// Lots every applicant receives.
    pub certain_lots: u64,
    /// Successful ballots for one more lot…
    pub ballot_winners: u64,
    /// …out of this many applicants.
    pub ballot_of: u64,
}

/// The odds of a tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HkTierOdds {
    /// The tier.
    pub tier: HkTier,
    /// P(at least one lot).
    pub p_at_least_one: Decimal,
    /// Expected lots per applicant.
    pub expected_lots: Decimal,
    /// Expected lots per lot applied (the per-lot rate).
    pub per_lot_rate: Decimal,
    /// Application value (lots × lot × price × (1 + charge)).
    pub application_value: Decimal,
    /// Pool A (≤ HK$5 million application value) or B.
    pub pool: &'static str,
}

/// Parses a basis such as `15448/154483` (X of Y applicants get one lot) or
/// `2+3/10` (2 lots each, and 3 of 10 get one more).
pub fn parse_basis(field: &str, raw: &str) -> Result<(u64, u64, u64)> {
    let s = crate::input::normalize(raw).replace(' ', "");
    let (certain, ballot) = match s.split_once('+') {
        Some((c, b)) => (c.to_string(), Some(b.to_string())),
        None if s.contains('/') => ("0".into(), Some(s.clone())),
        None => (s.clone(), None),
    };
    let int = |t: &str| -> Result<u64> {
        t.parse::<u64>()
            .map_err(|_| Error::invalid(field, raw, "expected N, X/Y or N+X/Y"))
    };
    let certain = int(&certain)?;
    let (x, y) = match ballot {
        Some(b) => {
            let (x, y) = b
                .split_once('/')
                .ok_or_else(|| Error::invalid(field, raw, "expected N, X/Y or N+X/Y"))?;
            (int(x)?, int(y)?)
        }
        None => (0, 1),
    };
    if y == 0 || x > y {
        return Err(Error::invalid(field, raw, "X/Y needs 0 ≤ X ≤ Y and Y > 0"));
    }
    Ok((certain, x, y))
}

/// The odds of each tier of a Hong Kong allotment basis; `entry_fee` is the
/// cost of one lot with the allotment charge (for the pool split).
pub fn hk_odds(tiers: &[HkTier], entry_fee: Decimal) -> Result<Vec<HkTierOdds>> {
    let pool_a_limit = Decimal::from(5_000_000u64);
    tiers
        .iter()
        .map(|t| {
            let ballot = Decimal::from(t.ballot_winners) / Decimal::from(t.ballot_of);
            let expected = Decimal::from(t.certain_lots) + ballot;
            let p = if t.certain_lots > 0 {
                Decimal::ONE
            } else {
                ballot
            };
            let value = num::mul(Decimal::from(t.lots), entry_fee, "application value")?;
            Ok(HkTierOdds {
                tier: t.clone(),
                p_at_least_one: p,
                expected_lots: expected,
                per_lot_rate: expected / Decimal::from(t.lots.max(1)),
                application_value: value,
                pool: if value <= pool_a_limit { "A" } else { "B" },
            })
        })
        .collect()
}

/// The expected net profit of an application in a tier: expected lots ×
/// each allotted lot's net (after the allotment charge and selling costs)
/// − the handling fee, which is paid whether or not anything is allotted.
/// Selling costs are taken per lot, as if each lot were sold alone (a
/// minimum commission makes a multi-lot sale slightly cheaper per lot).
pub fn expected_net(
    o: &HkTierOdds,
    net_per_lot: Decimal,
    handling_fee: Decimal,
) -> Result<Decimal> {
    let what = "expected net profit";
    num::sub(
        num::mul(o.expected_lots, net_per_lot, what)?,
        handling_fee,
        what,
    )
}

/// The smallest tier certain of one lot (穩中一手), if any.
pub fn sure_of_one_lot(odds: &[HkTierOdds]) -> Option<u64> {
    odds.iter()
        .filter(|o| o.p_at_least_one >= Decimal::ONE)
        .map(|o| o.tier.lots)
        .min()
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

    #[test]
    fn where_more_lots_stop_paying() {
        // 京东 2020 tiers (fengdujob): 1 lot 15448/154483, 2 lots 4227/40910.
        let tiers = [
            HkTier {
                lots: 1,
                applications: 154_483,
                certain_lots: 0,
                ballot_winners: 15_448,
                ballot_of: 154_483,
            },
            HkTier {
                lots: 2,
                applications: 40_910,
                certain_lots: 0,
                ballot_winners: 4_227,
                ballot_of: 40_910,
            },
        ];
        let o = hk_odds(&tiers, d("11413.87")).unwrap();
        // with HK$100 a lot and a HK$10 fee: 0.09999806 × 100 − 10 ≈ −0.0002;
        // doubling the application adds only 0.0033 lots
        let e1 = expected_net(&o[0], d("100"), d("10")).unwrap();
        let e2 = expected_net(&o[1], d("100"), d("10")).unwrap();
        assert!(e1 < Decimal::ZERO && e2 > e1);
        assert_eq!(num::fixed(e2 - e1, 4), "0.3326"); // 100 × (4227/40910 − 15448/154483) = 0.33263…
    }

    #[test]
    fn hk_basis_and_pools() {
        assert_eq!(
            parse_basis("b", "15448/154483").unwrap(),
            (0, 15448, 154483)
        );
        assert_eq!(parse_basis("b", "2+3/10").unwrap(), (2, 3, 10));
        assert_eq!(parse_basis("b", "1").unwrap(), (1, 0, 1));
        assert!(parse_basis("b", "3/2").is_err());
        assert!(parse_basis("b", "x").is_err());
    }
}
