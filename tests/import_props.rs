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
    /// 万 or 亿 on top) in every number column, through the row and the
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
        import::write::csv_row(&mut bytes, 2, layout.format, &out, true, daxin::Lang::En);
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
                    out.push((line, f, error.map(|e| e.en().to_string())));
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

/// A table's rows, as tables write them: mostly plain, some with quoted
/// names (commas, quotes, line breaks), placeholders, bad prices, blank
/// lines and rows of the wrong length.
fn table_text(rows: &[(u8, u32, u64, u64, u8)]) -> Vec<u8> {
    let mut t = Vec::new();
    for (i, &(kind, code, issue, close, style)) in rows.iter().enumerate() {
        let name = match kind {
            0 => "\"新\n股\"".to_string(),
            1 => "\"a,\"\"b\"\"\"".to_string(),
            2 => String::new(),
            _ => format!("新股{i}"),
        };
        let issue = price_text(issue, style % 6);
        let close = price_text(close, style / 6);
        let line = match kind {
            3 => "\n".to_string(),
            4 => "688001,short\n".to_string(),
            5 => "688002,\"never closed,10,12,2025-12-17\n".to_string(),
            _ => format!("688{code:03},{name},{issue},{close},-,2025-12-17,-,-\n"),
        };
        t.extend_from_slice(line.as_bytes());
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The batch on several threads writes, byte for byte, what it writes
    /// on one: the same rows, in the same order, with the same line
    /// numbers and counts, cuts inside quoted line breaks included.
    #[test]
    fn threads_write_what_one_thread_writes(
        rows in proptest::collection::vec((0u8..12, 0u32..1000, 1u64..2_000_000, 1u64..20_000_000, 0u8..48), 0..300),
        jobs in 2usize..6,
        json in any::<bool>(),
    ) {
        use daxin::import::batch::{run_parallel, Encoder, Encoding};
        let layout = Layout::detect(&HEADER, None).unwrap();
        let text = table_text(&rows);
        let enc = Encoder::new(if json { Encoding::Json } else { Encoding::Csv }, false, None);
        let one = run_parallel(&layout, b',', &text, true, 2, 1, &enc);
        let many = run_parallel(&layout, b',', &text, true, 2, jobs, &enc);
        prop_assert_eq!(many.outputs.concat(), one.outputs.concat());
        prop_assert_eq!(many.tally, one.tally);
        prop_assert_eq!(many.end, one.end);
    }
}
