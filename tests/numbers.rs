//! The 中签号 checker against published result lists (fixtures/wins/numbers,
//! each with its source) and against a brute-force loop.

use assert_cmd::Command;
use daxin::wins::numbers::{self, from_digits, parse_tails, Check, TailList};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/wins/numbers/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn per_length(l: &TailList) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = Vec::new();
    for t in &l.tails {
        match v.iter_mut().find(|(k, _)| *k == t.digits.len()) {
            Some((_, n)) => *n += 1,
            None => v.push((t.digits.len(), 1)),
        }
    }
    v
}

#[test]
fn zhongjirenjian_chinext_rate_matches_the_announcement() {
    // 中机认检 (301508, ChiNext, 2023): announced 0.0278785227%; tails 2/7/8/7/8
    let l = parse_tails(&fixture("301508-zhongjirenjian-2023.txt")).unwrap();
    assert_eq!(per_length(&l), [(4, 2), (5, 7), (6, 8), (7, 7), (8, 8)]);
    assert_eq!(l.implied_rate_pct(), d("0.027878"));
    let c = numbers::rate_check(&l, d("0.0278785227"), None);
    assert!(matches!(c, Check::Rate { agrees: true, .. }), "{c:?}");
    // the announcement agrees with itself: 2260.85万 online shares ÷ 500 = 45,217 numbers
    assert_eq!(22_608_500 / 500, 45_217);
    // one 5-digit tail left out is caught by the rate alone
    let mut short = fixture("301508-zhongjirenjian-2023.txt");
    short = short.replace("07480,", "");
    let l = parse_tails(&short).unwrap();
    let c = numbers::rate_check(&l, d("0.0278785227"), None);
    assert!(matches!(c, Check::Rate { agrees: false, .. }), "{c:?}");
}

#[test]
fn huadajiutian_chinext_rate_matches_the_announcement() {
    // 华大九天 (301269, ChiNext, 2022): announced 0.028765293%
    let l = parse_tails(&fixture("301269-huadajiutian-2022.txt")).unwrap();
    assert_eq!(per_length(&l), [(4, 2), (5, 8), (6, 7), (7, 6), (8, 5)]);
    assert_eq!(l.implied_rate_pct(), d("0.028765"));
    let c = numbers::rate_check(&l, d("0.028765293"), None);
    assert!(matches!(c, Check::Rate { agrees: true, .. }), "{c:?}");
}

#[test]
fn kejingyuan_and_jingko_read_as_published() {
    // 科净源 (301372, ChiNext, 2023) and 晶科能源 (688223, STAR, 2022)
    let l = parse_tails(&fixture("301372-kejingyuan-2023.txt")).unwrap();
    assert_eq!(per_length(&l), [(4, 2), (5, 6), (6, 4), (7, 3), (8, 6)]);
    assert_eq!(l.implied_rate_pct(), d("0.026436"));
    let l = parse_tails(&fixture("688223-jingkonengyuan-2022.txt")).unwrap();
    assert_eq!(
        per_length(&l),
        [(3, 1), (4, 4), (5, 9), (6, 6), (7, 2), (8, 1), (9, 2)]
    );
    assert_eq!(l.implied_rate_pct(), d("0.1496212"));
}

#[test]
fn jingbeifang_count_over_every_number_issued() {
    // 京北方 (2020): 配号总数 213,270,030 from 000000000001; 中签号码共有 72,306 个
    let l = parse_tails(&fixture("002987-jingbeifang-2020.txt")).unwrap();
    let c = numbers::winners_check(&l, 72_306, 1, 213_270_030).unwrap();
    assert!(
        matches!(
            c,
            Check::Winners {
                agrees: true,
                counted: 72_306,
                ..
            }
        ),
        "{c:?}"
    );
    let c = numbers::rate_check(&l, d("0.0339034978"), Some(213_270_030));
    assert!(matches!(c, Check::Rate { agrees: true, .. }), "{c:?}");
    // as the page printed it, two tails run together: caught, named with its line
    let e = parse_tails(&fixture("002987-jingbeifang-2020-as-printed.txt")).unwrap_err();
    let m = e.to_string();
    assert!(m.contains("980262230262") && m.contains("line 8"), "{m}");
    // and with one 8-digit tail dropped, the count is one short per 10^8: caught
    let short = fixture("002987-jingbeifang-2020.txt").replace("47246363,", "");
    let l = parse_tails(&short).unwrap();
    let c = numbers::winners_check(&l, 72_306, 1, 213_270_030).unwrap();
    assert!(matches!(c, Check::Winners { agrees: false, .. }), "{c:?}");
}

#[test]
fn cli_json_contract_and_exit_codes() {
    let path = format!(
        "{}/fixtures/wins/numbers/002987-jingbeifang-2020.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args([
            "numbers",
            "--start",
            "000000003000",
            "--count",
            "6000",
            "--tails",
            &path,
        ])
        .args([
            "--winners",
            "72306",
            "--numbers",
            "213270030",
            "--rate",
            "0.0339034978%",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["start"], "000000003000");
    assert_eq!(v["count"], "6000");
    assert_eq!(v["wins"], 2);
    assert_eq!(v["winning"][0]["number"], "000000003573");
    assert_eq!(v["winning"][0]["tail"], "3573");
    assert_eq!(v["winning"][1]["number"], "000000008573");
    assert_eq!(v["implied_rate_pct"], "0.0339041");
    assert_eq!(v["checks"][1]["counted"], 72306);
    // a check that fails: exit code 1, the result still printed
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args(["numbers", "--start", "1", "--count", "10", "--tails", &path])
        .args(["--rate", "0.05%", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("✗ winning rate"), "{s}");
    // text given directly, with bad input named
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args([
            "numbers",
            "--start",
            "1２",
            "--count",
            "0",
            "--tails",
            "末“三”位数：479",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--count"));
}

/// Every number the brute-force loop finds, from the tails as given.
fn brute(tails: &[String], start: u64, count: u64) -> Vec<u64> {
    (start..start + count)
        .filter(|x| {
            tails.iter().any(|t| {
                let m = 10u64.pow(t.len() as u32);
                x % m == t.parse::<u64>().unwrap()
            })
        })
        .collect()
}

fn tail() -> impl Strategy<Value = String> {
    (1usize..=6)
        .prop_flat_map(|k| proptest::string::string_regex(&format!("[0-9]{{{k}}}")).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn checker_agrees_with_a_brute_force_loop(
        tails in proptest::collection::vec(tail(), 1..8),
        start in 0u64..2_000_000,
        count in 1u64..5_000,
    ) {
        let refs: Vec<&str> = tails.iter().map(String::as_str).collect();
        let list = from_digits(&refs).unwrap();
        let want = brute(&tails, start, count);
        let r = numbers::check_limited(&list, start, count, 0, usize::MAX).unwrap();
        prop_assert_eq!(r.wins as usize, want.len());
        let got: Vec<u64> = r.winning.iter().map(|w| w.number.parse().unwrap()).collect();
        prop_assert_eq!(got, want);
        // every listed number ends in the tail it names
        for w in &r.winning {
            prop_assert!(w.number.ends_with(&w.tail));
        }
    }

    #[test]
    fn printed_lists_parse_to_the_tails(
        tails in proptest::collection::vec(tail(), 1..10),
        sep in prop::sample::select(vec![",", "，", "、", " ", ";", "\n"]),
    ) {
        // group by length, print each length under its heading, read back
        let mut text = String::new();
        for k in 1..=6usize {
            let of_k: Vec<&String> = tails.iter().filter(|t| t.len() == k).collect();
            if of_k.is_empty() { continue; }
            let names = ["一", "二", "三", "四", "五", "六"];
            text.push_str(&format!("末“{}”位数：", names[k - 1]));
            text.push_str(&of_k.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(sep));
            text.push('\n');
        }
        let l = parse_tails(&text).unwrap();
        let mut got: Vec<String> = l.tails.iter().map(|t| t.digits.clone()).collect();
        let mut want = tails.clone();
        got.sort();
        want.sort();
        prop_assert_eq!(got, want);
    }
}

#[test]
fn a_winner_is_printed_as_wide_as_its_tail() {
    // a six-digit tail wins on 031000 in a range of five-digit numbers
    let list = from_digits(&["031000"]).unwrap();
    let r = numbers::check_limited(&list, 26_445, 4_556, 0, usize::MAX).unwrap();
    assert_eq!(r.wins, 1);
    assert_eq!(r.winning[0].number, "031000");
    assert!(r.winning[0].number.ends_with(&r.winning[0].tail));
}
