//! Property tests of data import: no bytes make the row reader panic, and a
//! record written in daxin's formats reads back as the same record.

use daxin::data::Dataset;
use daxin::import::{self, Layout};
use proptest::prelude::*;

const HEADER: [&str; 8] = [
    "股票代码",
    "股票简称",
    "发行价格",
    "首日收盘价",
    "最新价",
    "上市日期",
    "每中一签获利",
    "涨幅",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rows_of_arbitrary_bytes_never_panic(cells in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..24), 0..10)) {
        let layout = Layout::detect(&HEADER, None).unwrap();
        let rec: Vec<&[u8]> = cells.iter().map(Vec::as_slice).collect();
        let out = import::process(&layout, rec.as_slice());
        // every row comes back: computed, or with its error
        prop_assert!(out.error.is_some() || !out.check.is_empty());
    }

    #[test]
    fn plausible_rows_never_panic(
        code in "(688|600|002|300|920|123)[0-9０-９]{3}",
        price in "[0-9０-９.,—-]{0,8}",
        close in "[0-9.%万-]{0,8}",
        date in "(20[0-9]{2}[-/]?[01][0-9][-/]?[0-3][0-9]|—|nan|)",
    ) {
        let layout = Layout::detect(&HEADER, None).unwrap();
        let cells = [code.as_bytes(), "名".as_bytes(), price.as_bytes(), close.as_bytes(), b"-", date.as_bytes(), b"-", b"-"];
        let _ = import::process(&layout, &cells);
    }

    /// Numbers at the ends of what a decimal holds (28 digits, 10⁻²⁸, with
    /// 万 or 亿 on top) in every number column, through both paths and the
    /// writer: an error row or figures, never a panic.
    #[test]
    fn extreme_numbers_never_panic(
        cells in proptest::collection::vec(
            "-?([0-9]{0,29}(\\.[0-9]{0,29})?|0\\.0{27}1|79228162514264337593543950335)(万|亿)?",
            6,
        ),
        board in prop::sample::select(vec!["688802", "600001", "300001", "920001"]),
    ) {
        let layout = Layout::detect(&HEADER, None).unwrap();
        let row: Vec<&[u8]> = vec![
            board.as_bytes(), "名".as_bytes(), cells[0].as_bytes(), cells[1].as_bytes(),
            cells[2].as_bytes(), b"2024-07-06", cells[3].as_bytes(), cells[4].as_bytes(),
        ];
        let out = import::process(&layout, row.as_slice());
        let mut bytes = Vec::new();
        import::write::csv_row(&mut bytes, 2, layout.format, &out, true);
        let mut fast = import::fast::FastPath::new(&layout).unwrap();
        let _ = fast.row(row.as_slice(), 2, &mut Vec::new());
        let line = row.iter().map(|c| String::from_utf8_lossy(c)).collect::<Vec<_>>().join(",");
        let _ = fast.line(line.as_bytes(), 2, b',', &mut Vec::new());
    }

    #[test]
    fn fast_formatting_equals_the_decimal_formatting(m in any::<i64>(), scale in 0u32..=12, dp in 0u32..=4) {
        let x = rust_decimal::Decimal::new(m, scale);
        let mut buf = Vec::new();
        import::write::push_fixed(&mut buf, x, dp);
        prop_assert_eq!(String::from_utf8(buf).unwrap(), daxin::num::fixed(x, dp));
    }

    #[test]
    fn integer_gain_equals_decimal_gain(p in 1i64..100_000_000, i in 1i64..10_000_000, ps in 0u32..=4, is in 0u32..=4) {
        let price = rust_decimal::Decimal::new(p, ps);
        let issue = rust_decimal::Decimal::new(i, is);
        let exact = (price - issue) * rust_decimal::Decimal::ONE_HUNDRED / issue;
        prop_assert_eq!(import::gain_pct_2dp(price, issue), Some(daxin::num::round_half_up(exact, 2)));
    }

    #[test]
    fn encoding_sniffing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = import::sniff_encoding(&bytes);
        let _ = import::ascii_decimal(&bytes);
    }

    #[test]
    fn records_round_trip_through_every_format(
        code in "[0-9]{6}",
        name in "[\u{4e00}-\u{4e0f}]{2,4}",
        issue_fen in 1u64..1_000_000,
        close_fen in proptest::option::of(1u64..10_000_000),
        total in proptest::option::of(1u64..10_000_000_000),
        day in 1u32..28,
        rate in proptest::option::of(1u32..99_999_999),
    ) {
        let cents = |c: u64| format!("{}.{:02}", c / 100, c % 100);
        let mut toml = format!(
            "[[ipo]]\ncode = \"{code}\"\nname_zh = \"{name}\"\nboard = \"star\"\nlisting_date = \"2024-03-{day:02}\"\nissue_price = \"{}\"\n",
            cents(issue_fen)
        );
        if let Some(t) = total {
            toml.push_str(&format!("total_shares = {t}\n"));
        }
        if let Some(r) = rate {
            toml.push_str(&format!("win_rates = {{ final = \"0.{r:08}\" }}\n"));
        }
        if let Some(c) = close_fen {
            toml.push_str(&format!("prices = {{ close = \"{}\" }}\n", cents(c)));
        }
        let d = Dataset::from_toml(&toml, "prop").unwrap();
        let via_csv = Dataset::from_csv(&d.to_csv().unwrap(), "csv").unwrap();
        prop_assert_eq!(via_csv.ipos(), d.ipos());
        let via_json = Dataset::from_json(&d.to_json().unwrap(), "json").unwrap();
        prop_assert_eq!(via_json.ipos(), d.ipos());
        let via_toml = Dataset::from_toml(&d.to_toml().unwrap(), "toml").unwrap();
        prop_assert_eq!(via_toml.ipos(), d.ipos());
    }
}

#[test]
fn negative_zero_formats_alike() {
    let x = rust_decimal::Decimal::new(-4, 3);
    let mut buf = Vec::new();
    import::write::push_fixed(&mut buf, x, 2);
    assert_eq!(String::from_utf8(buf).unwrap(), daxin::num::fixed(x, 2));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plain_formatting_equals_normalize(m in any::<i64>(), scale in 0u32..=28) {
        let x = rust_decimal::Decimal::new(m, scale);
        let mut buf = Vec::new();
        import::write::push_plain(&mut buf, x);
        prop_assert_eq!(String::from_utf8(buf).unwrap(), x.normalize().to_string());
    }

    /// What the `csv` crate writes, the splitter reads back field for field,
    /// line numbers included, whatever the window size.
    #[test]
    fn splitter_reads_what_the_csv_crate_writes(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-c,\"\r\n 股]{0,6}", 1..6), 1..8),
        window in 1usize..64,
    ) {
        // each record written on its own, to know the line it starts on
        let mut text = Vec::new();
        let mut want = Vec::new();
        for r in &rows {
            let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
            w.write_record(r).unwrap();
            let piece = w.into_inner().unwrap();
            let line = 1 + text.iter().filter(|b| **b == b'\n').count() as u64;
            // a record of one empty field is a blank line, which readers skip
            if !(r.len() == 1 && r[0].is_empty()) {
                want.push((line, r.clone(), None));
            }
            text.extend_from_slice(&piece);
        }
        prop_assert_eq!(split_all(&text, window), want);
    }

    #[test]
    fn splitter_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200), window in 1usize..40) {
        let _ = split_all(&bytes, window);
    }
}

/// Splits `text` as `daxin batch` does, feeding it `window` bytes at a time:
/// (line, fields, error) per record, blank lines skipped.
fn split_all(text: &[u8], window: usize) -> Vec<(u64, Vec<String>, Option<String>)> {
    use daxin::import::split::{Splitter, Step};
    let mut s = Splitter::new(b',');
    let (mut lo, mut hi, mut line) = (0usize, 0usize, 1u64);
    let mut out = Vec::new();
    loop {
        let eof = hi == text.len();
        match s.next(&text[lo..hi], eof) {
            Step::NeedMore => hi = (hi + window).min(text.len()),
            Step::Skip { consumed, lines } => {
                lo += consumed;
                line += lines;
            }
            Step::End => return out,
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                if !(row.is_blank() && error.is_none()) {
                    let f = row
                        .fields()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect();
                    out.push((line, f, error));
                }
                lo += consumed;
                line += lines;
            }
        }
    }
}

/// A price in fen, written in one of the ways tables write prices.
fn price_text(fen: u64, style: u8) -> String {
    match style {
        0 => format!("{}.{:02}", fen / 100, fen % 100),
        1 => format!("{}.{:02}0", fen / 100, fen % 100), // a trailing zero
        2 => format!("0{}.{:02}", fen / 100, fen % 100), // a leading zero
        3 => format!("{}.{}", fen / 100, fen % 100 / 10), // one place (tenths kept)
        4 => format!("{}", fen / 100),                   // whole yuan
        5 => "-".to_string(),
        6 => "—".to_string(),
        _ => format!("１{}", fen % 100), // full-width: the general parser's work
    }
}

/// The fast path writes, byte for byte, what the general path and the CSV
/// writer write, for every row it takes; and it takes most of these rows
/// (so that the comparison is not vacuous).
#[test]
fn fast_path_writes_what_the_general_path_writes() {
    use proptest::test_runner::{Config, TestRunner};
    use std::cell::Cell;
    let valid_or = |valid: Vec<&'static str>, odd: Vec<&'static str>| {
        // three valid values for each odd one
        let mut v = valid.clone();
        v.extend(valid.clone());
        v.extend(valid);
        v.extend(odd);
        prop::sample::select(v)
    };
    let strategy = (
        valid_or(
            vec!["688", "689", "600", "603", "000", "002", "300", "301"],
            vec!["920", "830", "123", "SZ3"],
        ),
        0u32..1000,
        valid_or(
            vec!["新股", "沐曦股份", ""],
            vec!["a,b", "say \"x\"", "ＡＢ", " 空格 "],
        ),
        (1u64..2_000_000, 1u64..20_000_000, 1u64..20_000_000),
        (0u8..10, 0u8..10, 0u8..10),
        valid_or(
            vec!["2024-07-06", "2025-12-17", "2019-07-22"],
            vec!["1985-01-01", "2024/07/06", "20240706", "-", ""],
        ),
        valid_or(vec!["-", "2024-06-28"], vec!["2023-03-20", "bad"]),
        (0u8..7, 0u8..9, 0u8..8),
        valid_or(vec!["0", "3", "-"], vec!["x"]),
    );
    let layout = Layout::detect(import::SourceFormat::EmXgsglb.header(), None).unwrap();
    let taken = Cell::new(0u32);
    let mut runner = TestRunner::new(Config::with_cases(8192));
    runner
        .run(
            &strategy,
            |(prefix, tail, name, fen, styles, date, sub_date, kinds, limit_ups)| {
                let mut fast = import::fast::FastPath::new(&layout).unwrap();
                // styles 0–4 write a number, 5–6 a placeholder, 7 full-width;
                // most draws are plain two-place prices
                let style = |s: u8| if s >= 8 { 0 } else { s };
                let (issue_fen, close_fen, latest_fen) = fen;
                // closes at the main boards' first-day band edges (+44% /
                // −36%, half-up to the fen) and just past them
                let hi = (issue_fen * 144 + 50) / 100;
                let lo = (issue_fen * 64 + 50) / 100;
                let close_fen = match kinds.2 {
                    0 => hi,
                    1 => hi + 1,
                    2 => lo.max(1),
                    3 => lo.saturating_sub(1).max(1),
                    4 => (issue_fen * 12 / 10).max(1),
                    _ => close_fen,
                };
                // the lot of the row's board and date, where it has them
                let rule_date = [sub_date, date]
                    .iter()
                    .find_map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                let lot = import::board_of_code(&format!("{prefix}{tail:03}"))
                    .zip(rule_date)
                    .and_then(|(b, d)| daxin::board::lot_rule(b, d).ok())
                    .and_then(|r| r.shares)
                    .unwrap_or(500) as i64;
                let profit_fen = (close_fen as i64 - issue_fen as i64) * lot;
                let fen_text = rust_decimal::Decimal::new(profit_fen, 2);
                let profit = match kinds.0 {
                    0 | 5 => fen_text.normalize().to_string(),
                    1 | 6 => fen_text.to_string(),
                    2 => (fen_text + rust_decimal::Decimal::ONE).to_string(),
                    3 => "-".into(),
                    _ => "nan".into(),
                };
                let exact_gain = import::gain_pct_2dp(
                    rust_decimal::Decimal::new(close_fen as i64, 2),
                    rust_decimal::Decimal::new(issue_fen as i64, 2),
                )
                .unwrap();
                // the gain at 4 places and at 1, half-up from the exact
                // value: figures the 2-place gain cannot settle alone
                let exact = (rust_decimal::Decimal::new(close_fen as i64, 2)
                    - rust_decimal::Decimal::new(issue_fen as i64, 2))
                    * rust_decimal::Decimal::ONE_HUNDRED
                    / rust_decimal::Decimal::new(issue_fen as i64, 2);
                let gain = match kinds.1 {
                    0 | 7 => exact_gain.normalize().to_string(),
                    1 | 8 => exact_gain.to_string(),
                    5 => daxin::num::round_half_up(exact, 4).to_string(),
                    6 => daxin::num::round_half_up(exact, 1).to_string(),
                    2 => (exact_gain + rust_decimal::Decimal::ONE).to_string(),
                    3 => "-".into(),
                    _ => format!("{exact_gain}%"),
                };
                let cells: Vec<String> = vec![
                    format!("{prefix}{tail:03}"),
                    name.to_string(),
                    "-".into(),
                    "40100000".into(),
                    "9665500".into(),
                    "-".into(),
                    "-".into(),
                    price_text(issue_fen, style(styles.0)),
                    price_text(latest_fen, style(styles.2)),
                    price_text(close_fen, style(styles.1)),
                    sub_date.into(),
                    "-".into(),
                    "-".into(),
                    date.into(),
                    "-".into(),
                    "-".into(),
                    "0.0335".into(),
                    "-".into(),
                    "-".into(),
                    limit_ups.into(),
                    gain,
                    profit,
                ];
                let rec: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
                let mut got = Vec::new();
                let took = fast.row(rec.as_slice(), 7, &mut got);
                // the same cells as one line of CSV, when no cell needs
                // quotes: the line scanner must agree with the split record
                if !cells.iter().any(|c| c.contains([',', '"', '\n', '\r'])) {
                    let mut by_line = Vec::new();
                    let took_line = fast.line(cells.join(",").as_bytes(), 7, b',', &mut by_line);
                    prop_assert_eq!(took_line, took);
                    prop_assert_eq!(&by_line, &got);
                }
                if took {
                    taken.set(taken.get() + 1);
                    let general = import::process(&layout, rec.as_slice());
                    let mut want = Vec::new();
                    import::write::csv_row(&mut want, 7, layout.format, &general, false);
                    prop_assert_eq!(
                        String::from_utf8_lossy(&got),
                        String::from_utf8_lossy(&want)
                    );
                } else {
                    prop_assert!(got.is_empty(), "a declined row writes nothing");
                }
                Ok(())
            },
        )
        .unwrap();
    assert!(
        taken.get() > 400,
        "the fast path took only {} of 8192 rows",
        taken.get()
    );
}

/// The fast path takes the common row (so the property above is not
/// vacuous), and declines what only the general path can say.
#[test]
fn fast_path_takes_the_common_row() {
    let layout = Layout::detect(import::SourceFormat::EmXgsglb.header(), None).unwrap();
    let mut fast = import::fast::FastPath::new(&layout).unwrap();
    let row = |issue: &str, close: &str, latest: &str, profit: &str| -> Vec<String> {
        [
            "688802",
            "沐曦股份",
            "-",
            "40100000",
            "9665500",
            "-",
            "-",
            issue,
            latest,
            close,
            "-",
            "-",
            "-",
            "2025-12-17",
            "-",
            "-",
            "0.0335",
            "-",
            "-",
            "0",
            "692.95",
            profit,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let takes = |fast: &mut import::fast::FastPath, cells: Vec<String>| {
        let rec: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
        fast.row(rec.as_slice(), 2, &mut Vec::new())
    };
    assert!(takes(&mut fast, row("104.66", "829.90", "-", "362620")));
    assert!(takes(
        &mut fast,
        row("104.66", "829.90", "700.00", "362620")
    ));
    // a figure that differs: the general path explains it
    assert!(!takes(&mut fast, row("104.66", "829.90", "-", "362621")));
    // full-width digits: the general parser
    assert!(!takes(
        &mut fast,
        row("１０４．６６", "829.90", "-", "362620")
    ));
}

/// At the edges of what a price may be (above zero, at most
/// `input::MAX_PRICE`), the fast path's integer bounds agree with the
/// general path's `Price`: every combination of prices around the limits,
/// in several spellings, is either declined by the fast path or written as
/// the general path writes it; and a price out of range is never taken.
#[test]
fn fast_path_agrees_at_the_price_limits() {
    let layout = Layout::detect(import::SourceFormat::EmXgsglb.header(), None).unwrap();
    let mut fast = import::fast::FastPath::new(&layout).unwrap();
    let max = daxin::input::MAX_PRICE;
    let prices = [
        format!("{}.99", max - 1),
        format!("{max}"),
        format!("{max}.00"),
        format!("{max}.0000"),
        format!("{max}.01"),
        format!("{max}.0001"),
        format!("{}", max + 1),
        format!("{}.999", max - 1),
        "0.01".to_string(),
        "0.0001".to_string(),
        "0".to_string(),
        "0.00".to_string(),
        "999999999999999999".to_string(),
        "1000000000000000000".to_string(),
    ];
    let in_range = |p: &str| {
        let d: rust_decimal::Decimal = p.parse().unwrap();
        d > rust_decimal::Decimal::ZERO && d <= rust_decimal::Decimal::from(max)
    };
    let mut taken = 0;
    for issue in &prices {
        for close in &prices {
            for latest in prices.iter().chain([&"-".to_string()]) {
                // STAR, listed 2025-12-17: no first-day band to decline on
                let mut cells = vec!["-"; 22];
                cells[0] = "688802";
                cells[1] = "沐曦股份";
                cells[7] = issue;
                cells[8] = latest;
                cells[9] = close;
                cells[13] = "2025-12-17";
                let rec: Vec<&[u8]> = cells.iter().map(|c| c.as_bytes()).collect();
                let mut got = Vec::new();
                if !fast.row(rec.as_slice(), 2, &mut got) {
                    continue;
                }
                taken += 1;
                assert!(
                    in_range(issue) && in_range(close) && (latest == "-" || in_range(latest)),
                    "taken with a price out of range: {issue} {close} {latest}"
                );
                let general = import::process(&layout, rec.as_slice());
                let mut want = Vec::new();
                import::write::csv_row(&mut want, 2, layout.format, &general, false);
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&want),
                    "{issue} {close} {latest}"
                );
            }
        }
    }
    // the in-range prices are 7 of the 14; with 8 latest values each
    assert_eq!(taken, 7 * 7 * 8);
}
