//! Golden outputs: every command's JSON (and the main tables) as the binary
//! printed them when the report model moved into the library (issue #13).
//!
//! These guard refactors: a change that alters a field name or a value
//! fails here. A change that *means* to alter output regenerates the files
//! with `DAXIN_BLESS=1 cargo test --test golden` and says why in its commit;
//! the figures in them are held to published sources by the other tests
//! (`cli.rs`, `published_figures.rs`).

use std::path::PathBuf;

use assert_cmd::Command;

/// (file name, arguments). Dates are always given, so that no output
/// depends on the day the test runs.
const CASES: &[(&str, &[&str])] = &[
    ("show-muxi.json", &["show", "沐曦股份", "--format", "json"]),
    (
        "show-muxi-explain-en.json",
        &[
            "show",
            "688802",
            "--format",
            "json",
            "--explain",
            "--lang",
            "en",
        ],
    ),
    ("show-muxi.txt", &["show", "沐曦股份"]),
    (
        "show-muxi-en-explain.txt",
        &["show", "MetaX", "--lang", "en", "--explain"],
    ),
    ("show-moore.md", &["show", "摩尔线程", "--format", "md"]),
    ("show-moore.csv", &["show", "688795", "--format", "csv"]),
    (
        "show-biren-fees.json",
        &[
            "show",
            "壁仞",
            "--fees",
            "--deadline",
            "2025-12-29",
            "--sell-date",
            "2026-01-02",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "show-biren-margin.txt",
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
            "2025-12-29",
            "--results-date",
            "2025-12-31",
            "--sell-date",
            "2026-01-02",
            "--handling-fee",
            "100",
            "--explain",
            "--lang",
            "en",
        ],
    ),
    (
        "show-biren-margin.json",
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
            "2025-12-29",
            "--results-date",
            "2025-12-31",
            "--sell-date",
            "2026-01-02",
            "--handling-fee",
            "100",
            "--format",
            "json",
        ],
    ),
    (
        "lot-star-fees.json",
        &[
            "lot",
            "--issue-price",
            "104.66",
            "--board",
            "star",
            "--date",
            "2025-12-08",
            "--close",
            "829.90",
            "--fees",
            "--pay-date",
            "2025-12-10",
            "--sell-date",
            "2025-12-17",
            "--commission",
            "0.025%",
            "--min-commission",
            "5",
            "--explain",
            "--format",
            "json",
        ],
    ),
    (
        "lot-star-fees.txt",
        &[
            "lot",
            "--issue-price",
            "104.66",
            "--board",
            "star",
            "--date",
            "2025-12-08",
            "--close",
            "829.90",
            "--fees",
            "--pay-date",
            "2025-12-10",
            "--sell-date",
            "2025-12-17",
            "--commission",
            "0.025%",
            "--min-commission",
            "5",
            "--explain",
        ],
    ),
    (
        "lot-hk.json",
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
            "--close",
            "34.46",
            "--date",
            "2025-12-29",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "lot-sse-old-unit.json",
        &[
            "lot",
            "--issue-price",
            "13.77",
            "--board",
            "sse-main",
            "--date",
            "2018-05-28",
            "--open",
            "16.52",
            "--close",
            "19.83",
            "--lot-size",
            "500",
            "--shares",
            "19695300000",
            "--float-shares",
            "436450000",
            "--net-profit",
            "15867000000",
            "--revenue",
            "354682000000",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "headline-muxi.json",
        &["headline", "沐曦", "--format", "json", "--explain"],
    ),
    (
        "headline-muxi-en.txt",
        &["headline", "MetaX", "--lang", "en"],
    ),
    ("list.json", &["list", "--format", "json"]),
    ("list.txt", &["list", "--lang", "en"]),
    ("list-records.csv", &["list", "--format", "csv"]),
    (
        "fees-star.json",
        &[
            "fees",
            "--board",
            "star",
            "--date",
            "2025-12-17",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "fees-hkex.txt",
        &[
            "fees",
            "--board",
            "hkex",
            "--date",
            "2025-12-29",
            "--lang",
            "en",
        ],
    ),
    (
        "rules-sse.json",
        &[
            "rules",
            "--board",
            "sse-main",
            "--date",
            "2023-06-01",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "rules-star.txt",
        &["rules", "--board", "star", "--date", "2025-12-05"],
    ),
    (
        "limits-star.json",
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
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "path-sse.json",
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
            "--format",
            "json",
        ],
    ),
    (
        "path-sse.txt",
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
            "--explain",
            "--lang",
            "en",
        ],
    ),
    (
        "odds-star.json",
        &[
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
            "--format",
            "json",
        ],
    ),
    (
        "odds-muxi.txt",
        &[
            "odds",
            "沐曦",
            "--sh",
            "500000",
            "--explain",
            "--lang",
            "en",
        ],
    ),
    (
        "odds-bse.json",
        &[
            "odds",
            "--board",
            "bse",
            "--date",
            "2024-04-01",
            "--apply",
            "25000",
            "--online-shares",
            "10000000",
            "--valid-shares",
            "1000000000",
            "--issue-price",
            "8.00",
            "--format",
            "json",
        ],
    ),
    (
        "odds-hk.json",
        &[
            "odds",
            "--allotment",
            "fixtures/hk/jd-2020-allotment.csv",
            "--lot-size",
            "50",
            "--issue-price",
            "226",
            "--date",
            "2020-06-18",
            "--profit-per-lot",
            "1000",
            "--format",
            "json",
        ],
    ),
    (
        "audit-zh.json",
        &[
            "audit",
            "fixtures/audit/zh.md",
            "--format",
            "json",
            "--explain",
        ],
    ),
    (
        "batch-gpu.json",
        &[
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "--format",
            "json",
        ],
    ),
];

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

#[test]
fn every_command_prints_what_it_printed() {
    let bless = std::env::var_os("DAXIN_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, args) in CASES {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("DAXIN_CONFIG")
            .env("XDG_CONFIG_HOME", golden_dir().join("no-config"))
            .args(*args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: daxin {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        let path = golden_dir().join(name);
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (DAXIN_BLESS=1 writes it)", path.display()));
        if got != want {
            let line = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
            failures.push(format!(
                "{name} (daxin {}): first difference at line {}:\n  got:  {}\n  want: {}",
                args.join(" "),
                line + 1,
                got.lines().nth(line).unwrap_or("<end>"),
                want.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
