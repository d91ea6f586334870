//! IPO records: the built-in data (compiled into the binary), records from a
//! user's file in the same TOML format, and lookup by code or name.
//!
//! The format is the one of `fixtures/ipos.toml`: an array `[[ipo]]` of
//! records. Decimals are strings (`issue_price = "104.66"`), share counts
//! are integers or strings with units (`total_shares = "4.001亿"`), dates are
//! strings. A record's `lot_shares` may be left out where the board has a
//! fixed unit on the record's subscription (or listing) date.
//!
//! ```
//! use daxin::data::Dataset;
//! let data = Dataset::builtin().unwrap();
//! let ipo = data.find("沐曦").unwrap();
//! assert_eq!(ipo.code, "688802");
//! assert_eq!(data.find("MetaX").unwrap().code, "688802");
//! assert_eq!(data.find("06082.HK").unwrap().name_zh, "壁仞科技");
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::board::{self, Board};
use crate::error::{Error, Result};
use crate::input::{self, Shares};
use crate::ipo::{Basis, FieldNote, FigureKind, Ipo, Published, Quote};
use crate::published;
use crate::valuation;

/// The built-in data file, compiled in.
pub const BUILTIN: &str = include_str!("../fixtures/ipos.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    ipo: Vec<RawIpo>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawCount {
    Int(u64),
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPrices {
    open: Option<String>,
    high: Option<String>,
    low: Option<String>,
    close: Option<String>,
    avg: Option<String>,
    grey: Option<String>,
    exit: Option<String>,
    exit_date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublished {
    kind: FigureKind,
    basis: Option<Basis>,
    printed: String,
    source: String,
    #[serde(default)]
    quote: String,
    conflict: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIpo {
    code: String,
    name_zh: String,
    name_en: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    board: String,
    currency: Option<String>,
    listing_date: Option<String>,
    subscription_date: Option<String>,
    payment_date: Option<String>,
    issue_price: String,
    lot_shares: Option<RawCount>,
    total_shares: Option<RawCount>,
    shares_offered: Option<RawCount>,
    online_initial_shares: Option<RawCount>,
    cap_shares: Option<RawCount>,
    float_shares: Option<RawCount>,
    #[serde(default)]
    win_rates: BTreeMap<String, String>,
    #[serde(default)]
    prices: RawPrices,
    net_profit: Option<String>,
    revenue: Option<String>,
    eps: Option<String>,
    revenue_per_share: Option<String>,
    pe_at_issue: Option<String>,
    ps_at_issue: Option<String>,
    #[serde(default)]
    notes: Vec<FieldNote>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    published: Vec<RawPublished>,
}

fn count(field: &str, raw: &Option<RawCount>) -> Result<Option<Shares>> {
    match raw {
        None => Ok(None),
        Some(RawCount::Int(n)) => Shares::new(field, *n).map(Some),
        Some(RawCount::Text(s)) => input::parse_shares(field, s).map(Some),
    }
}

fn opt<T>(raw: &Option<String>, f: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
    raw.as_deref().map(f).transpose()
}

impl RawIpo {
    fn validate(self) -> Result<Ipo> {
        let board: Board = self.board.parse()?;
        let currency = match &self.currency {
            Some(c) => c.parse()?,
            None => board.currency(),
        };
        let listing_date = opt(&self.listing_date, |s| input::parse_date("listing_date", s))?;
        let subscription_date = opt(&self.subscription_date, |s| {
            input::parse_date("subscription_date", s)
        })?;
        let payment_date = opt(&self.payment_date, |s| input::parse_date("payment_date", s))?;
        let issue_price = input::parse_price("issue_price", &self.issue_price)?;
        let lot_shares = match count("lot_shares", &self.lot_shares)? {
            Some(l) => l,
            None => {
                let date = subscription_date.or(listing_date).ok_or_else(|| {
                    Error::missing(
                        "lot_shares",
                        "give lot_shares, or a listing_date so the board's unit can be looked up",
                    )
                })?;
                let rule = board::lot_rule(board, date)?;
                let n = rule.shares.ok_or_else(|| {
                    Error::missing(
                        "lot_shares",
                        format!("{} sets the lot per IPO", board.name_en()),
                    )
                })?;
                Shares::new("lot_shares", n)?
            }
        };
        let mut win_rates = Vec::new();
        for (label, pct) in &self.win_rates {
            win_rates.push((
                label.clone(),
                input::parse_percent(&format!("win_rates.{label}"), pct)?,
            ));
        }
        let p = &self.prices;
        let mut quotes = Vec::new();
        let exit_date = opt(&p.exit_date, |s| input::parse_date("prices.exit_date", s))?;
        for (basis, raw) in [
            (Basis::Open, &p.open),
            (Basis::High, &p.high),
            (Basis::Low, &p.low),
            (Basis::Close, &p.close),
            (Basis::Avg, &p.avg),
            (Basis::Exit, &p.exit),
            (Basis::Grey, &p.grey),
        ] {
            if let Some(s) = raw {
                let price = input::parse_price(&format!("prices.{}", basis.id()), s)?;
                quotes.push(Quote {
                    basis,
                    price,
                    date: if basis == Basis::Exit {
                        exit_date
                    } else {
                        None
                    },
                    label: None,
                });
            }
        }
        if p.exit.is_some() && exit_date.is_none() {
            return Err(Error::missing(
                "prices.exit_date",
                "an exit price needs its date",
            ));
        }
        let money = |field: &str, raw: &Option<String>| -> Result<Option<rust_decimal::Decimal>> {
            opt(raw, |s| input::parse_amount(field, s))
        };
        let ratio = |field: &str, raw: &Option<String>| -> Result<Option<rust_decimal::Decimal>> {
            opt(raw, |s| {
                valuation::check_published_ratio(field, input::parse_decimal(field, s)?)
            })
        };
        let mut published = Vec::new();
        for (i, rp) in self.published.into_iter().enumerate() {
            let p = published::parse_printed(rp.kind, &rp.printed).map_err(|e| {
                Error::invalid(
                    &format!("published[{i}].printed"),
                    &rp.printed,
                    e.to_string(),
                )
            })?;
            published.push(Published {
                kind: rp.kind,
                basis: rp.basis,
                printed: rp.printed,
                value: p.value,
                step: p.step,
                unit: p.unit,
                source: rp.source,
                quote: rp.quote,
                conflict: rp.conflict,
            });
        }
        Ok(Ipo {
            code: self.code.trim().to_string(),
            name_zh: self.name_zh.trim().to_string(),
            name_en: self.name_en,
            aliases: self.aliases,
            board: Some(board),
            currency,
            listing_date,
            subscription_date,
            payment_date,
            issue_price,
            lot_shares,
            total_shares: count("total_shares", &self.total_shares)?,
            shares_offered: count("shares_offered", &self.shares_offered)?,
            online_initial_shares: count("online_initial_shares", &self.online_initial_shares)?,
            cap_shares: count("cap_shares", &self.cap_shares)?,
            float_shares: count("float_shares", &self.float_shares)?,
            win_rates,
            quotes,
            net_profit: money("net_profit", &self.net_profit)?,
            revenue: money("revenue", &self.revenue)?,
            eps: opt(&self.eps, |s| input::parse_decimal("eps", s))?,
            revenue_per_share: opt(&self.revenue_per_share, |s| {
                input::parse_money("revenue_per_share", s)
            })?,
            pe_at_issue: ratio("pe_at_issue", &self.pe_at_issue)?,
            ps_at_issue: ratio("ps_at_issue", &self.ps_at_issue)?,
            notes: self.notes,
            sources: self.sources,
            published,
        })
    }
}

/// A code reduced for matching: upper case, market prefix/suffix and leading
/// zeros dropped (`06082.HK`, `6082.hk` and `6082` are one code).
pub fn normalize_code(code: &str) -> String {
    let mut c = input::normalize(code).to_ascii_uppercase();
    for suffix in [".HK", ".SH", ".SZ", ".BJ", ".SS"] {
        if let Some(rest) = c.strip_suffix(suffix) {
            c = rest.to_string();
        }
    }
    for prefix in ["SH", "SZ", "BJ", "HK"] {
        if let Some(rest) = c.strip_prefix(prefix) {
            if rest.chars().all(|ch| ch.is_ascii_digit()) && !rest.is_empty() {
                c = rest.to_string();
            }
        }
    }
    let t = c.trim_start_matches('0');
    if t.is_empty() {
        c
    } else {
        t.to_string()
    }
}

/// A set of IPO records.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    ipos: Vec<Ipo>,
}

impl Dataset {
    /// The built-in data.
    pub fn builtin() -> Result<Dataset> {
        Dataset::from_toml(BUILTIN, "built-in data")
    }

    /// Records from TOML text in the data format; `origin` names the file in
    /// errors, which also give the record's number and code.
    pub fn from_toml(text: &str, origin: &str) -> Result<Dataset> {
        let raw: RawFile = toml::from_str(text).map_err(|e| Error::Data {
            origin: origin.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let mut ipos = Vec::with_capacity(raw.ipo.len());
        for (i, r) in raw.ipo.into_iter().enumerate() {
            let label = format!("record {} ({} {})", i + 1, r.code, r.name_zh);
            let ipo = r.validate().map_err(|e| Error::Data {
                origin: origin.to_string(),
                message: format!("{label}: {e}"),
            })?;
            ipos.push(ipo);
        }
        let mut seen = std::collections::HashSet::new();
        for ipo in &ipos {
            if !seen.insert(normalize_code(&ipo.code)) {
                return Err(Error::Data {
                    origin: origin.to_string(),
                    message: format!("code {} appears twice", ipo.code),
                });
            }
        }
        Ok(Dataset { ipos })
    }

    /// Adds `other`'s records; a record with the same code replaces this one's.
    pub fn merge(&mut self, other: Dataset) {
        for ipo in other.ipos {
            let key = normalize_code(&ipo.code);
            match self
                .ipos
                .iter_mut()
                .find(|i| normalize_code(&i.code) == key)
            {
                Some(slot) => *slot = ipo,
                None => self.ipos.push(ipo),
            }
        }
    }

    /// All records, in file order.
    pub fn ipos(&self) -> &[Ipo] {
        &self.ipos
    }

    /// Finds one IPO by code (`688802`, `6082.HK`), Chinese or English name,
    /// or alias, whole or in part (`沐曦`, `metax`).
    pub fn find(&self, query: &str) -> Result<&Ipo> {
        let q = input::normalize(query);
        if q.is_empty() {
            return Err(Error::invalid("IPO", query, "empty; give a code or a name"));
        }
        let code = normalize_code(&q);
        let lower = q.to_lowercase();
        let names = |ipo: &Ipo| -> Vec<String> {
            let mut v = vec![ipo.name_zh.to_lowercase()];
            v.extend(ipo.name_en.iter().map(|n| n.to_lowercase()));
            v.extend(ipo.aliases.iter().map(|n| n.to_lowercase()));
            v
        };
        let exact: Vec<&Ipo> = self
            .ipos
            .iter()
            .filter(|i| normalize_code(&i.code) == code || names(i).contains(&lower))
            .collect();
        let hits = if exact.is_empty() {
            self.ipos
                .iter()
                .filter(|i| names(i).iter().any(|n| n.contains(&lower)))
                .collect()
        } else {
            exact
        };
        match hits.as_slice() {
            [one] => Ok(one),
            [] => Err(Error::NotFound {
                query: query.to_string(),
                suggestions: self.suggest(&lower),
            }),
            many => Err(Error::Ambiguous {
                query: query.to_string(),
                matches: many
                    .iter()
                    .map(|i| format!("{} {}", i.code, i.name_zh))
                    .collect(),
            }),
        }
    }

    fn suggest(&self, lower: &str) -> Vec<String> {
        let mut scored: Vec<(usize, String)> = Vec::new();
        for ipo in &self.ipos {
            let mut best = 0;
            let mut cands = vec![ipo.code.to_lowercase(), ipo.name_zh.to_lowercase()];
            cands.extend(ipo.name_en.iter().map(|n| n.to_lowercase()));
            let qlen = lower.chars().count();
            for c in &cands {
                // whole name, and its start as long as the query (沐西 ~ 沐曦股份)
                let head: String = c.chars().take(qlen).collect();
                best = best.max(similarity(lower, c)).max(similarity(lower, &head));
            }
            if best >= 30 {
                scored.push((best, format!("{} ({})", ipo.name_zh, ipo.code)));
            }
        }
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().take(3).map(|(_, s)| s).collect()
    }
}

/// Similarity of two names in whole percent (100 = equal): one minus the
/// Levenshtein distance over the longer name's length, in integers.
fn similarity(a: &str, b: &str) -> usize {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 100;
    }
    let dist = strsim::levenshtein(a, b).min(longest);
    100 - dist * 100 / longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_normalise() {
        assert_eq!(normalize_code("06082.HK"), "6082");
        assert_eq!(normalize_code("6082.hk"), "6082");
        assert_eq!(normalize_code("SH688802"), "688802");
        assert_eq!(normalize_code("688802.SH"), "688802");
        assert_eq!(normalize_code("000001"), "1");
    }

    #[test]
    fn builtin_loads_and_finds() {
        let d = Dataset::builtin().unwrap();
        assert!(d.ipos().len() >= 7);
        for q in ["688795", "摩尔线程", "Moore Threads", "moore", "摩尔"] {
            assert_eq!(d.find(q).unwrap().code, "688795", "{q}");
        }
        for q in ["6082.HK", "06082", "壁仞", "Biren"] {
            assert_eq!(d.find(q).unwrap().code, "6082.HK", "{q}");
        }
    }

    #[test]
    fn unknown_names_suggest() {
        let d = Dataset::builtin().unwrap();
        match d.find("沐西股份").unwrap_err() {
            Error::NotFound { suggestions, .. } => {
                assert!(
                    suggestions.iter().any(|s| s.contains("沐曦股份")),
                    "{suggestions:?}"
                )
            }
            e => panic!("{e}"),
        }
    }

    #[test]
    fn user_records_win() {
        let mut d = Dataset::builtin().unwrap();
        let user = Dataset::from_toml(
            r#"
[[ipo]]
code = "688802.SH"
name_zh = "沐曦股份"
board = "star"
listing_date = "2025-12-17"
issue_price = "100"
"#,
            "user.toml",
        )
        .unwrap();
        let n = d.ipos().len();
        d.merge(user);
        assert_eq!(d.ipos().len(), n);
        let m = d.find("688802").unwrap();
        assert_eq!(m.issue_price.get().to_string(), "100");
        assert_eq!(m.lot_shares.get(), 500, "taken from the STAR rule");
    }

    #[test]
    fn bad_records_name_record_and_field() {
        let e = Dataset::from_toml(
            "[[ipo]]\ncode = \"1\"\nname_zh = \"甲\"\nboard = \"star\"\nlisting_date = \"2025-01-02\"\nissue_price = \"-5\"\n",
            "my.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("my.toml: record 1 (1 甲): issue_price:"),
            "{e}"
        );
        let e = Dataset::from_toml(
            "[[ipo]]\ncode = \"1\"\nname_zh = \"甲\"\nboard = \"hkex\"\nlisting_date = \"2025-01-02\"\nissue_price = \"5\"\n",
            "my.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("lot_shares"), "{e}");
        let e = Dataset::from_toml("[[ipo]]\ncode = 1\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("my.toml:"), "{e}");
        let e = Dataset::from_toml(
            "[[ipo]]\ncode = \"1\"\nname_zh = \"甲\"\nboard = \"star\"\nlisting_date = \"2018-01-02\"\nissue_price = \"5\"\n",
            "my.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("2019-07-22"), "{e}");
    }
}
