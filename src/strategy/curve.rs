//! The expectation as a function of the market value held in one pool.
//!
//! For IPO *i* with value per unit *uᵢ*, cap *Nᵢ* numbers, winning rate *rᵢ*
//! and profit per lot *πᵢ*, an average market value *M* (at least the
//! ¥10,000 minimum) earns
//!
//! ```text
//! nᵢ(M) = min(⌊M ÷ uᵢ⌋, Nᵢ) numbers,  E(M) = Σᵢ nᵢ(M) · rᵢ · πᵢ
//! ```
//!
//! — a sum of ramps: flat below the minimum, rising one step per unit of
//! value, flat past each IPO's 顶格 (Nᵢ · uᵢ). Evaluated in O(log n) per
//! point: the IPOs of one value-per-unit are kept sorted by cap with prefix
//! sums, so E(M) = Σ_{Nᵢ ≤ k} Nᵢ wᵢ + k · Σ_{Nᵢ > k} wᵢ.

use rust_decimal::Decimal;

use super::input::{CapSource, Pool, Subscription};
use crate::error::{Error, Result};
use crate::num;

/// IPOs that share a value per unit and a minimum, sorted by cap.
#[derive(Debug, Clone)]
struct Group {
    mv_per_unit: u64,
    min_mv: u64,
    /// Caps in numbers, ascending.
    caps: Vec<u64>,
    /// Σ_{j<i} capⱼ · wⱼ (profit) and the same for rates (lots).
    capped_profit: Vec<Decimal>,
    capped_lots: Vec<Decimal>,
    /// Σ_{j≥i} wⱼ (profit) and rⱼ (lots).
    open_profit: Vec<Decimal>,
    open_lots: Vec<Decimal>,
}

/// The expected profit and lots of one pool as functions of its market value.
#[derive(Debug, Clone)]
pub struct PoolCurve {
    /// The pool.
    pub pool: Pool,
    groups: Vec<Group>,
    /// The IPOs counted.
    pub ipos: usize,
    /// IPOs with no cap but the rule's absolute one (their 顶格 is not known).
    pub open_ended: usize,
}

/// A point of the curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// Expected profit.
    pub profit: Decimal,
    /// Expected lots.
    pub lots: Decimal,
}

impl PoolCurve {
    /// The curve of `pool` over the subscriptions of that pool in `subs`.
    pub fn new(pool: Pool, subs: &[Subscription]) -> Result<PoolCurve> {
        let mut keyed: Vec<(u64, u64, u64, Decimal, Decimal)> = Vec::new();
        let mut open_ended = 0;
        for s in subs.iter().filter(|s| s.pool == pool) {
            if s.cap_source == CapSource::RuleMax {
                open_ended += 1;
            }
            let r = s.rate();
            let w = num::mul(r, s.profit_per_lot, "expected profit")?;
            keyed.push((s.mv_per_unit, s.min_mv, s.cap_numbers, w, r));
        }
        keyed.sort_by_key(|k| (k.0, k.1, k.2));
        let mut groups: Vec<Group> = Vec::new();
        for (u, m, cap, w, r) in &keyed {
            let new_group = groups
                .last()
                .is_none_or(|g| g.mv_per_unit != *u || g.min_mv != *m);
            if new_group {
                groups.push(Group {
                    mv_per_unit: *u,
                    min_mv: *m,
                    caps: Vec::new(),
                    capped_profit: vec![Decimal::ZERO],
                    capped_lots: vec![Decimal::ZERO],
                    open_profit: Vec::new(),
                    open_lots: Vec::new(),
                });
            }
            let g = groups.last_mut().ok_or_else(|| Error::overflow("curve"))?;
            let capd = Decimal::from(*cap);
            let last_p = *g.capped_profit.last().unwrap_or(&Decimal::ZERO);
            let last_l = *g.capped_lots.last().unwrap_or(&Decimal::ZERO);
            g.capped_profit.push(num::add(
                last_p,
                num::mul(capd, *w, "expected profit")?,
                "expected profit",
            )?);
            g.capped_lots.push(num::add(
                last_l,
                num::mul(capd, *r, "expected lots")?,
                "expected lots",
            )?);
            g.caps.push(*cap);
            g.open_profit.push(*w);
            g.open_lots.push(*r);
        }
        for g in &mut groups {
            // suffix sums, with a zero at the end
            let n = g.open_profit.len();
            let mut sp = vec![Decimal::ZERO; n + 1];
            let mut sl = vec![Decimal::ZERO; n + 1];
            for i in (0..n).rev() {
                sp[i] = num::add(sp[i + 1], g.open_profit[i], "expected profit")?;
                sl[i] = num::add(sl[i + 1], g.open_lots[i], "expected lots")?;
            }
            g.open_profit = sp;
            g.open_lots = sl;
        }
        Ok(PoolCurve {
            pool,
            groups,
            ipos: keyed.len(),
            open_ended,
        })
    }

    /// Expected profit and lots at an average market value `mv` (yuan).
    ///
    /// ```
    /// use daxin::strategy::curve::PoolCurve;
    /// use daxin::strategy::input::Pool;
    /// let empty = PoolCurve::new(Pool::Sh, &[]).unwrap();
    /// assert!(empty.at(100_000.into()).unwrap().profit.is_zero());
    /// ```
    pub fn at(&self, mv: Decimal) -> Result<Point> {
        if mv < Decimal::ZERO {
            return Err(Error::invalid_at(
                crate::why!("market value", "市值"),
                &mv.to_string(),
                crate::why!("a market value cannot be negative", "市值不能为负"),
            ));
        }
        let whole = u128::try_from(mv.trunc()).map_err(|_| Error::overflow("market value"))?;
        let mut p = Point {
            profit: Decimal::ZERO,
            lots: Decimal::ZERO,
        };
        for g in &self.groups {
            if whole < u128::from(g.min_mv) {
                continue;
            }
            let k = whole / u128::from(g.mv_per_unit.max(1));
            let k = u64::try_from(k).unwrap_or(u64::MAX);
            let split = g.caps.partition_point(|c| *c <= k);
            let kd = Decimal::from(k);
            let profit = num::add(
                g.capped_profit[split],
                num::mul(kd, g.open_profit[split], "expected profit")?,
                "expected profit",
            )?;
            let lots = num::add(
                g.capped_lots[split],
                num::mul(kd, g.open_lots[split], "expected lots")?,
                "expected lots",
            )?;
            p.profit = num::add(p.profit, profit, "expected profit")?;
            p.lots = num::add(p.lots, lots, "expected lots")?;
        }
        Ok(p)
    }

    /// The marginal return of the next `step` of value past `mv`, in
    /// percent: [E(mv + step) − E(mv)] ÷ step × 100.
    pub fn marginal_pct(&self, mv: Decimal, step: Decimal) -> Result<Decimal> {
        if step <= Decimal::ZERO {
            return Err(Error::invalid(
                "--step",
                &step.to_string(),
                crate::why!("the step must be above zero", "步长必须大于零"),
            ));
        }
        let hi = self.at(num::add(mv, step, "market value")?)?.profit;
        let lo = self.at(mv)?.profit;
        num::div(
            num::mul(
                num::sub(hi, lo, "marginal")?,
                Decimal::ONE_HUNDRED,
                "marginal",
            )?,
            step,
            "marginal",
        )
    }

    /// The market values where the curve changes slope: the minimum, and
    /// each IPO's 顶格 (cap numbers × value per unit), ascending, distinct.
    pub fn breakpoints(&self) -> Vec<u64> {
        let mut b: Vec<u64> = self
            .groups
            .iter()
            .flat_map(|g| {
                std::iter::once(g.min_mv)
                    .chain(g.caps.iter().map(|c| c.saturating_mul(g.mv_per_unit)))
            })
            .collect();
        b.sort_unstable();
        b.dedup();
        b
    }

    /// The largest 顶格 of the pool: no value beyond it earns more;
    /// `None` when an IPO of the pool has no known cap.
    pub fn full_quota(&self) -> Option<u64> {
        (self.open_ended == 0).then(|| self.largest_cap_value())
    }

    /// The largest cap × value per unit in the pool (the rule's absolute
    /// cap included, for IPOs with no other).
    pub fn largest_cap_value(&self) -> u64 {
        self.groups
            .iter()
            .filter_map(|g| g.caps.last().map(|c| c.saturating_mul(g.mv_per_unit)))
            .max()
            .unwrap_or(0)
    }

    /// The values per unit the pool's IPOs use.
    pub fn units(&self) -> Vec<u64> {
        let mut u: Vec<u64> = self.groups.iter().map(|g| g.mv_per_unit).collect();
        u.sort_unstable();
        u.dedup();
        u
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::board::Board;
    use crate::input::ymd;
    use crate::strategy::input::{CapSource, RuleDay};

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    pub(crate) fn sub(pool: Pool, cap_numbers: u64, rate_pct: &str, profit: &str) -> Subscription {
        Subscription {
            line: None,
            code: "x".into(),
            name: "x".into(),
            board: if pool == Pool::Sh {
                Board::Star
            } else {
                Board::ChiNext
            },
            pool,
            date: ymd(2025, 1, 2),
            rule_day: RuleDay::Subscription,
            win_rate_pct: d(rate_pct),
            unit_shares: 500,
            mv_per_unit: 5000,
            min_mv: 10_000,
            cap_shares: cap_numbers * 500,
            cap_source: CapSource::Published,
            cap_numbers,
            full_quota_mv: Decimal::from(cap_numbers * 5000),
            stated_full_quota_mv: None,
            rule_unclear: false,
            price: None,
            gross_per_lot: d(profit),
            fees_per_lot: Decimal::ZERO,
            profit_per_lot: d(profit),
        }
    }

    #[test]
    fn ramps_by_hand() {
        // two IPOs: cap 4 numbers at 0.1% and 10,000 a lot (w = 10 per number);
        // cap 10 numbers at 0.05% and 20,000 (w = 10)
        let subs = [
            sub(Pool::Sh, 4, "0.1", "10000"),
            sub(Pool::Sh, 10, "0.05", "20000"),
        ];
        let c = PoolCurve::new(Pool::Sh, &subs).unwrap();
        let e = |mv: u64| c.at(Decimal::from(mv)).unwrap().profit;
        assert_eq!(e(9_999), d("0")); // below the ¥10,000 minimum
        assert_eq!(e(10_000), d("40")); // 2 units each: 2·10 + 2·10
        assert_eq!(e(14_999), d("40")); // the rest of a unit earns nothing
        assert_eq!(e(20_000), d("80")); // 4 + 4
        assert_eq!(e(30_000), d("100")); // first capped at 4: 40 + 6·10
        assert_eq!(e(50_000), d("140")); // 40 + 10·10
        assert_eq!(e(1_000_000), d("140")); // past both 顶格
        assert_eq!(c.breakpoints(), vec![10_000, 20_000, 50_000]);
        assert_eq!(c.full_quota(), Some(50_000));
        // lots: 4·0.001 + 10·0.0005
        assert_eq!(c.at(Decimal::from(50_000)).unwrap().lots, d("0.009"));
        // marginal of the next 10,000 from 20,000: (100 − 80) ÷ 10,000 × 100 = 0.2%
        assert_eq!(
            c.marginal_pct(Decimal::from(20_000), Decimal::from(10_000))
                .unwrap(),
            d("0.2")
        );
        assert!(c
            .marginal_pct(Decimal::from(50_000), Decimal::from(10_000))
            .unwrap()
            .is_zero());
    }
}
