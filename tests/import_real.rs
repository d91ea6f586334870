//! `daxin batch` on tables as AKShare really writes them (issue #11, the
//! import items): units decided per column, lot units when only a listing
//! date is known, encodings, upcoming IPOs, spreadsheets. The fixtures and
//! where each value comes from are listed in `fixtures/import/README.md`.

use std::collections::HashMap;
use std::path::PathBuf;

use assert_cmd::Command;

fn daxin() -> Command {
    Command::cargo_bin("daxin").unwrap()
}

type Row = HashMap<String, String>;

/// Runs `daxin batch ARGS` (CSV out): exit code, rows by column, stderr.
fn batch(args: &[&str]) -> (i32, Vec<Row>, String) {
    let out = daxin().arg("batch").args(args).output().unwrap();
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let header = rdr.headers().unwrap().clone();
    let rows = rdr
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect();
    (
        out.status.code().unwrap_or(-1),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn by_code<'a>(rows: &'a [Row], code: &str) -> &'a Row {
    rows.iter().find(|r| r["code"] == code).unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("daxin-import-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

// ---- item 1: units of AKShare columns ----

#[test]
fn dxsyl_fractions_are_read_as_fractions_and_the_unit_is_said() {
    // AKShare 1.4.45–1.8.0 wrote 开盘溢价 and 首日涨幅 as fractions, and a
    // 打新收益 column that is a rate, not yuan per lot
    let (code, rows, err) = batch(&[
        "fixtures/import/akshare_dxsyl_1_4_fraction.csv",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("首日涨幅") && err.contains("fraction"),
        "{err}"
    );
    for r in &rows[..5] {
        assert_eq!(r["check"], "ok", "{r:?}");
        assert_eq!(r["status"], "computed", "{r:?}");
        // 打新收益 is never compared with the per-lot profit
        assert_eq!(r["published_profit"], "", "{r:?}");
    }
    // 金徽股份 (SSE main board, 2022: 1,000-share lots): 首日涨幅 0.4398 on
    // 10.80 is a close of 15.55; 开盘溢价 0.2000 an open of 12.96
    let r = by_code(&rows, "603132");
    assert_eq!(r["lot_shares"], "1000");
    assert_eq!(r["price"], "15.55");
    assert_eq!(r["profit_per_lot"], "4750.00");
    assert_eq!(r["gain_pct"], "43.98");
    assert_eq!(r["published_gain"], "43.98");
    assert_eq!(r["open_price"], "12.96");
    // --explain shows how the close was found
    let (_, ex, _) = batch(&[
        "fixtures/import/akshare_dxsyl_1_4_fraction.csv",
        "--explain",
    ]);
    assert!(
        by_code(&ex, "603132")["working"].starts_with("10.80 × (1 + 43.98% ) = 15.54984 → 15.55"),
        "{:?}",
        by_code(&ex, "603132")
    );
    // 西点药业 (ChiNext): 1.5282 on 22.55 → 57.01; 1.4390 → 55.00
    let r = by_code(&rows, "301130");
    assert_eq!(r["price"], "57.01");
    assert_eq!(r["open_price"], "55.00");
    assert_eq!(r["profit_per_lot"], "17230.00");
}

#[test]
fn dxsyl_percentages_of_the_current_layout_recompute() {
    // AKShare 1.8.1 on: percentages at 4 and 6 places; every listed row's
    // rates come from fen prices (C北自: 118.0451 % on 21.28 is 46.40)
    let (code, rows, err) = batch(&[
        "fixtures/import/akshare_dxsyl_1_12_percent.csv",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("首日涨幅 read as percentages"), "{err}");
    assert_eq!(rows.len(), 15);
    let status = |s: &str| rows.iter().filter(|r| r["status"] == s).count();
    assert_eq!(
        (status("computed"), status("pending"), status("no_price")),
        (11, 2, 2)
    );
    for r in rows.iter().filter(|r| r["status"] == "computed") {
        assert_eq!(r["check"], "ok", "{r:?}");
        assert_eq!(r["basis"], "implied_close");
    }
    let r = by_code(&rows, "603082");
    assert_eq!(
        (r["price"].as_str(), r["lot_shares"].as_str()),
        ("46.40", "500")
    );
    assert_eq!(r["profit_per_lot"], "12560.00");
    // 云中马, SSE main board 2022: 1,000-share lots, the +44 % band's top
    let r = by_code(&rows, "603130");
    assert_eq!(
        (r["price"].as_str(), r["lot_shares"].as_str()),
        ("28.40", "1000")
    );
    assert_eq!(r["open_price"], "23.66");
    assert_eq!(by_code(&rows, "603341")["check"], "not yet priced");
}

#[test]
fn a_forced_unit_that_does_not_fit_shows_in_the_check() {
    let (_, rows, err) = batch(&[
        "fixtures/import/akshare_dxsyl_1_4_fraction.csv",
        "--units",
        "percent",
    ]);
    assert!(err.contains("--units"), "{err}");
    // 0.4398 % on 10.80 is no price on the fen grid
    let r = by_code(&rows, "603132");
    assert_ne!(r["check"], "ok", "{r:?}");
}

#[test]
fn a_percent_column_with_a_fraction_row_is_ambiguous() {
    // the current layout (percent), with one row whose value fits only as a
    // fraction: the row is marked, not guessed
    let f = temp("mixed.csv");
    std::fs::write(
        &f,
        "序号,股票代码,股票简称,发行价,最新价,网上-发行中签率,总发行数量,开盘溢价,首日涨幅,上市日期\n\
         1,603130,云中马,19.72,,,3500.0,19.979716,44.0162,2022-11-18\n\
         2,603132,金徽股份,10.80,,,,,0.4398,2022-02-22\n",
    )
    .unwrap();
    let (code, rows, err) = batch(&[f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(by_code(&rows, "603130")["check"], "ok");
    let r = by_code(&rows, "603132");
    assert_eq!(r["status"], "ambiguous", "{r:?}");
    // the check is worded in the run's language (zh by default)
    assert!(r["check"].contains("0.4398 只合小数读法"), "{r:?}");
    let (_, rows, _) = batch(&[f.to_str().unwrap(), "--lang", "en"]);
    let r = by_code(&rows, "603132");
    assert!(
        r["check"].contains("0.4398 fits only as a fraction"),
        "{r:?}"
    );
}

// ---- item 2: the lot unit when only the listing date is known ----

#[test]
fn a_listing_just_after_the_sse_lot_change_is_ambiguous_or_decided_by_the_profit() {
    // SSE main board: 1,000-share lots for subscriptions to 2023-03-26, 500
    // from 2023-03-27. Listed 2023-04-10 with no subscription date: either.
    let f = temp("lots.csv");
    std::fs::write(
        &f,
        "股票代码,股票简称,发行价格,首日收盘价,上市日期,每中一签获利\n\
         601999,甲,10.00,14.40,2023-04-10,\n\
         601998,乙,10.00,14.40,2023-04-10,4400\n\
         601997,丙,10.00,14.40,2023-04-10,2200\n\
         601996,丁,10.00,14.40,2024-04-10,\n",
    )
    .unwrap();
    let (code, rows, err) = batch(&[f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let r = by_code(&rows, "601999");
    assert_eq!(r["status"], "ambiguous", "{r:?}");
    assert!(r["check"].contains("2023-03-27"), "{r:?}");
    assert!(
        r["check"].contains("1000") && r["check"].contains("500"),
        "{r:?}"
    );
    // the published profit fits exactly one unit
    assert_eq!(by_code(&rows, "601998")["lot_shares"], "1000");
    assert_eq!(by_code(&rows, "601998")["check"], "ok");
    assert_eq!(by_code(&rows, "601997")["lot_shares"], "500");
    assert_eq!(by_code(&rows, "601997")["check"], "ok");
    // a year later: no doubt
    assert_eq!(by_code(&rows, "601996")["status"], "computed");
}

#[test]
fn star_subscriptions_before_the_first_trading_day_have_a_lot() {
    // 华兴源创 (688001), the first STAR IPO: subscribed 2019-06-27, in
    // multiples of 500 shares, issue price 24.26 — cn.investing.com/news/
    // economy-news/article-1895841; STAR first traded on 2019-07-22
    let f = temp("star.csv");
    std::fs::write(
        &f,
        "股票代码,股票简称,发行价格,申购日期,上市日期\n688001,华兴源创,24.26,2019-06-27,\n",
    )
    .unwrap();
    let (code, rows, err) = batch(&[f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(rows[0]["lot_shares"], "500", "{:?}", rows[0]);
    assert_eq!(rows[0]["error"], "");
}

// ---- item 3: encodings ----

#[test]
fn one_bad_byte_in_a_utf8_file_is_that_rows_error() {
    let f = temp("badbyte.csv");
    let mut bytes = "股票代码,股票简称,发行价格,首日收盘价,上市日期\n\
                     688802,沐曦股份,104.66,829.90,2025-12-17\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"688795,\xff\xfe,114.28,600.50,2025-12-05\n");
    bytes.extend_from_slice("688041,海光信息,36.00,60.10,2022-08-12\n".as_bytes());
    std::fs::write(&f, bytes).unwrap();
    let (code, rows, err) = batch(&[f.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(rows.len(), 3);
    assert!(by_code(&rows, "688802")["check"].starts_with("ok"));
    assert!(by_code(&rows, "688041")["check"].starts_with("ok"));
    let bad = by_code(&rows, "688795");
    assert!(bad["error"].contains("UTF-8"), "{bad:?}");
}

// ---- item 10: upcoming IPOs ----

#[test]
fn upcoming_ipos_are_pending_not_errors() {
    let (code, rows, err) = batch(&["fixtures/import/akshare_xgsglb_1_17.csv", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(rows.len(), 5);
    for c in ["301575", "603370"] {
        let r = by_code(&rows, c);
        assert_eq!(r["status"], "pending", "{r:?}");
        assert!(r["check"].contains("not yet priced"), "{r:?}");
        assert_eq!(r["error"], "");
    }
    assert!(err.contains("2 pending"), "{err}");
    // the listed rows: every published figure agrees (the 板块 column is
    // not taken for the board; the code tells it)
    for c in ["688802", "688795", "688041"] {
        let r = by_code(&rows, c);
        assert_eq!(r["check"], "ok", "{r:?}");
        assert_eq!(r["status"], "computed");
    }
    assert_eq!(by_code(&rows, "688802")["profit_per_lot"], "362620.00");
}

// ---- item 11: spreadsheets ----

#[test]
fn a_sheet_reads_as_the_csv_of_the_same_sheet() {
    let (c0, csv_rows, _) = batch(&["fixtures/import/akshare_xgsglb_1_17.csv"]);
    for f in [
        "fixtures/import/akshare_xgsglb_1_17.xlsx",
        "fixtures/import/akshare_xgsglb_1_17.ods",
        "fixtures/import/akshare_xgsglb_1_17.xls",
    ] {
        let (c1, rows, err) = batch(&[f]);
        assert_eq!(c1, c0, "{f}: {err}");
        assert_eq!(rows, csv_rows, "{f}");
        let (_, named, err) = batch(&[f, "--sheet", "Sheet1"]);
        assert_eq!(named, csv_rows, "{f}: {err}");
    }
    let (code, _, err) = batch(&[
        "fixtures/import/akshare_xgsglb_1_17.xlsx",
        "--sheet",
        "nope",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("Sheet1"), "{err}");
}

#[test]
fn data_reads_a_spreadsheet_as_its_csv() {
    // daxin's record CSV saved as .xlsx by pandas reads as the CSV does
    let (code, _, err) = batch(&["fixtures/import/daxin_records.xlsx"]);
    assert_eq!(code, 0, "{err}");
    let show = |data: &str| {
        daxin()
            .args(["show", "688802", "--format", "json", "--data", data])
            .output()
            .unwrap()
    };
    let a = show("fixtures/import/daxin_records.csv");
    let b = show("fixtures/import/daxin_records.xlsx");
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    // the file's record (total_shares blanked) replaced the built-in one
    let builtin = daxin()
        .args(["show", "688802", "--format", "json"])
        .output()
        .unwrap();
    assert_ne!(b.stdout, builtin.stdout);
    let (via_csv, via_sheet) = (
        batch(&["fixtures/import/daxin_records.csv"]).1,
        batch(&["fixtures/import/daxin_records.xlsx"]).1,
    );
    assert_eq!(via_csv, via_sheet);
}

#[test]
fn sheet_names_the_sheet_of_every_table_read() {
    // --sheet is global: --data, --allotment and strategy read the named
    // sheet, and a sheet the workbook lacks is an error that names the
    // sheets it has (issue #11 item 11: `--sheet NAME` wherever a table is read)
    let run = |args: &[&str]| daxin().args(args).output().unwrap();
    let shown = |data_args: &[&str]| {
        let mut a = vec!["show", "688802", "--format", "json"];
        a.extend_from_slice(data_args);
        run(&a)
    };
    let first = shown(&["--data", "fixtures/import/daxin_records.xlsx"]);
    let named = shown(&[
        "--data",
        "fixtures/import/daxin_records.xlsx",
        "--sheet",
        "Sheet1",
    ]);
    assert!(named.status.success());
    assert_eq!(first.stdout, named.stdout);
    let wrong = shown(&[
        "--data",
        "fixtures/import/daxin_records.xlsx",
        "--sheet",
        "nope",
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("Sheet1") && err.contains("--data"), "{err}");

    let odds = |sheet: &str| {
        run(&[
            "odds",
            "--allotment",
            "fixtures/hk/keytop-2026-allotment.xlsx",
            "--lot-size",
            "60",
            "--sheet",
            sheet,
            "--format",
            "json",
        ])
    };
    assert!(odds("Sheet").status.success());
    let wrong = odds("Sheet9");
    assert_eq!(wrong.status.code(), Some(2));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        err.contains("--allotment") && err.contains("Sheet"),
        "{err}"
    );

    let strategy = run(&[
        "strategy",
        "fixtures/import/akshare_xgsglb_1_17.xlsx",
        "--sh",
        "100000",
        "--sheet",
        "nope",
    ]);
    assert_eq!(strategy.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&strategy.stderr).contains("Sheet1"));
}

#[test]
fn an_input_that_cannot_be_read_writes_no_output() {
    // before: the CSV header reached stdout, then the error (exit 2)
    for bad in ["fixtures/no-such-file.csv", "fixtures"] {
        let out = daxin()
            .args(["batch", "fixtures/import/akshare_xgsglb_gpu.csv", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            out.stdout.is_empty(),
            "{bad}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains(bad), "{bad}");
    }
}

#[test]
fn every_run_says_how_many_rows_and_a_table_without_rows_says_so() {
    // the trial: a table cut off in its header gave a header-only output,
    // exit 0 and no word; an empty file printed the header, then failed
    let dir = std::env::temp_dir().join(format!("daxin-rows-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let whole = std::fs::read("fixtures/import/akshare_xgsglb_gpu.csv").unwrap();
    let cut = dir.join("cut.csv");
    std::fs::write(&cut, &whole[..330]).unwrap();
    let out = daxin().arg("batch").arg(&cut).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("表中没有数据行"));
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let out = daxin().arg("batch").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = daxin()
        .args([
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("daxin batch: ") && err.contains(" rows"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_check_column_speaks_the_runs_language() {
    // the trial: under --lang zh the check read "每中一签获利 267860 ≠
    // 243110.00: it implies a sale price of 650.00, not the close 600.50"
    let f = "fixtures/import/akshare_xgsglb_gpu.csv";
    let (_, zh, _) = batch(&[f]);
    let (_, en, _) = batch(&[f, "--lang", "en"]);
    // 摩尔线程's row printing 267,860 = (650.00 − 114.28) × 500: the open
    // (cfi.cn), not the close
    let moore = |rows: &[Row]| -> String {
        let r = rows.iter().find(|r| r["published_profit"] == "267860");
        r.map(|r| r["check"].clone()).unwrap_or_default()
    };
    assert_eq!(
        moore(&zh),
        "每中一签获利 267860 ≠ 243110.00：它对应卖出价 650.00，而非收盘价 600.50；涨幅 468.78% ≠ 425.46%"
    );
    assert_eq!(
        moore(&en),
        "每中一签获利 267860 ≠ 243110.00: it implies a sale price of 650.00, not the close 600.50; 涨幅 468.78% ≠ 425.46%"
    );
    // an agreeing row begins with ok in both
    assert_eq!(by_code(&zh, "688802")["check"], "ok");
    // no English word in any check under zh (column names are Chinese)
    let english = regex::Regex::new("[A-Za-z]{3,}").unwrap();
    for r in &zh {
        assert!(!english.is_match(&r["check"]), "{r:?}");
    }
}

#[test]
fn an_unknown_header_or_an_input_as_output_is_refused_before_any_output() {
    // the re-trial: `batch bad.csv` printed the CSV header (JSON: a lone
    // `[`) before refusing the header; `batch good.csv bad.csv` printed all
    // of good.csv first; `batch g.csv -o g.csv` replaced the table with
    // its results
    let dir = std::env::temp_dir().join(format!("daxin-refuse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "abc,def\n1,2\n").unwrap();
    for fmt in ["csv", "json", "md"] {
        let out = daxin()
            .args(["batch", "fixtures/import/akshare_xgsglb_gpu.csv"])
            .arg(&bad)
            .args(["--format", fmt])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{fmt}");
        assert!(
            out.stdout.is_empty(),
            "{fmt}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let table = dir.join("g.csv");
    let original = std::fs::read("fixtures/import/akshare_xgsglb_gpu.csv").unwrap();
    std::fs::write(&table, &original).unwrap();
    let out = daxin()
        .arg("batch")
        .arg(&table)
        .arg("-o")
        .arg(&table)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&table).unwrap(), original);
    let _ = std::fs::remove_dir_all(&dir);
}
