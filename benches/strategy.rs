//! Criterion benchmarks of `daxin strategy`'s heavy parts on a year of 300
//! generated IPOs (rates, caps and profits of the sizes real tables have):
//! the exact distribution of lots won (big-integer Poisson-binomial, with
//! the profit percentiles by a 10,000-sample seeded Monte Carlo, since 300
//! distinct profits are past the exact support), and the exact best split
//! of a 30万 total.
//!
//!     cargo bench --bench strategy

use criterion::{criterion_group, criterion_main, Criterion};
use daxin::board::Board;
use daxin::input::parse_date;
use daxin::strategy::curve::PoolCurve;
use daxin::strategy::dist::{distribution, Draw};
use daxin::strategy::input::{CapSource, Pool, RuleDay, Subscription};
use daxin::strategy::split::best_split;
use rust_decimal::Decimal;
use std::hint::black_box;

/// 300 IPOs: half Shanghai, half Shenzhen; 中签率 0.0150%–0.0499% (8 decimals,
/// as published), caps of 5–64 numbers, profits of ¥3,000–¥98,000 a lot.
fn year() -> Vec<Subscription> {
    let day = parse_date("d", "2025-06-02").unwrap_or_default();
    (0..300u64)
        .map(|i| {
            let pool = if i % 2 == 0 { Pool::Sh } else { Pool::Sz };
            let cap_numbers = 5 + (i * 7) % 60;
            Subscription {
                line: Some(i + 2),
                code: format!("{i:06}"),
                name: format!("IPO {i}"),
                board: if pool == Pool::Sh {
                    Board::Star
                } else {
                    Board::ChiNext
                },
                pool,
                date: day,
                rule_day: RuleDay::Subscription,
                win_rate_pct: Decimal::new(1_500_000 + ((i * 7919) % 3_500_000) as i64, 8),
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
                gross_per_lot: Decimal::from(3000 + (i * 3331) % 95_000),
                fees_per_lot: Decimal::ZERO,
                profit_per_lot: Decimal::from(3000 + (i * 3331) % 95_000),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let subs = year();
    // 10万 in each pool: 20 numbers, or the cap
    let draws: Vec<Draw> = subs
        .iter()
        .map(|s| Draw {
            numbers: s.cap_numbers.min(20),
            rate: s.rate(),
            profit: s.profit_per_lot,
        })
        .collect();
    c.bench_function(
        "distribution of 300 IPOs (exact lots, MC 10,000 percentiles)",
        |b| b.iter(|| distribution(black_box(&draws), 10_000, 1, &mut |_| {})),
    );
    c.bench_function(
        "distribution of 300 IPOs (exact lots, MC 100 percentiles)",
        |b| b.iter(|| distribution(black_box(&draws), 100, 1, &mut |_| {})),
    );
    let sh = PoolCurve::new(Pool::Sh, &subs).unwrap_or_else(|e| panic!("{e}"));
    let sz = PoolCurve::new(Pool::Sz, &subs).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("best split of 30万 over 300 IPOs, one account", |b| {
        b.iter(|| best_split(black_box(&sh), black_box(&sz), Decimal::from(300_000), 1))
    });
    c.bench_function("best split of 30万 over 300 IPOs, three accounts", |b| {
        b.iter(|| best_split(black_box(&sh), black_box(&sz), Decimal::from(300_000), 3))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
