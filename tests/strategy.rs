//! `daxin strategy` on real IPOs, worked out by hand.
//!
//! fixtures/strategy/gpu-wave-2025.csv holds three IPOs of late 2025 in
//! the AKShare `stock_xgsglb_em` layout, every value sourced (see
//! fixtures/strategy/README.md):
//!
//! - 摩尔线程 688795 (STAR, T日 2025-11-24): 中签率 0.03635054 %, 申购上限
//!   11,000 shares (顶格 11万), issue 114.28, first close 600.50;
//! - 沐曦股份 688802 (STAR, listed 2025-12-17, no T日 or cap in the sources
//!   read): 中签率 0.03348913 %, issue 104.66, first close 829.90;
//! - 元创股份 001325 (SZSE main, T日 2025-12-09): 中签率 0.0108715425 %, no
//!   first-day close in the sources read — an unpriced row, not counted.

use assert_cmd::Command;
use rust_decimal::Decimal;
use serde_json::Value;

const FIXTURE: &str = "fixtures/strategy/gpu-wave-2025.csv";

fn daxin() -> Command {
    let mut c = Command::cargo_bin("daxin").unwrap_or_else(|e| panic!("{e}"));
    c.env_remove("DAXIN_CONFIG").env("HOME", "/nonexistent");
    c
}

fn json(args: &[&str]) -> Value {
    let out = daxin()
        .arg("strategy")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn s<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut x = v;
    for p in path {
        x = match p.parse::<usize>() {
            Ok(i) => &x[i],
            Err(_) => &x[*p],
        };
    }
    x.as_str()
        .unwrap_or_else(|| panic!("{path:?} is not a string: {x}"))
}

fn dec(x: &str) -> Decimal {
    Decimal::from_str_exact(x).unwrap_or_else(|e| panic!("{x}: {e}"))
}

#[test]
fn hand_checked_at_ten_wan_in_shanghai() {
    let v = json(&[FIXTURE, "--sh", "100000", "--step", "10000"]);
    // 元创股份 has no first-day close: pending, not counted
    assert_eq!(v["ipos"], 2);
    assert_eq!(s(&v, &["excluded", "0", "code"]), "001325");
    assert_eq!(s(&v, &["excluded", "0", "why", "reason"]), "unpriced");

    // 摩尔线程: ⌊100,000 ÷ 5,000⌋ = 20 units, under the cap of 11,000 ÷ 500 = 22
    // numbers → 20 numbers; 20 × 0.0003635054 = 0.007270108 lots;
    // (600.50 − 114.28) × 500 = 243,110.00 a lot;
    // 0.007270108 × 243,110 = 1,701.77 + 65.665955880 = 1,767.435955880
    let moore = &v["rows"][0];
    assert_eq!(s(moore, &["code"]), "688795");
    assert_eq!(moore["numbers"], 20);
    assert_eq!(moore["cap_shares"], 11000);
    assert_eq!(s(moore, &["full_quota_mv"]), "110000.00");
    assert_eq!(s(moore, &["expected_lots"]), "0.007270108");
    assert_eq!(s(moore, &["profit_per_lot"]), "243110.00");
    assert_eq!(s(moore, &["expected_profit"]), "1767.44");
    // P(≥1) by the model the spread below uses, the tail-number draw: the
    // 20 consecutive numbers win one lot with probability n·r when n·r < 1,
    // so min(1, 20 × 0.0003635054) = 0.007270108
    assert_eq!(s(moore, &["p_at_least_one"]), "0.007270108");
    assert_eq!(s(moore, &["p_at_least_one_model"]), "tail_number");
    // every number its own draw instead: 1 − (1 − r)^20 = 20r − 190r² +
    // 1140r³ − … = 0.007270108 − 0.0000251059 + 0.0000000548 − …
    // = 0.00724505680 (to 11 places)
    let p = dec(s(moore, &["p_at_least_one_independent"]));
    assert_eq!(daxin::num::fixed(p, 11), "0.00724505680");

    // 沐曦股份: no cap in the row, so only STAR's absolute cap applies: 20 numbers;
    // 20 × 0.0003348913 = 0.006697826; (829.90 − 104.66) × 500 = 362,620.00;
    // 0.006697826 × 362,620 = 2,428.765664120
    let metax = &v["rows"][1];
    assert_eq!(s(metax, &["expected_lots"]), "0.006697826");
    assert_eq!(s(metax, &["expected_profit"]), "2428.77");
    assert_eq!(s(metax, &["cap_source"]), "rule_max");

    // Shanghai: 1,767.435955880 + 2,428.765664120 = 4,196.20162; on 100,000: 4.20 %
    assert_eq!(s(&v, &["sh", "expected_profit"]), "4196.20");
    assert_eq!(s(&v, &["sh", "return_pct"]), "4.20");
    assert_eq!(s(&v, &["expected_profit"]), "4196.20");
    // the next 1万: 2 more numbers in each (摩尔线程 to its cap of 22):
    // (2 × 0.0003635054 × 243,110 + 2 × 0.0003348913 × 362,620) ÷ 10,000 × 100
    // = (176.7435955880 + 242.8765664120) ÷ 100 = 4.19620162 %
    assert_eq!(s(&v, &["marginal", "0", "exchange"]), "sh");
    assert_eq!(s(&v, &["marginal", "0", "return_pct"]), "4.20");
    // nothing on Shenzhen counts here
    assert_eq!(s(&v, &["sz", "expected_profit"]), "0.00");

    // the spread, exact: each IPO one draw (n·r < 1): P(no lot) =
    // (1 − 0.007270108)(1 − 0.006697826) = 0.986080759918385208;
    // P(2) = 0.007270108 × 0.006697826 = 0.000048693918385208; P(1) the rest
    let d = &v["distribution"];
    assert_eq!(s(d, &["p_no_win"]), "0.986080759918385208");
    assert_eq!(s(d, &["lots", "1", "p"]), "0.013870546163229584");
    assert_eq!(s(d, &["lots", "2", "p"]), "0.000048693918385208");
    assert_eq!(d["sums_to_one"], true);
    // every number its own draw: (1 − r₁)²⁰ (1 − r₂)²⁰ = 0.98612675541504…
    let indep = dec(s(d, &["p_no_win_independent"]));
    assert_eq!(daxin::num::fixed(indep, 14), "0.98612675541504");
    // with 98.6 % of no lot at all, every percentile up to P95 is nothing
    assert_eq!(s(d, &["percentiles", "4", "profit"]), "0.00");
    assert_eq!(s(d, &["method", "kind"]), "exact");
}

#[test]
fn marginal_return_past_a_cap() {
    // at 11万 摩尔线程 is at its 顶格; the next 1万 buys 2 numbers of 沐曦股份 only:
    // 2 × 0.0003348913 × 362,620 ÷ 10,000 × 100 = 2.42876566412 %
    let v = json(&[FIXTURE, "--sh", "110000"]);
    assert_eq!(v["rows"][0]["numbers"], 22);
    assert_eq!(s(&v, &["marginal", "0", "return_pct"]), "2.43");
    // past it the cap binds
    let v = json(&[FIXTURE, "--sh", "120000"]);
    assert_eq!(v["rows"][0]["numbers"], 22);
    assert_eq!(v["rows"][0]["capped"], true);
}

#[test]
fn derived_caps_from_the_built_in_records() {
    // daxin's own records carry the initial online tranche: 摩尔线程 11,200,000
    // → 1‰ = 11,200 → 22 whole units = 11,000 shares, the same as the
    // published 申购上限; 沐曦股份 6,416,000 → 6,416 → 12 units = 6,000
    let v = json(&["fixtures/ipos.toml", "--sh", "300000"]);
    let rows = v["rows"].as_array().unwrap_or_else(|| panic!("rows"));
    let cap = |code: &str| {
        rows.iter()
            .find(|r| r["code"] == code)
            .map(|r| (r["cap_shares"].clone(), r["cap_source"].clone()))
    };
    assert_eq!(cap("688795"), Some((11000.into(), "online_rule".into())));
    assert_eq!(cap("688802"), Some((6000.into(), "online_rule".into())));
    // 30万 → 60 units, capped: 22 × 0.0003635054 × 243,110 + 12 × 0.0003348913 × 362,620
    // = 1,944.1795514680 + 1,457.2593984720 = 3,401.43894994
    assert_eq!(s(&v, &["sh", "expected_profit"]), "3401.44");
    // past both 顶格 nothing more is earned
    assert_eq!(s(&v, &["sh", "marginal_pct"]), "0.00");
}

#[test]
fn best_split_and_accounts() {
    // only Shanghai IPOs count, so 20万 goes to Shanghai: with the built-in
    // caps (11万 and 6万), 11万 is all that earns anything
    let v = json(&["fixtures/ipos.toml", "--sh", "0", "--total", "200000"]);
    assert_eq!(s(&v, &["best_split", "expected_profit"]), "3401.44");
    assert_eq!(s(&v, &["best_split", "saturation"]), "110000.00");
    // two investors each reach 顶格 with 11万: 22万 doubles the profit
    let v = json(&[
        "fixtures/ipos.toml",
        "--sh",
        "0",
        "--total",
        "220000",
        "--accounts",
        "2",
    ]);
    assert_eq!(s(&v, &["best_split", "expected_profit"]), "6802.88");
    assert_eq!(s(&v, &["best_split", "sh"]), "220000.00");
}

#[test]
fn fees_come_off_each_lot() {
    // 摩尔线程 sold at 600.50 × 500 = 300,250.00 on 2025-12-05: stamp duty
    // 150.13, handling 10.24, transfer 3.00, regulatory 6.01, commission
    // 0.025 % 75.06 = 244.44; 243,110.00 − 244.44 = 242,865.56 a lot
    let v = json(&[FIXTURE, "--sh", "100000", "--fees"]);
    assert_eq!(s(&v, &["rows", "0", "fees_per_lot"]), "244.44");
    assert_eq!(s(&v, &["rows", "0", "profit_per_lot"]), "242865.56");
}

#[test]
fn csv_is_one_plain_row_per_ipo() {
    let out = daxin()
        .args(["strategy", FIXTURE, "--sh", "100000", "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("line,code,name,board,pool"));
    assert!(lines[1].contains(",1767.44"), "{}", lines[1]);
    assert!(!lines[1].contains("1,767"), "no thousands separators");
}

#[test]
fn a_row_without_a_cap_has_an_empty_cap_cell() {
    let out = daxin()
        .args(["strategy", YEAR_2025, "--sh", "100000", "--format", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let head = rows.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let mut seen = 0;
    for r in rows.records() {
        let r = r.unwrap_or_else(|e| panic!("{e}"));
        let cap = r.get(col("cap_shares")).unwrap_or_else(|| panic!("{text}"));
        match r.get(col("code")) {
            // 华电新能: no cap in the row, none in the SSE main board's rules
            Some("600930") => assert_eq!(cap, "", "{text}"),
            // 摩尔线程's published 申购上限; 沐曦股份: STAR's 9999.95万股
            Some("688795") => assert_eq!(cap, "11000"),
            Some("688802") => assert_eq!(cap, "99999500"),
            other => panic!("{other:?}"),
        }
        seen += 1;
    }
    assert_eq!(seen, 3, "{text}");
    assert!(!text.contains("9223372036854775807"), "{text}");
}

#[test]
fn explain_adds_the_working_to_the_csv() {
    let run = |extra: &[&str]| {
        let out = daxin()
            .args(["strategy", FIXTURE, "--sh", "100000", "--format", "csv"])
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success());
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (plain, _) = run(&[]);
    assert!(!plain.contains("working"), "{plain}");
    let (text, err) = run(&["--explain", "--lang", "en"]);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let head = rows.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    assert_eq!(head.iter().next_back(), Some("working"));
    let moore = rows
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .find(|r| r.get(1) == Some("688795"))
        .unwrap_or_else(|| panic!("{text}"));
    // the hand-worked line above: 20 numbers under the cap of 22, × the rate,
    // × the profit of a lot
    assert_eq!(
        moore.get(head.len() - 1),
        Some("⌊100,000 ÷ 5,000⌋ = 20 → min(20, 22) = 20 × 0.03635054% = 0.007270108 × 243,110.00 = 1,767.44")
    );
    // the totals' working, which has no row, on stderr
    assert!(
        err.contains("Shanghai expected profit: Σ nᵢ × rᵢ × pᵢ (i = 1…2) = 4,196.20"),
        "{err}"
    );
}

#[test]
fn markdown_leaves_a_blank_line_after_each_table() {
    let out = daxin()
        .args([
            "strategy", FIXTURE, "--sh", "100000", "--format", "md", "--lang", "en",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    for w in lines.windows(2) {
        if w[0].starts_with('|') && !w[1].starts_with('|') {
            assert!(w[1].is_empty(), "text right after a table: {:?}", w[1]);
        }
    }
}

#[test]
fn one_language_per_run() {
    let out = daxin()
        .args(["strategy", FIXTURE, "--sh", "100000", "--lang", "en"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let cjk = |l: &str| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // only the IPOs' own names are Chinese
    for l in text.lines().filter(|l| cjk(l)) {
        assert!(
            ["摩尔线程", "沐曦股份", "元创股份"]
                .iter()
                .any(|n| l.contains(n)),
            "{l}"
        );
    }
    let out = daxin()
        .args(["strategy", FIXTURE, "--sh", "100000"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("打新策略"), "{text}");
    assert!(text.contains("假设与说明"));
}

#[test]
fn bad_input_names_the_flag() {
    for (args, flag) in [
        (vec!["--sh", "-5"], "--sh"),
        (vec!["--sh", "—"], "--sh"),
        (vec!["--sh", "100000", "--accounts", "2"], "--total"),
        (vec!["--total", "100000", "--accounts", "0"], "--accounts"),
        (vec!["--sh", "100000", "--basis", "high"], "--basis"),
        (vec!["--sh", "100000", "--from", "2025-13-01"], "--from"),
        (
            vec![
                "--sh",
                "100000",
                "--from",
                "2025-12-31",
                "--to",
                "2025-01-01",
            ],
            "--to",
        ),
        (vec!["--sh", "100000", "--step", "0"], "--step"),
        (vec![], "--sh"),
    ] {
        let out = daxin()
            .arg("strategy")
            .arg(FIXTURE)
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // a file that is not there
    let out = daxin()
        .args(["strategy", "no-such.csv", "--sh", "1"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_period_filters_by_subscription_day() {
    // only 摩尔线程 (T日 2025-11-24) falls in November
    let v = json(&[
        FIXTURE,
        "--sh",
        "100000",
        "--from",
        "2025-11-01",
        "--to",
        "2025-11-30",
    ]);
    assert_eq!(v["ipos"], 1);
    assert_eq!(v["period"]["days"], 30);
    // 1,767.435955880 ÷ 100,000 × 100 = 1.76743595588 %; × 365 ÷ 30 = 21.5038 %
    assert_eq!(s(&v, &["return_pct"]), "1.77");
    assert_eq!(s(&v, &["annualised_pct"]), "21.50");
}

#[test]
fn a_code_in_two_files_counts_once() {
    let v = json(&[FIXTURE, FIXTURE, "--sh", "100000"]);
    assert_eq!(v["ipos"], 2);
    assert_eq!(s(&v, &["expected_profit"]), "4196.20");
    let dups = v["excluded"].as_array().map(|a| {
        a.iter()
            .filter(|e| e["why"]["reason"] == "duplicate")
            .count()
    });
    assert_eq!(dups, Some(2));
}

/// fixtures/strategy/a-share-2025.csv: every 2025 row the sources gave
/// figures for (see its README). Three count: 华电新能 (SSE main, T日
/// 2025-07-07, 中签率 0.56373573 %, issue 3.18, first close 7.18 — myzaker,
/// sina and reportify pages quoted in the README), 摩尔线程 and 沐曦股份.
const YEAR_2025: &str = "fixtures/strategy/a-share-2025.csv";

#[test]
fn a_sourced_2025_table_by_hand() {
    let v = json(&[YEAR_2025, "--sh", "100000", "--sz", "100000"]);
    assert_eq!(v["ipos"], 3);
    // the period runs from 华电新能's T日 to 沐曦股份's (2025-12-05, its
    // 发行起始日期 on the F10 page): 152 days with both ends
    assert_eq!(s(&v, &["period", "from"]), "2025-07-07");
    assert_eq!(s(&v, &["period", "to"]), "2025-12-05");
    assert_eq!(v["period"]["days"], 152);
    // eight rows lack a 中签率 or a first-day close; each is listed with why
    let why = |code: &str| {
        v["excluded"]
            .as_array()
            .and_then(|a| a.iter().find(|e| e["code"] == code))
            .map(|e| e["why"]["reason"].clone())
    };
    assert_eq!(v["excluded"].as_array().map(Vec::len), Some(8));
    assert_eq!(why("001325"), Some("unpriced".into()));
    for code in [
        "688809", "688805", "688796", "001280", "688759", "688545", "688411",
    ] {
        assert_eq!(why(code), Some("no_win_rate".into()), "{code}");
    }

    // 华电新能 on 2025-07-07: SSE main board, ¥5,000 of value per 500-share
    // number, so 100,000 gives 20 numbers (no cap in the row: the rule's);
    // 20 × 0.0056373573 = 0.112747146 lots; (7.18 − 3.18) × 500 = 2,000.00 a
    // lot; 0.112747146 × 2,000 = 225.494292
    let hd = v["rows"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["code"] == "600930"))
        .unwrap_or_else(|| panic!("no 600930 row"));
    assert_eq!(hd["numbers"], 20);
    assert_eq!(s(hd, &["cap_source"]), "rule_max");
    // no cap in the row, and none in the SSE main board's rules since 2023
    // (no absolute share cap found in the sources): no number at all, null —
    // never a "no cap" marker printed as a share count
    assert_eq!(hd["cap_shares"], Value::Null);
    // 沐曦股份 has no cap in the row either, but STAR's rules state one:
    // 9999.95万股 = 99,999,500 shares (SSE Q&A of 2019-09-06, quoted in the
    // market rules), a real cap a market value of ¥1 billion would reach
    let metax = v["rows"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["code"] == "688802"))
        .unwrap_or_else(|| panic!("no 688802 row"));
    assert_eq!(metax["cap_shares"], 99_999_500);
    assert_eq!(s(metax, &["cap_source"]), "rule_max");
    assert_eq!(s(hd, &["expected_lots"]), "0.112747146");
    assert_eq!(s(hd, &["profit_per_lot"]), "2000.00");
    assert_eq!(s(hd, &["expected_profit"]), "225.49");
    // P(≥1), tail-number draw: min(1, 20 × 0.0056373573) = 0.112747146;
    // every number its own draw: 1 − (1 − 0.0056373573)^20 = 0.1069084139573…
    assert_eq!(s(hd, &["p_at_least_one"]), "0.112747146");
    assert_eq!(s(hd, &["p_at_least_one_model"]), "tail_number");
    let p = dec(s(hd, &["p_at_least_one_independent"]));
    assert_eq!(daxin::num::fixed(p, 13), "0.1069084139574");

    // Shanghai: 225.494292 + 1,767.435955880 + 2,428.765664120
    // = 4,421.695912; on 100,000: 4.42 %; nothing in Shenzhen is complete
    assert_eq!(s(&v, &["sh", "expected_profit"]), "4421.70");
    assert_eq!(s(&v, &["sh", "return_pct"]), "4.42");
    assert_eq!(s(&v, &["sz", "expected_profit"]), "0.00");
    // on 200,000 over both exchanges: 2.21 %; × 365 ÷ 152 = 5.31 %
    assert_eq!(s(&v, &["return_pct"]), "2.21");
    assert_eq!(s(&v, &["annualised_pct"]), "5.31");

    // the spread: each IPO one draw (n·r < 1 in all three), so
    // P(no lot) = (1 − 0.007270108)(1 − 0.006697826)(1 − 0.112747146)
    //           = 0.986080759918385208 × 0.887252854
    //           = 0.874902968512076082869383632
    let d = &v["distribution"];
    assert_eq!(s(d, &["p_no_win"]), "0.874902968512076082869383632");
    // one model in one report: Π(1 − P(≥1)) over the per-IPO column is the
    // spread's P(no win), not the independent-draw 88.07 %
    let none = v["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows"))
        .iter()
        .map(|r| Decimal::ONE - dec(s(r, &["p_at_least_one"])))
        .product::<Decimal>();
    assert_eq!(none.to_string(), "0.874902968512076082869383632");
    assert_eq!(d["sums_to_one"], true);
    // P(profit ≤ 0) = 0.8749 < 0.95, and P(profit ≤ 2,000) adds 华电新能
    // alone: 0.112747146 × 0.986080759918385208 = 0.11117776…, 0.98608… in
    // all, so P95 is one 华电新能 lot and P75 still nothing
    assert_eq!(s(d, &["percentiles", "3", "profit"]), "0.00");
    assert_eq!(s(d, &["percentiles", "4", "profit"]), "2000.00");
}

#[test]
fn best_split_of_twenty_wan_on_the_2025_table() {
    // no complete Shenzhen row, so all 200,000 goes to Shanghai: 40 numbers
    // each, 摩尔线程 stopped at its 22: 22 × 0.0003635054 × 243,110
    // + 40 × 0.0003348913 × 362,620 + 40 × 0.0056373573 × 2,000
    // = 1,944.1795514680 + 4,857.5313282400 + 450.9885840 = 7,252.699463708
    let v = json(&[YEAR_2025, "--sh", "0", "--total", "200000"]);
    assert_eq!(s(&v, &["best_split", "sh"]), "200000.00");
    assert_eq!(s(&v, &["best_split", "sz"]), "0.00");
    assert_eq!(s(&v, &["best_split", "expected_profit"]), "7252.70");
    // past 11万 the next 1万 earns only 沐曦股份's and 华电新能's 2 numbers:
    // (2 × 0.0003348913 × 362,620 + 2 × 0.0056373573 × 2,000) ÷ 10,000
    // = (242.8765664120 + 22.5494292) ÷ 100 = 2.654259956 %
    let v = json(&[YEAR_2025, "--sh", "110000"]);
    assert_eq!(s(&v, &["marginal", "0", "return_pct"]), "2.65");
}
