//! An audit as a front end shows it: each claim's working and reasons in
//! words, the verdicts named, the JSON document of `daxin audit`, and the
//! remark on how the article's bytes were read.
//!
//! ```
//! use daxin::audit::{audit, report::AuditReport};
//! use daxin::data::Dataset;
//! use daxin::Lang;
//! let data = Dataset::builtin().unwrap();
//! let a = audit("沐曦股份首日收涨692.95%。", &data);
//! assert!(a.claims[0].working(0, Lang::En).starts_with("[1] gain \"692.95%\" → value 692.95"));
//! let json = serde_json::to_value(AuditReport::new(&a, Lang::En, false)).unwrap();
//! assert_eq!(json["claims"][0]["verdict"], "confirmed");
//! assert!(json["claims"][0].get("candidates").is_none()); // only with explain
//! ```

use serde::ser::SerializeSeq;
use serde::Serialize;
use serde_json::{json, Value};

use super::{basis_name, direction_name, kind_name, show, time_name};
use super::{Audit, Claim, Decoded, Verdict};
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
    /// The working of the claim numbered `i` (from 0): what was read from
    /// its words, and every figure tried, ✓ where the words allow it.
    pub fn working(&self, i: usize, lang: Lang) -> String {
        let tried = self
            .candidates
            .iter()
            .map(|k| {
                let fits = if k.fits { " ✓" } else { "" };
                let value = show(self.kind, k.value.value, lang);
                format!("{} {value}{fits}", basis_name(&k.basis, lang))
            })
            .collect::<Vec<_>>()
            .join(t(lang, "，", ", "));
        let none = t(lang, "无", "none");
        let kind = kind_name(self.kind, lang);
        let q = if self.qualifier.is_empty() {
            none
        } else {
            &self.qualifier
        };
        let stated = self
            .stated_basis
            .as_deref()
            .map_or(none.to_string(), |b| basis_name(b, lang));
        let dir = direction_name(self.direction, lang);
        let time = time_name(self.time, lang);
        let (n, printed) = (i + 1, &self.printed);
        let (value, step) = (self.value.normalize(), self.step.normalize());
        match lang {
            Lang::Zh => format!(
                "[{n}] {kind}「{printed}」→ 数值 {value}（步长 {step}），限定词 {q}，方向 {dir}，时间 {time}，句中价格 {stated}；逐一比较：{tried}\n"
            ),
            Lang::En => format!(
                "[{n}] {kind} \"{printed}\" → value {value} (step {step}), qualifier {q}, direction {dir}, time {time}, stated price {stated}; tried: {tried}\n"
            ),
        }
    }

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

    /// The claim numbered `i` as JSON: its fields, the note in words, and
    /// with `explain` its working; without, no candidates.
    fn to_json(&self, i: usize, lang: Lang, explain: bool) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.insert("note".into(), json!(self.note.text(lang)));
            if explain {
                // the line the table prints, for readers of the JSON
                m.insert("working".into(), json!(self.working(i, lang).trim_end()));
            } else {
                m.remove("candidates");
            }
        }
        v
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

/// `daxin audit`'s JSON document, `{"claims": […], "skipped": […]}`, in a
/// language: each claim is turned into JSON only as it is written, so that
/// a large article's output is never held twice.
#[derive(Debug, Clone, Copy)]
pub struct AuditReport<'a> {
    /// The audit.
    pub audit: &'a Audit,
    /// The language of the notes and the working.
    pub lang: Lang,
    /// Include each claim's candidates and working.
    pub explain: bool,
}

impl<'a> AuditReport<'a> {
    /// The document of `audit`.
    pub fn new(audit: &'a Audit, lang: Lang, explain: bool) -> Self {
        AuditReport {
            audit,
            lang,
            explain,
        }
    }
}

struct Claims<'a>(&'a AuditReport<'a>);

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut seq = s.serialize_seq(Some(r.audit.claims.len()))?;
        for (i, c) in r.audit.claims.iter().enumerate() {
            seq.serialize_element(&c.to_json(i, r.lang, r.explain))?;
        }
        seq.end()
    }
}

impl Serialize for AuditReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Doc<'a> {
            claims: Claims<'a>,
            skipped: Vec<Value>,
        }
        let skipped = self.audit.skipped.iter();
        Doc {
            claims: Claims(self),
            skipped: skipped
                .map(|k| json!({ "text": k.text, "reason": k.reason.text(self.lang) }))
                .collect(),
        }
        .serialize(s)
    }
}
