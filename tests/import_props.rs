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
    fn plain_formatting_equals_normalize(m in any::<i64>(), scale in 0u32..=12) {
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
