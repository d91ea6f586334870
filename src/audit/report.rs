//! An audit as a document: the JSON `daxin audit --format json` prints and
//! the page's `/api/audit` returns — each claim's fields, its note in words,
//! and with `explain` the candidates tried and the working line; and the
//! words a front end shows with it: the verdicts' names, why each verdict,
//! and how the article's bytes were read.
//!
//! ```
//! use daxin::audit::report::AuditDoc;
//! use daxin::data::Dataset;
//! use daxin::Lang;
//!
//! let data = Dataset::builtin().unwrap();
//! let a = daxin::audit::audit("沐曦股份首日收涨692.95%。", &data);
//! let json = serde_json::to_value(AuditDoc::new(&a, Lang::En, true)).unwrap();
//! assert_eq!(json["claims"][0]["verdict"], "confirmed");
//! assert!(json["claims"][0]["working"].as_str().unwrap().contains("692.95"));
//! assert_eq!(daxin::audit::report::verdict_name(a.claims[0].verdict, Lang::Zh), "属实");
//! ```

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

use super::{basis_name, direction_name, kind_name, show, time_name, Audit, Claim};
use super::{Decoded, Verdict};
use crate::headline::Lang;

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A verdict in `lang`.
pub fn verdict_name(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Confirmed => t(lang, "属实", "confirmed"),
        Verdict::Approximate => t(lang, "近似", "approximate"),
        Verdict::Contradicted => t(lang, "不符", "contradicted"),
        Verdict::Unverifiable => t(lang, "无法核实", "unverifiable"),
    }
}

impl Claim {
    /// Why the verdict: its note, and whether the sentence mixes prices.
    pub fn why(&self, lang: Lang) -> String {
        let mut why = self.note.text(lang);
        if self.mixed_bases {
            why.push_str(t(
                lang,
                "；同句数字须按不同价格才成立",
                "; mixed bases: the sentence's figures hold only at different prices",
            ));
        }
        why
    }
}

impl Decoded {
    /// What to tell the reader about how `name` was read: nothing when
    /// every byte was valid.
    pub fn remark(&self, name: &str, lang: Lang) -> Option<String> {
        let (enc, n) = (self.encoding, self.replaced);
        (n > 0).then(|| match lang {
            Lang::Zh => format!("{name}：按 {enc} 读取，{n} 处无效字节已替换为 U+FFFD"),
            Lang::En => {
                format!("{name}: read as {enc}; {n} invalid byte sequence(s) replaced by U+FFFD")
            }
        })
    }
}

/// The document: `{"claims": […], "skipped": […]}`.
#[derive(Serialize)]
pub struct AuditDoc<'a> {
    claims: Claims<'a>,
    skipped: Vec<Value>,
}

impl<'a> AuditDoc<'a> {
    /// The document of `audit` in `lang`, with the working when `explain`.
    pub fn new(audit: &'a Audit, lang: Lang, explain: bool) -> AuditDoc<'a> {
        AuditDoc {
            claims: Claims {
                claims: &audit.claims,
                lang,
                explain,
            },
            skipped: audit
                .skipped
                .iter()
                .map(|k| json!({ "text": k.text, "reason": k.reason.text(lang) }))
                .collect(),
        }
    }
}

/// The claims, each turned into JSON only as it is written, so that a large
/// article's output is never held twice.
struct Claims<'a> {
    claims: &'a [Claim],
    lang: Lang,
    explain: bool,
}

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.claims.len()))?;
        for (i, c) in self.claims.iter().enumerate() {
            seq.serialize_element(&claim_json(i, c, self.lang, self.explain))?;
        }
        seq.end()
    }
}

/// One claim as JSON: the claim's fields, the note in words, the
/// candidates and the working only with `explain`.
fn claim_json(i: usize, c: &Claim, lang: Lang, explain: bool) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("note".into(), json!(c.note.text(lang)));
        if explain {
            m.insert("working".into(), json!(claim_working(i, c, lang)));
        } else {
            m.remove("candidates");
        }
    }
    v
}

/// The working of the `i`-th claim (counted from 0), in `lang`: what was
/// read and every price tried.
pub fn claim_working(i: usize, c: &Claim, lang: Lang) -> String {
    let tried = c
        .candidates
        .iter()
        .map(|k| {
            format!(
                "{} {}{}",
                basis_name(&k.basis, lang),
                show(c.kind, k.value.value, lang),
                if k.fits { " ✓" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(t(lang, "，", ", "));
    let none = t(lang, "无", "none");
    let kind = kind_name(c.kind, lang);
    let q = if c.qualifier.is_empty() {
        none.to_string()
    } else {
        c.qualifier.clone()
    };
    let stated = c
        .stated_basis
        .as_deref()
        .map_or(none.to_string(), |b| basis_name(b, lang));
    let dir = direction_name(c.direction, lang);
    let time = time_name(c.time, lang);
    match lang {
        Lang::Zh => format!(
            "[{}] {kind}「{}」→ 数值 {}（步长 {}），限定词 {q}，方向 {dir}，时间 {time}，句中价格 {stated}；逐一比较：{tried}",
            i + 1,
            c.printed,
            c.value.normalize(),
            c.step.normalize(),
        ),
        Lang::En => format!(
            "[{}] {kind} \"{}\" → value {} (step {}), qualifier {q}, direction {dir}, time {time}, stated price {stated}; tried: {tried}",
            i + 1,
            c.printed,
            c.value.normalize(),
            c.step.normalize(),
        ),
    }
}
