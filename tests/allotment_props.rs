//! Property tests of the allotment tables: a table is generated from what
//! every applicant received, written out in an announcement's words, read
//! back and computed. Then P(at least one lot) is exactly 1 for every tier
//! that gives each applicant a lot, and the expected shares of all the
//! applicants of a pool add up to the shares the applicants were given.

use daxin::allotment::tiers::{compute, Inputs};
use daxin::allotment::{parse, Pool};
use proptest::prelude::*;

/// A tier as drawn: every applicant `certain` lots, and `winners` of them
/// `extra` lots more.
#[derive(Debug, Clone)]
struct Drawn {
    lots: u64,
    applicants: u64,
    certain: u64,
    winners: u64,
    extra: u64,
}

fn drawn() -> impl Strategy<Value = Drawn> {
    (1u64..400, 1u64..300_000).prop_flat_map(|(lots, applicants)| {
        (0..=lots.min(3)).prop_flat_map(move |certain| {
            (0..=applicants, 0..=(lots - certain).min(2)).prop_map(move |(winners, extra)| Drawn {
                lots,
                applicants,
                certain,
                winners,
                extra,
            })
        })
    })
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The basis in one of the wordings announcements use.
fn words(d: &Drawn, lot: u64, style: u8) -> String {
    let (c, s, w, m) = (
        grouped(d.certain * lot),
        grouped(d.extra * lot),
        grouped(d.winners),
        grouped(d.applicants),
    );
    let ballot = d.extra > 0 && d.winners > 0;
    match (style % 3, ballot, d.certain > 0) {
        (0, true, false) => format!("{w} out of {m} applicants to receive {s} H Shares"),
        (0, true, true) => format!(
            "{c} H Shares plus {w} out of {m} applicants to receive an additional {s} H Shares"
        ),
        (1, true, false) => format!("{w} out of {m} to receive {s} Shares"),
        (1, true, true) => {
            format!("{c} shares plus {w} out of {m} to receive\nadditional {s} Shares")
        }
        (_, true, false) => format!("{m}名申請人中有{w}名獲分配{s}股H股"),
        (_, true, true) => format!("{c}股H股，另加{m}名申請人中有{w}名獲分配額外{s}股H股"),
        (2, false, _) => format!("{c}股H股"),
        (_, false, _) => format!("{c} H Shares"),
    }
}

fn table(tiers: &[Drawn], lot: u64, split: usize, style: u8) -> String {
    let mut text = String::from("NO. OF SHARES APPLIED FOR\nNO. OF VALID APPLICATIONS\n");
    for (k, d) in tiers.iter().enumerate() {
        if k == 0 {
            text.push_str(if style % 3 == 2 {
                "甲組\n"
            } else {
                "POOL A\n"
            });
        }
        if k == split {
            text.push_str(if style % 3 == 2 {
                "乙組\n"
            } else {
                "POOL B\n"
            });
        }
        text.push_str(&format!(
            "{}\n{}\n{}\n",
            grouped(d.lots * lot),
            grouped(d.applicants),
            words(d, lot, style)
        ));
    }
    text
}

fn tiers() -> impl Strategy<Value = Vec<Drawn>> {
    prop::collection::vec(drawn(), 1..8).prop_map(|mut v| {
        v.sort_by_key(|d| d.lots);
        v.dedup_by_key(|d| d.lots);
        v
    })
}

/// The same tiers as a two-row table: one row per outcome, the size on the
/// second row printed or left out, page numbers and repeated headings
/// between rows, no pool headings.
fn two_row_table(tiers: &[Drawn], lot: u64, omit: bool, pages: bool) -> String {
    let mut text = String::from("NO. OF H SHARES APPLIED FOR\n");
    for (k, d) in tiers.iter().enumerate() {
        let size = grouped(d.lots * lot);
        let rest = d.applicants - d.winners;
        let rows: Vec<(u64, u64)> = if d.extra > 0 && d.winners > 0 {
            [(rest, d.certain), (d.winners, d.certain + d.extra)]
                .into_iter()
                .filter(|r| r.0 > 0)
                .collect()
        } else {
            vec![(d.applicants, d.certain)]
        };
        for (i, (n, lots)) in rows.iter().enumerate() {
            if i == 0 || !omit {
                text.push_str(&format!("{size}\n"));
            }
            text.push_str(&format!(
                "{}\n{} H Shares\n",
                grouped(*n),
                grouped(lots * lot)
            ));
        }
        if pages && k % 3 == 2 {
            text.push_str(&format!("{}\nNO. OF\nVALID\nAPPLICATIONS\n", k + 10));
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn two_row_tables_read_back_and_add_up(
        tiers in tiers(),
        lot in prop::sample::select(vec![100u64, 200, 500]),
        omit in any::<bool>(),
        pages in any::<bool>(),
    ) {
        let text = two_row_table(&tiers, lot, omit, pages);
        let t = parse::read(text.as_bytes(), None);
        prop_assert!(t.is_ok(), "{}\n{:?}", text, t);
        let t = t.unwrap();
        prop_assert_eq!(t.tiers.len(), tiers.len());
        let r = compute(&t, &Inputs::new(lot)).unwrap();
        let mut all: u128 = 0;
        for (d, f) in tiers.iter().zip(&r.tiers) {
            prop_assert_eq!(f.applications, d.applicants);
            all += u128::from(d.applicants) * u128::from(d.certain * lot)
                + if d.extra > 0 { u128::from(d.winners) * u128::from(d.extra * lot) } else { 0 };
            prop_assert_eq!(f.p_exact.is_one(), d.certain >= 1 || (d.extra > 0 && d.winners == d.applicants));
        }
        let sum: u128 = r.pools.iter().map(|p| u128::from(p.expected_shares_sum)).sum();
        prop_assert_eq!(sum, all);
    }

    #[test]
    fn guaranteed_tiers_are_sure_and_pools_add_up(
        tiers in tiers(),
        lot in prop::sample::select(vec![50u64, 100, 200, 500, 1000]),
        split_at in 0usize..8,
        style in 0u8..3,
    ) {
        let split = split_at.min(tiers.len());
        let text = table(&tiers, lot, split, style);
        let t = parse::read(text.as_bytes(), None);
        prop_assert!(t.is_ok(), "{}\n{:?}", text, t);
        let t = t.unwrap();
        prop_assert_eq!(t.tiers.len(), tiers.len());
        let r = compute(&t, &Inputs::new(lot)).unwrap();
        let mut given = [0u128; 2];
        for (k, (d, f)) in tiers.iter().zip(&r.tiers).enumerate() {
            // what the applicants of the tier were given, counted one by one
            let shares = u128::from(d.applicants) * u128::from(d.certain * lot)
                + if d.extra > 0 { u128::from(d.winners) * u128::from(d.extra * lot) } else { 0 };
            given[usize::from(k >= split)] += shares;
            if d.certain >= 1 {
                prop_assert!(f.p_exact.is_one());
                prop_assert_eq!(f.p_at_least_one, rust_decimal::Decimal::ONE);
            } else {
                prop_assert!(!f.p_exact.is_one() || d.winners == d.applicants && d.extra > 0);
            }
            prop_assert_eq!(f.pool, Some(if k < split { Pool::A } else { Pool::B }));
        }
        for (i, pool) in [Pool::A, Pool::B].into_iter().enumerate() {
            // Σ applications × expected shares, exactly, over the pool's tiers
            let sum: u128 = r
                .tiers
                .iter()
                .filter(|f| f.pool == Some(pool))
                .map(|f| f.expected_shares_exact.times(u128::from(f.applications)).unwrap().as_integer().unwrap())
                .sum();
            prop_assert_eq!(sum, given[i]);
            if let Some(p) = r.pools.iter().find(|p| p.pool == Some(pool)) {
                prop_assert_eq!(u128::from(p.expected_shares_sum), given[i]);
                prop_assert_eq!(u128::from(p.allotted_shares), given[i]);
            }
        }
    }

    #[test]
    fn no_text_makes_the_reader_panic(s in "\\PC{0,200}") {
        let _ = parse::read(s.as_bytes(), None);
        let _ = parse::read(s.as_bytes(), Some(100));
    }

    #[test]
    fn table_like_text_never_panics(s in "[0-9,. %\\n\\tHSharesplusoutofapplicantstoreceive名申請人中有獲分配額外股甲乙組POOLABTotal\"]{0,300}") {
        if let Ok(t) = parse::read(s.as_bytes(), None) {
            if let Some(lot) = daxin::allotment::tiers::infer_lot(&t) {
                let _ = compute(&t, &Inputs::new(lot));
            }
        }
    }
}
