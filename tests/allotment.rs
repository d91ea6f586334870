//! Real allotment tables (fixtures/hk, sources in fixtures/hk/README.md):
//! every tier's printed "approximate percentage allotted" and every total
//! the announcements print reproduce from the basis.

use daxin::allotment::tiers::{compute, CheckKind, Inputs, PoolFrom, Stated, StatedBy};
use daxin::allotment::{parse, Layout, Pool, Source};
use daxin::fees::Schedule;
use rust_decimal::Decimal;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/hk/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// Reads a fixture and computes it at the final price, checking it against
/// the announcement's summary.
fn report(
    name: &str,
    lot: u64,
    price: &str,
    day: chrono::NaiveDate,
    stated: Stated,
) -> daxin::allotment::tiers::AllotmentReport {
    let t = parse::read(&read(name), None).unwrap();
    let sched = Schedule::builtin().unwrap();
    let mut i = Inputs::new(lot);
    i.price = Some(d(price));
    i.date = day;
    i.schedule = Some(&sched);
    i.stated = stated;
    compute(&t, &i).unwrap()
}

fn assert_all_reproduce(r: &daxin::allotment::tiers::AllotmentReport, tiers: usize) {
    assert_eq!(r.tiers.len(), tiers);
    for t in &r.tiers {
        assert_eq!(
            t.printed_pct,
            Some(t.allotted_pct),
            "line {}: {}",
            t.line,
            t.basis
        );
    }
    for c in &r.checks {
        assert!(c.ok, "{c:?}");
    }
    // every printed percentage is a check, and so is every printed total
    let pct = r
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Percentage)
        .count();
    assert_eq!(pct, tiers);
}

fn pool(r: &daxin::allotment::tiers::AllotmentReport, p: Pool) -> (u64, u64, u64) {
    let x = r.pools.iter().find(|x| x.pool == Some(p)).unwrap();
    assert_eq!(x.expected_shares_sum, x.allotted_shares);
    (x.applications, x.successful, x.allotted_shares)
}

#[test]
fn biren_pool_table_copied_from_the_pdf() {
    // 壁仞科技 6082, final offer price HK$19.60, 200-share lots; summary: 471,116 valid
    // applications, 135,569 successful, 49,538,600 offer shares in the public offer
    let r = report(
        "biren-2025-allotment.txt",
        200,
        "19.60",
        ymd(2025, 12, 29),
        Stated {
            valid_applications: Some(471_116),
            successful: Some(135_569),
            offer_shares: Some(49_538_600),
        },
    );
    assert_eq!((r.layout, r.source), (Layout::PoolTable, Source::Text));
    assert_all_reproduce(&r, 41);
    // the table's own totals: 471,116 in the intro; pool A 441,861 / 106,314; pool B 29,255 / 29,255
    let printed = r
        .checks
        .iter()
        .filter(|c| c.stated_by == StatedBy::Table && c.kind != CheckKind::Percentage)
        .count();
    assert_eq!(printed, 5);
    assert_eq!(pool(&r, Pool::A), (441_861, 106_314, 24_769_400));
    assert_eq!(pool(&r, Pool::B), (29_255, 29_255, 24_769_200));
    // one lot: 8,741 of 174,816 → 5.00%
    let one = &r.tiers[0];
    assert_eq!((one.shares_applied, one.allotted_pct), (200, d("5.00")));
    assert_eq!(one.p_at_least_one.round_dp(6), d("0.050001"));
    // 穩中一手: 50,000 shares (200 each, and 78 of 4,914 another 200), pool A,
    // 50,000 × 19.60 = 980,000 + 1.0085% brokerage and levies (9,883.30) = 989,883.30
    let s = r.sure_of_one_lot.clone().unwrap();
    assert_eq!((s.shares, s.lots, s.pool), (50_000, 250, Some(Pool::A)));
    assert_eq!(s.application_value, Some(d("989883.30")));
    // printed pools agree with the HK$5 million line at HK$19.60
    assert!(r.tiers.iter().all(|t| t.pool_from == PoolFrom::Printed));
    assert!(!r
        .notes
        .iter()
        .any(|n| matches!(n, daxin::allotment::tiers::Note::PoolDiffers { .. })));
}

#[test]
fn iluvatar_pool_table_copied_from_the_pdf() {
    // 天數智芯 9903, HK$144.60, 100-share lots; 180,802 valid, 22,451 successful, 2,543,200 shares
    let r = report(
        "iluvatar-2026-allotment.txt",
        100,
        "144.60",
        ymd(2026, 1, 5),
        Stated {
            valid_applications: Some(180_802),
            successful: Some(22_451),
            offer_shares: Some(2_543_200),
        },
    );
    assert_eq!(r.layout, Layout::PoolTable);
    assert_all_reproduce(&r, 43);
    assert_eq!(pool(&r, Pool::A), (171_067, 12_716, 1_271_600));
    assert_eq!(pool(&r, Pool::B), (9_735, 9_735, 1_271_600));
    // the first size of pool B is the first sure of a lot: 40,000 shares, 100 plus 1,717/5,722 more
    let s = r.sure_of_one_lot.clone().unwrap();
    assert_eq!((s.shares, s.pool), (40_000, Some(Pool::B)));
}

#[test]
fn iluvatar_in_chinese_big5_tsv() {
    let t = parse::read(&read("iluvatar-2026-allotment-zh.tsv"), None).unwrap();
    assert_eq!(
        (t.encoding, t.source, t.layout),
        ("Big5", Source::Tsv, Layout::PoolTable)
    );
    let sched = Schedule::builtin().unwrap();
    let mut i = Inputs::new(100);
    i.price = Some(d("144.60"));
    i.date = ymd(2026, 1, 5);
    i.schedule = Some(&sched);
    let r = compute(&t, &i).unwrap();
    assert_all_reproduce(&r, 43);
    // the same figures as the English text
    let en = report(
        "iluvatar-2026-allotment.txt",
        100,
        "144.60",
        ymd(2026, 1, 5),
        Stated::default(),
    );
    assert_eq!(r.tiers.len(), en.tiers.len());
    for (a, b) in r.tiers.iter().zip(&en.tiers) {
        assert_eq!(
            (a.shares_applied, a.allotted_shares, a.pool),
            (b.shares_applied, b.allotted_shares, b.pool)
        );
        assert_eq!(a.p_at_least_one, b.p_at_least_one);
    }
}

#[test]
fn keytop_spreadsheet_csv() {
    // 科拓 2272, HK$39.55, 60-share lots; 165,737 valid, 15,301 successful, 1,011,240 shares
    let r = report(
        "keytop-2026-allotment.csv",
        60,
        "39.55",
        ymd(2026, 6, 22),
        Stated {
            valid_applications: Some(165_737),
            successful: Some(15_301),
            offer_shares: Some(1_011_240),
        },
    );
    assert_eq!((r.source, r.layout), (Source::Csv, Layout::PoolTable));
    assert_all_reproduce(&r, 38);
    assert_eq!(pool(&r, Pool::A), (158_476, 8_427, 505_620));
    assert_eq!(pool(&r, Pool::B), (7_261, 6_874, 505_620));
    // 300,000 shares: 60 each and 355 of 779 another 60 — the first size sure of a lot
    assert_eq!(r.sure_of_one_lot.clone().unwrap().shares, 300_000);
}

#[test]
fn jinxun_two_row_table_pools_from_the_price() {
    // 金潯資源 3636, HK$30.00, 200-share lots; 64,456 valid, 9,037 successful, 3,676,600 shares
    let r = report(
        "jinxun-2026-allotment.txt",
        200,
        "30.00",
        ymd(2026, 1, 5),
        Stated {
            valid_applications: Some(64_456),
            successful: Some(9_037),
            offer_shares: Some(3_676_600),
        },
    );
    assert_eq!(r.layout, Layout::TwoRow);
    assert_all_reproduce(&r, 40);
    // the table's Total row: 64,456 applications and 3,676,600 H Shares
    assert!(r.checks.iter().any(|c| c.stated_by == StatedBy::Table
        && c.kind == CheckKind::Shares
        && c.stated == d("3676600")
        && c.ok));
    // no headings: pools by the HK$5 million line at HK$30.00 (100,000 shares = 3,000,000 in A,
    // 200,000 = 6,000,000 in B), each half of the tranche to a lot
    assert!(r.tiers.iter().all(|t| t.pool_from == PoolFrom::Implied));
    assert_eq!(pool(&r, Pool::A), (63_574, 8_155, 1_838_400));
    assert_eq!(pool(&r, Pool::B), (882, 882, 1_838_200));
    // 40,000 shares: every one of 478 applicants 200 shares — 穩中一手
    let s = r.sure_of_one_lot.clone().unwrap();
    assert_eq!((s.shares, s.pool), (40_000, Some(Pool::A)));
    // one lot: 2,749 of 39,268 → 7.00%
    assert_eq!(r.tiers[0].applications, 39_268);
}

#[test]
fn a_wrong_percentage_is_a_transcription_error_with_its_line() {
    let text = String::from_utf8(read("biren-2025-allotment.txt"))
        .unwrap()
        .replacen("3.84%", "3.48%", 1);
    let t = parse::read(text.as_bytes(), None).unwrap();
    let r = compute(&t, &Inputs::new(200)).unwrap();
    let bad: Vec<_> = r.checks.iter().filter(|c| !c.ok).collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0].kind, bad[0].line),
        (CheckKind::Percentage, Some(25))
    );
    assert_eq!((bad[0].stated, bad[0].computed), (d("3.48"), d("3.84")));
    assert!(!r.all_checks_ok());
}

#[test]
fn budget_choices() {
    let sched = Schedule::builtin().unwrap();
    let t = parse::read(&read("biren-2025-allotment.txt"), None).unwrap();
    let mut i = Inputs::new(200);
    i.price = Some(d("19.60"));
    i.date = ymd(2025, 12, 29);
    i.schedule = Some(&sched);
    // net of one lot at the first close: (34.46 − 19.60) × 200 = 2,972 (no fees, for the test)
    i.net_per_lot = Some(d("2972"));
    i.budget = Some(d("100000"));
    let r = compute(&t, &i).unwrap();
    let b = r.budget.unwrap();
    // HK$100,000 buys up to 5,000 shares (98,987.33 with fees); the best chance within it is
    // 5,000 shares: 3,357 of 11,145 (30.1 %)
    let c = b.best_chance.unwrap();
    assert_eq!(c.shares, 5_000);
    assert_eq!(c.application_value, Some(d("98988.33")));
    // the expected profit is also highest at 5,000 shares: 3,357 × 200 / (11,145 × 200) × 2,972
    // = 9,977,004 / 11,145 = 895.20 exactly
    let p = b.best_profit.unwrap();
    assert_eq!(p.shares, 5_000);
    assert_eq!(p.expected_profit, Some(d("895.2")));
}
