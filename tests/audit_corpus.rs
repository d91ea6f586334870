//! The audit against a corpus of real press sentences (fixtures/audit/corpus,
//! each sentence with its URL and hand-annotated claims; see the README
//! there): claims found, right kind, right verdict, and no false claim
//! confirmed.
//!
//! `cargo test --test audit_corpus -- --nocapture` prints the score and
//! every claim read differently from its annotation.

use std::collections::BTreeMap;
use std::path::Path;

use daxin::audit::{Auditor, Claim, ClaimKind, Verdict};
use daxin::data::Dataset;
use rust_decimal::Decimal;
use serde::Deserialize;

/// Right verdicts the corpus must reach, in percent of its claims.
const TARGET_PCT: u32 = 95;

#[derive(Deserialize)]
struct File {
    sentence: Vec<Sentence>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Sentence {
    url: String,
    ipo: String,
    text: String,
    mixed_bases: bool,
    #[serde(default)]
    claim: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    kind: String,
    printed: String,
    value: String,
    verdict: String,
}

fn kind_id(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::GainPct => "gain_pct",
        ClaimKind::ProfitPerLot => "profit_per_lot",
        ClaimKind::MarketCap => "market_cap",
        ClaimKind::Price => "price",
        ClaimKind::LotValue => "lot_value",
        // the corpus files the cash a lot costs under `other`
        ClaimKind::CostPerLot => "other",
        ClaimKind::WinRate => "win_rate",
        ClaimKind::Applicants => "applicants",
    }
}

fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Confirmed => "confirmed",
        Verdict::Approximate => "approximate",
        Verdict::Contradicted => "contradicted",
        Verdict::Unverifiable => "unverifiable",
    }
}

#[derive(Default)]
struct Score {
    sentences: usize,
    /// Annotated claims (judged and skipped).
    claims: usize,
    /// Annotated claims that are claims (not skipped).
    judged: usize,
    /// Of those, found by the audit.
    found: usize,
    /// Of those found, of the right kind.
    right_kind: usize,
    /// Annotated claims whose verdict the audit gives (skipped: no claim).
    right_verdict: usize,
    /// Claims the audit confirmed that the annotation does not.
    false_confirmed: usize,
    /// Claims the audit made that no annotation has.
    extra: usize,
    /// Sentences whose mixed-bases flag the audit gives as annotated.
    right_mixed: usize,
    misses: Vec<String>,
}

fn load_data() -> Dataset {
    let mut data = Dataset::builtin().unwrap();
    let extra = std::fs::read_to_string("fixtures/audit/corpus/ipos.toml").unwrap();
    data.merge(Dataset::from_toml(&extra, "corpus/ipos.toml").unwrap());
    data
}

fn score_file(path: &Path, auditor: &Auditor, s: &mut Score) {
    let text = std::fs::read_to_string(path).unwrap();
    let file: File = toml::from_str(&text).unwrap();
    for sent in &file.sentence {
        s.sentences += 1;
        let a = auditor.audit(&sent.text);
        if a.claims.iter().any(|c| c.mixed_bases) == sent.mixed_bases {
            s.right_mixed += 1;
        } else {
            s.misses.push(format!(
                "{}: {} — mixed bases expected {}\n    {}",
                path.file_name().unwrap().to_string_lossy(),
                sent.text,
                sent.mixed_bases,
                sent.url
            ));
        }
        let mut used = vec![false; a.claims.len()];
        for e in &sent.claim {
            s.claims += 1;
            let value = Decimal::from_str_exact(&e.value).unwrap();
            let hit = a
                .claims
                .iter()
                .enumerate()
                .find(|(i, c)| !used[*i] && c.value.abs() == value.abs());
            let got: Option<&Claim> = hit.map(|(i, c)| {
                used[i] = true;
                c
            });
            let skipped = e.verdict == "skipped";
            if !skipped {
                s.judged += 1;
            }
            let verdict = got.map_or("skipped", |c| verdict_id(c.verdict));
            if let Some(c) = got {
                if !skipped {
                    s.found += 1;
                    if kind_id(c.kind) == e.kind {
                        s.right_kind += 1;
                    }
                }
                if c.verdict == Verdict::Confirmed && e.verdict != "confirmed" {
                    s.false_confirmed += 1;
                }
            }
            if verdict == e.verdict {
                s.right_verdict += 1;
            } else {
                s.misses.push(format!(
                    "{}: {} [{} {}] expected {}, got {}{}\n    {}",
                    path.file_name().unwrap().to_string_lossy(),
                    sent.text,
                    e.kind,
                    e.printed,
                    e.verdict,
                    verdict,
                    got.map(|c| format!(
                        " ({} at {:?}: {})",
                        kind_id(c.kind),
                        c.basis,
                        c.note.text(daxin::Lang::En)
                    ))
                    .unwrap_or_default(),
                    sent.url
                ));
            }
        }
        for (i, c) in a.claims.iter().enumerate() {
            if !used[i] {
                s.extra += 1;
                if c.verdict == Verdict::Confirmed {
                    s.false_confirmed += 1;
                }
                s.misses.push(format!(
                    "{}: {} — extra claim {} {} ({}, {})\n    {}",
                    path.file_name().unwrap().to_string_lossy(),
                    sent.text,
                    kind_id(c.kind),
                    c.printed,
                    verdict_id(c.verdict),
                    c.note.text(daxin::Lang::En),
                    sent.url
                ));
            }
        }
    }
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        return "-".into();
    }
    // tenths of a percent, rounded half-up, in integers
    let t = (a * 2000 + b) / (2 * b);
    format!("{}.{}", t / 10, t % 10)
}

#[test]
fn corpus_score() {
    let dir = Path::new("fixtures/audit/corpus");
    let data = load_data();
    let auditor = Auditor::new(&data);
    let mut total = Score::default();
    let mut per: BTreeMap<&str, Score> = BTreeMap::new();
    for name in ["zh", "zh-hant", "en"] {
        let path = dir.join(format!("{name}.toml"));
        let mut s = Score::default();
        score_file(&path, &auditor, &mut s);
        total.sentences += s.sentences;
        total.claims += s.claims;
        total.judged += s.judged;
        total.found += s.found;
        total.right_kind += s.right_kind;
        total.right_verdict += s.right_verdict;
        total.false_confirmed += s.false_confirmed;
        total.extra += s.extra;
        total.right_mixed += s.right_mixed;
        total.misses.append(&mut s.misses);
        per.insert(name, s);
    }
    println!("| file | sentences | claims | found | right kind | right verdict | false confirmed | extra | mixed bases |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (name, s) in per.iter().map(|(n, s)| (*n, s)).chain([("total", &total)]) {
        println!(
            "| {name} | {} | {} | {}/{} ({} %) | {}/{} ({} %) | {}/{} ({} %) | {} | {} | {}/{} |",
            s.sentences,
            s.claims,
            s.found,
            s.judged,
            pct(s.found, s.judged),
            s.right_kind,
            s.found,
            pct(s.right_kind, s.found),
            s.right_verdict,
            s.claims,
            pct(s.right_verdict, s.claims),
            s.false_confirmed,
            s.extra,
            s.right_mixed,
            s.sentences
        );
    }
    for m in &total.misses {
        println!("{m}");
    }
    assert!(
        total.sentences >= 150,
        "the corpus has {} sentences",
        total.sentences
    );
    assert_eq!(
        total.false_confirmed, 0,
        "a claim confirmed that is not true"
    );
    assert!(
        total.right_verdict * 100 >= total.claims * TARGET_PCT as usize,
        "right verdicts {} of {}",
        total.right_verdict,
        total.claims
    );
}
