//! One language per run, for errors too (issue #11 item 9): bad invocations
//! of every command, under `--lang zh` (and the default) every error line
//! is Chinese, under `--lang en` English.
//!
//! "Chinese" is checked as: the message holds CJK, and no English word (a
//! run of three or more ASCII letters) is left once what is not prose is
//! taken out. What is taken out, and why:
//! - flags (`--issue-price`, `-o`) and clap's value placeholders
//!   (`<PRICE>`): the names the user types;
//! - quoted text (`"…"`, `'…'`, `` `…` ``): the user's value as given, or a
//!   command to type;
//! - file paths (a token with `/`): the user's file;
//! - `解析器原文：…` to the end of the line: a parser's own text, quoted as
//!   such;
//! - field and column names (`issue_price`, `sale.price`) and codes: a
//!   lower-case identifier with `_`, `.` or `-` (`em-xgsglb`), and the few
//!   codes in [`CODES`] (command names, board ids, formats, keys).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Codes that read the same in both languages.
const CODES: &[&str] = &[
    // the program and its commands (as in the usage line)
    "daxin",
    "show",
    "lot",
    "batch",
    "list",
    "headline",
    "rules",
    "limits",
    "path",
    "odds",
    "audit",
    "numbers",
    "wins",
    "strategy",
    "fees",
    "serve",
    "completions",
    "sell",
    // board and exchange ids, as --board takes them
    "star",
    "sse",
    "szse",
    "bse",
    "hkex",
    "main",
    "chinext",
    // formats and encodings (`--from ths`)
    "ths",
    "TOML",
    "CSV",
    "JSON",
    "UTF",
    "TSV",
    "xlsx",
    "xls",
    "ods",
    // possible values clap lists for --format and the shells
    "table",
    "json",
    "csv",
    "html",
    "bash",
    "zsh",
    "fish",
    "powershell",
    // field names the library's errors name (the data file's fields, the
    // config's sections and keys, the batch output's columns)
    "cny",
    "commission",
    "error",
    "check",
    "tails",
    "code",
    "board",
    "date",
];

fn daxin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_daxin"))
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The text with what is not prose taken out (see the module's text).
fn prose(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("解析器原文：").next().unwrap_or("");
        // quoted spans
        let mut kept = String::new();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
                None => kept.push(c),
            }
        }
        for tok in kept
            .split(|c: char| c.is_whitespace() || is_cjk(c) || "，。；：（）、,;()[]|".contains(c))
        {
            let t = tok
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '<' && c != '>');
            // kebab-case ids are values of flags (em-xgsglb, sse-main)
            let kebab = t.contains('-') && t.split('-').all(|p| !p.is_empty());
            let skip = t.starts_with('-')
                || kebab
                || t.starts_with('<')
                || t.contains('/')
                || t.contains('_')
                || (t.contains('.') && t.chars().any(|c| c.is_ascii_alphabetic()))
                || CODES.contains(&t);
            if !skip {
                out.push_str(t);
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// English words left in `text`'s prose.
fn english_words(text: &str) -> Vec<String> {
    let p = prose(text);
    let mut words = Vec::new();
    let mut run = String::new();
    for c in p.chars().chain([' ']) {
        if c.is_ascii_alphabetic() {
            run.push(c);
        } else {
            if run.len() >= 3 {
                words.push(run.clone());
            }
            run.clear();
        }
    }
    words
}

/// CJK left in `text` once quoted values and the given names (data the
/// message quotes: an IPO's name, a file's column headings) are taken out.
fn cjk_outside(text: &str, names: &[&str]) -> Vec<String> {
    let mut t = text.to_string();
    for n in names {
        t = t.replace(n, "");
    }
    let mut kept = String::new();
    let mut quote = false;
    for c in t.chars() {
        if c == '"' {
            quote = !quote;
        } else if !quote {
            kept.push(c);
        }
    }
    kept.lines()
        .filter(|l| l.chars().any(is_cjk))
        .map(str::to_string)
        .collect()
}

struct Files {
    dir: PathBuf,
}

impl Files {
    fn new() -> Files {
        // one directory per test: the tests run at once
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("daxin-lang-{}-{n}", std::process::id()));
        std::fs::create_dir_all(dir.join("a-dir")).unwrap();
        let w = |name: &str, body: &str| std::fs::write(dir.join(name), body).unwrap();
        // a rate without its unit (issue #11 item 6)
        w("bad-config.toml", "[cny]\ncommission = \"0.025\"\n");
        // a value missing after `=`: a TOML syntax error
        w(
            "bad-data.toml",
            "[[ipo]]\ncode = \"9\"\nname_zh = \"坏\"\nboard = \"star\"\nissue_price = \n",
        );
        // a valid file whose record is not: a negative price
        w(
            "neg-data.toml",
            "[[ipo]]\ncode = \"9\"\nname_zh = \"坏\"\nboard = \"star\"\nlisting_date = \"2024-03-01\"\nissue_price = \"-1\"\n",
        );
        // a ballot among fewer applicants than the row has
        w(
            "bad-allotment.csv",
            "shares applied for,valid applications,basis of allotment\n200,100,3 out of 2 applicants to receive 200 shares\n",
        );
        w("no-header.csv", "a,b,c\n1,2,3\n");
        w(
            "rows.csv",
            "股票代码,股票简称,发行价格,首日收盘价,上市日期\n\
             688802,沐曦股份,104.66,829.90,2025-12-17\n\
             688795,摩尔线程,-1,600.50,2025-12-05\n\
             688001,坏行,ａｂｃ,1,2025-12-05\n\
             688002,日期,10,20,2025-13-45\n\
             \"688003,x\n",
        );
        w(
            "ledger.toml",
            "version = 1\n\n[[win]]\ncode = \"688802\"\ndate = 2025-12-05\nshares = 500\n\n[[win.sale]]\ndate = 2025-12-17\nshares = 500\nprice = 829.9\n",
        );
        Files { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The bad invocations: each exits non-zero with a message on stderr.
fn cases(f: &Files) -> Vec<Vec<String>> {
    let p = |n: &str| f.path(n);
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        // show
        v(&["show", "不存在"]),
        v(&["show", "沐西"]),
        v(&["show", "科技"]),
        v(&["show", "X", "--data", "/nope/ipos.toml"]),
        v(&["show", "沐曦", "--data", &p("a-dir")]),
        v(&["show", "沐曦", "--data", &p("bad-data.toml")]),
        v(&["list", "--data", &p("neg-data.toml")]),
        v(&["show", "沐曦", "--fees", "--config", &p("bad-config.toml")]),
        v(&["show", "沐曦", "--format", "xml"]),
        v(&["show", "沐曦", "--bogus"]),
        // lot
        v(&["lot"]),
        v(&["lot", "--issue-price", "-5"]),
        v(&["lot", "--issue-price", "10", "--lot-size", "0"]),
        v(&["lot", "--issue-price", "１０.x"]),
        v(&["lot", "--issue-price", "1e3"]),
        v(&["lot", "--issue-price", "99999999999999999999999999999999"]),
        v(&[
            "lot",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "2300-01-01",
        ]),
        v(&[
            "lot",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "1990-01-01",
        ]),
        v(&[
            "lot",
            "--issue-price",
            "10",
            "--board",
            "star",
            "--date",
            "2025-02-30",
        ]),
        v(&[
            "lot",
            "--issue-price",
            "10",
            "--lot-size",
            "500",
            "--fees",
            "--commission",
            "0.025",
        ]),
        v(&[
            "lot",
            "--issue-price",
            "10",
            "--lot-size",
            "500",
            "--fees",
            "--commission",
            "150%",
        ]),
        // batch
        v(&["batch", "/nope/rows.csv"]),
        v(&["batch", &p("a-dir")]),
        v(&["batch", &p("no-header.csv")]),
        v(&[
            "batch",
            "fixtures/import/akshare_xgsglb_gpu.csv",
            "-o",
            &p("a-dir"),
        ]),
        v(&["batch", "x.csv", "--from", "bloomberg"]),
        // the other commands
        v(&["headline", "沐曦", "--basis", "low"]),
        v(&["rules", "--board", "nasdaq"]),
        v(&["limits", "--board", "star", "--day", "0"]),
        v(&[
            "path",
            "--board",
            "star",
            "--issue-price",
            "10",
            "--date",
            "2025-12-17",
            "--days",
            "3",
        ]),
        v(&["odds"]),
        v(&[
            "odds",
            "--allotment",
            &p("bad-allotment.csv"),
            "--lot-size",
            "200",
        ]),
        v(&["odds", "--allotment", "/nope/allotment.csv"]),
        v(&["audit", "/nope/article.md"]),
        v(&[
            "numbers",
            "--start",
            "1",
            "--count",
            "10",
            "--tails",
            "末三位数 12",
        ]),
        v(&[
            "strategy",
            "fixtures/strategy/gpu-wave-2025.csv",
            "--sh",
            "-5",
        ]),
        v(&["fees", "--board", "sse", "--date", "1999-01-01"]),
        v(&["list", "--year", "20x5"]),
        v(&["wins", "--ledger", &p("ledger.toml"), "list"]),
        v(&["wins", "--ledger", &p("a-dir"), "list"]),
        v(&["serve", "--port", "99999"]),
        v(&["completions", "tcsh"]),
        v(&["shwo", "沐曦"]),
    ]
}

/// Names the English messages may quote: the IPOs' names in the data, the
/// table's own column headings, and the Chinese terms the English text
/// gives in brackets.
const QUOTED_NAMES: &[&str] = &[
    "沐曦股份",
    "摩尔线程",
    "壁仞科技",
    "寒武纪",
    "海光信息",
    "芯原股份",
    "景嘉微",
    "股票代码",
    "代码",
    "发行价格",
    "发行价",
    "末三位数",
    "万2.5",
    "坏",
];

fn run(args: &[String], lang: Option<&str>) -> (Option<i32>, String, String) {
    let mut c = daxin();
    c.args(args);
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    let out = c.output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Each bad invocation: Chinese under `--lang zh` and the default, English
/// under `--lang en` (the mirror), and the same exit code in both: the
/// language changes only the words.
#[test]
fn every_error_in_the_runs_language() {
    let f = Files::new();
    let all = cases(&f);
    assert!(all.len() >= 30);
    for args in &all {
        let (en_code, _, en_err) = run(args, Some("en"));
        assert!(!en_err.trim().is_empty(), "{args:?}: no message");
        let left = cjk_outside(&en_err, QUOTED_NAMES);
        assert!(left.is_empty(), "{args:?}: Chinese {left:?} in\n{en_err}");
        for lang in [Some("zh"), None] {
            let (code, _, err) = run(args, lang);
            assert!(code.is_some_and(|c| c != 0), "{args:?}: exit {code:?}");
            assert_eq!(code, en_code, "{args:?}: the exit code of the English run");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            assert!(
                err.chars().any(is_cjk),
                "{args:?} {lang:?}: no Chinese in {err}"
            );
            let words = english_words(&err);
            assert!(
                words.is_empty(),
                "{args:?} {lang:?}: English {words:?} in\n{err}"
            );
        }
    }
}

/// The `error` cells of `daxin batch`, in CSV and JSON, follow `--lang`.
#[test]
fn batch_error_cells_follow_the_language() {
    let f = Files::new();
    let rows = f.path("rows.csv");
    for (lang, fmt) in [("zh", "csv"), ("en", "csv"), ("zh", "json"), ("en", "json")] {
        let out = daxin()
            .args(["batch", &rows, "--lang", lang, "--format", fmt])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "rows with errors exit 1");
        let errors: Vec<String> = if fmt == "csv" {
            let mut r = csv::Reader::from_reader(out.stdout.as_slice());
            let col = r
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "error")
                .unwrap();
            r.records()
                .map(|x| x.unwrap()[col].to_string())
                .filter(|e| !e.is_empty())
                .collect()
        } else {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v.as_array()
                .unwrap()
                .iter()
                .filter_map(|r| r["error"].as_str().map(str::to_string))
                .collect()
        };
        assert_eq!(errors.len(), 4, "{lang} {fmt}: {errors:?}");
        for e in &errors {
            if lang == "zh" {
                assert!(e.chars().any(is_cjk), "{e}");
                assert!(english_words(e).is_empty(), "{lang} {fmt}: {e}");
            } else {
                let left = cjk_outside(e, &["发行价格", "上市日期"]);
                assert!(left.is_empty(), "{lang} {fmt}: {e}");
            }
        }
        // the summary line on stderr is in the same language
        let err = String::from_utf8_lossy(&out.stderr);
        match lang {
            "zh" => assert!(
                err.contains("行出错") && english_words(&err).is_empty(),
                "{err}"
            ),
            _ => assert!(
                err.contains("had errors") && !err.chars().any(is_cjk),
                "{err}"
            ),
        }
    }
}

/// An OS error reads by its kind: a missing file, a directory, in both
/// languages (the English is the system's own text).
#[test]
fn system_errors_by_kind() {
    let f = Files::new();
    let dir = f.path("a-dir");
    for (args, zh, en) in [
        (
            vec!["audit", "/nope/article.md"],
            "/nope/article.md：无法读取：文件或目录不存在",
            "/nope/article.md: cannot read: No such file or directory",
        ),
        (
            vec!["show", "沐曦", "--data", dir.as_str()],
            "无法读取：这是一个目录，不是文件",
            "cannot read: Is a directory",
        ),
    ] {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        assert!(run(&args, None).2.contains(zh), "{args:?}");
        assert!(run(&args, Some("en")).2.contains(en), "{args:?}");
    }
    assert!(Path::new(&dir).is_dir());
}

/// clap's own errors name the same flags in Chinese, keep the usage line
/// and exit 2; `--help` is untouched.
#[test]
fn parse_errors_in_chinese() {
    let (code, _, err) = run(&["lot".to_string()], None);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("缺少以下必需的参数") && err.contains("--issue-price <PRICE>"),
        "{err}"
    );
    assert!(
        err.contains("用法：daxin lot --issue-price <PRICE>"),
        "{err}"
    );
    let (code, _, err) = run(&["show".into(), "x".into(), "--isue".into()], Some("zh"));
    assert_eq!(code, Some(2));
    assert!(err.contains("无法识别的参数 '--isue'"), "{err}");
    let (_, _, err) = run(&["lot".into(), "--isue-price".into(), "1".into()], None);
    assert!(err.contains("提示：有相近的参数 '--issue-price'"), "{err}");
    let (_, _, err) = run(&["show".into(), "x".into(), "--format=xml".into()], None);
    assert!(
        err.contains("'xml' 不是 '--format <FORMAT>' 可接受的值") && err.contains("可选值"),
        "{err}"
    );
    // --lang=en, anywhere: clap's English
    let (code, _, err) = run(&["--lang=en".into(), "lot".into()], None);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("the following required arguments were not provided"),
        "{err}"
    );
    let help = daxin().args(["lot", "--help"]).output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: daxin lot"));
}
