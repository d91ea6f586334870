//! The best split of a total market value across the pools of one or more
//! accounts: the split that maximises the expected profit, found exactly.
//!
//! Each pool's expectation is a sum of ramps in the market value (see
//! [`super::curve`]): on a grid of *g* yuan (the greatest common divisor of
//! the values per unit, ¥5,000 today) it is linear between breakpoints —
//! the ¥10,000 minimum and each IPO's 顶格 — up to the floors of units
//! coarser than *g* (the old SSE main board's ¥10,000), which repeat every
//! *L* = lcm(u ÷ g) steps. So:
//!
//! - moving value between two pools that both sit strictly inside linear
//!   stretches changes the total linearly, so some optimum has at most one
//!   pool off a breakpoint — that pool takes what is left;
//! - within a stretch, the best point lies within *L* steps of either end.
//!
//! The search therefore tries, for every pool but one, only the breakpoints
//! and the points within *L* of them (and 0 and everything), the last pool
//! taking the rest — with one account, a scan of those candidates; with
//! several, a knapsack over them. No 1万 steps.

use rust_decimal::Decimal;
use serde::Serialize;

use super::curve::PoolCurve;
use super::input::Pool;
use crate::error::{Error, Result};
use crate::num;
use crate::report::ser;

/// The value one pool of one account gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    /// Account number, from 1.
    pub account: u32,
    /// The pool.
    pub pool: Pool,
    /// Market value, yuan.
    #[serde(serialize_with = "ser::money")]
    pub mv: Decimal,
    /// Its expected profit.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
}

/// The best split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BestSplit {
    /// The total split.
    #[serde(serialize_with = "ser::money")]
    pub total: Decimal,
    /// Accounts (separate investors; one investor's several accounts share one quota).
    pub accounts: u32,
    /// Per account and pool.
    pub allocations: Vec<Allocation>,
    /// Shanghai in all.
    #[serde(serialize_with = "ser::money")]
    pub sh: Decimal,
    /// Shenzhen in all.
    #[serde(serialize_with = "ser::money")]
    pub sz: Decimal,
    /// The expected profit of the split.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// Its return on the total, percent.
    #[serde(serialize_with = "ser::pct")]
    pub return_pct: Decimal,
    /// The grid the search ran on, yuan.
    pub grid: u64,
    /// Candidate points evaluated.
    pub candidates: usize,
    /// Value beyond which nothing more is earned: accounts × (顶格 sh + 顶格 sz);
    /// `None` when an IPO has no known cap.
    #[serde(serialize_with = "ser::opt::money")]
    pub saturation: Option<Decimal>,
}

/// (account, pool index 0 = sh / 1 = sz, value).
type Slot = (u32, usize, Decimal);

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Candidate grid points of a curve, within `k_max`.
fn candidates(c: &PoolCurve, grid: u64, period: u64, k_max: u64) -> Vec<u64> {
    // the ends of the range are the ends of a stretch too: their
    // neighbourhoods count (a coarser unit's floor can put the best point
    // a step or two inside the total)
    let mut out: Vec<u64> = (0..=period)
        .flat_map(|j| [j, k_max.saturating_sub(j)])
        .collect();
    for b in c.breakpoints() {
        let k = b.div_ceil(grid);
        for j in 0..=period {
            out.push(k.saturating_add(j));
            out.push(k.saturating_sub(j));
        }
    }
    out.retain(|k| *k <= k_max);
    out.sort_unstable();
    out.dedup();
    out
}

/// The split of `total` across `accounts` accounts' Shanghai and Shenzhen
/// pools that maximises the expected profit; ties go to less Shanghai value.
///
/// ```
/// use daxin::strategy::curve::PoolCurve;
/// use daxin::strategy::input::Pool;
/// use daxin::strategy::split::best_split;
/// let none = PoolCurve::new(Pool::Sh, &[]).unwrap();
/// let s = best_split(&none, &PoolCurve::new(Pool::Sz, &[]).unwrap(), 200_000.into(), 1).unwrap();
/// assert!(s.expected_profit.is_zero());
/// ```
pub fn best_split(
    sh: &PoolCurve,
    sz: &PoolCurve,
    total: Decimal,
    accounts: u32,
) -> Result<BestSplit> {
    if total <= Decimal::ZERO {
        return Err(Error::invalid(
            "--total",
            &total.to_string(),
            crate::why!("the total must be above zero", "总额必须大于零"),
        ));
    }
    if accounts == 0 || accounts > 20 {
        return Err(Error::invalid(
            "--accounts",
            &accounts.to_string(),
            crate::why!("give 1 to 20 accounts", "请给出 1 到 20 个账户"),
        ));
    }
    let units: Vec<u64> = sh.units().into_iter().chain(sz.units()).collect();
    let grid = units.iter().copied().fold(0, gcd);
    let grid = if grid == 0 { 5000 } else { grid };
    let period = units
        .iter()
        .map(|u| u / grid)
        .fold(1u64, |l, m| l / gcd(l, m) * m)
        .min(64);
    let k_max = u64::try_from((total / Decimal::from(grid)).floor())
        .ok()
        .filter(|k| *k <= 10_000_000)
        .ok_or_else(|| {
            Error::invalid(
                "--total",
                &total.to_string(),
                crate::why!(
                    "too large to search (more than 10,000,000 grid steps)",
                    "太大，无法搜索（超过 10,000,000 个网格步）"
                ),
            )
        })?;
    let g = Decimal::from(grid);
    let at = |c: &PoolCurve, k: u64| -> Result<Decimal> { Ok(c.at(Decimal::from(k) * g)?.profit) };
    let cand = [
        candidates(sh, grid, period, k_max),
        candidates(sz, grid, period, k_max),
    ];
    let values: Vec<Vec<Decimal>> = [sh, sz]
        .iter()
        .zip(&cand)
        .map(|(c, ks)| ks.iter().map(|k| at(c, *k)).collect::<Result<Vec<_>>>())
        .collect::<Result<_>>()?;
    let curve = |p: usize| if p == 0 { sh } else { sz };
    let pool_of = |p: usize| if p == 0 { Pool::Sh } else { Pool::Sz };
    let mut evaluated = cand[0].len() + cand[1].len();

    // (profit, Shanghai value, [(account, pool index, value)])
    let mut best: Option<(Decimal, Decimal, Vec<Slot>)> = None;
    let mut consider = |profit: Decimal, alloc: Vec<Slot>| {
        let sh_mv: Decimal = alloc.iter().filter(|a| a.1 == 0).map(|a| a.2).sum();
        let better = match &best {
            None => true,
            Some((p, s, _)) => profit > *p || (profit == *p && sh_mv < *s),
        };
        if better {
            best = Some((profit, sh_mv, alloc));
        }
    };
    // the free pool takes the rest: try each pool kind as the free one
    for free in 0..2usize {
        let fixed = 1 - free;
        if accounts == 1 {
            for (i, k) in cand[fixed].iter().enumerate() {
                let v = Decimal::from(*k) * g;
                let rest = num::sub(total, v, "split")?;
                let profit = num::add(values[fixed][i], curve(free).at(rest)?.profit, "split")?;
                evaluated += 1;
                consider(profit, vec![(1, fixed, v), (1, free, rest)]);
            }
            continue;
        }
        // knapsack over the other 2N − 1 pools on the candidate points
        let pools: Vec<(u32, usize)> = (1..=accounts)
            .flat_map(|a| [(a, 0usize), (a, 1usize)])
            .filter(|(a, p)| !(*a == 1 && *p == free))
            .collect();
        let width = usize::try_from(k_max + 1).map_err(|_| Error::overflow("split"))?;
        let work = pools
            .len()
            .saturating_mul(width)
            .saturating_mul(cand[0].len().max(cand[1].len()));
        if work > 400_000_000 {
            return Err(Error::invalid(
                "--total",
                &total.to_string(),
                crate::why!("too many accounts and grid steps to search exactly; give fewer accounts or a smaller total", "账户数与网格步数太多，无法精确搜索；请减少账户数或降低总额"),
            ));
        }
        let mut dp: Vec<Option<Decimal>> = vec![None; width];
        dp[0] = Some(Decimal::ZERO);
        let mut choice: Vec<Vec<u32>> = Vec::with_capacity(pools.len());
        for (_, p) in &pools {
            let mut next: Vec<Option<Decimal>> = vec![None; width];
            let mut pick = vec![u32::MAX; width];
            for (u, base) in dp.iter().enumerate() {
                let Some(base) = base else { continue };
                for (ci, k) in cand[*p].iter().enumerate() {
                    let Ok(k) = usize::try_from(*k) else { continue };
                    let Some(t) = u.checked_add(k).filter(|t| *t < width) else {
                        break;
                    };
                    let v = num::add(*base, values[*p][ci], "split")?;
                    if next[t].is_none_or(|x| v > x) {
                        next[t] = Some(v);
                        pick[t] = u32::try_from(ci).map_err(|_| Error::overflow("split"))?;
                    }
                }
            }
            evaluated += width;
            choice.push(pick);
            dp = next;
        }
        for (u, v) in dp.iter().enumerate() {
            let Some(v) = v else { continue };
            let used = Decimal::from(u as u64) * g;
            let rest = num::sub(total, used, "split")?;
            let profit = num::add(*v, curve(free).at(rest)?.profit, "split")?;
            // walk back the choices
            let mut alloc = vec![(1u32, free, rest)];
            let mut t = u;
            for (j, (a, p)) in pools.iter().enumerate().rev() {
                let ci = choice[j][t] as usize;
                let k = cand[*p][ci];
                alloc.push((*a, *p, Decimal::from(k) * g));
                t -= usize::try_from(k).map_err(|_| Error::overflow("split"))?;
            }
            consider(profit, alloc);
        }
    }
    let (profit, _, mut alloc) = best.ok_or_else(|| Error::overflow("split"))?;
    alloc.sort_by_key(|a| (a.0, a.1));
    let mut allocations = Vec::with_capacity(alloc.len());
    for (a, p, mv) in &alloc {
        allocations.push(Allocation {
            account: *a,
            pool: pool_of(*p),
            mv: *mv,
            expected_profit: curve(*p).at(*mv)?.profit,
        });
    }
    let sum = |p: Pool| -> Decimal {
        allocations
            .iter()
            .filter(|a| a.pool == p)
            .map(|a| a.mv)
            .sum()
    };
    let sat = match (sh.full_quota(), sz.full_quota()) {
        (Some(a), Some(b)) => Some(num::mul(
            Decimal::from(a) + Decimal::from(b),
            Decimal::from(accounts),
            "saturation",
        )?),
        _ => None,
    };
    Ok(BestSplit {
        total,
        accounts,
        sh: sum(Pool::Sh),
        sz: sum(Pool::Sz),
        allocations,
        expected_profit: profit,
        return_pct: num::div(
            num::mul(profit, Decimal::ONE_HUNDRED, "return")?,
            total,
            "return",
        )?,
        grid,
        candidates: evaluated,
        saturation: sat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategy::curve::tests::sub;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    /// Every split on the ¥5,000 grid (and the remainder), by brute force.
    fn brute(sh: &PoolCurve, sz: &PoolCurve, total: u64) -> Decimal {
        let mut best = Decimal::MIN;
        let mut x = 0;
        while x <= total {
            let v = sh.at(Decimal::from(x)).unwrap().profit
                + sz.at(Decimal::from(total - x)).unwrap().profit;
            best = best.max(v);
            let v = sz.at(Decimal::from(x)).unwrap().profit
                + sh.at(Decimal::from(total - x)).unwrap().profit;
            best = best.max(v);
            x += 5000;
        }
        best
    }

    #[test]
    fn one_account_by_hand() {
        // Shanghai: one IPO, cap 10 numbers, w = 0.1% × 20,000 = 20 a number (顶格 5万);
        // Shenzhen: one IPO, cap 30 numbers, w = 0.02% × 50,000 = 10 a number (顶格 15万).
        let sh = PoolCurve::new(Pool::Sh, &[sub(Pool::Sh, 10, "0.1", "20000")]).unwrap();
        let sz = PoolCurve::new(Pool::Sz, &[sub(Pool::Sz, 30, "0.02", "50000")]).unwrap();
        // 10万: Shanghai to its 顶格 (5万 → 200), the rest to Shenzhen (10 numbers → 100)
        let s = best_split(&sh, &sz, d("100000"), 1).unwrap();
        assert_eq!(
            (s.sh, s.sz, s.expected_profit),
            (d("50000"), d("50000"), d("300"))
        );
        // 30万: both 顶格 (5万 + 15万 = 20万), profit 200 + 300; the spare 10万 earns nothing
        let s = best_split(&sh, &sz, d("300000"), 1).unwrap();
        assert_eq!(s.expected_profit, d("500"));
        assert_eq!(s.saturation, Some(d("200000")));
        // 1.2万: only one pool can reach the ¥10,000 minimum; Shanghai pays more
        // (2 numbers × 20); the ¥2,000 left earns nothing anywhere, and ties
        // go to less Shanghai value
        let s = best_split(&sh, &sz, d("12000"), 1).unwrap();
        assert_eq!(
            (s.sh, s.sz, s.expected_profit),
            (d("10000"), d("2000"), d("40"))
        );
        for t in [12_000u64, 55_000, 100_000, 175_000, 300_000] {
            let s = best_split(&sh, &sz, Decimal::from(t), 1).unwrap();
            assert_eq!(s.expected_profit, brute(&sh, &sz, t), "{t}");
        }
    }

    #[test]
    fn two_accounts_double_the_quota() {
        let sh = PoolCurve::new(Pool::Sh, &[sub(Pool::Sh, 10, "0.1", "20000")]).unwrap();
        let sz = PoolCurve::new(Pool::Sz, &[sub(Pool::Sz, 30, "0.02", "50000")]).unwrap();
        // 10万 in two accounts: both Shanghai pools to 顶格 (2 × 200)
        let s = best_split(&sh, &sz, d("100000"), 2).unwrap();
        assert_eq!(s.expected_profit, d("400"));
        assert_eq!(s.sh, d("100000"));
        let s = best_split(&sh, &sz, d("400000"), 2).unwrap();
        assert_eq!(s.expected_profit, d("1000"));
        assert_eq!(s.allocations.len(), 4);
    }
}
