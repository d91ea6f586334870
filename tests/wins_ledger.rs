//! The wins ledger through the real binary: validation, locked atomic
//! writes, a writer killed at each step of a write, a corrupt ledger left
//! alone, concurrent writers; and a ledger written and read back.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;
use chrono::NaiveDate;
use daxin::input::Price;
use daxin::wins::ledger::{self, ActualFees, Change, Kind, Ledger, Sale, Win};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("daxin-wins-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn daxin(ledger: &Path) -> Command {
    let mut c = Command::cargo_bin("daxin").unwrap();
    c.arg("wins")
        .arg("--ledger")
        .arg(ledger)
        .args(["--today", "2026-03-01"]);
    c
}

fn ok(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exit 2; the English message (`--lang en`: the tests name its words).
fn fails(c: &mut Command) -> String {
    let out = c.args(["--lang", "en"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const METAX: [&str; 7] = [
    "add",
    "688802",
    "--date",
    "2025-12-05",
    "--paid",
    "2025-12-09",
    "--lots",
];

#[test]
fn add_sell_drop_validate_against_the_rules() {
    let d = dir("rules");
    let l = d.join("wins.toml");
    ok(daxin(&l).args(METAX).arg("1").args(["--account", "A"]));
    // the same IPO twice in one account
    let e = fails(daxin(&l).args(METAX).arg("1").args(["--account", "A"]));
    assert!(e.contains("one application per account"), "{e}");
    // a second account may
    ok(daxin(&l).args(METAX).arg("1").args(["--account", "B"]));
    // lot multiples, dates in order, not in the future
    let e = fails(daxin(&l).args(["add", "688795", "--date", "2025-11-24", "--shares", "700"]));
    assert!(e.contains("lots of 500"), "{e}");
    let e = fails(daxin(&l).args([
        "add",
        "688795",
        "--date",
        "2025-11-24",
        "--paid",
        "2025-11-20",
        "--shares",
        "500",
    ]));
    assert!(e.contains("before the subscription day"), "{e}");
    let e = fails(daxin(&l).args(["add", "688795", "--date", "2026-04-01", "--shares", "500"]));
    assert!(e.contains("after today"), "{e}");
    let e = fails(daxin(&l).args(["add", "688795", "--date", "—", "--shares", "500"]));
    assert!(e.contains("--date") && e.contains("placeholder"), "{e}");
    // an IPO not in the data gives its facts
    let e = fails(daxin(&l).args(["add", "301999", "--date", "2025-03-03", "--shares", "500"]));
    assert!(e.contains("issue_price"), "{e}");
    // selling: which account, not before listing, not more than held
    let e = fails(daxin(&l).args([
        "sell",
        "688802",
        "--date",
        "2025-12-17",
        "--price",
        "829.90",
    ]));
    assert!(e.contains("give --account"), "{e}");
    let e = fails(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-16",
        "--price",
        "700",
    ]));
    assert!(e.contains("before the listing day 2025-12-17"), "{e}");
    let e = fails(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-17",
        "--price",
        "700",
        "--shares",
        "600",
    ]));
    assert!(e.contains("more shares than the 500 still held"), "{e}");
    let e = fails(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-17",
        "--price",
        "-7",
    ]));
    assert!(e.contains("--price"), "{e}");
    ok(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-17",
        "--price",
        "829.90",
        "--shares",
        "200",
    ]));
    ok(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-18",
        "--price",
        "750",
    ]));
    let e = fails(daxin(&l).args([
        "sell",
        "688802",
        "--account",
        "A",
        "--date",
        "2025-12-19",
        "--price",
        "750",
    ]));
    assert!(e.contains("no shares"), "{e}");
    // a sold win cannot be given up
    let e = fails(daxin(&l).args(["drop", "688802", "--account", "A", "--date", "2025-12-10"]));
    assert!(e.contains("no sales"), "{e}");
    let v: serde_json::Value =
        serde_json::from_str(&ok(daxin(&l).args(["list", "--format", "json"]))).unwrap();
    assert_eq!(v["wins"][0]["status"], "sold");
    assert_eq!(v["wins"][0]["sales"][0]["price"], "829.90");
    assert_eq!(v["wins"][1]["status"], "held");
    assert_eq!(v["wins"][1]["facts"]["lot_shares"], 500);
}

#[test]
fn a_win_given_up_holds_no_shares() {
    let d = dir("dropped");
    let l = d.join("wins.toml");
    ok(daxin(&l).args([
        "add",
        "301999",
        "--date",
        "2025-03-03",
        "--shares",
        "500",
        "--board",
        "chinext",
        "--issue-price",
        "20.00",
        "--name",
        "示例科技",
    ]));
    ok(daxin(&l).args(["drop", "301999", "--date", "2025-03-06"]));
    let v: serde_json::Value =
        serde_json::from_str(&ok(daxin(&l).args(["list", "--format", "json"]))).unwrap();
    assert_eq!(v["wins"][0]["status"], "abandoned");
    assert_eq!(v["wins"][0]["shares"], 500);
    assert_eq!(v["wins"][0]["held"], 0);
    let csv = ok(daxin(&l).args(["list", "--format", "csv"]));
    assert!(
        csv.contains(",301999,示例科技,chinext,2025-03-03,,500,0,abandoned\n"),
        "{csv}"
    );
    let zh = ok(daxin(&l).arg("list"));
    let row = zh.lines().find(|l| l.contains("301999")).unwrap();
    assert!(row.contains("┆    0 ┆ 弃购"), "{row}");
    // nothing to sell
    let e = fails(daxin(&l).args(["sell", "301999", "--date", "2025-03-20", "--price", "30"]));
    assert!(e.contains("no shares"), "{e}");
    // the report: no money figures, counted as given up, no net total
    let v: serde_json::Value =
        serde_json::from_str(&ok(daxin(&l).args(["report", "--format", "json"]))).unwrap();
    assert_eq!(v["wins"][0]["gross_profit"], serde_json::Value::Null);
    assert_eq!(v["wins"][0]["total_fees"], serde_json::Value::Null);
    assert_eq!(v["total"][0]["abandoned"], 1);
    assert_eq!(v["total"][0]["net_total"], serde_json::Value::Null);
}

/// A ledger with one win, and the text an `add` of 688795 makes of it.
fn before_and_after(d: &Path) -> (PathBuf, String, String) {
    let l = d.join("wins.toml");
    ok(daxin(&l).args(METAX).arg("1").args(["--note", "# kept?"]));
    let before = std::fs::read_to_string(&l).unwrap();
    let probe = d.join("probe.toml");
    std::fs::write(&probe, &before).unwrap();
    ok(daxin(&probe).args(["add", "688795", "--date", "2025-11-24", "--shares", "500"]));
    let after = std::fs::read_to_string(&probe).unwrap();
    assert_ne!(before, after);
    (l, before, after)
}

#[test]
fn a_writer_killed_at_each_step_leaves_the_old_file_or_the_new() {
    for step in [
        "locked",
        "backed-up",
        "temp-created",
        "half-written",
        "written",
        "synced",
        "renamed",
    ] {
        let d = dir(&format!("fault-{step}"));
        let (l, before, after) = before_and_after(&d);
        let out = Std::new(assert_cmd::cargo::cargo_bin("daxin"))
            .args(["wins", "--ledger"])
            .arg(&l)
            .args([
                "--today",
                "2026-03-01",
                "add",
                "688795",
                "--date",
                "2025-11-24",
                "--shares",
                "500",
            ])
            .env("DAXIN_FAULT_STEP", step)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{step}: the writer was not stopped");
        let now = std::fs::read_to_string(&l).unwrap();
        let expect_new = step == "renamed";
        if expect_new {
            assert_eq!(now, after, "{step}");
        } else {
            assert_eq!(now, before, "{step}");
        }
        assert!(ledger::parse(&now, "x").is_ok(), "{step}");
        // the backup, when there is one, is a whole earlier ledger
        if let Ok(bak) = std::fs::read_to_string(d.join("wins.toml.bak")) {
            assert!(
                bak == before || ledger::parse(&bak, "bak").is_ok(),
                "{step}: {bak}"
            );
        }
        // and the next writer goes through, leftovers and all
        ok(daxin(&l)
            .args(["add", "688795", "--date", "2025-11-24", "--shares", "500"])
            .args(if expect_new {
                &["--account", "B"][..]
            } else {
                &[][..]
            }));
    }
}

#[test]
fn a_corrupt_ledger_is_reported_and_never_rewritten() {
    let d = dir("corrupt");
    let l = d.join("wins.toml");
    let bad = "version = 1\n\n[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n\n[[win.sale]]\ndate = 2025-12-17\nshares = 500\nprice = 829.9\n";
    std::fs::write(&l, bad).unwrap();
    let e = fails(daxin(&l).args(["add", "688795", "--date", "2025-11-24", "--shares", "500"]));
    assert!(e.contains("line 11") && e.contains("sale.price"), "{e}");
    let e = fails(daxin(&l).arg("list"));
    assert!(e.contains("line 11"), "{e}");
    assert_eq!(std::fs::read_to_string(&l).unwrap(), bad);
    assert!(!d.join("wins.toml.bak").exists());
    // a ledger that reads but breaks a rule is not written over either
    let rule = "[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 700\n";
    std::fs::write(&l, rule).unwrap();
    let e = fails(daxin(&l).args(["add", "688795", "--date", "2025-11-24", "--shares", "500"]));
    assert!(e.contains("lots of 500"), "{e}");
    assert_eq!(std::fs::read_to_string(&l).unwrap(), rule);
    // nor is one that is not UTF-8
    std::fs::write(&l, b"\xff\xfe[[win]]").unwrap();
    fails(daxin(&l).args(["add", "688795", "--date", "2025-11-24", "--shares", "500"]));
    assert_eq!(std::fs::read(&l).unwrap(), b"\xff\xfe[[win]]");
}

#[test]
fn concurrent_writers_lose_nothing() {
    let d = dir("concurrent");
    let l = d.join("wins.toml");
    let children: Vec<_> = (0..8)
        .map(|i| {
            Std::new(assert_cmd::cargo::cargo_bin("daxin"))
                .args(["wins", "--ledger"])
                .arg(&l)
                .args([
                    "--today",
                    "2026-03-01",
                    "add",
                    "301900",
                    "--account",
                    &format!("acct{i}"),
                ])
                .args([
                    "--board",
                    "chinext",
                    "--issue-price",
                    "20.00",
                    "--date",
                    "2025-03-03",
                    "--shares",
                    "500",
                ])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(&l).unwrap();
    let parsed = ledger::parse(&text, "x").unwrap();
    assert_eq!(parsed.wins.len(), 8, "{text}");
    let mut accounts: Vec<String> = parsed
        .wins
        .iter()
        .filter_map(|w| w.account.clone())
        .collect();
    accounts.sort();
    accounts.dedup();
    assert_eq!(accounts.len(), 8);
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..20_000)
        .prop_map(|n| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(n))
}

fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..100_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s))
}

fn price() -> impl Strategy<Value = Price> {
    (1i64..100_000_000, 0u32..=4).prop_map(|(m, s)| Price::new("p", Decimal::new(m, s)).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 华泰招商#\"'\\\\=\\[\\]]{1,12}"
}

fn sale() -> impl Strategy<Value = Sale> {
    (
        date(),
        1u64..1_000_000,
        price(),
        proptest::option::of((amount(), amount(), amount(), amount())),
    )
        .prop_map(|(date, shares, price, fees)| Sale {
            date,
            shares,
            price,
            fees: fees.map(|(a, b, c, d)| ActualFees {
                commission: a,
                stamp_duty: b,
                transfer_fee: c,
                other: d,
            }),
        })
}

fn win() -> impl Strategy<Value = Win> {
    (
        (
            proptest::option::of(text()),
            "[0-9]{6}",
            prop::sample::select(vec![Kind::Share, Kind::ConvertibleBond]),
        ),
        (
            proptest::option::of(text()),
            proptest::option::of(prop::sample::select(daxin::Board::ALL.to_vec())),
        ),
        (
            proptest::option::of(price()),
            proptest::option::of(1u64..10_000),
        ),
        (
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(date()),
        ),
        (
            1u64..10_000_000,
            proptest::collection::vec(sale(), 0..3),
            proptest::option::of(date()),
        ),
        (proptest::option::of(text()), proptest::option::of(text())),
    )
        .prop_map(
            |(
                (account, code, kind),
                (name, board),
                (issue_price, lot_shares),
                (date, paid, listed),
                (shares, sales, abandoned),
                (note, source),
            )| Win {
                account: account.filter(|a| !a.trim().is_empty()),
                code,
                kind,
                name: name.filter(|n| !n.trim().is_empty()),
                board,
                issue_price,
                lot_shares,
                date,
                paid,
                listed,
                shares,
                sales,
                abandoned,
                note,
                source,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_ledger_written_and_read_back_is_the_same_ledger(wins in proptest::collection::vec(win(), 0..5)) {
        let l = Ledger { wins };
        let text = ledger::to_toml(&l);
        prop_assert_eq!(ledger::parse(&text, "x").unwrap(), l.clone());
        // and built up edit by edit from nothing, the same
        let mut current: Option<String> = None;
        for w in &l.wins {
            let (t, _) = ledger::edit(current.as_deref(), &[Change::Add(w.clone())], "x").unwrap();
            current = Some(t);
        }
        if let Some(t) = current {
            prop_assert_eq!(ledger::parse(&t, "x").unwrap(), l);
        }
    }
}

#[test]
fn report_reproduces_the_lot_figures_and_groups() {
    let d = dir("report");
    let l = d.join("wins.toml");
    // 沐曦股份 sold at its first close, 829.90 (the data's published close), paid 2025-12-09
    ok(daxin(&l).args(METAX).arg("1").args(["--account", "A"]));
    ok(daxin(&l).args([
        "sell",
        "688802",
        "--date",
        "2025-12-17",
        "--price",
        "829.90",
    ]));
    ok(daxin(&l).args([
        "add",
        "688795",
        "--account",
        "B",
        "--date",
        "2025-11-24",
        "--shares",
        "500",
    ]));
    let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
        "report",
        "--format",
        "json",
        "--by",
        "account",
        "--mv-sh",
        "1,000,000",
        "--commission",
        "0.025%",
        "--min-commission",
        "5",
    ])))
    .unwrap();
    let w = &v["wins"][0];
    // the same sale as `daxin lot … --fees`: 362,620.00 gross, 337.82 of fees (README)
    assert_eq!(w["gross_profit"], "362620.00");
    assert_eq!(w["total_fees"], "337.82");
    assert_eq!(w["net_profit"], "362282.18");
    assert_eq!(w["holding_days"], 8);
    assert_eq!(w["return_on_cash_pct"], "692.30");
    assert_eq!(w["sales"][0]["fees"][0]["item"], "stamp_duty");
    assert_eq!(w["sales"][0]["fees"][0]["amount"], "207.48");
    // 摩尔线程 is held and not valued: open, no net, never the issue price
    let m = &v["wins"][1];
    assert_eq!(m["net_profit"], serde_json::Value::Null);
    assert_eq!(m["gross_profit"], serde_json::Value::Null);
    assert_eq!(m["total_fees"], serde_json::Value::Null);
    assert_eq!(m["open_shares"], 500);
    // its account's group is open, with no net total (not 0.00)
    let b = &v["groups"][1];
    assert_eq!((&b["key"], &b["open"]), (&"B".into(), &1.into()));
    assert_eq!(b["net_total"], serde_json::Value::Null);
    assert_eq!(b["return_on_market_value_pct"], serde_json::Value::Null);
    assert!(v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["kind"] == "open"));
    // totals: one net figure; the return on the 1,000,000 of Shanghai market value
    let all = &v["total"][0];
    assert_eq!(all["wins"], 2);
    assert_eq!(all["open"], 1);
    assert_eq!(all["net_total"], "362282.18");
    assert_eq!(all["return_on_market_value_pct"], "36.23");
    assert_eq!(v["groups"].as_array().unwrap().len(), 2);
    // valued at a price the user gives
    let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
        "report",
        "--format",
        "json",
        "--price",
        "688795=600.50",
    ])))
    .unwrap();
    assert_eq!(v["wins"][1]["gross_profit"], "243110.00"); // (600.50 − 114.28) × 500
    assert!(v["wins"][1]["sales"][0]["valued"].as_bool().unwrap());
    // every output line in one language
    let zh = ok(daxin(&l).args(["report", "--explain"]));
    assert!(zh.contains("净收益") && !zh.contains("net profit"), "{zh}");
    let en = ok(daxin(&l).args(["report", "--explain", "--lang", "en"]));
    assert!(en.contains("net profit") && !en.contains("净收益"), "{en}");
    // csv: plain numbers
    let csv = ok(daxin(&l).args(["report", "--format", "csv"]));
    assert!(
        csv.contains("362282.18") && !csv.contains("362,282.18"),
        "{csv}"
    );
    // the held win: cash paid 114.28 × 500, then nothing until it is sold
    assert!(
        csv.contains("B,688795,摩尔线程,2025-11-24,500,CNY,57140.00,,,,,,held\n"),
        "{csv}"
    );
    let table = ok(daxin(&l).args(["report", "--by", "account", "--lang", "en"]));
    let row = table.lines().find(|l| l.contains("688795")).unwrap();
    let cells: Vec<&str> = row.split('┆').map(str::trim).collect();
    // cash paid, then gross profit, fees, net, holding days, return: empty
    assert_eq!(cells[6], "57,140.00", "{row}");
    assert_eq!(cells[7..12], ["", "", "", "", ""], "{row}");
    assert!(row.contains("held (500 open)"), "{row}");
    let group = table
        .lines()
        .find(|l| l.starts_with("│ B ") && !l.contains("688795"))
        .unwrap_or_else(|| panic!("{table}"));
    let cells: Vec<&str> = group.split('┆').map(str::trim).collect();
    // group, currency, wins, given up, open, net total: open 1, no net total
    assert_eq!(cells[4], "1", "{group}");
    assert_eq!(cells[5], "", "{group}");
    let e = fails(daxin(&l).args(["report", "--by", "month"]));
    assert!(e.contains("--by"), "{e}");
    let e = fails(daxin(&l).args(["report", "--price", "688795"]));
    assert!(e.contains("CODE=PRICE"), "{e}");
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/wins/broker/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn broker_statements_in_each_layout() {
    let d = dir("import");
    let l = d.join("wins.toml");
    // a dry run writes nothing
    let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
        "import",
        &fixture("guojin-ths.csv"),
        "--dry-run",
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(!l.exists());
    assert_eq!(v["added"].as_array().unwrap().len(), 1);
    let w = &v["added"][0]["win"];
    assert_eq!(w["code"], "688802");
    // the payment under the subscription code 787802 is matched by name
    assert_eq!(w["paid"], "2025-12-09");
    assert_eq!(w["sales"][0]["fees"]["stamp_duty"], "207.48");
    let reasons: Vec<(u64, String)> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["line"].as_u64().unwrap(),
                s["reason"]["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (2, "subscription".to_string()),
            (6, "other".to_string()),
            (7, "unmatched_payment".to_string()),
            (8, "other".to_string()),
            (9, "oversold".to_string()),
        ]
    );
    // each layout imports, GBK, comma or tab, ="…" cells, a title-less .xls
    for (f, code, sales) in [
        ("guojin-ths.csv", "688802", 1),
        ("huabao.csv", "688795", 2),
        ("jgd.xls", "301999", 1),
    ] {
        let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
            "import",
            &fixture(f),
            "--account",
            "A",
            "--format",
            "json",
        ])))
        .unwrap();
        assert_eq!(v["added"][0]["win"]["code"], code, "{f}");
        assert_eq!(
            v["added"][0]["win"]["sales"].as_array().unwrap().len(),
            sales,
            "{f}"
        );
    }
    // the jgd rows: a bad date named with its column, the 申购配号, the oversale
    let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
        "import",
        &fixture("jgd.xls"),
        "--account",
        "A",
        "--format",
        "json",
        "--dry-run",
    ])))
    .unwrap();
    let texts: Vec<String> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("交割日期") && t.contains("2025031x")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("已在账本中")),
        "importing twice adds nothing: {texts:?}"
    );
    // the report takes the broker's actual fees: 沐曦 at 829.90, 337.82 charged
    let r: serde_json::Value =
        serde_json::from_str(&ok(daxin(&l).args(["report", "--format", "json"]))).unwrap();
    let metax = r["wins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "688802")
        .unwrap();
    assert_eq!(metax["total_fees"], "337.82");
    assert_eq!(metax["net_profit"], "362282.18");
    assert!(metax["sales"][0]["actual_fees"].as_bool().unwrap());
    // a ChiNext IPO not in the data: its issue price from the statement
    let x = r["wins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "301999")
        .unwrap();
    assert_eq!(x["issue_price"], "20.00");
    assert_eq!(x["gross_profit"], "12750.00"); // (45.50 − 20) × 500
    assert_eq!(x["net_profit"], "12721.78"); // − 28.22 charged
                                             // a file with no header row is an error naming what it looked for
    let bad = d.join("bad.csv");
    std::fs::write(&bad, "a,b\n1,2\n").unwrap();
    let e = fails(daxin(&l).args(["import", bad.to_str().unwrap()]));
    assert!(e.contains("证券代码"), "{e}");
}

#[test]
fn a_ledger_that_is_not_a_readable_file_is_bad_input() {
    let d = dir("not-a-file");
    // a directory
    for sub in ["list", "report"] {
        let e = fails(daxin(&d).arg(sub));
        assert!(e.contains("a directory"), "{sub}: {e}");
    }
    let e = fails(daxin(&d).args(METAX).arg("1"));
    assert!(e.contains("a directory"), "{e}");
    // refused before a lock file is made beside it
    let mut lock = d.clone().into_os_string();
    lock.push(".lock");
    assert!(!PathBuf::from(lock).exists());
    // a path through a file: cannot be read (ENOTDIR), not "no ledger yet"
    let file = d.join("plain");
    std::fs::write(&file, "x").unwrap();
    let e = fails(daxin(&file.join("wins.toml")).arg("list"));
    assert!(e.contains("cannot read"), "{e}");
    // a FIFO: refused at once, never opened (a read would wait for a writer)
    #[cfg(unix)]
    {
        let fifo = d.join("fifo.toml");
        let made = Std::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            for sub in ["list", "report"] {
                let e = fails(
                    daxin(&fifo)
                        .arg(sub)
                        .timeout(std::time::Duration::from_secs(20)),
                );
                assert!(e.contains("a FIFO"), "{sub}: {e}");
            }
        }
        // unreadable (skipped where permissions do not bind, as for root)
        use std::os::unix::fs::PermissionsExt;
        let locked = d.join("locked.toml");
        std::fs::write(&locked, "version = 1\n").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            let e = fails(daxin(&locked).arg("list"));
            assert!(e.contains("cannot read"), "{e}");
        }
    }
}

#[test]
fn explain_shows_each_wins_working_in_the_list() {
    let d = dir("list-explain");
    let l = d.join("wins.toml");
    ok(daxin(&l).args(METAX).arg("1").args(["--account", "A"]));
    ok(daxin(&l).args([
        "sell",
        "688802",
        "--date",
        "2025-12-17",
        "--price",
        "829.90",
        "--shares",
        "200",
    ]));
    // 500 × 104.66 = 52,330.00 paid; 500 won − 200 sold = 300 held
    let en = ok(daxin(&l).args(["list", "--explain", "--lang", "en"]));
    assert!(
        en.contains("688802 沐曦股份: cash paid = 500 × 104.66 = 52,330.00; held = won − sold = 500 − 200 = 300"),
        "{en}"
    );
    let zh = ok(daxin(&l).args(["list", "--explain"]));
    assert!(
        zh.contains("实付资金 = 500 × 104.66 = 52,330.00；持有 = 中签 − 已卖 = 500 − 200 = 300"),
        "{zh}"
    );
    let csv = ok(daxin(&l).args(["list", "--explain", "--format", "csv", "--lang", "en"]));
    assert!(
        csv.starts_with("account,code,name,board,date,paid,shares,held,status,working\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",300,partly_sold,\"cash paid = 500 × 104.66 = 52,330.00; held"),
        "{csv}"
    );
    let v: serde_json::Value = serde_json::from_str(&ok(daxin(&l).args([
        "list",
        "--explain",
        "--format",
        "json",
        "--lang",
        "en",
    ])))
    .unwrap();
    assert!(v["wins"][0]["working"]
        .as_str()
        .unwrap()
        .ends_with("500 − 200 = 300"));
    // without --explain nothing changes
    let plain = ok(daxin(&l).args(["list", "--format", "json"]));
    assert!(!plain.contains("working"), "{plain}");
}

#[test]
fn an_unclear_fee_is_named_in_the_reports_language() {
    // the trial: `费用项 regulatory_fee 所用费率行…` — an id inside a Chinese line
    let d = dir("unclear-fee");
    let l = d.join("wins.toml");
    ok(daxin(&l).args(METAX).arg("1"));
    ok(daxin(&l).args([
        "sell",
        "688802",
        "--date",
        "2025-12-17",
        "--price",
        "829.90",
    ]));
    let zh = ok(daxin(&l).args(["report"]));
    assert!(
        zh.contains("费用项「证管费」所用费率行在来源中标为不明确"),
        "{zh}"
    );
    assert!(!zh.contains("regulatory_fee"), "{zh}");
    let en = ok(daxin(&l).args(["report", "--lang", "en"]));
    assert!(
        en.contains("fee item securities regulatory fee used"),
        "{en}"
    );
}

#[test]
fn a_win_typed_in_on_the_wrong_day_is_refused() {
    // the re-trial: `wins add 688802 --date 2025-03-03` was accepted (289
    // holding days); 沐曦's T day is 2025-12-05 (ddx.gubit.cn F10)
    let d = dir("wrong-day");
    let l = d.join("wins.toml");
    let out = daxin(&l)
        .args([
            "add",
            "688802",
            "--date",
            "2025-03-03",
            "--lots",
            "1",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("688802 was subscribed on 2025-12-05"), "{err}");
    // a day after the listing names the day given, not the listing
    let out = daxin(&l)
        .args([
            "add",
            "688041",
            "--date",
            "2022-09-01",
            "--lots",
            "1",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("date: after the listing day 2022-08-12"),
        "{err}"
    );
}
