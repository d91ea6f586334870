//! An IPO's figures as press sentences (`daxin headline`).
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::report::headlines::HeadlineReport;
//! use daxin::{Basis, Lang};
//!
//! let data = Dataset::builtin().unwrap();
//! let ipo = data.find("沐曦").unwrap();
//! let r = HeadlineReport::build(ipo, Some(Basis::Open), Lang::Zh, false).unwrap();
//! assert!(r.headlines[0].text.contains("浮盈近30万元"));
//! ```

use serde::Serialize;

use crate::error::{Error, Result};
use crate::headline::{self, Lang};
use crate::ipo::{Basis, Ipo};
use crate::returns;

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadlineRow {
    /// The price it is at.
    pub basis: Basis,
    /// The sentence.
    pub text: String,
    /// How each figure was rounded and worded.
    #[serde(rename = "explain", skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<String>>,
}

/// The headlines of one IPO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadlineReport {
    /// Its code.
    pub code: String,
    /// Its Chinese name.
    pub name_zh: String,
    /// One per price (or the one asked for).
    pub headlines: Vec<HeadlineRow>,
}

impl HeadlineReport {
    /// The sentences of `ipo`, at `basis` only when given.
    ///
    /// Errors: no traded prices, or none at `basis`.
    pub fn build(
        ipo: &Ipo,
        basis: Option<Basis>,
        lang: Lang,
        explain: bool,
    ) -> Result<HeadlineReport> {
        let summary = returns::compute(ipo)?;
        if summary.figures.is_empty() {
            return Err(Error::missing(
                "prices",
                crate::why!(
                    "{} has no traded prices in the data; nothing to headline",
                    "数据中没有 {} 的成交价；无法生成标题",
                    ipo.name_zh
                ),
            ));
        }
        let mut lines = headline::headlines(ipo, &summary, lang);
        if let Some(b) = basis {
            lines.retain(|h| h.basis == b);
            if lines.is_empty() {
                // the flag was given: its value has no price in the data
                return Err(Error::invalid(
                    "--basis",
                    b.id(),
                    crate::Why::pair(
                        format!("{} has no {} price in the data", ipo.name_zh, b.id()),
                        format!("数据中没有 {} 的{}", ipo.name_zh, b.name_zh()),
                    ),
                ));
            }
        }
        Ok(HeadlineReport {
            code: ipo.code.clone(),
            name_zh: ipo.name_zh.clone(),
            headlines: lines
                .into_iter()
                .map(|h| HeadlineRow {
                    basis: h.basis,
                    text: h.text,
                    steps: explain.then_some(h.steps),
                })
                .collect(),
        })
    }
}
