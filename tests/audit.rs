//! `daxin audit` on test articles written for this project in the press's
//! style (fixtures/audit), with the verdicts each claim must get.

use assert_cmd::Command;
use serde_json::Value;

fn audit(file: &str) -> Value {
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args(["audit", file, "--format", "json", "--explain"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (IPO code, a piece of the claim text, kind, verdict, basis, mixed bases)
type Expect<'a> = (&'a str, &'a str, &'a str, &'a str, Option<&'a str>, bool);

fn check(v: &Value, expected: &[Expect]) {
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims.len(), expected.len(), "{claims:#?}");
    for (c, (ipo, piece, kind, verdict, basis, mixed)) in claims.iter().zip(expected) {
        let text = c["text"].as_str().unwrap();
        assert_eq!(c["ipo"], *ipo, "{text}");
        assert!(text.contains(piece), "{text} should contain {piece}");
        assert_eq!(c["kind"], *kind, "{text}");
        assert_eq!(c["verdict"], *verdict, "{text}: {}", c["note"]);
        assert_eq!(c["basis"].as_str(), *basis, "{text}");
        assert_eq!(c["mixed_bases"], *mixed, "{text}");
    }
}

#[test]
fn chinese_article() {
    let v = audit("fixtures/audit/zh.md");
    check(
        &v,
        &[
            (
                "688795",
                "高开468.78%",
                "gain_pct",
                "confirmed",
                Some("open"),
                false,
            ),
            (
                "688795",
                "近27万元",
                "profit_per_lot",
                "confirmed",
                Some("open"),
                false,
            ),
            // a closing gain beside an opening per-lot profit: mixed bases
            (
                "688802",
                "收涨692.95%",
                "gain_pct",
                "confirmed",
                Some("close"),
                true,
            ),
            (
                "688802",
                "近30万元",
                "profit_per_lot",
                "confirmed",
                Some("open"),
                true,
            ),
            (
                "688802",
                "829.90元",
                "price",
                "confirmed",
                Some("close"),
                false,
            ),
            (
                "688802",
                "3320亿元",
                "market_cap",
                "confirmed",
                Some("close"),
                false,
            ),
            // "最高涨幅达120%" that was 118.78%
            (
                "6082.HK",
                "120%",
                "gain_pct",
                "approximate",
                Some("high"),
                false,
            ),
            // traditional characters and full-width digits, quoted as written
            (
                "6082.HK",
                "開盤漲８２．１４％",
                "gain_pct",
                "confirmed",
                Some("open"),
                false,
            ),
            // a line break inside the sentence
            (
                "6082.HK",
                "3220港元",
                "profit_per_lot",
                "confirmed",
                Some("open"),
                false,
            ),
            // the opening jump called a closing gain
            (
                "688795",
                "收盘涨幅达468.78%",
                "gain_pct",
                "contradicted",
                Some("open"),
                false,
            ),
            (
                "688256",
                "近50万元",
                "profit_per_lot",
                "contradicted",
                Some("close"),
                false,
            ),
            // no share count for 壁仞 in the data
            (
                "6082.HK",
                "825.71亿港元",
                "market_cap",
                "unverifiable",
                None,
                false,
            ),
            // a later day
            (
                "688041",
                "超过300%",
                "gain_pct",
                "unverifiable",
                None,
                false,
            ),
            // a count of applicants: a claim the data cannot check
            (
                "688802",
                "517.52万户",
                "applicants",
                "unverifiable",
                None,
                false,
            ),
        ],
    );
    assert!(v["skipped"].as_array().unwrap().is_empty());
    // --explain lists the candidates tried
    assert!(v["claims"][0]["candidates"].as_array().unwrap().len() >= 4);
}

#[test]
fn english_article() {
    let v = audit("fixtures/audit/en.md");
    check(
        &v,
        &[
            (
                "688795",
                "opened 468.78%",
                "gain_pct",
                "confirmed",
                Some("open"),
                false,
            ),
            (
                "688795",
                "114.28 yuan",
                "price",
                "confirmed",
                Some("issue"),
                false,
            ),
            (
                "688802",
                "nearly 300,000 yuan",
                "profit_per_lot",
                "confirmed",
                Some("open"),
                false,
            ),
            (
                "688802",
                "693%",
                "gain_pct",
                "confirmed",
                Some("close"),
                false,
            ),
            (
                "6082.HK",
                "as much as 120%",
                "gain_pct",
                "approximate",
                Some("high"),
                false,
            ),
            (
                "688256",
                "topped 100 billion yuan",
                "market_cap",
                "confirmed",
                Some("open"),
                false,
            ),
            (
                "688041",
                "closed 94.44%",
                "gain_pct",
                "contradicted",
                Some("open"),
                false,
            ),
            ("688981", "300%", "gain_pct", "unverifiable", None, false),
        ],
    );
}

#[test]
fn reads_standard_input_and_tables() {
    Command::cargo_bin("daxin")
        .unwrap()
        .args(["audit", "-"])
        .write_stdin("沐曦股份首日收涨692.95%。")
        .assert()
        .success()
        .stdout(predicates::str::contains("属实"));
    Command::cargo_bin("daxin")
        .unwrap()
        .args(["audit", "/nonexistent.md"])
        .assert()
        .code(2);
}

#[test]
fn notes_follow_the_language() {
    let run = |lang: &str| -> Value {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .args(["audit", "-", "--format", "json", "--lang", lang])
            .write_stdin("沐曦股份首日收涨692.95%。壁仞科技盘中最高涨幅达120%。今天天气35度。")
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let zh = run("zh");
    assert_eq!(zh["claims"][0]["note"], "按收盘价 829.90 计算成立");
    assert_eq!(
        zh["claims"][1]["note"],
        "最接近的是按最高价：118.78%（相差 1.22 个百分点）"
    );
    assert_eq!(
        zh["skipped"][0]["reason"],
        "有数字，但都不是涨幅、每签盈利、市值或价格"
    );
    let en = run("en");
    assert_eq!(en["claims"][0]["note"], "true at the closing price, 829.90");
    assert_eq!(
        en["claims"][1]["note"],
        "nearest: the high gives 118.78% (1.22 points off)"
    );
}

#[test]
fn numbers_past_a_decimal_do_not_panic() {
    // 29 digits is the largest a decimal holds; × 万 or 亿 it no longer
    // fits, and a negative one of that size cannot be subtracted from a
    // computed figure: such a number is skipped or contradicted, never a
    // panic (each of these panicked before)
    let big = "79228162514264337593543950335";
    let text = format!(
        "沐曦股份中一签盈利近{big}万元，首日暴涨-{big}%，市值{big}亿元。\
         沐曦股份 one lot made {big} billion yuan."
    );
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args(["audit", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    // the percentage is read, and is far from every figure
    assert!(
        claims
            .iter()
            .any(|c| c["kind"] == "gain_pct" && c["verdict"] == "contradicted"),
        "{claims:#?}"
    );
}

/// Issue #11 item 3: an article saved as GBK, GB18030 or UTF-16 (with its
/// byte-order mark) reads the same as UTF-8.
#[test]
fn reads_gbk_gb18030_and_utf16_articles() {
    let text = "沐曦股份首日收涨692.95%。";
    let utf8 = {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .args(["audit", "-", "--format", "json"])
            .write_stdin(text)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(utf8.contains("\"confirmed\""), "{utf8}");
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let dir = std::env::temp_dir().join(format!("daxin-audit-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("gbk.txt", gbk.into_owned()),
        ("gb18030.txt", gb18030.into_owned()),
        ("utf16le.txt", le),
        ("utf16be.txt", be),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .args(["audit", path.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), utf8, "{name}");
        assert!(out.stderr.is_empty(), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Under `--lang zh` every line of the table, the working and the skipped
/// list is Chinese (the codes and figures aside); under `en`, English.
#[test]
fn one_language_per_run() {
    let run = |lang: &str| -> String {
        let out = Command::cargo_bin("daxin")
            .unwrap()
            .args(["audit", "fixtures/audit/zh.md", "--explain", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = run("zh");
    for word in [
        "open",
        "close",
        "high",
        "gain",
        "profit",
        "confirmed",
        "nearest",
        "true at",
        "none",
        "value",
        "step",
        "up",
        "down",
    ] {
        assert!(!zh.contains(word), "{word} in:\n{zh}");
    }
    let en = run("en");
    for word in [
        "开盘价",
        "收盘价",
        "成立",
        "属实",
        "逐一比较",
        "最接近",
        "核查",
    ] {
        assert!(!en.contains(word), "{word} in:\n{en}");
    }
}

/// `--format csv`: RFC 4180, one row per claim, numbers plain.
#[test]
fn csv_has_plain_numbers() {
    let out = Command::cargo_bin("daxin")
        .unwrap()
        .args(["audit", "-", "--format", "csv"])
        .write_stdin("沐曦股份首日收涨692.95%，中一签浮盈近30万元，市值3320亿元。")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let head = rdr.headers().unwrap().clone();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][col("value")], "300000");
    assert_eq!(&rows[1][col("computed")], "297670.00");
    assert_eq!(&rows[2][col("computed")], "332042990000.00");
    for r in &rows {
        for c in ["value", "computed"] {
            assert!(!r[col(c)].contains(['%', ',']), "{r:?}");
        }
    }
}
