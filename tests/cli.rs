//! The real `daxin` binary, on each command and format.

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

fn figure<'a>(v: &'a Value, basis: &str) -> &'a Value {
    v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["basis"] == basis)
        .unwrap()
}

#[test]
fn show_json_contract() {
    let v = json(&["show", "沐曦股份"]);
    assert_eq!(v["issue_price"], "104.66");
    assert_eq!(v["lot_shares"], 500);
    assert_eq!(v["currency"], "CNY");
    assert_eq!(v["cost_per_lot"], "52330.00");
    let open = figure(&v, "open");
    // 界面新闻: 中一签可赚29.77万元 at the open; +568.83%
    assert_eq!(open["price"], "700.00");
    assert_eq!(open["profit_per_lot"], "297670.00");
    assert_eq!(open["gain_pct"], "568.83");
    let close = figure(&v, "close");
    assert_eq!(close["gain_pct"], "692.95");
    assert_eq!(close["market_cap"], "332042990000.00");
    // decimals are strings everywhere in figures
    for f in v["figures"].as_array().unwrap() {
        for k in ["price", "profit_per_lot", "gain_pct", "market_cap"] {
            assert!(f[k].is_string(), "{k}: {}", f[k]);
        }
    }
}

#[test]
fn lot_json_contract() {
    // The example of issue #2, with the numbers of 沐曦股份.
    let v = json(&[
        "lot",
        "--issue-price",
        "104.66",
        "--board",
        "star",
        "--open",
        "700",
        "--close",
        "829.90",
        "--shares",
        "400100000",
    ]);
    assert_eq!(v["lot_shares"], 500);
    assert_eq!(v["cost_per_lot"], "52330.00");
    assert_eq!(figure(&v, "open")["profit_per_lot"], "297670.00");
    assert_eq!(figure(&v, "close")["gain_pct"], "692.95");
    assert_eq!(figure(&v, "close")["market_cap"], "332042990000.00");
}

#[test]
fn lot_hkex_with_lot_size_and_prices() {
    // 壁仞科技: HK$19.60 offer, 200-share lot, 35.70 open → HK$3,220 (reportify)
    let v = json(&[
        "lot",
        "--issue-price",
        "19.60",
        "--board",
        "hkex",
        "--lot-size",
        "200",
        "--open",
        "35.70",
        "--price",
        "39.6",
    ]);
    assert_eq!(v["currency"], "HKD");
    assert_eq!(figure(&v, "open")["profit_per_lot"], "3220.00");
    // zangshuxian's "近4000港元" would need an intraday price near 39.6
    assert_eq!(figure(&v, "price")["profit_per_lot"], "4000.00");
}

#[test]
fn lot_takes_the_board_unit_of_the_date() {
    // SSE main board: 1,000 shares before 2023-03-27, 500 from then (market-rules.md §1)
    let before = json(&[
        "lot",
        "--issue-price",
        "10",
        "--board",
        "sse-main",
        "--date",
        "2022-06-01",
    ]);
    let after = json(&[
        "lot",
        "--issue-price",
        "10",
        "--board",
        "sse-main",
        "--date",
        "2023-06-01",
    ]);
    assert_eq!(before["lot_shares"], 1000);
    assert_eq!(after["lot_shares"], 500);
}

#[test]
fn show_table_md_csv() {
    daxin()
        .args(["show", "688795"])
        .assert()
        .success()
        .stdout(predicate::str::contains("267,860.00"))
        .stdout(predicate::str::contains("468.78%"));
    daxin()
        .args(["show", "Moore Threads", "--format", "md", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| open | 650.00 | 468.78% | 267,860.00 |",
        ));
    let out = daxin()
        .args(["show", "688795", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 4);
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let close = rows.iter().find(|r| &r[col("basis")] == "close").unwrap();
    assert_eq!(&close[col("profit_per_lot")], "243110.00");
    assert_eq!(&close[col("gain_pct")], "425.46");
}

#[test]
fn explain_puts_the_numbers_in() {
    daxin()
        .args(["show", "沐曦", "--explain"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(700.00 − 104.66) × 500 = 297,670.00",
        ))
        .stdout(predicate::str::contains(
            "700.00 × 400,100,000 = 280,070,000,000.00 (2800.70亿)",
        ));
    let v = json(&["show", "沐曦", "--explain"]);
    assert!(v["explain"].as_array().unwrap().len() > 5);
    daxin()
        .args(["headline", "688795", "--explain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("26.786万 → 以万为单位取 0 位小数"));
    daxin()
        .args(["headline", "688795", "--explain", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "26.786万 → 0 decimal(s) in 万 keeps within 1.5% (gap 0.80%) → nearly ¥270,000",
        ));
}

#[test]
fn headline_zh_en_json_csv() {
    daxin()
        .args(["headline", "沐曦", "--basis", "open"])
        .assert()
        .success()
        .stdout("沐曦股份首日高开568.83%，按开盘价计算，中一签（500股）浮盈近30万元，市值一度冲破2800亿元。\n");
    daxin()
        .args(["headline", "MetaX", "--lang", "en", "--basis", "close"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nearly ¥400,000").not())
        .stdout(predicate::str::contains(
            "closed its first day 692.95% above",
        ));
    let v = json(&["headline", "688795"]);
    assert_eq!(v["headlines"].as_array().unwrap().len(), 4);
    daxin()
        .args(["headline", "688795", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("code,basis,text\n"));
    daxin()
        .args(["headline", "688802", "--basis", "low"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("数据中没有 沐曦股份 的最低价"));
}

#[test]
fn list_filters_and_formats() {
    let v = json(&["list"]);
    assert!(v["ipo"].as_array().unwrap().len() >= 7);
    let v = json(&["list", "--board", "hkex"]);
    assert_eq!(v["ipo"].as_array().unwrap().len(), 1);
    let v = json(&["list", "--year", "2020"]);
    let codes: Vec<&str> = v["ipo"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["688256", "688521", "688981"]);
    daxin()
        .args(["list", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("code,name_zh"));
    daxin()
        .args(["list", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| 688802 |"));
    daxin().args(["list", "--year", "20x5"]).assert().code(2);
}

#[test]
fn user_data_file_overrides_builtin() {
    let dir = std::env::temp_dir().join(format!("daxin-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("mine.toml");
    std::fs::write(
        &f,
        "[[ipo]]\ncode = \"900001\"\nname_zh = \"测试股份\"\nboard = \"szse-main\"\nlisting_date = \"2024-03-01\"\nissue_price = \"10.00\"\nprices = { close = \"14.40\" }\n",
    )
    .unwrap();
    let out = daxin()
        .args(["show", "测试", "--format", "json", "--data"])
        .arg(&f)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figure(&v, "close")["profit_per_lot"], "2200.00");
    std::fs::write(&f, "[[ipo]]\ncode = \"9\"\nname_zh = \"坏\"\nboard = \"star\"\nlisting_date = \"2024-03-01\"\nissue_price = \"-1\"\n").unwrap();
    daxin()
        .args(["list", "--data"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("第 1 条记录（9 坏）：issue_price"));
    // a printed figure that is not a number: the reason once, not twice
    std::fs::write(&f, "[[ipo]]\ncode = \"9\"\nname_zh = \"坏\"\nboard = \"star\"\nlisting_date = \"2024-03-01\"\nissue_price = \"1\"\n[[ipo.published]]\nkind = \"gain_pct\"\nprinted = \"近30%\"\nsource = \"x\"\n").unwrap();
    let out = daxin()
        .args(["list", "--lang", "en", "--data"])
        .arg(&f)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("published[0].printed: not a number (got \"近30%\")"),
        "{err}"
    );
    assert_eq!(err.matches("(got").count(), 1, "{err}");
    // valid values whose figures no decimal holds (a P/E on a net profit
    // of 10⁻²⁸ yuan): the list names the record
    std::fs::write(&f, "[[ipo]]\ncode = \"688999\"\nname_zh = \"极小\"\nboard = \"star\"\nlisting_date = \"2024-03-01\"\nissue_price = \"1\"\ntotal_shares = 500\nnet_profit = \"0.0000000000000000000000000001\"\n").unwrap();
    daxin()
        .args(["list", "--data"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("688999 极小：估值倍数"));
    daxin()
        .args(["list", "--data", "/nonexistent/file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("无法读取：文件或目录不存在"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each command exits 2, and its message names what is wrong (no panic).
/// (under `--lang en`: the needles are the English messages).
fn exit_2_naming(cases: &[(&[&str], &str)]) {
    for (args, needle) in cases {
        let lang: &[&str] = if args.contains(&"--lang") {
            &[]
        } else {
            &["--lang", "en"]
        };
        daxin()
            .args(*args)
            .args(lang)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*needle))
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn bad_input_exits_2_with_the_field_named() {
    let cases: &[(&[&str], &str)] = &[
        // fees past any broker's (they overflowed the sums before)
        (
            &[
                "show",
                "沐曦股份",
                "--fees",
                "--min-commission",
                "79228162514264337593543950335",
            ],
            "--min-commission: above the largest fee accepted",
        ),
        (
            &["show", "6082.HK", "--fees", "--handling-fee", "-5"],
            "--handling-fee: a fee cannot be negative",
        ),
        (
            &[
                "odds",
                "--allotment",
                "fixtures/hk/jd-2020-allotment.csv",
                "--lot-size",
                "50",
                "--handling-fee",
                "-5",
            ],
            "--handling-fee: a fee cannot be negative",
        ),
        // a profit no decimal can multiply: an overflow error, not a panic
        (
            &[
                "odds",
                "--board",
                "star",
                "--date",
                "2025-12-01",
                "--sh",
                "100000000",
                "--win-rate",
                "100%",
                "--profit-per-lot",
                "79228162514264337593543950335",
            ],
            "expected profit: the result is too large",
        ),
        (
            &["lot", "--issue-price", "-3", "--lot-size", "500"],
            "--issue-price",
        ),
        (
            &["lot", "--issue-price", "0", "--lot-size", "500"],
            "--issue-price",
        ),
        (
            &["lot", "--issue-price", "10", "--lot-size", "0"],
            "--lot-size",
        ),
        (
            &["lot", "--issue-price", "abc", "--lot-size", "500"],
            "--issue-price",
        ),
        (
            &[
                "lot",
                "--issue-price",
                "10",
                "--lot-size",
                "500",
                "--close",
                "—",
            ],
            "--close",
        ),
        (
            &["lot", "--issue-price", "10", "--board", "hkex"],
            "--lot-size",
        ),
        (&["lot", "--issue-price", "10"], "--lot-size"),
        (
            &[
                "lot",
                "--issue-price",
                "10",
                "--board",
                "star",
                "--date",
                "2019-06-26",
            ],
            // STAR's table starts at its first subscription (华兴源创,
            // 2019-06-27), before its first trading day
            "2019-06-27",
        ),
        (
            &[
                "lot",
                "--issue-price",
                "10",
                "--board",
                "bse",
                "--date",
                "2021-11-14",
            ],
            "2021-11-15",
        ),
        (&["lot", "--issue-price", "10", "--board", "nyse"], "board"),
        (
            &[
                "lot",
                "--issue-price",
                "10",
                "--lot-size",
                "500",
                "--date",
                "2025-02-30",
            ],
            "--date",
        ),
        (
            &[
                "lot",
                "--issue-price",
                "10",
                "--lot-size",
                "500",
                "--shares",
                "1.5",
            ],
            "--shares",
        ),
        (&["show", "no-such-ipo"], "no IPO matches"),
        (&["show", "科技"], "more than one IPO"),
        (&["show", "688802", "--lang", "fr"], "--lang"),
    ];
    exit_2_naming(cases);
}

#[test]
fn full_width_input_is_accepted() {
    let v = json(&[
        "lot",
        "--issue-price",
        "１０４．６６",
        "--lot-size",
        "５００",
        "--open",
        "７００",
    ]);
    assert_eq!(figure(&v, "open")["profit_per_lot"], "297670.00");
}

#[test]
fn unknown_name_suggests() {
    daxin()
        .args(["show", "沐西"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "你要找的是不是 沐曦股份 (688802)？",
        ));
    daxin()
        .args(["show", "沐西", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 沐曦股份 (688802)"));
}

// ---- fees, taxes, financing (issue #3) ----

#[test]
fn json_always_has_net_fields() {
    let v = json(&["show", "沐曦"]);
    let close = figure(&v, "close");
    // 414,950 sold 2025-12-17: stamp 207.48 + handling 14.15 + transfer 4.15
    // + regulatory 8.30 + commission 103.74 (万2.5 default) = 337.82
    assert_eq!(close["total_fees"], "337.82");
    assert_eq!(close["net_profit_per_lot"], "362282.18");
    assert_eq!(close["break_even_price"], "104.75");
    let fees = close["fees"].as_array().unwrap();
    assert!(fees
        .iter()
        .any(|f| f["item"] == "stamp_duty" && f["amount"] == "207.48"));
    // the tax note follows --lang, as every text of the JSON does
    assert!(v["tax_note"]
        .as_str()
        .unwrap()
        .contains("暂免征收个人所得税"));
    let en = json(&["show", "沐曦", "--lang", "en"]);
    assert!(en["tax_note"].as_str().unwrap().contains("no income tax"));
    assert!(v.get("entry_fee").is_none(), "A-shares have no entry fee");
}

#[test]
fn hk_entry_fee_in_json_and_table() {
    let v = json(&["show", "壁仞"]);
    // 19.60 × 200 × 1.010085 = 3,959.53 at the listing day's schedule
    assert_eq!(v["entry_fee"], "3959.53");
    let v = json(&[
        "lot",
        "--board",
        "hkex",
        "--issue-price",
        "43.36",
        "--lot-size",
        "100",
        "--date",
        "2021-05-17",
    ]);
    // 京东物流: moneysmart.hk lists the entry fee as HK$4,379.69 (1.0077% in 2021)
    assert_eq!(v["entry_fee"], "4379.69");
    daxin()
        .args([
            "lot",
            "--board",
            "hkex",
            "--issue-price",
            "71.59",
            "--lot-size",
            "100",
            "--date",
            "2025-09-19",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("一手入场费 7,231.20港元"));
}

#[test]
fn fees_flag_prints_net_table_and_explains() {
    daxin()
        .args([
            "show",
            "沐曦",
            "--fees",
            "--pay-date",
            "2025-12-10",
            "--explain",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("362,282.18"))
        .stdout(predicate::str::contains("/ 7天"))
        .stdout(predicate::str::contains("414,950.00 × 0.05% = 207.475"))
        .stdout(predicate::str::contains("× 365 ÷ 7 天"));
}

#[test]
fn commission_flags_and_config_file() {
    let v = json(&[
        "show",
        "沐曦",
        "--commission",
        "0.01%",
        "--min-commission",
        "0",
    ]);
    // 414,950 × 0.01% = 41.495 → 41.50 instead of 103.74
    assert_eq!(figure(&v, "close")["total_fees"], "275.58");
    let dir = std::env::temp_dir().join(format!("daxin-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("daxin.toml");
    std::fs::write(
        &cfg,
        "[cny]\ncommission = \"0.01%\"\nmin_commission = \"0\"\n",
    )
    .unwrap();
    let out = daxin()
        .args(["show", "沐曦", "--format", "json", "--config"])
        .arg(&cfg)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figure(&v, "close")["total_fees"], "275.58");
    // discovered in the working directory
    let out = daxin()
        .current_dir(&dir)
        .env_remove("DAXIN_CONFIG")
        .args(["show", "沐曦", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figure(&v, "close")["total_fees"], "275.58");
    // flags override the file
    let out = daxin()
        .current_dir(&dir)
        .env_remove("DAXIN_CONFIG")
        .args([
            "show",
            "沐曦",
            "--format",
            "json",
            "--commission",
            "0.025%",
            "--min-commission",
            "5",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figure(&v, "close")["total_fees"], "337.82");
    std::fs::write(&cfg, "[cny]\ncommission = \"-1%\"\n").unwrap();
    daxin()
        .args(["show", "沐曦", "--config"])
        .arg(&cfg)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[cny] commission"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn margin_application() {
    let v = json(&[
        "show",
        "壁仞",
        "--margin-lots",
        "10",
        "--leverage",
        "10",
        "--margin-rate",
        "3.99%",
        "--deadline",
        "2025-12-29",
        "--results-date",
        "2025-12-31",
        "--handling-fee",
        "100",
    ]);
    let m = &v["margin"];
    assert_eq!(m["application_amount"], "39595.30");
    assert_eq!(m["loan"], "35635.77");
    assert_eq!(m["days"], 2);
    assert_eq!(m["interest"], "7.79");
    assert_eq!(m["if_not_allotted"], "-107.79");
    let open = m["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["basis"] == "open")
        .unwrap();
    assert_eq!(open["if_one_lot_allotted"], "3056.78");
}

#[test]
fn fees_command() {
    let v = json(&["fees", "--board", "star", "--date", "2023-08-28"]);
    let items = v["items"].as_array().unwrap();
    let stamp = items.iter().find(|i| i["item"] == "stamp_duty").unwrap();
    assert_eq!(stamp["rate_pct"], "0.05");
    assert!(stamp["source"].as_str().unwrap().starts_with("http"));
    let v = json(&["fees", "--board", "star", "--date", "2023-08-27"]);
    let stamp = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == "stamp_duty")
        .unwrap()
        .clone();
    assert_eq!(stamp["rate_pct"], "0.1");
    daxin()
        .args([
            "fees",
            "--board",
            "hkex",
            "--date",
            "2021-08-01",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("0.13%"));
}

#[test]
fn fee_input_errors_name_the_field() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["show", "沐曦", "--fees", "--commission", "-0.1%"],
            "--commission",
        ),
        (
            &["show", "沐曦", "--fees", "--commission", "150%"],
            "above 100%",
        ),
        (
            &["show", "沐曦", "--fees", "--sell-date", "2025-12-16"],
            "before the listing date",
        ),
        (
            &["fees", "--board", "sse-main", "--date", "2011-01-04"],
            "the schedule covers",
        ),
        (
            &[
                "show",
                "壁仞",
                "--margin-lots",
                "10",
                "--leverage",
                "10",
                "--margin-rate",
                "3.99%",
                "--deadline",
                "2025-12-31",
                "--results-date",
                "2025-12-29",
            ],
            "--results-date",
        ),
        (
            &[
                "show",
                "壁仞",
                "--margin-lots",
                "10",
                "--leverage",
                "10",
                "--margin-rate",
                "120%",
                "--margin-days",
                "2",
            ],
            "above 100%",
        ),
        (
            &[
                "show",
                "沐曦",
                "--margin-lots",
                "10",
                "--leverage",
                "10",
                "--margin-rate",
                "3%",
                "--margin-days",
                "2",
            ],
            "HKD",
        ),
        (&["show", "壁仞", "--leverage", "10"], "--margin-lots"),
    ];
    exit_2_naming(cases);
}

// ---- rules, limits, runs, odds (issue #4) ----

#[test]
fn limits_json_contract() {
    // 工业富联 601138 (SSE, 2018-06-08): 13.77 × 1.44 = 19.8288 → 19.83, as traded (SCMP, Nikkei)
    let v = json(&[
        "limits",
        "--board",
        "sse-main",
        "--date",
        "2018-06-08",
        "--issue-price",
        "13.77",
    ]);
    assert_eq!(v["up"], "19.83");
    assert_eq!(v["down"], "8.81"); // 13.77 × 0.64 = 8.8128
                                   // STAR: no limit in the first five days
    let v = json(&[
        "limits",
        "--board",
        "star",
        "--date",
        "2025-12-17",
        "--day",
        "3",
        "--prev-close",
        "829.90",
    ]);
    assert!(v["up"].is_null() && v["down"].is_null());
    let v = json(&[
        "limits",
        "--board",
        "star",
        "--date",
        "2025-12-17",
        "--day",
        "6",
        "--prev-close",
        "829.90",
    ]);
    assert_eq!(v["up"], "995.88");
    let v = json(&["limits", "--board", "hkex", "--prev-close", "35.70"]);
    assert!(v["up"].is_null());
}

#[test]
fn path_reproduces_a_published_run() {
    // 工业富联: 13.77 → 19.83 → 21.81 → 23.99 (Taipei Times 2018-06-13: "rose 10 percent to
    // 23.99 yuan", the third session of such increases since the debut)
    let v = json(&[
        "path",
        "--issue-price",
        "13.77",
        "--board",
        "sse-main",
        "--date",
        "2018-06-08",
        "--days",
        "3",
    ]);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days[2]["price"], "23.99");
    assert_eq!(v["lot_shares"], 1000);
    assert_eq!(days[2]["profit_per_lot"], "10220.00");
}

#[test]
fn path_json_contract() {
    // 暴风科技 300431, ChiNext, listed 2015-03-24 at 7.14: +44% on day one
    // (Business Insider: "a stag profit of 44% on its first day"), then 10% a day
    let v = json(&[
        "path",
        "--issue-price",
        "7.14",
        "--board",
        "chinext",
        "--date",
        "2015-03-24",
        "--days",
        "3",
    ]);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days[0]["day"], 1);
    assert_eq!(days[0]["price"], "10.28");
    assert_eq!(days[0]["profit_per_lot"], "1570.00");
    assert_eq!(days[2]["price"], "12.44");
    daxin()
        .args([
            "path",
            "--issue-price",
            "104.66",
            "--board",
            "star",
            "--date",
            "2025-12-17",
            "--days",
            "3",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("首日不设涨跌幅限制"));
}

#[test]
fn odds_json_contract() {
    let v = json(&[
        "odds",
        "--board",
        "star",
        "--sh",
        "500000",
        "--cap",
        "4500",
        "--win-rate",
        "0.0335%",
        "--date",
        "2025-12-05",
    ]);
    assert_eq!(v["quota_shares"], 4500);
    assert_eq!(v["numbers"], 9);
    assert_eq!(v["expected_lots"], "0.003015");
    assert_eq!(v["p_at_least_one_tail_number"], "0.003015");
    assert!(v["p_at_least_one"].as_str().unwrap().starts_with("0.00301"));
    // with an IPO from the data: rate, cap (derived from the initial online shares) and profit
    let v = json(&["odds", "沐曦", "--sh", "500000"]);
    assert_eq!(v["quota_shares"], 6000);
    assert_eq!(v["numbers"], 12);
    // 12 × 0.03348913% × 362,620 (profit per lot at the close)
    assert_eq!(v["expected_profit"], "1457.26");
    assert_eq!(v["win_rate_pct"], "0.03348913");
}

#[test]
fn hk_allotment_table_reproduces_the_one_lot_rate() {
    // 京东 2020: 15448 of 154483 one-lot applicants → "一手中签率为10%" (fengdujob)
    let v = json(&[
        "odds",
        "--allotment",
        "fixtures/hk/jd-2020-allotment.csv",
        "--lot-size",
        "50",
    ]);
    let tiers = v["tiers"].as_array().unwrap();
    // exact: 15448 / 154483 to the last digit a decimal holds
    assert_eq!(tiers[0]["p_at_least_one"], "0.0999980580387486001695979493");
    // 2-lot tier: 4227/40910/2 = 5.17% per lot
    assert_eq!(&tiers[1]["per_lot_rate"].as_str().unwrap()[..6], "0.0516");
    assert_eq!(tiers[1]["allotted_pct"], "5.17");
    assert!(v["sure_of_one_lot"].is_null());
}

#[test]
fn rules_command_and_unclear_warning() {
    daxin()
        .args([
            "rules",
            "--board",
            "sse-main",
            "--date",
            "2023-03-27",
            "--lang",
            "en",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("UNCLEAR"))
        .stdout(predicate::str::contains("+44%"));
    let v = json(&["rules", "--board", "chinext", "--date", "2020-08-24"]);
    assert_eq!(v["trading"]["no_limit_days"], 5);
    assert_eq!(v["trading"]["daily_limit_pct"], "20");
}

#[test]
fn a_first_day_close_above_the_band_is_flagged() {
    let dir = std::env::temp_dir().join(format!("daxin-band-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("band.toml");
    std::fs::write(
        &f,
        "[[ipo]]\ncode = \"601999\"\nname_zh = \"测试\"\nboard = \"sse-main\"\nlisting_date = \"2018-06-08\"\nissue_price = \"13.77\"\nprices = { close = \"20.50\" }\n",
    )
    .unwrap();
    // 13.77 × 144% = 19.83: a close of 20.50 is not a first day's close
    daxin()
        .args(["show", "601999", "--lang", "en", "--data"])
        .arg(&f)
        .assert()
        .success()
        .stdout(predicate::str::contains("outside the band 8.81–19.83"));
    // and under --lang zh the warning is Chinese
    daxin()
        .args(["show", "601999", "--data"])
        .arg(&f)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("超出沪市主板").and(predicate::str::contains("outside").not()),
        );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- batch (issue #6) ----

fn batch_csv(args: &[&str]) -> (i32, Vec<std::collections::HashMap<String, String>>, String) {
    let out = daxin()
        .arg("batch")
        .args(args)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let h = r.headers().unwrap().clone();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            h.iter()
                .zip(rec.iter())
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect();
    (
        out.status.code().unwrap(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn batch_gpu_fixture_matches_published_figures() {
    let (code, rows, _) = batch_csv(&["fixtures/import/akshare_xgsglb_gpu.csv"]);
    assert_eq!(code, 0);
    assert_eq!(rows.len(), 8, "every input row appears");
    let moore = &rows[0];
    // stockstar: 单签浮盈高达24.31万元; huashangw: 上涨425.46%
    assert_eq!(moore["profit_per_lot"], "243110.00");
    assert_eq!(moore["gain_pct"], "425.46");
    assert_eq!(moore["check"], "ok");
    assert_eq!(rows[1]["profit_per_lot"], "362620.00");
    assert_eq!(rows[1]["check"], "ok");
    // China Daily's "230%" for 寒武纪 checks at its own precision
    assert_eq!(rows[2]["gain_pct"], "229.86");
    assert_eq!(rows[2]["check"], "ok");
    // the open's figures in the close's columns are traced to the 650.00 open
    assert!(
        rows[6]["check"].contains("implies a sale price of 650.00"),
        "{}",
        rows[6]["check"]
    );
    assert_eq!(rows[7]["check"], "no price in the row");
    assert_eq!(rows[0]["line"], "2");
}

#[test]
fn batch_messy_rows_keep_their_place() {
    let (code, rows, err) = batch_csv(&["fixtures/import/akshare_messy.csv"]);
    assert_eq!(code, 1, "some rows had errors");
    assert!(err.contains("4 of 7 rows had errors"), "{err}");
    assert_eq!(rows.len(), 7);
    // full-width digits, separators, 万, %, 2025/12/17
    assert_eq!(rows[0]["code"], "688802");
    assert_eq!(rows[0]["profit_per_lot"], "362620.00");
    assert_eq!(rows[0]["check"], "ok");
    assert_eq!(rows[1]["listing_date"], "2025-12-05"); // 20251205
    assert_eq!(rows[2]["listing_date"], "2022-08-12"); // with a time part
    assert!(
        rows[3]["error"].contains("发行价格"),
        "{}",
        rows[3]["error"]
    );
    assert!(
        rows[4]["error"].contains("股票代码"),
        "{}",
        rows[4]["error"]
    );
    assert!(
        rows[5]["error"].contains("short row"),
        "{}",
        rows[5]["error"]
    );
    assert_eq!(rows[6]["line"], "8");
    assert!(!rows[6]["error"].is_empty());
}

#[test]
fn batch_other_layouts_and_encodings() {
    let (code, rows, _) = batch_csv(&["fixtures/import/ths_gbk.csv"]);
    assert_eq!(code, 0);
    assert_eq!(rows[0]["name"], "沐曦股份", "GB18030 decoded");
    assert_eq!(rows[0]["source_format"], "ths");
    assert!(rows[0]["check"].contains("829.90"));
    // the messy 同花顺 row: GB18030, "—", "--", "%", a quoted "３０,０００"
    // (万股) and "12,050" (元); its published profit traces to 海光's 60.10
    assert_eq!(rows[2]["error"], "");
    assert!(rows[2]["check"].contains("implies a sale price of 60.10"));
    let (_, rows, _) = batch_csv(&["fixtures/import/akshare_xgsglb_bse.csv"]);
    assert_eq!(rows[0]["lot_shares"], "100");
    assert_eq!(rows[0]["basis"], "avg");
    assert_eq!(rows[0]["check"], "ok");
    // full-width code and price, 万 units, 2024/04/01, 20240410, "%"
    assert_eq!(rows[2]["code"], "920003");
    assert_eq!(rows[2]["listing_date"], "2024-04-10");
    assert_eq!(rows[2]["profit_per_lot"], "640.00");
    assert_eq!(rows[2]["check"], "ok");
    // placeholders where the first-day figures should be
    assert_eq!(rows[3]["check"], "no price in the row");
    let (code, rows, err) = batch_csv(&["fixtures/import/em_dxsyl.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("1 of 4 rows had errors"), "{err}");
    assert_eq!(rows[0]["source_format"], "em-dxsyl");
    // no first-day price in the table: the close is the fen price 首日涨幅
    // implies — 692.95 % on 104.66 is 沐曦's published 829.90 close, and
    // its 36.26万 per lot
    assert_eq!(rows[0]["basis"], "implied_close");
    assert_eq!(rows[0]["price"], "829.90");
    assert_eq!(rows[0]["profit_per_lot"], "362620.00");
    assert_eq!(rows[0]["check"], "ok");
    // full-width 最新价, "--", "%": 66.94 % on 36.00 implies 海光's 60.10
    // close; the latest price is kept beside it
    assert_eq!(rows[2]["basis"], "implied_close");
    assert_eq!(rows[2]["price"], "60.10");
    assert_eq!(rows[2]["latest_price"], "120.50");
    assert_eq!(rows[2]["check"], "ok");
    // an error names the column as the file names it
    assert!(
        rows[3]["error"].starts_with("发行价:"),
        "{}",
        rows[3]["error"]
    );
    // several files in one run, in order, each row naming its file (as
    // grep does); one file, no file column
    let (_, rows, _) = batch_csv(&[
        "fixtures/import/em_dxsyl.csv",
        "fixtures/import/akshare_xgsglb_bse.csv",
    ]);
    assert_eq!(rows.len(), 8);
    assert_eq!(rows[0]["file"], "fixtures/import/em_dxsyl.csv");
    assert_eq!(rows[7]["file"], "fixtures/import/akshare_xgsglb_bse.csv");
    assert_eq!(rows[7]["line"], "5");
    let (_, rows, _) = batch_csv(&["fixtures/import/em_dxsyl.csv"]);
    assert!(!rows[0].contains_key("file"));
}

#[test]
fn batch_output_is_atomic_and_formats_work() {
    let dir = std::env::temp_dir().join(format!("daxin-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.csv");
    daxin()
        .args(["batch", "fixtures/import/akshare_xgsglb_gpu.csv", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 9);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    // an unreadable input leaves no output file
    let out2 = dir.join("never.csv");
    daxin()
        .args(["batch", "/nonexistent.csv", "-o"])
        .arg(&out2)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("无法打开：文件或目录不存在"));
    assert!(!out2.exists());
    let v: Value = serde_json::from_slice(
        &daxin()
            .args([
                "batch",
                "fixtures/import/akshare_xgsglb_gpu.csv",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v.as_array().unwrap().len(), 8);
    assert_eq!(v[1]["profit_per_lot"], "362620.00");
    daxin()
        .args([
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "--format",
            "md",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("| 3 | 688802 | 沐曦股份 |"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_rejects_what_it_cannot_read() {
    let dir = std::env::temp_dir().join(format!("daxin-batch-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("nohead.csv");
    std::fs::write(&f, "a,b,c\n1,2,3\n").unwrap();
    daxin()
        .arg("batch")
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("没有代码列"));
    let e = dir.join("empty.csv");
    std::fs::write(&e, "").unwrap();
    daxin()
        .arg("batch")
        .arg(&e)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("空文件：没有表头行"));
    daxin()
        .args(["batch", "x.csv", "--from", "bloomberg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_exports_records_that_read_back() {
    let dir = std::env::temp_dir().join(format!("daxin-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (fmt, ext) in [("csv", "csv"), ("json", "json")] {
        let out = daxin().args(["list", "--format", fmt]).output().unwrap();
        assert!(out.status.success());
        let f = dir.join(format!("all.{ext}"));
        std::fs::write(&f, &out.stdout).unwrap();
        // read back as --data, and exported again: the same text
        let again = daxin()
            .args(["list", "--format", fmt, "--data"])
            .arg(&f)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&again.stdout),
            String::from_utf8_lossy(&out.stdout),
            "{fmt}"
        );
    }
    let v = json(&["list"]);
    assert_eq!(v["ipo"].as_array().unwrap().len(), 8);
    assert_eq!(v["ipo"][1]["issue_price"], "104.66");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_explain_adds_the_working() {
    let (_, rows, _) = batch_csv(&["fixtures/import/akshare_xgsglb_gpu.csv", "--explain"]);
    assert_eq!(
        rows[1]["working"],
        "(829.90 − 104.66) × 500 = 362,620.00; (829.90 − 104.66) ÷ 104.66 × 100 = 692.95%"
    );
}

#[test]
fn batch_reads_daxin_csv_as_it_reads_daxin_toml() {
    // `daxin list --format csv` written out, then batch-read: the figures
    // at each basis are those of the built-in TOML records
    let dir = std::env::temp_dir().join(format!("daxin-batch-own-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("own.csv");
    let out = daxin().args(["list", "--format", "csv"]).output().unwrap();
    std::fs::write(&f, &out.stdout).unwrap();
    let (_, via_csv, _) = batch_csv(&[f.to_str().unwrap()]);
    let (_, via_toml, _) = batch_csv(&["fixtures/ipos.toml"]);
    assert_eq!(via_csv.len(), via_toml.len());
    for (a, b) in via_csv.iter().zip(&via_toml) {
        // every column but the line (a CSV row's line against the line its
        // TOML record starts on), the check (the TOML records carry the published figures
        // the CSV export leaves out) and the source format
        for col in daxin::import::OUT_HEADER
            .iter()
            .filter(|c| !["line", "check", "source_format"].contains(c))
        {
            assert_eq!(a[*col], b[*col], "{} {col}", a["code"]);
        }
    }
    // 沐曦: 829.90 × 400,100,000 shares (cfi.cn: 发行后总股本 400,100,000) =
    // 3320.43亿; caiding5 printed "市值定格在3320亿元"
    assert_eq!(via_toml[1]["market_value"], "332042990000.00");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_keeps_each_bad_record_of_a_daxin_file() {
    // a daxin TOML or JSON file with one bad record: that record is its
    // row's error, at the line it starts on, and the others are computed
    let dir = std::env::temp_dir().join(format!("daxin-batch-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let toml = dir.join("mine.toml");
    std::fs::write(
        &toml,
        "[[ipo]]\ncode = \"688802\"\nname_zh = \"沐曦股份\"\nboard = \"star\"\n\
         listing_date = \"2025-12-17\"\nissue_price = \"104.66\"\nprices = { close = \"829.90\" }\n\n\
         [[ipo]]\ncode = \"688795\"\nname_zh = \"摩尔线程\"\nboard = \"star\"\n\
         issue_price = \"-114.28\"\n\n\
         [[ipo]]\ncode = \"688041\"\nname_zh = \"海光信息\"\nboard = \"star\"\n\
         issue_price = \"36.00\"\ncolour = \"red\"\n",
    )
    .unwrap();
    let (code, rows, err) = batch_csv(&[toml.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2 of 3 rows had errors"), "{err}");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["profit_per_lot"], "362620.00");
    assert_eq!(
        (rows[1]["line"].as_str(), rows[1]["code"].as_str()),
        ("9", "688795")
    );
    assert!(
        rows[1]["error"].contains("issue_price") && rows[1]["error"].contains("-114.28"),
        "{}",
        rows[1]["error"]
    );
    assert_eq!(
        (rows[2]["line"].as_str(), rows[2]["name"].as_str()),
        ("15", "海光信息")
    );
    assert!(
        rows[2]["error"].contains("the record at line 15: unknown field `colour`"),
        "{}",
        rows[2]["error"]
    );

    // JSON, with the byte-order mark Windows tools write
    let json = dir.join("mine.json");
    std::fs::write(
        &json,
        "\u{feff}{\"ipo\": [\n  {\"code\": \"688802\", \"name_zh\": \"沐曦股份\", \"board\": \"star\",\n   \
         \"listing_date\": \"2025-12-17\", \"issue_price\": \"104.66\", \"prices\": {\"close\": \"829.90\"}},\n  \
         {\"code\": \"688795\", \"name_zh\": \"摩尔线程\", \"board\": \"star\", \"issue_price\": \"—\"}\n]}\n",
    )
    .unwrap();
    let (code, rows, _) = batch_csv(&[json.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(rows[0]["line"], "2");
    assert_eq!(rows[0]["profit_per_lot"], "362620.00");
    assert_eq!(rows[1]["line"], "4");
    assert!(
        rows[1]["error"].contains("issue_price"),
        "{}",
        rows[1]["error"]
    );

    // a file that is not TOML at all is the file's error
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, "[[ipo]\ncode = ").unwrap();
    daxin()
        .arg("batch")
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.toml"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_reports_an_over_long_line_and_goes_on() {
    // a 3 MB line (a broken export, say) is one error row with its own line
    // number; the rows after it keep theirs, and memory stays bounded
    let dir = std::env::temp_dir().join(format!("daxin-batch-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("long.csv");
    let mut text = String::from("股票代码,股票简称,发行价格,首日收盘价,上市日期\n");
    text.push_str(&format!(
        "688802,{},104.66,829.90,2025-12-17\n",
        "x".repeat(3_000_000)
    ));
    text.push_str("688795,摩尔线程,114.28,600.50,2025-12-05\n");
    std::fs::write(&f, text).unwrap();
    let (code, rows, err) = batch_csv(&[f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("1 of 2 rows had errors"), "{err}");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["line"], "2");
    assert!(rows[0]["error"].contains("longer than 1 MiB"));
    assert_eq!(rows[1]["line"], "3");
    assert_eq!(rows[1]["profit_per_lot"], "243110.00");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_reads_crlf_tabs_quotes_and_a_last_line_without_a_break() {
    let dir = std::env::temp_dir().join(format!("daxin-batch-shapes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("shapes.csv");
    std::fs::write(
        &f,
        "\u{feff}股票代码,股票简称,发行价格,首日收盘价,上市日期,每中一签获利\r\n\
         688802,沐曦股份,104.66,829.90,2025-12-17,362620\r\n\
         \r\n\
         688795,\"摩尔,线程\",114.28,600.50,2025-12-05,243110\r\n\
         688256,\"寒武纪\n(两行)\",64.39,212.40,2020-07-20,74005",
    )
    .unwrap();
    let (code, rows, _) = batch_csv(&[f.to_str().unwrap()]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = rows.iter().map(|r| r["line"].as_str()).collect();
    assert_eq!(lines, ["2", "4", "5"], "the blank line 3 is no row");
    assert_eq!(rows[1]["name"], "摩尔,线程");
    assert_eq!(rows[2]["name"], "寒武纪\n(两行)");
    assert_eq!(rows[2]["profit_per_lot"], "74005.00");
    let t = dir.join("tabs.tsv");
    std::fs::write(
        &t,
        "股票代码\t股票简称\t发行价格\t首日收盘价\t上市日期\n688802\t沐曦股份\t104.66\t829.90\t2025-12-17\n",
    )
    .unwrap();
    let (_, rows, _) = batch_csv(&[t.to_str().unwrap()]);
    assert_eq!(rows[0]["profit_per_lot"], "362620.00");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_command_shows_its_work() {
    // --explain adds the working to every command's output
    let cases: &[&[&str]] = &[
        &["show", "沐曦股份"],
        &[
            "lot",
            "--issue-price",
            "104.66",
            "--close",
            "829.90",
            "--board",
            "star",
            "--date",
            "2025-12-08",
        ],
        &["headline", "沐曦股份"],
        &["fees", "--board", "star", "--date", "2025-12-17"],
        &["rules", "--board", "star", "--date", "2025-12-17"],
        &[
            "limits",
            "--board",
            "star",
            "--date",
            "2025-12-17",
            "--day",
            "6",
            "--prev-close",
            "829.90",
        ],
        &[
            "path",
            "--issue-price",
            "10",
            "--board",
            "szse-main",
            "--date",
            "2020-01-02",
            "--days",
            "3",
        ],
        &["odds", "沐曦股份", "--sh", "100000"],
        &["list"],
        &["batch", "fixtures/import/akshare_xgsglb_gpu.csv"],
    ];
    for args in cases {
        let plain = daxin().args(*args).output().unwrap();
        let worked = daxin().args(*args).arg("--explain").output().unwrap();
        assert!(
            plain.status.success() && worked.status.success(),
            "{args:?}"
        );
        assert_ne!(
            (&plain.stdout, &plain.stderr),
            (&worked.stdout, &worked.stderr),
            "{args:?}: --explain shows nothing more"
        );
    }
    // the limits' working: STAR's ±20% on the previous close (rules table),
    // the exact product, then half-up to the fen
    let v = json(&[
        "limits",
        "--board",
        "star",
        "--date",
        "2025-12-17",
        "--day",
        "6",
        "--prev-close",
        "829.90",
        "--explain",
    ]);
    assert_eq!(v["working"][0], "829.90 × 120% = 995.88 → 995.88");
    assert_eq!(v["working"][1], "829.90 × 80% = 663.92 → 663.92");
    // rules and fees: which dated row the day picked
    let v = json(&[
        "rules",
        "--board",
        "sse-main",
        "--date",
        "2020-01-02",
        "--explain",
        "--lang",
        "en",
    ]);
    assert!(
        v["working"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().ends_with("2020-01-02 ≤ 2023-04-09")),
        "{}",
        v["working"]
    );
    let v = json(&[
        "fees",
        "--board",
        "bse",
        "--date",
        "2022-06-01",
        "--explain",
        "--lang",
        "en",
    ]);
    assert!(
        v["working"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "exchange handling fee: 2021-11-15 ≤ 2022-06-01 ≤ 2022-11-30"),
        "{}",
        v["working"]
    );
}

// ---- issue #11 item 6: every rate is written with its unit ----

#[test]
fn rates_are_written_with_their_unit() {
    // A bare number is refused everywhere a rate is typed: 0.025 could be
    // 2.5 % or 0.025 %.
    let cases: &[(&[&str], &str)] = &[
        (
            &["show", "沐曦", "--fees", "--commission", "0.025"],
            "--commission",
        ),
        (
            &[
                "odds",
                "--board",
                "star",
                "--sh",
                "500000",
                "--win-rate",
                "0.0335",
                "--date",
                "2025-12-05",
            ],
            "--win-rate",
        ),
        (
            &[
                "show",
                "壁仞",
                "--margin-lots",
                "10",
                "--loan-pct",
                "90",
                "--margin-rate",
                "3.99%",
                "--margin-days",
                "2",
            ],
            "--loan-pct",
        ),
        (
            &[
                "show",
                "壁仞",
                "--margin-lots",
                "10",
                "--leverage",
                "10",
                "--margin-rate",
                "3.99",
                "--margin-days",
                "2",
            ],
            "--margin-rate",
        ),
    ];
    for (args, flag) in cases {
        daxin()
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*flag))
            .stderr(predicate::str::contains("0.025%、0.25‰ 或 万2.5"));
    }
    // the brokers' 万2.5 is the README's default of 0.025 %: the same net
    let a = json(&["show", "沐曦", "--fees", "--commission", "万2.5"]);
    let b = json(&["show", "沐曦", "--fees", "--commission", "0.025%"]);
    let c = json(&["show", "沐曦", "--fees", "--commission", "0.25‰"]);
    assert_eq!(a["figures"], b["figures"]);
    assert_eq!(a["figures"], c["figures"]);
    // and in daxin.toml
    let dir = std::env::temp_dir().join(format!("daxin-rate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("daxin.toml");
    std::fs::write(&cfg, "[cny]\ncommission = \"0.00025\"\n").unwrap();
    daxin()
        .args(["show", "沐曦", "--fees", "--config"])
        .arg(&cfg)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[cny] commission"))
        .stderr(predicate::str::contains("万2.5"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- issue #11 item 4: output files ----

#[cfg(unix)]
fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("daxin-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[cfg(unix)]
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_keeps_the_link_and_the_mode() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = temp_dir("symlink");
    let target = dir.join("real.csv");
    std::fs::write(&target, "old\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("link.csv");
    symlink("real.csv", &link).unwrap();
    daxin()
        .args(["batch", "fixtures/import/akshare_xgsglb_gpu.csv", "-o"])
        .arg(&link)
        .assert()
        .success();
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let body = std::fs::read_to_string(&target).unwrap();
    assert!(body.starts_with("line,code,name"), "{body}");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(leftovers(&dir).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn output_refuses_what_is_not_a_regular_file() {
    let dir = temp_dir("refuse");
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).unwrap();
    let fifo = dir.join("fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for (target, what) in [
        (sub.as_path(), "是目录"),
        (fifo.as_path(), "是命名管道（FIFO）"),
        (std::path::Path::new("/dev/null"), "是设备文件"),
    ] {
        daxin()
            .args(["batch", "fixtures/import/akshare_xgsglb_gpu.csv", "-o"])
            .arg(target)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(what));
    }
    assert!(sub.is_dir());
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    assert!(leftovers(&sub).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temporary_file() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = temp_dir("sigterm");
    let out = dir.join("out.csv");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("daxin"))
        .args(["batch", "-", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let rows = std::fs::read_to_string("fixtures/import/akshare_xgsglb_gpu.csv").unwrap();
    stdin.write_all(rows.as_bytes()).unwrap();
    stdin.flush().unwrap();
    // the temporary file exists while the input is still open
    let mut seen = false;
    for _ in 0..200 {
        if !leftovers(&dir).is_empty() {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(seen, "no temporary file while writing");
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert!(!status.success());
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    assert!(!out.exists(), "a half-written output appeared");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_is_exit_3_for_every_command() {
    for args in [
        &["show", "沐曦"][..],
        &["list"][..],
        &["batch", "fixtures/import/akshare_xgsglb_gpu.csv"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("daxin"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains("无法写入输出：磁盘空间已满"), "{err}");
    }
}

// ---- issue #11 item 5: --format on every command ----

/// Each command with arguments that make it print something.
const EVERY_COMMAND: &[&[&str]] = &[
    &["show", "沐曦", "--fees"],
    &[
        "lot",
        "--issue-price",
        "19.60",
        "--board",
        "hkex",
        "--lot-size",
        "200",
        "--open",
        "35.70",
        "--date",
        "2025-12-29",
    ],
    &["headline", "沐曦"],
    &["fees", "--board", "star", "--date", "2025-12-17"],
    &["rules", "--board", "sse-main", "--date", "2023-06-01"],
    &[
        "limits",
        "--board",
        "star",
        "--date",
        "2025-12-17",
        "--day",
        "6",
        "--prev-close",
        "829.90",
    ],
    &[
        "path",
        "--issue-price",
        "13.77",
        "--board",
        "sse-main",
        "--date",
        "2018-06-08",
        "--days",
        "3",
    ],
    &["odds", "沐曦", "--sh", "500000"],
    &[
        "odds",
        "--board",
        "bse",
        "--apply",
        "25000",
        "--online-shares",
        "10000000",
        "--valid-shares",
        "1000000000",
        "--issue-price",
        "8",
    ],
    &[
        "odds",
        "--allotment",
        "fixtures/hk/biren-2025-allotment.txt",
        "--lot-size",
        "200",
        "--issue-price",
        "19.60",
        "--date",
        "2025-12-29",
    ],
    &[
        "strategy",
        "fixtures/strategy/gpu-wave-2025.csv",
        "--sh",
        "100000",
        "--sz",
        "100000",
        "--total",
        "200000",
    ],
    &[
        "numbers",
        "--start",
        "1",
        "--count",
        "100000",
        "--tails",
        "fixtures/wins/numbers/301269-huadajiutian-2022.txt",
    ],
    &["audit", "fixtures/audit/zh.md"],
    &["batch", "fixtures/import/akshare_xgsglb_gpu.csv"],
];

fn run_format(args: &[&str], fmt: &str, explain: bool) -> String {
    let mut c = daxin();
    c.args(args).args(["--format", fmt]);
    if explain {
        c.arg("--explain");
    }
    let out = c.output().unwrap();
    assert!(
        out.status.code() == Some(0) || args[0] == "batch",
        "{args:?} {fmt}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn csv_is_rfc4180_with_plain_numbers() {
    // a number with thousands separators or a % sign is for people, not for CSV
    let dressed = |c: &str| {
        let t = c.trim();
        let numeric = t.trim_end_matches('%').replace(',', "");
        !numeric.is_empty()
            && numeric.parse::<f64>().is_ok()
            && (t.ends_with('%') || t.contains(','))
    };
    for args in EVERY_COMMAND {
        for explain in [false, true] {
            let out = run_format(args, "csv", explain);
            assert!(
                !out.contains('┌') && !out.contains('│'),
                "{args:?}: a box table as CSV"
            );
            let mut rdr = csv::ReaderBuilder::new().from_reader(out.as_bytes());
            let head = rdr.headers().unwrap().clone();
            let width = head.len();
            assert!(width > 1, "{args:?}: {out}");
            for rec in rdr.records() {
                let rec = rec.unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"));
                assert_eq!(rec.len(), width, "{args:?}");
                for (name, cell) in head.iter().zip(rec.iter()) {
                    // a figure quoted as an article printed it is text
                    if name == "printed" {
                        continue;
                    }
                    assert!(!dressed(cell), "{args:?}: {name} {cell:?} in\n{out}");
                }
            }
        }
    }
}

#[test]
fn json_carries_the_working_with_explain() {
    for args in EVERY_COMMAND.iter().filter(|a| a[0] != "batch") {
        let plain: Value = serde_json::from_str(&run_format(args, "json", false)).unwrap();
        let worked: Value = serde_json::from_str(&run_format(args, "json", true)).unwrap();
        let has = |v: &Value| {
            let s = v.to_string();
            s.contains("\"explain\"") || s.contains("\"working\"")
        };
        assert!(!has(&plain), "{args:?}: working without --explain");
        assert!(has(&worked), "{args:?}: no working in JSON with --explain");
    }
}

#[test]
fn markdown_tables_end_with_a_blank_line() {
    for args in EVERY_COMMAND {
        let out = run_format(args, "md", false);
        let lines: Vec<&str> = out.lines().collect();
        for w in lines.windows(2) {
            if w[0].starts_with('|') {
                assert!(
                    w[1].starts_with('|') || w[1].is_empty(),
                    "{args:?}: text right after a table: {:?}",
                    w[1]
                );
            }
        }
    }
}

// ---- issue #11 item 8: inputs that contradict each other warn ----

#[test]
fn contradicting_inputs_warn() {
    let v = json(&[
        "lot",
        "--issue-price",
        "10",
        "--board",
        "star",
        "--date",
        "2025-12-05",
        "--high",
        "12",
        "--low",
        "13",
        "--close",
        "14",
        "--grey",
        "11",
        "--eps",
        "1",
        "--net-profit",
        "100",
        "--lang",
        "en",
    ]);
    let w = v["warnings"].to_string();
    assert!(w.contains("the low 13 is above the high 12"), "{w}");
    assert!(w.contains("the close 14 is outside the day's range"), "{w}");
    assert!(w.contains("no grey market"), "{w}");
    assert!(w.contains("both --eps and --net-profit"), "{w}");
    let v = json(&[
        "show",
        "壁仞",
        "--margin-lots",
        "10",
        "--leverage",
        "10",
        "--margin-rate",
        "3.99%",
        "--deadline",
        "2025-12-29",
        "--results-date",
        "2025-12-31",
        "--margin-days",
        "5",
        "--lang",
        "en",
    ]);
    assert_eq!(v["margin"]["days"], 5);
    assert!(v["warnings"]
        .to_string()
        .contains("--margin-days 5 differs from the 2 days the dates imply"));
}

// ---- issue #11 item 9: an error names only flags of the command run ----

/// The flags `daxin CMD --help` lists.
fn flags_of(cmd: &str) -> Vec<String> {
    let out = daxin().args([cmd, "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let mut flags: Vec<String> = help
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(str::to_string)
        .collect();
    flags.push("--help".into());
    flags
}

#[test]
fn errors_name_only_flags_of_the_command_run() {
    let cases: &[&[&str]] = &[
        &["rules", "--board", "sse-main", "--date", "1990-01-01"],
        &["rules", "--board", "bse", "--date", "2020-01-01"],
        &["fees", "--board", "star", "--date", "1990-01-01"],
        &[
            "limits",
            "--board",
            "star",
            "--date",
            "2010-01-01",
            "--issue-price",
            "10",
        ],
        &[
            "limits",
            "--board",
            "star",
            "--date",
            "2025-12-17",
            "--day",
            "0",
        ],
        &[
            "path",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "2010-01-01",
            "--days",
            "3",
        ],
        &[
            "path",
            "--issue-price",
            "10",
            "--board",
            "hkex",
            "--date",
            "2025-12-17",
            "--days",
            "3",
        ],
        &[
            "odds",
            "--board",
            "star",
            "--sh",
            "500000",
            "--date",
            "2010-01-01",
            "--win-rate",
            "0.03%",
        ],
        &[
            "odds",
            "--board",
            "star",
            "--date",
            "2025-12-05",
            "--win-rate",
            "0.03%",
        ],
        &["odds", "--board", "hkex"],
        &[
            "odds",
            "--board",
            "bse",
            "--apply",
            "150",
            "--online-shares",
            "1",
            "--valid-shares",
            "1",
            "--issue-price",
            "8",
        ],
        &[
            "lot",
            "--issue-price",
            "10",
            "--board",
            "sse-main",
            "--date",
            "1990-01-01",
        ],
        &["lot", "--issue-price", "10", "--board", "hkex"],
        &[
            "lot",
            "--issue-price",
            "10",
            "--lot-size",
            "100",
            "--fees",
            "--pay-date",
            "1990-01-01",
        ],
        &["show", "沐曦", "--fees", "--sell-date", "2020-01-01"],
        &["show", "沐曦", "--margin-lots", "10"],
        &["show", "沐曦", "--fees", "--pay-date", "1990-01-01"],
        &["headline", "沐曦", "--basis", "low"],
    ];
    for args in cases {
        let out = daxin().args(*args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} should fail with exit 2"
        );
        let err = String::from_utf8(out.stderr).unwrap();
        let known = flags_of(args[0]);
        for w in err.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if w.starts_with("--") && w.len() > 2 {
                assert!(
                    known.iter().any(|k| k == w),
                    "daxin {}: the error names {w}, which `{}` does not take:\n{err}",
                    args.join(" "),
                    args[0]
                );
            }
        }
    }
}

// ---- issue #11: completions and examples in --help ----

#[test]
fn completions_for_every_shell() {
    for sh in ["bash", "zsh", "fish", "powershell"] {
        let out = daxin().args(["completions", sh]).output().unwrap();
        assert!(out.status.success(), "{sh}");
        let script = String::from_utf8(out.stdout).unwrap();
        for cmd in ["show", "batch", "odds", "audit"] {
            assert!(script.contains(cmd), "{sh}: no {cmd}");
        }
    }
}

#[test]
fn every_command_shows_examples_that_run() {
    let commands = [
        "show",
        "lot",
        "headline",
        "fees",
        "rules",
        "limits",
        "path",
        "odds",
        "audit",
        "batch",
        "list",
        "completions",
        "numbers",
        "wins",
        "strategy",
    ];
    for cmd in commands {
        let help =
            String::from_utf8(daxin().args([cmd, "--help"]).output().unwrap().stdout).unwrap();
        let examples: Vec<&str> = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{cmd} --help has no examples"))
            .lines()
            .map(str::trim)
            .filter(|l| l.contains("daxin "))
            .collect();
        assert!(examples.len() >= 2, "{cmd}: {examples:?}");
        for ex in examples {
            // examples that name the user's own files or pipe are shown, not run
            let runnable = !ex.contains(['|', '>', '<'])
                && !ex.contains("daxin wins")
                && !ex.contains(".md")
                && !ex.contains(".txt")
                && !ex.contains("stock_xgsglb_em.csv")
                && !ex.contains("dxsyl.csv")
                && !ex.contains(" a.csv");
            if !runnable {
                continue;
            }
            let args: Vec<&str> = ex.split_whitespace().skip(1).collect();
            let out = daxin().args(&args).output().unwrap();
            assert!(
                out.status.success(),
                "{ex}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

// ---- found in review: reproducible pages, encodings everywhere, spreadsheets everywhere ----

#[test]
fn an_html_report_is_the_same_bytes_every_run() {
    let run = || {
        daxin()
            .args(["show", "沐曦", "--format", "html"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn the_html_audit_reads_gbk_as_audit_does() {
    let dir = std::env::temp_dir().join(format!("daxin-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("a.txt");
    let (gbk, _, _) = encoding_rs::GBK.encode("沐曦股份首日收涨692.95%。");
    std::fs::write(&f, &gbk).unwrap();
    let out = daxin()
        .args(["audit", "--format", "html"])
        .arg(&f)
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("692.95"), "{}", &page[..page.len().min(500)]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn strategy_reads_a_spreadsheet_as_its_csv() {
    let args = |f: &str| {
        daxin()
            .args([
                "strategy", f, "--sh", "100000", "--sz", "100000", "--format", "json",
            ])
            .output()
            .unwrap()
    };
    let csv = args("fixtures/import/akshare_xgsglb_1_17.csv");
    let xlsx = args("fixtures/import/akshare_xgsglb_1_17.xlsx");
    assert!(
        xlsx.status.success(),
        "{}",
        String::from_utf8_lossy(&xlsx.stderr)
    );
    let a: Value = serde_json::from_slice(&csv.stdout).unwrap();
    let b: Value = serde_json::from_slice(&xlsx.stdout).unwrap();
    assert_eq!(a["expected_profit"], b["expected_profit"]);
    assert_eq!(a["sh"], b["sh"]);
}

#[test]
fn odds_uses_the_subscription_day_and_says_when_it_has_only_the_listing_day() {
    // the trial: `odds 沐曦` labelled 2025-12-17 (the listing day) as 申购日;
    // its T day is 2025-12-05 (ddx.gubit.cn F10 "首发融资 │ 2025-12-05│ 104.66")
    let out = daxin()
        .args(["odds", "沐曦", "--sh", "500000", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "2025-12-05");
    // 海光信息 has no subscription day in the data: the listing day's rules,
    // with a warning that says so
    let out = daxin()
        .args(["odds", "海光信息", "--sh", "100000", "--win-rate", "0.05%"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let all =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        all.contains("数据中没有申购日：按上市日 2022-08-12 的规则计算"),
        "{all}"
    );
    let out = daxin()
        .args([
            "odds",
            "海光信息",
            "--sh",
            "100000",
            "--win-rate",
            "0.05%",
            "--date",
            "2022-08-01",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("申购日："));
}

#[test]
fn a_date_before_the_board_opened_is_refused_without_a_hint_that_cannot_help() {
    // the trial: `fees --board star --date 2016-01-04` printed a STAR
    // schedule (exit 0), three years before STAR's first subscription
    // (2019-06-27, 华兴源创); and `lot … --lot-size 500` was told to give
    // --lot-size
    exit_2_naming(&[
        (
            &[
                "fees",
                "--board",
                "star",
                "--date",
                "2016-01-04",
                "--lang",
                "en",
            ],
            "star: no rule for 2016-01-04 (the tables cover STAR Market from 2019-06-27)",
        ),
        (
            &[
                "fees",
                "--board",
                "bse",
                "--date",
                "2020-01-02",
                "--lang",
                "en",
            ],
            "bse: no rule for 2020-01-02",
        ),
    ]);
    for lot in [&["--lot-size", "500"][..], &[]] {
        let mut args = vec![
            "lot",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "2016-01-04",
            "--close",
            "12",
            "--lang",
            "en",
        ];
        args.extend_from_slice(lot);
        let out = daxin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no rule for 2016-01-04") && !err.contains("give --lot-size"),
            "{err}"
        );
    }
    // the main boards' schedules before the lot tables still answer from
    // the fee rows
    daxin()
        .args(["fees", "--board", "sse-main", "--date", "2015-06-01"])
        .assert()
        .success();
}

#[test]
fn counts_that_are_not_shares_say_what_they_count() {
    // the trial: `--lots 0` was told "must be at least 1 share"; so was --jobs 0
    exit_2_naming(&[
        (
            &[
                "wins",
                "add",
                "688802",
                "--date",
                "2025-12-05",
                "--lots",
                "0",
                "--ledger",
                "/nonexistent/w.toml",
            ],
            "--lots: a whole number of lots, at least 1",
        ),
        (
            &[
                "batch",
                "fixtures/import/akshare_xgsglb_gpu.csv",
                "--jobs",
                "0",
            ],
            "--jobs: a whole number of threads, at least 1",
        ),
        (
            &[
                "lot",
                "--issue-price",
                "hello",
                "--lot-size",
                "100",
                "--close",
                "2",
            ],
            "--issue-price: not a number",
        ),
    ]);
}

#[test]
fn a_rules_market_value_is_money_in_json() {
    // the trial: `"mv_per_unit": 5000, "min_mv": 10000` beside
    // `"cap_fraction": "0.001"`; amounts of money are strings in daxin's JSON
    let out = daxin()
        .args([
            "rules",
            "--board",
            "sse-main",
            "--date",
            "2024-01-02",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["subscription"]["mv_per_unit"], "5000.00");
    assert_eq!(v["subscription"]["min_mv"], "10000.00");
}

#[test]
fn explain_changes_what_every_command_prints_in_every_format() {
    // the trial: --explain changed nothing for `fees --format csv`,
    // `list --format json|csv` and `audit --format csv`
    let mut cases: Vec<&[&str]> = EVERY_COMMAND.to_vec();
    cases.push(&["list"]);
    for args in cases {
        for fmt in ["table", "json", "csv", "md"] {
            let run = |explain: bool| {
                let mut c = daxin();
                c.args(args).args(["--format", fmt]);
                if explain {
                    c.arg("--explain");
                }
                let out = c.output().unwrap();
                let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
                (text(out.stdout), text(out.stderr))
            };
            assert_ne!(run(false), run(true), "{args:?} --format {fmt}");
        }
    }
}

#[test]
fn show_without_fees_prints_no_warning_about_fees() {
    // the trial: `daxin show 沐曦股份` printed a fee-schedule doubt (证管费)
    // and "not annualised" above a table of gross figures, with no --fees
    let run = |args: &[&str]| {
        let out = daxin().args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let gross = run(&["show", "沐曦股份"]);
    assert!(
        !gross.contains("证管费") && !gross.contains("不作年化"),
        "{gross}"
    );
    let net = run(&["show", "沐曦股份", "--fees"]);
    assert!(net.contains("注意: 证管费"), "{net}");
    // 摩尔线程 has no payment day in the data: with --fees, not annualised
    let net = run(&["show", "摩尔线程", "--fees"]);
    assert!(net.contains("不作年化"), "{net}");
    // the JSON carries the net figures, and so their warnings
    let json = run(&["show", "沐曦股份", "--format", "json"]);
    assert!(json.contains("证管费：费率在来源中存疑"));
}

#[test]
fn show_annualises_muxi_from_its_sourced_payment_day() {
    // 沐曦 paid 2025-12-09 (citmt.cn: "2025年12月9日,沐曦股份完成科创板申购缴款"),
    // sold at the first close 2025-12-17: 8 days; 692.30% × 365 ÷ 8 = 31586.33%
    let out = daxin()
        .args(["show", "沐曦股份", "--fees", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let close = figure(&v, "close");
    assert_eq!(close["days"], 8);
    assert_eq!(close["return_on_cash_pct"], "692.30");
    assert_eq!(close["annualised_pct"], "31586.33");
}

#[test]
fn a_margin_application_that_cannot_break_even_says_so() {
    // the re-trial: 2,000 lots at 10× and 6 % for 7 days cost 8,201.11 HKD if
    // nothing is allotted, more than one lot earns: the break-even rate was
    // printed as 259.15 %, a probability above 100 %
    let out = daxin()
        .args([
            "show",
            "6082.HK",
            "--margin-lots",
            "2000",
            "--leverage",
            "10",
            "--margin-rate",
            "6%",
            "--margin-days",
            "7",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("任何中签率都不保本") && !s.contains("259.15%"),
        "{s}"
    );
    // a loan of nothing costs nothing: 0.00, not −0.00
    let out = daxin()
        .args([
            "show",
            "6082.HK",
            "--margin-lots",
            "10",
            "--leverage",
            "1",
            "--margin-rate",
            "5%",
            "--margin-days",
            "5",
        ])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("-0.00"));
}

#[test]
fn days_and_lots_are_not_shares_in_messages() {
    // the re-trial: `--days 0` and `--margin-lots 0` were told "at least 1 share"
    exit_2_naming(&[
        (
            &[
                "path",
                "--issue-price",
                "10",
                "--board",
                "star",
                "--date",
                "2025-12-17",
                "--days",
                "0",
            ],
            "--days: give 1 to 250 days",
        ),
        (
            &[
                "show",
                "6082.HK",
                "--margin-lots",
                "0",
                "--leverage",
                "10",
                "--margin-rate",
                "5%",
                "--margin-days",
                "5",
            ],
            "--margin-lots: a whole number of lots, at least 1",
        ),
    ]);
}

#[test]
fn an_a_share_odds_profit_given_is_not_labelled_as_a_close() {
    // the re-trial: `odds … --profit-per-lot 5000` printed 期望收益 (收盘价)
    // and JSON profit_basis "close"; 0.0025 expected lots × 5,000 = 12.50
    let args = [
        "odds",
        "--board",
        "sse-main",
        "--sh",
        "55000",
        "--win-rate",
        "0.05%",
        "--date",
        "2022-01-05",
        "--profit-per-lot",
        "5000",
    ];
    let out = daxin().args(args).output().unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("期望收益 (按给定每签收益)") && s.contains("12.50"),
        "{s}"
    );
    let out = daxin()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profit_basis"], Value::Null);
    assert_eq!(v["expected_profit"], "12.50");
}

#[test]
fn a_basis_with_no_price_names_the_value_given() {
    // the re-trial: `headline 688802 --basis low` said --basis was missing
    let out = daxin()
        .args(["headline", "688802", "--basis", "low"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--basis：数据中没有 沐曦股份 的最低价（输入为 \"low\"）"),
        "{err}"
    );
}

#[test]
fn a_date_after_today_is_priced_by_todays_rules_and_says_so() {
    // the trials: `lot --date 2099-01-01 --fees` priced a sale of 2099 with
    // today's schedule, without a word
    let out = daxin()
        .args([
            "lot",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "2099-01-01",
            "--close",
            "12",
            "--fees",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(all.contains("the date 2099-01-01 is after today"), "{all}");
}
