//! Issue #11 item 12: which export is lossless. daxin's TOML and JSON
//! record files carry every field — notes, published figures, sources — and
//! read → write → read gives the same records and the same text again; the
//! record CSV (`list --format csv`) is a flat table that leaves notes and
//! published figures out, and says so.

use daxin::data::Dataset;
use proptest::prelude::*;

/// Text as people write it in notes and quotes: Chinese, quotes,
/// backslashes, tabs, line breaks (CR LF too), `#`, `=`, brackets.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "沐曦", "收盘", "a", " ", "\"", "'", "\\", "\t", "\n", "\r\n", "#", "=", "[", "]", "{",
            "}", "%", "×", "—", "’", "😀", "\u{7f}", "'''", "\"\"\"",
        ]),
        0..12,
    )
    .prop_map(|v| v.concat())
}

/// A TOML string literal of `s` (basic string, everything escaped).
fn lit(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Printed figures the parser reads, by kind.
const PRINTED: [(&str, &str); 6] = [
    ("gain_pct", "+425.46%"),
    ("profit_per_lot", "24.31万元"),
    ("market_cap", "3055亿元"),
    ("cost_per_lot", "57140元"),
    ("price", "600.50元"),
    ("pe", "315.18倍"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn toml_and_json_round_trip_exactly(
        name_en in proptest::option::of(text()),
        aliases in proptest::collection::vec(text(), 0..3),
        notes in proptest::collection::vec((text(), 0usize..4, text(), proptest::collection::vec(text(), 0..2)), 0..3),
        published in proptest::collection::vec((0usize..6, proptest::option::of(0usize..3), text(), text(), proptest::option::of(text())), 0..3),
        sources in proptest::collection::vec(text(), 0..3),
        close_fen in proptest::option::of(1u64..10_000_000),
    ) {
        let mut t = String::from(
            "[[ipo]]\ncode = \"688795\"\nname_zh = \"摩尔线程\"\nboard = \"star\"\nlisting_date = \"2025-12-05\"\nissue_price = \"114.28\"\n",
        );
        if let Some(n) = &name_en {
            t.push_str(&format!("name_en = {}\n", lit(n)));
        }
        if !aliases.is_empty() {
            let a: Vec<String> = aliases.iter().map(|a| lit(a)).collect();
            t.push_str(&format!("aliases = [{}]\n", a.join(", ")));
        }
        if !sources.is_empty() {
            let a: Vec<String> = sources.iter().map(|a| lit(a)).collect();
            t.push_str(&format!("sources = [{}]\n", a.join(", ")));
        }
        if let Some(c) = close_fen {
            t.push_str(&format!("prices = {{ close = \"{}.{:02}\" }}\n", c / 100, c % 100));
        }
        for (field, status, text, srcs) in &notes {
            let status = ["stated", "derived", "conflict", "missing"][*status];
            let s: Vec<String> = srcs.iter().map(|a| lit(a)).collect();
            t.push_str(&format!(
                "\n[[ipo.notes]]\nfield = {}\nstatus = \"{status}\"\ntext = {}\nsources = [{}]\n",
                lit(field), lit(text), s.join(", ")
            ));
        }
        for (kind, basis, source, quote, conflict) in &published {
            let (kind, printed) = PRINTED[*kind];
            t.push_str(&format!(
                "\n[[ipo.published]]\nkind = \"{kind}\"\nprinted = {}\nsource = {}\nquote = {}\n",
                lit(printed), lit(source), lit(quote)
            ));
            if let Some(b) = basis {
                t.push_str(&format!("basis = \"{}\"\n", ["open", "close", "high"][*b]));
            }
            if let Some(c) = conflict {
                t.push_str(&format!("conflict = {}\n", lit(c)));
            }
        }
        let d = Dataset::from_toml(&t, "prop").map_err(|e| TestCaseError::fail(format!("{e}\n{t}")))?;
        // TOML: read → write → read, the same records and the same text
        let toml1 = d.to_toml().unwrap();
        let d2 = Dataset::from_toml(&toml1, "again").unwrap();
        prop_assert_eq!(d2.ipos(), d.ipos());
        prop_assert_eq!(d2.to_toml().unwrap(), toml1);
        // JSON likewise
        let json1 = d.to_json().unwrap();
        let d3 = Dataset::from_json(&json1, "again").unwrap();
        prop_assert_eq!(d3.ipos(), d.ipos());
        prop_assert_eq!(d3.to_json().unwrap(), json1);
        // the CSV is a flat table: notes and published figures are left out
        // (and aliases are joined with `;`)
        let c = Dataset::from_csv(&d.to_csv().unwrap(), "csv").unwrap();
        prop_assert!(c.ipos()[0].notes.is_empty() && c.ipos()[0].published.is_empty());
    }
}

/// `list --format csv` says what it leaves out; `--format json` is the
/// lossless export, and reads back (`--data`) as the same records.
#[test]
fn list_csv_says_it_is_not_lossless() {
    let out = assert_cmd::Command::cargo_bin("daxin")
        .unwrap()
        .args(["list", "--format", "csv", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("leaves out") && err.contains("--format json"),
        "{err}"
    );
    let builtin = Dataset::builtin().unwrap();
    let json = assert_cmd::Command::cargo_bin("daxin")
        .unwrap()
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.stderr.is_empty());
    let back = Dataset::from_json(&String::from_utf8(json.stdout).unwrap(), "list.json").unwrap();
    assert_eq!(back.ipos(), builtin.ipos());
}
