//! `daxin odds --allotment` on the real tables of fixtures/hk (sources in
//! fixtures/hk/README.md): formats, languages, exit codes and refusals.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn daxin() -> Command {
    Command::cargo_bin("daxin").unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = daxin()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn temp(name: &str, body: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("daxin-allot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

/// The refusal of a table: exit 2 and a message with every given piece
/// (the English message: `--lang en`).
fn refused(args: &[&str], parts: &[&str]) {
    let out = daxin().args(args).args(["--lang", "en"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    for p in parts {
        assert!(err.contains(p), "{p:?} not in {err}");
    }
}

#[test]
fn biren_json_shape_and_totals() {
    // 6082.HK is in the built-in data: lot 200, HK$19.60, the close for the expected profit
    let v = json(&[
        "odds",
        "6082.HK",
        "--allotment",
        "fixtures/hk/biren-2025-allotment.txt",
        "--valid-applications",
        "471,116",
        "--successful",
        "135569",
        "--offer-shares",
        "49538600",
        "--budget",
        "100000",
    ]);
    let t0 = &v["tiers"][0];
    for k in [
        "pool",
        "shares_applied",
        "lots",
        "applications",
        "p_at_least_one",
        "expected_lots",
        "per_lot_rate",
        "allotted_pct",
        "application_value",
    ] {
        assert!(!t0[k].is_null(), "{k}");
    }
    assert_eq!(t0["pool"], "A");
    assert_eq!(t0["allotted_pct"], "5.00");
    assert_eq!(t0["printed_pct"], "5.00");
    // 200 × 19.60 = 3,920 + 1.0085% (39.53) = 3,959.53
    assert_eq!(t0["application_value"], "3959.53");
    let s = &v["sure_of_one_lot"];
    assert_eq!(
        (s["shares"].as_u64(), s["lots"].as_u64()),
        (Some(50_000), Some(250))
    );
    assert_eq!(s["pool"], "A");
    assert_eq!(s["application_value"], "989883.30");
    assert!(v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["ok"] == true));
    assert_eq!(v["budget"]["best_chance"]["shares"], 5000);
}

#[test]
fn formats_and_languages() {
    let args = [
        "odds",
        "--allotment",
        "fixtures/hk/keytop-2026-allotment.csv",
        "--lot-size",
        "60",
        "--issue-price",
        "39.55",
        "--date",
        "2026-06-22",
    ];
    // csv: RFC 4180, plain numbers
    let out = daxin()
        .args(args)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("pool,shares_applied,lots,applications"));
    let first = lines.next().unwrap();
    assert!(first.starts_with("A,60,1,69554,1392,83520,"), "{first}");
    assert!(!text.contains('%') && !text.contains("69,554"));
    // zh: no English words in the report
    daxin()
        .args(args)
        .args(["--lang", "zh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("稳中一手：300,000 股"))
        .stdout(predicate::str::contains("乙组"))
        .stdout(predicate::str::contains("sure").not())
        .stdout(predicate::str::contains("pool").not());
    // md: a blank line between the table and the text after it
    let out = daxin()
        .args(args)
        .args(["--format", "md", "--lang", "en"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("|\n\n- read: pool table"), "{md}");
    // --explain: each tier's working
    let v = json(&[&args[..], &["--explain", "--lang", "en"]].concat());
    assert!(
        v["working"][0].as_str().unwrap().contains("1392")
            || v["working"][0].as_str().unwrap().contains("83520")
    );
}

#[test]
fn chinese_big5_and_two_row_tables() {
    let v = json(&[
        "odds",
        "--allotment",
        "fixtures/hk/iluvatar-2026-allotment-zh.tsv",
        "--lot-size",
        "100",
    ]);
    assert_eq!(v["encoding"], "Big5");
    assert_eq!(v["tiers"].as_array().unwrap().len(), 43);
    assert_eq!(v["sure_of_one_lot"]["shares"], 40000);
    let v = json(&[
        "odds",
        "--allotment",
        "fixtures/hk/jinxun-2026-allotment.txt",
        "--issue-price",
        "30",
        "--successful",
        "9037",
    ]);
    assert_eq!(v["layout"], "two_row");
    assert_eq!(v["tiers"][0]["applications"], 39268);
    assert_eq!(v["tiers"][0]["pool"], "A");
    assert_eq!(v["lot_shares"], 200);
}

#[test]
fn a_total_that_disagrees_exits_1_and_names_it() {
    daxin()
        .args([
            "odds",
            "--allotment",
            "fixtures/hk/iluvatar-2026-allotment.txt",
            "--lot-size",
            "100",
            "--successful",
            "22452",
            "--lang",
            "en",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("sure of one lot"))
        .stderr(predicate::str::contains(
            "successful applicants: announcement (given) 22,452, from the basis 22,451 ✗",
        ));
    // a wrong printed percentage: the line and both figures
    let text = std::fs::read_to_string("fixtures/hk/iluvatar-2026-allotment.txt")
        .unwrap()
        .replacen("3.91%", "3.19%", 1);
    let p = temp("iluvatar-typo.txt", text.as_bytes());
    daxin()
        .args([
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "100",
            "--lang",
            "en",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "percentage allotted (A): the row at line 21 prints 3.19%, from the basis 3.91%",
        ));
}

// issue #11 item 7: each of these was accepted before
#[test]
fn tables_that_cannot_be_right_are_refused() {
    // a basis that gives more lots than applied for (daxin's own format: 2 lots + 1 of 2 for 1 lot)
    let p = temp("more.csv", b"lots,applications,basis\n1,10,2+1/2\n");
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "100",
        ],
        &[
            "row 2, basis",
            "2+1/2",
            "up to 3 lots for an application of 1",
        ],
    );
    // the same in an announcement's words
    let p = temp("more.txt", b"200 10 400 H Shares 2.00%\n");
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "200",
        ],
        &[
            "line 1",
            "gives 400 shares (2 lots) for an application of 200 (1 lots)",
        ],
    );
    // a size that is not a whole number of lots
    let p = temp("odd.txt", b"200 10 1 out of 10 applicants to receive 200 H Shares 10.00%\n250 10 1 out of 10 applicants to receive 200 H Shares 8.00%\n");
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "200",
        ],
        &[
            "line 2",
            "250 shares applied for is not a whole number of 200-share lots",
        ],
    );
    // empty, and a header alone
    let p = temp("empty.csv", b"");
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "100",
        ],
        &["empty"],
    );
    let p = temp("header.csv", "No. of shares applied for,No. of valid applications,Basis of allotment/ballot,Approximate percentage allotted\n".as_bytes());
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "100",
        ],
        &["no rows"],
    );
    // unknown headers
    let p = temp("unknown.csv", b"size,count,basis\n200,10,200 H Shares\n");
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "200",
        ],
        &["row 1, column 1", "\"size\"", "not a heading"],
    );
    // an unparsable basis, with its row and text
    let p = temp("basis.csv", "No. of shares applied for,No. of valid applications,Basis,Percentage\n200,\"174,816\",\"8,741 applicants of 174,816 win\",5.00%\n".as_bytes());
    refused(
        &[
            "odds",
            "--allotment",
            p.to_str().unwrap(),
            "--lot-size",
            "200",
        ],
        &["row 2, basis", "8,741 applicants of 174,816 win"],
    );
}

#[test]
fn an_allotment_spreadsheet_reads_as_its_csv() {
    // the same table as CSV (with CRLF line endings) and as .xlsx: the same
    // tiers, figures and line numbers
    let run = |f: &str| {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .args([
                "odds",
                "--allotment",
                f,
                "--lot-size",
                "60",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let csv = run("fixtures/hk/keytop-2026-allotment.csv");
    let xlsx = run("fixtures/hk/keytop-2026-allotment.xlsx");
    assert_eq!(csv, xlsx);
    let v: serde_json::Value = serde_json::from_slice(&csv).unwrap();
    // the 60-share tier is on the file's third line (a header, then POOL A)
    assert_eq!(v["tiers"][0]["line"], 3);
}

#[test]
fn a_given_profit_per_lot_is_labelled_as_given() {
    // the trial: with --profit-per-lot 5000 the column said 期望净收益（收盘价）,
    // though no close was used: 0.069996 × 5000 = 349.98
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args([
            "odds",
            "--allotment",
            "fixtures/hk/iluvatar-2026-allotment-zh.tsv",
            "--issue-price",
            "144.60",
            "--profit-per-lot",
            "5000",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("期望收益（按给定每手收益）") && s.contains("349.98"),
        "{s}"
    );
    assert!(!s.contains("收盘价"), "{s}");
}
