//! Property tests of the strategy model: the expectation never falls as
//! the market value grows (with profitable lots); the marginal return is
//! zero past every IPO's 顶格; the exact distribution sums to one exactly;
//! the Monte Carlo mean converges to the exact expectation; the best split
//! is no worse than any split on the ¥5,000 grid.

use daxin::board::Board;
use daxin::input::parse_date;
use daxin::strategy::curve::PoolCurve;
use daxin::strategy::dist::{distribution, Draw, Method};
use daxin::strategy::input::{CapSource, Pool, RuleDay, Subscription};
use daxin::strategy::split::best_split;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// (cap numbers, rate in units of 10⁻¹⁰, profit in fen, SSE main board of 2022?)
type Spec = (u64, u64, i64, bool);

fn sub(pool: Pool, (cap, rate, fen, old): Spec) -> Subscription {
    // the old SSE main board: ¥10,000 and 1,000 shares a unit
    let (board, unit_mv, unit_shares, day) = match (pool, old) {
        (Pool::Sh, true) => (Board::SseMain, 10_000, 1000, "2022-06-01"),
        (Pool::Sh, false) => (Board::Star, 5000, 500, "2025-06-02"),
        (Pool::Sz, _) => (Board::ChiNext, 5000, 500, "2025-06-02"),
    };
    let profit = Decimal::new(fen, 2);
    Subscription {
        line: None,
        code: "x".into(),
        name: "x".into(),
        board,
        pool,
        date: parse_date("d", day).unwrap_or_default(),
        rule_day: RuleDay::Subscription,
        win_rate_pct: Decimal::new(rate as i64, 8),
        unit_shares,
        mv_per_unit: unit_mv,
        min_mv: 10_000,
        cap_shares: cap * unit_shares,
        cap_source: CapSource::Published,
        cap_numbers: cap,
        full_quota_mv: Decimal::from(cap * unit_mv),
        stated_full_quota_mv: None,
        rule_unclear: false,
        price: None,
        gross_per_lot: profit,
        fees_per_lot: Decimal::ZERO,
        profit_per_lot: profit,
    }
}

fn specs(profitable: bool) -> impl Strategy<Value = Vec<Spec>> {
    let fen = if profitable {
        0i64..20_000_000
    } else {
        -2_000_000i64..20_000_000
    };
    prop::collection::vec((1u64..80, 1u64..2_000_000, fen, any::<bool>()), 0..25)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn expectation_never_falls_as_value_grows(
        s in specs(true),
        a in 0u64..2_000_000,
        b in 0u64..2_000_000,
    ) {
        let subs: Vec<Subscription> = s.into_iter().map(|x| sub(Pool::Sh, x)).collect();
        let c = PoolCurve::new(Pool::Sh, &subs).unwrap();
        let (lo, hi) = (a.min(b), a.max(b));
        let (e_lo, e_hi) = (c.at(lo.into()).unwrap(), c.at(hi.into()).unwrap());
        prop_assert!(e_lo.profit <= e_hi.profit, "{lo} → {}, {hi} → {}", e_lo.profit, e_hi.profit);
        prop_assert!(e_lo.lots <= e_hi.lots);
    }

    #[test]
    fn marginal_is_zero_past_every_full_quota(
        s in specs(false),
        extra in 0u64..5_000_000,
        step in 1u64..1_000_000,
    ) {
        let subs: Vec<Subscription> = s.into_iter().map(|x| sub(Pool::Sh, x)).collect();
        let c = PoolCurve::new(Pool::Sh, &subs).unwrap();
        let top = subs.iter().map(|x| x.full_quota_mv).max().unwrap_or_default();
        prop_assert_eq!(c.full_quota().map(Decimal::from), Some(top));
        let mv = top + Decimal::from(extra);
        prop_assert!(c.marginal_pct(mv, step.into()).unwrap().is_zero());
    }

    #[test]
    fn the_exact_distribution_sums_to_one(
        d in prop::collection::vec((0u64..200, 1u64..10_000_000_000, -1_000_000i64..10_000_000), 0..60),
    ) {
        // rates up to 10 decimals (as 中签率 are published), numbers up to 200:
        // n·r can pass 1
        let draws: Vec<Draw> = d
            .into_iter()
            .map(|(n, r, fen)| Draw { numbers: n, rate: Decimal::new(r as i64, 12), profit: Decimal::new(fen, 2) })
            .collect();
        let dist = distribution(&draws, 200, 1, &mut |_| {}).unwrap();
        prop_assert!(dist.sums_to_one);
        let shown: Decimal = dist.lots.iter().map(|l| l.p).sum();
        // each shown probability is rounded half-up at 28 places
        prop_assert!((shown - Decimal::ONE).abs() <= Decimal::new(dist.lots.len() as i64, 28));
        // the mean of the lots distribution is the expected lots
        let mean: Decimal = dist.lots.iter().map(|l| Decimal::from(l.lots) * l.p).sum();
        prop_assert!((mean - dist.expected_lots).abs() < Decimal::new(1, 20));
    }

    #[test]
    fn best_split_beats_every_grid_split(
        sh in specs(false),
        sz in specs(false),
        total in 1u64..80,
        rest in 0u64..5000,
    ) {
        let shs: Vec<Subscription> = sh.into_iter().map(|x| sub(Pool::Sh, x)).collect();
        let szs: Vec<Subscription> = sz.into_iter().map(|x| sub(Pool::Sz, x)).collect();
        let (a, b) = (PoolCurve::new(Pool::Sh, &shs).unwrap(), PoolCurve::new(Pool::Sz, &szs).unwrap());
        let t = total * 5000 + rest;
        let best = best_split(&a, &b, t.into(), 1).unwrap();
        let mut x = 0;
        while x <= t {
            for (p, q) in [(x, t - x), (t - x, x)] {
                let v = a.at(p.into()).unwrap().profit + b.at(q.into()).unwrap().profit;
                prop_assert!(v <= best.expected_profit, "{p}/{q}: {v} > {}", best.expected_profit);
            }
            x += 5000;
        }
        prop_assert_eq!(best.sh + best.sz, Decimal::from(t));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn monte_carlo_mean_converges_to_the_exact_expectation(
        d in prop::collection::vec((1u64..40, 1_000u64..5_000_000, 100_000i64..20_000_000), 14..24),
        seed in any::<u64>(),
    ) {
        // distinct profits, enough draws that the exact support is past its
        // limit and the Monte Carlo runs
        let draws: Vec<Draw> = d
            .iter()
            .enumerate()
            .map(|(i, (n, r, fen))| Draw {
                numbers: *n,
                rate: Decimal::new(*r as i64, 8),
                profit: Decimal::new(fen + i as i64, 2),
            })
            .collect();
        let dist = distribution(&draws, 20_000, seed, &mut |_| {}).unwrap();
        let Method::MonteCarlo { mean, std_error, .. } = dist.method else {
            return Err(TestCaseError::fail("expected a Monte Carlo"));
        };
        // within five standard errors (a false alarm once in ~3.5 million)
        let gap = (mean - dist.expected_profit).abs();
        prop_assert!(gap <= std_error * Decimal::from(5) + Decimal::new(1, 2),
            "mean {mean}, exact {}, se {std_error}", dist.expected_profit);
    }
}
