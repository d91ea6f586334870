//! One language per run (issue #11 item 9): every line that `show`, `lot`,
//! `headline`, `odds`, `rules`, `fees`, `limits`, `path` and `list` print
//! under `--lang zh` is Chinese, and under `--lang en` English.
//!
//! Each test runs the binary on every built-in IPO and on every board at
//! several dates, and fails on a line that holds a word of the other
//! language. What may stay as written is kept short, each for a reason:
//!
//! - in both languages: web addresses with the citation that follows them
//!   (`URL (what the page says)`: a source is quoted as it is written),
//!   text in quotation marks (“…”, 「…」, "…": a quote), domain and file
//!   names (`kwylx.cn`, `daxin.toml`), codes (`688802`, `6082.HK`), flags
//!   (`--cap`), the data's own names of each IPO (MetaX, 沐曦股份) and the
//!   figures exactly as the press printed them (`83.656 billion yuan`);
//! - in Chinese: the units HKD, CNY, P/E and P/S, the encoding names
//!   UTF-8, GBK and Big5 of a file that was read, and the tool's own name
//!   (`daxin 格式`, the layout of its own files);
//! - in English: amounts with their Chinese units (29.77万元, 418.74亿, and
//!   the unit alone in "0 decimal(s) in 万"), and
//!   the proper names in [`EN_NAMES`] (publications and documents cited by
//!   the notes, which have no English name in the sources).

use std::collections::BTreeSet;

use assert_cmd::Command;
use regex::Regex;
use serde_json::Value;

use daxin::data::Dataset;

/// Chinese proper names an English line may cite: publications quoted by
/// the data's notes, IPOs named by rules' notes, a tax circular.
const EN_NAMES: &[&str] = &[
    "经济观察报",
    "科创板日报",
    "融中财经",
    "投资界",
    "澎湃",
    "信報",
    "中重科技",
    "华兴源创",
    "财税字〔1998〕61号",
];

/// Tokens a Chinese line may hold: units and encoding names.
const ZH_TOKENS: &[&str] = &["HKD", "CNY", "P/E", "P/S", "UTF-8", "GBK", "Big5", "daxin"];

/// Boards with dates that fall in different rows of their tables.
const BOARD_DATES: &[(&str, &[&str])] = &[
    (
        "sse-main",
        &["2016-03-31", "2022-06-01", "2023-04-10", "2025-12-17"],
    ),
    ("star", &["2019-07-22", "2023-08-28", "2025-12-17"]),
    (
        "szse-main",
        &["2015-07-31", "2022-06-01", "2023-04-10", "2025-12-17"],
    ),
    ("chinext", &["2016-03-31", "2020-08-24", "2025-12-17"]),
    ("bse", &["2021-11-15", "2022-12-01", "2023-08-28"]),
    (
        "hkex",
        &["2016-03-31", "2022-06-01", "2025-06-30", "2025-12-17"],
    ),
];

/// Boards and listing days with a first-day band, where a run of
/// limit-up days has a path.
const PATH_DATES: &[(&str, &str)] = &[
    ("sse-main", "2018-06-08"),
    ("szse-main", "2022-06-01"),
    ("chinext", "2015-03-24"),
];

/// Every run the tests check (arguments without `--lang`).
fn runs() -> Vec<Vec<String>> {
    let data = Dataset::builtin().unwrap();
    let mut runs: Vec<Vec<&str>> = Vec::new();
    let codes: Vec<String> = data.ipos().iter().map(|i| i.code.clone()).collect();
    for (ipo, code) in data.ipos().iter().zip(&codes) {
        runs.push(vec!["show", code]);
        runs.push(vec!["show", code, "--explain", "--fees"]);
        if !ipo.quotes.is_empty() {
            runs.push(vec!["headline", code, "--explain"]);
        }
        let a_share = ipo.board != Some(daxin::Board::Hkex);
        if a_share && !ipo.win_rates.is_empty() {
            runs.push(vec![
                "odds",
                code,
                "--sh",
                "500000",
                "--sz",
                "500000",
                "--explain",
            ]);
        }
    }
    runs.push(vec![
        "show",
        "6082.HK",
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
    ]);
    runs.push(vec![
        "show",
        "688802",
        "--fees",
        "--pay-date",
        "2025-12-10",
        "--explain",
    ]);
    for (board, dates) in BOARD_DATES {
        for date in *dates {
            runs.push(vec!["rules", "--board", board, "--date", date, "--explain"]);
            runs.push(vec!["fees", "--board", board, "--date", date, "--explain"]);
            runs.push(vec![
                "limits",
                "--board",
                board,
                "--date",
                date,
                "--issue-price",
                "10",
                "--explain",
            ]);
            runs.push(vec![
                "limits",
                "--board",
                board,
                "--date",
                date,
                "--day",
                "7",
                "--prev-close",
                "10",
                "--explain",
            ]);
            if *board != "bse" && *board != "hkex" {
                runs.push(vec![
                    "odds",
                    "--board",
                    board,
                    "--date",
                    date,
                    "--sh",
                    "500000",
                    "--sz",
                    "8000",
                    "--cap",
                    "4500",
                    "--win-rate",
                    "0.0335%",
                    "--explain",
                ]);
            }
            let lot = if *board == "hkex" { "200" } else { "500" };
            runs.push(vec![
                "lot",
                "--issue-price",
                "19.60",
                "--board",
                board,
                "--date",
                date,
                "--lot-size",
                lot,
                "--open",
                "35.70",
                "--close",
                "34.46",
                "--fees",
                "--explain",
            ]);
        }
        runs.push(vec!["list", "--board", board]);
    }
    runs.push(vec!["list"]);
    runs.push(vec!["list", "--explain"]);
    for (board, date) in PATH_DATES {
        runs.push(vec![
            "path",
            "--issue-price",
            "7.14",
            "--board",
            board,
            "--date",
            date,
            "--days",
            "4",
            "--explain",
        ]);
    }
    runs.push(vec![
        "odds",
        "--board",
        "bse",
        "--apply",
        "10000",
        "--online-shares",
        "3000000",
        "--valid-shares",
        "900000000",
        "--issue-price",
        "8.50",
        "--explain",
    ]);
    runs.push(vec![
        "odds",
        "6082.HK",
        "--allotment",
        "fixtures/hk/biren-2025-allotment.txt",
        "--valid-applications",
        "471116",
        "--successful",
        "135569",
        "--offer-shares",
        "49538600",
        "--budget",
        "100000",
        "--explain",
    ]);
    runs.push(vec![
        "odds",
        "--allotment",
        "fixtures/hk/jd-2020-allotment.csv",
        "--lot-size",
        "50",
        "--issue-price",
        "226",
    ]);
    runs.into_iter()
        .map(|r| r.into_iter().map(str::to_string).collect())
        .collect()
}

/// Runs `daxin ARGS --lang LANG --format FMT`; it must succeed.
fn run(args: &[String], lang: &str, fmt: &str) -> (String, String) {
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .args(["--lang", lang, "--format", fmt])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "daxin {} --lang {lang} --format {fmt}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// What every line may keep as written, whichever the language.
struct Allowed {
    /// Web addresses and the citation in parentheses after them.
    sources: Regex,
    /// Quoted text.
    quotes: Regex,
    /// Domain and file names, codes such as 6082.HK.
    dotted: Regex,
    /// Flags.
    flags: Regex,
    /// The IPOs' names and the figures as printed, longest first.
    literal: Vec<String>,
}

impl Allowed {
    fn new() -> Allowed {
        let data = Dataset::builtin().unwrap();
        let mut literal = BTreeSet::new();
        for i in data.ipos() {
            literal.insert(i.name_zh.clone());
            literal.extend(i.name_en.iter().cloned());
            literal.extend(i.aliases.iter().cloned());
            literal.extend(i.published.iter().map(|p| p.printed.clone()));
        }
        let mut literal: Vec<String> = literal.into_iter().collect();
        literal.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        Allowed {
            sources: Regex::new(r"https?://\S+(?: \((?:[^()]|\([^()]*\))*\))?").unwrap(),
            quotes: Regex::new(r#"“[^”]*”|「[^」]*」|"[^"]*""#).unwrap(),
            // a name with a dot before letters: kwylx.cn, daxin.toml, 6082.HK
            dotted: Regex::new(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9_-]*")
                .unwrap(),
            flags: Regex::new(r"--[a-z][a-z-]*").unwrap(),
            literal,
        }
    }

    /// The line with what may stay as written taken out.
    fn strip(&self, line: &str) -> String {
        let mut s = self.sources.replace_all(line, " ").into_owned();
        s = self.quotes.replace_all(&s, " ").into_owned();
        for l in &self.literal {
            s = s.replace(l.as_str(), " ");
        }
        s = self.dotted.replace_all(&s, " ").into_owned();
        self.flags.replace_all(&s, " ").into_owned()
    }
}

/// English words left in a Chinese line.
fn english_words(allowed: &Allowed, line: &str) -> Vec<String> {
    let mut s = allowed.strip(line);
    for t in ZH_TOKENS {
        s = s.replace(t, " ");
    }
    let word = Regex::new(r"[A-Za-z]{3,}").unwrap();
    word.find_iter(&s).map(|m| m.as_str().to_string()).collect()
}

/// Chinese left in an English line.
fn chinese_words(allowed: &Allowed, line: &str) -> Vec<String> {
    let mut s = allowed.strip(line);
    for n in EN_NAMES {
        s = s.replace(n, " ");
    }
    // an amount with its unit: 29.77万元, 418.74亿, 3,220港元, 56.35倍
    let amount = Regex::new(r"\d[\d,.]*\s?(?:万亿|亿|万)?(?:港元|元|股|倍)?").unwrap();
    s = amount.replace_all(&s, " ").into_owned();
    let cjk = Regex::new(r"[\p{Han}\u{3000}-\u{303f}\u{ff00}-\u{ffef}]+").unwrap();
    cjk.find_iter(&s)
        .map(|m| m.as_str().to_string())
        // a unit on its own, as in "0 decimal(s) in 万"
        .filter(|w| !["万亿", "亿", "万", "港元", "元"].contains(&w.as_str()))
        .collect()
}

/// Runs every case in `lang` and `formats`, and lists each line with a word
/// of the other language.
fn offending(lang: &str, formats: &[&str]) -> Vec<String> {
    let allowed = Allowed::new();
    let check = |line: &str| match lang {
        "zh" => english_words(&allowed, line),
        _ => chinese_words(&allowed, line),
    };
    let mut bad = Vec::new();
    for args in runs() {
        for fmt in formats {
            let (out, err) = run(&args, lang, fmt);
            for line in out.lines().chain(err.lines()) {
                let words = check(line);
                if !words.is_empty() {
                    bad.push(format!(
                        "daxin {} --lang {lang} --format {fmt}\n    {line}\n    {words:?}",
                        args.join(" ")
                    ));
                }
            }
        }
    }
    bad
}

#[test]
fn every_line_is_chinese_under_lang_zh() {
    let bad = offending("zh", &["table", "md"]);
    assert!(bad.is_empty(), "{} lines:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_line_is_english_under_lang_en() {
    let bad = offending("en", &["table", "md"]);
    assert!(bad.is_empty(), "{} lines:\n{}", bad.len(), bad.join("\n"));
}

/// A snake_case id (`pools_implied`), not a text.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('_').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The texts of a JSON report: the values of the keys that hold prose
/// (not ids such as `basis`, `status` or `kind`).
fn texts(v: &Value, key: &str, out: &mut Vec<String>) {
    const PROSE: &[&str] = &[
        "text",
        "conflict",
        "note",
        "notes",
        "halts",
        "rule",
        "working",
        "warnings",
        "explain",
        "label",
        "formula",
        "tax_note",
        "annualised_convention",
        "p_at_least_one_model",
    ];
    match v {
        // ids such as `pools_implied` are not prose
        Value::String(s) if PROSE.contains(&key) && !is_id(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| texts(x, key, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| texts(x, k, out)),
        _ => {}
    }
}

#[test]
fn json_texts_follow_the_language() {
    let allowed = Allowed::new();
    let mut bad = Vec::new();
    let mut seen = 0;
    for args in runs() {
        if args[0] == "list" {
            continue; // list's JSON is the records themselves
        }
        for lang in ["zh", "en"] {
            let (out, _) = run(&args, lang, "json");
            let v: Value = serde_json::from_str(&out).unwrap();
            let mut t = Vec::new();
            texts(&v, "", &mut t);
            seen += t.len();
            for s in t {
                let words = match lang {
                    "zh" => english_words(&allowed, &s),
                    _ => chinese_words(&allowed, &s),
                };
                if !words.is_empty() {
                    bad.push(format!(
                        "daxin {} --lang {lang} --format json\n    {s}\n    {words:?}",
                        args.join(" ")
                    ));
                }
            }
        }
    }
    assert!(seen > 500, "only {seen} texts checked");
    assert!(bad.is_empty(), "{} texts:\n{}", bad.len(), bad.join("\n"));
}

/// The checks themselves: each kind of word is caught, and each allowance
/// lets through only what it names.
#[test]
fn the_checks_catch_words_of_the_other_language() {
    let a = Allowed::new();
    assert_eq!(
        english_words(
            &a,
            "[missing] prices.low: no source read states the first-day low"
        ),
        ["missing", "source", "read", "states", "the", "first", "day", "low"]
    );
    assert!(english_words(&a, "中签率 final 0.0335%").contains(&"final".to_string()));
    assert!(
        english_words(&a, "close: 每签盈利: (829.90 − 104.66) × 500")
            .contains(&"close".to_string())
    );
    // allowed: a code, a flag, a name of the data, a source with its quote, a domain
    assert!(english_words(
        &a,
        "沐曦股份 MetaX · 6082.HK · 请用 --cap 给出 — https://x.cn/a (No price limit … in the first 5 trading days) — kwylx.cn"
    )
    .is_empty());
    assert_eq!(
        chinese_words(&a, "[conflict] prices.high: 盘中最高价 was 700"),
        ["盘中最高价"]
    );
    // allowed: amounts with units, quotes, the data's names, cited names
    assert_eq!(
        chinese_words(
            &a,
            "MetaX (沐曦股份): 29.77万元, 418.74亿; the press wrote “开盘后公司总市值一度站上3000亿元” (经济观察报)"
        ),
        Vec::<String>::new()
    );
    assert_eq!(chinese_words(&a, "the 申购上限 wins"), ["申购上限"]);
    assert!(is_id("pools_implied") && !is_id("no limit") && !is_id("first-day"));
}
