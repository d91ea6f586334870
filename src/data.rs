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

use serde::{Deserialize, Deserializer, Serialize};

use crate::board::{self, Board};
use crate::error::{Error, Result, Why};
use crate::headline::Lang;
use crate::input::{self, Shares};
use crate::ipo::{Basis, FieldNote, FigureKind, Ipo, Published, Quote};
use crate::published;
use crate::valuation;

/// One record of a daxin data file, read on its own (for `daxin batch`,
/// where a bad record is that row's error, not the file's).
#[derive(Debug)]
pub struct FileRecord {
    /// The line the record starts on.
    pub line: u64,
    /// The record's code as written (empty when absent).
    pub code: String,
    /// The record's Chinese name as written (empty when absent).
    pub name: String,
    /// The valid record, or what is wrong with it.
    pub ipo: Result<Ipo>,
}

/// A TOML data file with each record left as a table and its place kept.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpannedFile {
    #[serde(default)]
    ipo: Vec<toml::Spanned<toml::Table>>,
}

/// A JSON data file with each record left as its text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonFile<'a> {
    #[serde(borrow, default)]
    ipo: Vec<&'a serde_json::value::RawValue>,
}

/// An export's writer failed (it does not, on records that validated):
/// the writer's own text, quoted.
fn export_failed(e: &dyn std::fmt::Display) -> Why {
    Why::pair(e.to_string(), format!("写出失败；原文：{e}"))
}

/// A record of a data file from its parsed value: the valid record, or its
/// own error under its line.
fn file_record<'de, D>(format: &str, line: u64, code: String, name: String, value: D) -> FileRecord
where
    D: Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let ipo = RawIpo::deserialize(value)
        .map_err(|e| {
            // one line, for a CSV cell (toml puts the field on a line of its own)
            let own = e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            Error::Data {
                // a record's own fault (an unknown field, a list for a string)
                origin: crate::why!("the record at line {line}", "第 {line} 行的记录"),
                message: crate::error::Why::parser(format, None, &own, &own),
            }
        })
        .and_then(RawIpo::validate);
    FileRecord {
        line,
        code,
        name,
        ipo,
    }
}

/// The line of byte `at` in `text`.
fn line_at(text: &str, at: usize) -> u64 {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    1 + memchr::memchr_iter(b'\n', before).count() as u64
}

/// The built-in data file, compiled in.
pub const BUILTIN: &str = include_str!("../fixtures/ipos.toml");

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    ipo: Vec<RawIpo>,
}

#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum RawCount {
    Int(u64),
    Text(String),
}

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPrices {
    #[serde(skip_serializing_if = "Option::is_none")]
    open: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    low: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    close: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    avg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grey: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exit_date: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawPublished {
    kind: FigureKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<Basis>,
    printed: String,
    source: String,
    #[serde(default)]
    quote: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conflict_zh: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawIpo {
    code: String,
    name_zh: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    board: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    listing_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_date: Option<String>,
    issue_price: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    lot_shares: Option<RawCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_shares: Option<RawCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shares_offered: Option<RawCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    online_initial_shares: Option<RawCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cap_shares: Option<RawCount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    float_shares: Option<RawCount>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    win_rates: BTreeMap<String, String>,
    #[serde(default)]
    prices: RawPrices,
    #[serde(skip_serializing_if = "Option::is_none")]
    net_profit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revenue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eps: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    revenue_per_share: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pe_at_issue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ps_at_issue: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<FieldNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
                        crate::why!("give lot_shares, or a listing_date so the board's unit can be looked up", "请给出 lot_shares，或给出 listing_date 以便查出该板块的每签股数"),
                    )
                })?;
                let rule = board::lot_rule(board, date)?;
                let n = rule.shares.ok_or_else(|| {
                    Error::missing(
                        "lot_shares",
                        Why::pair(
                            format!("{} sets the lot per IPO", board.name_en()),
                            format!("{}的每手股数由各只新股自定", board.name_zh()),
                        ),
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
                quotes.push(Quote::new(basis, price, exit_date, None));
            }
        }
        if p.exit.is_some() && exit_date.is_none() {
            return Err(Error::missing(
                "prices.exit_date",
                crate::why!("an exit price needs its date", "卖出价须附卖出日期"),
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
            let p = published::parse_printed(rp.kind, &rp.printed).map_err(|e| match e {
                // the reason, under the field's full name
                Error::Invalid { reason, .. } => {
                    Error::invalid(&format!("published[{i}].printed"), &rp.printed, reason)
                }
                other => other,
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
                conflict_zh: rp.conflict_zh,
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

fn raw_of(ipo: &Ipo) -> RawIpo {
    let d = |x: Option<rust_decimal::Decimal>| x.map(|v| v.to_string());
    let date = |x: Option<chrono::NaiveDate>| x.map(|v| v.to_string());
    let count = |x: Option<Shares>| x.map(|v| RawCount::Int(v.get()));
    let q = |b: Basis| ipo.quote(b).map(|q| q.price.get().to_string());
    RawIpo {
        code: ipo.code.clone(),
        name_zh: ipo.name_zh.clone(),
        name_en: ipo.name_en.clone(),
        aliases: ipo.aliases.clone(),
        board: ipo.board.map(|b| b.id()).unwrap_or("star").to_string(),
        currency: ipo
            .board
            .filter(|b| b.currency() == ipo.currency)
            .is_none()
            .then(|| ipo.currency.code().to_string()),
        listing_date: date(ipo.listing_date),
        subscription_date: date(ipo.subscription_date),
        payment_date: date(ipo.payment_date),
        issue_price: ipo.issue_price.get().to_string(),
        lot_shares: count(Some(ipo.lot_shares)),
        total_shares: count(ipo.total_shares),
        shares_offered: count(ipo.shares_offered),
        online_initial_shares: count(ipo.online_initial_shares),
        cap_shares: count(ipo.cap_shares),
        float_shares: count(ipo.float_shares),
        win_rates: ipo
            .win_rates
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
        prices: RawPrices {
            open: q(Basis::Open),
            high: q(Basis::High),
            low: q(Basis::Low),
            close: q(Basis::Close),
            avg: q(Basis::Avg),
            grey: q(Basis::Grey),
            exit: q(Basis::Exit),
            exit_date: date(ipo.quote(Basis::Exit).and_then(|q| q.date)),
        },
        net_profit: d(ipo.net_profit),
        revenue: d(ipo.revenue),
        eps: d(ipo.eps),
        revenue_per_share: d(ipo.revenue_per_share),
        pe_at_issue: d(ipo.pe_at_issue),
        ps_at_issue: d(ipo.ps_at_issue),
        notes: ipo.notes.clone(),
        sources: ipo.sources.clone(),
        published: ipo
            .published
            .iter()
            .map(|p| RawPublished {
                kind: p.kind,
                basis: p.basis,
                printed: p.printed.clone(),
                source: p.source.clone(),
                quote: p.quote.clone(),
                conflict: p.conflict.clone(),
                conflict_zh: p.conflict_zh.clone(),
            })
            .collect(),
    }
}

/// The columns of daxin's record CSV (`daxin list --format csv`). Notes
/// and published figures do not fit a flat row: the CSV leaves them out
/// (TOML and JSON carry everything).
pub const CSV_COLUMNS: [&str; 32] = [
    "code",
    "name_zh",
    "name_en",
    "aliases",
    "board",
    "currency",
    "listing_date",
    "subscription_date",
    "payment_date",
    "issue_price",
    "lot_shares",
    "total_shares",
    "shares_offered",
    "online_initial_shares",
    "cap_shares",
    "float_shares",
    "win_rates",
    "open",
    "high",
    "low",
    "close",
    "avg",
    "exit",
    "exit_date",
    "grey",
    "net_profit",
    "revenue",
    "eps",
    "revenue_per_share",
    "pe_at_issue",
    "ps_at_issue",
    "sources",
];

fn csv_row(r: &RawIpo) -> Vec<String> {
    let o = |x: &Option<String>| x.clone().unwrap_or_default();
    let c = |x: &Option<RawCount>| match x {
        Some(RawCount::Int(n)) => n.to_string(),
        Some(RawCount::Text(t)) => t.clone(),
        None => String::new(),
    };
    let p = &r.prices;
    vec![
        r.code.clone(),
        r.name_zh.clone(),
        o(&r.name_en),
        r.aliases.join(";"),
        r.board.clone(),
        o(&r.currency),
        o(&r.listing_date),
        o(&r.subscription_date),
        o(&r.payment_date),
        r.issue_price.clone(),
        c(&r.lot_shares),
        c(&r.total_shares),
        c(&r.shares_offered),
        c(&r.online_initial_shares),
        c(&r.cap_shares),
        c(&r.float_shares),
        r.win_rates
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";"),
        o(&p.open),
        o(&p.high),
        o(&p.low),
        o(&p.close),
        o(&p.avg),
        o(&p.exit),
        o(&p.exit_date),
        o(&p.grey),
        o(&r.net_profit),
        o(&r.revenue),
        o(&r.eps),
        o(&r.revenue_per_share),
        o(&r.pe_at_issue),
        o(&r.ps_at_issue),
        r.sources.join(" "),
    ]
}

fn raw_from_csv(row: &std::collections::HashMap<&str, &str>) -> Result<RawIpo> {
    let get = |k: &str| {
        row.get(k)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let count = |k: &str| get(k).map(RawCount::Text);
    let need = |k: &str| {
        get(k).ok_or_else(|| {
            Error::missing(
                k,
                crate::why!("a column of every record", "每条记录都要有这一列"),
            )
        })
    };
    let code = need("code")?;
    let name_zh = need("name_zh")?;
    let mut win_rates = BTreeMap::new();
    if let Some(w) = get("win_rates") {
        for part in w.split(';').filter(|p| !p.trim().is_empty()) {
            let (k, v) = part.split_once('=').ok_or_else(|| {
                Error::invalid(
                    "win_rates",
                    part,
                    crate::why!("expected label=percent", "应写作 标签=百分比"),
                )
            })?;
            win_rates.insert(k.trim().to_string(), v.trim().to_string());
        }
    }
    Ok(RawIpo {
        code,
        name_zh,
        name_en: get("name_en"),
        aliases: get("aliases")
            .map(|a| a.split(';').map(|x| x.trim().to_string()).collect())
            .unwrap_or_default(),
        board: need("board")?,
        currency: get("currency"),
        listing_date: get("listing_date"),
        subscription_date: get("subscription_date"),
        payment_date: get("payment_date"),
        issue_price: need("issue_price")?,
        lot_shares: count("lot_shares"),
        total_shares: count("total_shares"),
        shares_offered: count("shares_offered"),
        online_initial_shares: count("online_initial_shares"),
        cap_shares: count("cap_shares"),
        float_shares: count("float_shares"),
        win_rates,
        prices: RawPrices {
            open: get("open"),
            high: get("high"),
            low: get("low"),
            close: get("close"),
            avg: get("avg"),
            exit: get("exit"),
            exit_date: get("exit_date"),
            grey: get("grey"),
        },
        net_profit: get("net_profit"),
        revenue: get("revenue"),
        eps: get("eps"),
        revenue_per_share: get("revenue_per_share"),
        pe_at_issue: get("pe_at_issue"),
        ps_at_issue: get("ps_at_issue"),
        notes: Vec::new(),
        sources: get("sources")
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default(),
        published: Vec::new(),
    })
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

/// What the record CSV leaves out ([`Dataset::csv_omissions`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct CsvOmissions {
    /// Records that lose something.
    pub records: usize,
    /// Field notes left out.
    pub notes: usize,
    /// Published figures left out.
    pub published: usize,
}

impl CsvOmissions {
    /// What the CSV export leaves out, for its reader (nothing when it
    /// loses nothing).
    ///
    /// ```
    /// use daxin::data::CsvOmissions;
    /// let lost = CsvOmissions { records: 2, notes: 5, published: 9 };
    /// assert!(lost.text(daxin::Lang::En).unwrap().contains("leaves out 5 field notes and 9 published figures of 2 records"));
    /// assert_eq!(CsvOmissions::default().text(daxin::Lang::En), None);
    /// ```
    pub fn text(&self, lang: crate::Lang) -> Option<String> {
        let (records, notes, published) = (self.records, self.notes, self.published);
        (records > 0).then(|| match lang {
            crate::Lang::Zh => format!(
                "daxin list：CSV 是平面表，不含 {records} 条记录的 {notes} 条字段说明和 {published} 个已发布数字；无损导出请用 --format json 或 TOML 数据文件"
            ),
            crate::Lang::En => format!(
                "daxin list: the CSV is a flat table and leaves out {notes} field notes and {published} published figures of {records} records; --format json (or a TOML data file) is the lossless export"
            ),
        })
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
        let raw: RawFile = toml::from_str(text)
            .map_err(|e| Error::data(origin, Why::toml(&e, text, e.to_string().trim_end())))?;
        Dataset::from_raw(raw.ipo, origin)
    }

    fn from_raw(raw: Vec<RawIpo>, origin: &str) -> Result<Dataset> {
        let mut ipos = Vec::with_capacity(raw.len());
        for (i, r) in raw.into_iter().enumerate() {
            let (n, code, name) = (i + 1, r.code.clone(), r.name_zh.clone());
            let ipo = r.validate().map_err(|e| {
                let label = crate::why!(
                    "record {n} ({code} {name})",
                    "第 {n} 条记录（{code} {name}）"
                );
                Error::Data {
                    origin: Why::name(origin),
                    message: label.map(|lang, l| match lang {
                        Lang::En => format!("{l}: {e}"),
                        Lang::Zh => format!("{l}：{}", e.text(Lang::Zh)),
                    }),
                }
            })?;
            ipos.push(ipo);
        }
        let mut seen = std::collections::HashSet::new();
        for ipo in &ipos {
            if !seen.insert(normalize_code(&ipo.code)) {
                let code = &ipo.code;
                return Err(Error::data(
                    origin,
                    crate::why!("code {code} appears twice", "代码 {code} 出现了两次"),
                ));
            }
        }
        Ok(Dataset { ipos })
    }

    /// Records from JSON: `{"ipo": [ … ]}`, the same fields as the TOML.
    pub fn from_json(text: &str, origin: &str) -> Result<Dataset> {
        // a byte-order mark, as Windows tools write one (TOML allows it)
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawFile =
            serde_json::from_str(text).map_err(|e| Error::data(origin, Why::json(&e)))?;
        Dataset::from_raw(raw.ipo, origin)
    }

    /// Records from daxin's record CSV (header: [`CSV_COLUMNS`], any order).
    pub fn from_csv(text: &str, origin: &str) -> Result<Dataset> {
        let data_err = |message: Why| Error::data(origin, message);
        let mut rdr = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = rdr.headers().map_err(|e| data_err(Why::csv(&e)))?.clone();
        let mut raw = Vec::new();
        for (i, rec) in rdr.records().enumerate() {
            let n = i + 2;
            let at_line = |w: Why| {
                w.map(|lang, t| match lang {
                    Lang::En => format!("line {n}: {t}"),
                    Lang::Zh => format!("第 {n} 行：{t}"),
                })
            };
            let rec = rec.map_err(|e| data_err(at_line(Why::csv(&e))))?;
            let row: std::collections::HashMap<&str, &str> =
                header.iter().zip(rec.iter()).collect();
            raw.push(raw_from_csv(&row).map_err(|e| data_err(at_line(Why::of(&e))))?);
        }
        Dataset::from_raw(raw, origin)
    }

    /// The records as TOML, in the format of `fixtures/ipos.toml`.
    pub fn to_toml(&self) -> Result<String> {
        let raw = RawFile {
            ipo: self.ipos.iter().map(raw_of).collect(),
        };
        toml::to_string(&raw).map_err(|e| Error::Data {
            origin: crate::why!("export", "导出"),
            message: export_failed(&e),
        })
    }

    /// The records as JSON (`{"ipo": [ … ]}`), decimals as strings.
    pub fn to_json(&self) -> Result<String> {
        let raw = RawFile {
            ipo: self.ipos.iter().map(raw_of).collect(),
        };
        serde_json::to_string_pretty(&raw).map_err(|e| Error::Data {
            origin: crate::why!("export", "导出"),
            message: export_failed(&e),
        })
    }

    /// What the record CSV leaves out of these records: notes and published
    /// figures do not fit a flat row (TOML and JSON are the lossless
    /// exports: read → write → read gives the same records and text).
    ///
    /// ```
    /// use daxin::data::Dataset;
    /// let lost = Dataset::builtin().unwrap().csv_omissions();
    /// assert!(lost.notes > 0 && lost.published > 0);
    /// ```
    pub fn csv_omissions(&self) -> CsvOmissions {
        CsvOmissions {
            records: self
                .ipos
                .iter()
                .filter(|i| !i.notes.is_empty() || !i.published.is_empty())
                .count(),
            notes: self.ipos.iter().map(|i| i.notes.len()).sum(),
            published: self.ipos.iter().map(|i| i.published.len()).sum(),
        }
    }

    /// The records as daxin's record CSV (no notes or published figures).
    pub fn to_csv(&self) -> Result<String> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let err = |e: csv::Error| Error::Data {
            origin: crate::why!("export", "导出"),
            message: export_failed(&e),
        };
        w.write_record(CSV_COLUMNS).map_err(err)?;
        for ipo in &self.ipos {
            w.write_record(csv_row(&raw_of(ipo))).map_err(err)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Data {
            origin: crate::why!("export", "导出"),
            message: export_failed(&e),
        })?;
        String::from_utf8(bytes).map_err(|e| Error::Data {
            origin: crate::why!("export", "导出"),
            message: export_failed(&e),
        })
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

    /// The records `keep` accepts, as a dataset of their own.
    pub fn subset(&self, keep: impl Fn(&Ipo) -> bool) -> Dataset {
        Dataset {
            ipos: self.ipos.iter().filter(|i| keep(i)).cloned().collect(),
        }
    }

    /// Records from a file's text, by its name: `.json`, `.csv`, else TOML.
    pub fn from_file_text(text: &str, origin: &str) -> Result<Dataset> {
        let lower = origin.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Dataset::from_json(text, origin)
        } else if lower.ends_with(".csv") {
            Dataset::from_csv(text, origin)
        } else {
            Dataset::from_toml(text, origin)
        }
    }

    /// The records of a TOML or JSON data file (by its name: `.json`, else
    /// TOML) one by one, each with the line it starts on and either the
    /// valid record or its own error. Only a file that cannot be read as a
    /// whole (broken syntax, no `ipo` array) is an error of the file.
    ///
    /// ```
    /// use daxin::data::Dataset;
    /// let text = "[[ipo]]\ncode = \"688802\"\nname_zh = \"沐曦股份\"\nboard = \"star\"\n\
    ///             listing_date = \"2025-12-17\"\nissue_price = \"104.66\"\n\n\
    ///             [[ipo]]\ncode = \"688795\"\nname_zh = \"摩尔线程\"\nboard = \"star\"\n\
    ///             issue_price = \"-114.28\"\n";
    /// let records = Dataset::records_from_file_text(text, "mine.toml").unwrap();
    /// assert_eq!(records[0].line, 1);
    /// assert!(records[0].ipo.is_ok());
    /// assert_eq!((records[1].line, records[1].code.as_str()), (8, "688795"));
    /// let e = records[1].ipo.as_ref().unwrap_err().to_string();
    /// assert!(e.contains("issue_price") && e.contains("-114.28"), "{e}");
    /// ```
    pub fn records_from_file_text(text: &str, origin: &str) -> Result<Vec<FileRecord>> {
        let file_err = |message: Why| Error::data(origin, message);
        // the code and name for the row, as written (`688802` or "688802")
        let text_of = |v: Option<&toml::Value>| match v {
            Some(toml::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        if origin.to_ascii_lowercase().ends_with(".json") {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let file: JsonFile = serde_json::from_str(text).map_err(|e| file_err(Why::json(&e)))?;
            let start = text.as_ptr() as usize;
            Ok(file
                .ipo
                .into_iter()
                .map(|raw| {
                    let line = line_at(text, (raw.get().as_ptr() as usize).saturating_sub(start));
                    let value: serde_json::Value =
                        serde_json::from_str(raw.get()).unwrap_or(serde_json::Value::Null);
                    let field = |k: &str| match value.get(k) {
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                        None => String::new(),
                    };
                    let (code, name) = (field("code"), field("name_zh"));
                    file_record("JSON", line, code, name, value)
                })
                .collect())
        } else {
            let file: SpannedFile = toml::from_str(text)
                .map_err(|e| file_err(Why::toml(&e, text, e.to_string().trim_end())))?;
            Ok(file
                .ipo
                .into_iter()
                .map(|spanned| {
                    let line = line_at(text, spanned.span().start);
                    let table = spanned.into_inner();
                    let (code, name) = (text_of(table.get("code")), text_of(table.get("name_zh")));
                    file_record("TOML", line, code, name, toml::Value::Table(table))
                })
                .collect())
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
            return Err(Error::invalid(
                "IPO",
                query,
                crate::why!("empty; give a code or a name", "为空；请给出代码或名称"),
            ));
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
    fn every_note_and_conflict_is_in_both_languages() {
        let d = Dataset::builtin().unwrap();
        let mut n = 0;
        for ipo in d.ipos() {
            for note in &ipo.notes {
                let zh = note.text_zh.as_deref().unwrap_or_default();
                assert!(!zh.is_empty(), "{} {}: no text_zh", ipo.code, note.field);
                let missing = crate::message::figures_missing(&note.text, zh);
                assert!(missing.is_empty(), "{} {missing:?}: {zh}", ipo.code);
                n += 1;
            }
            for p in &ipo.published {
                if let Some(en) = &p.conflict {
                    let zh = p.conflict_zh.as_deref().unwrap_or_default();
                    assert!(!zh.is_empty(), "{} {}: no conflict_zh", ipo.code, p.printed);
                    let missing = crate::message::figures_missing(en, zh);
                    assert!(missing.is_empty(), "{} {missing:?}: {zh}", ipo.code);
                }
            }
        }
        assert!(n >= 30, "{n} notes");
        // a user's record without Chinese shows its English text
        let user = Dataset::from_toml(
            "[[ipo]]\ncode = \"1\"\nname_zh = \"甲\"\nboard = \"star\"\nlisting_date = \"2025-01-02\"\n\
             issue_price = \"5\"\n[[ipo.notes]]\nfield = \"prices.low\"\nstatus = \"missing\"\ntext = \"not found\"\n",
            "u.toml",
        )
        .unwrap();
        let note = &user.ipos()[0].notes[0];
        assert_eq!(note.text(crate::Lang::Zh), "not found");
        assert_eq!(note.line(crate::Lang::Zh), "[缺失] 最低价：not found");
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
    fn round_trips_in_every_format() {
        let d = Dataset::builtin().unwrap();
        // TOML and JSON carry every field
        let t = Dataset::from_toml(&d.to_toml().unwrap(), "t").unwrap();
        assert_eq!(t.ipos(), d.ipos());
        let j = Dataset::from_json(&d.to_json().unwrap(), "j").unwrap();
        assert_eq!(j.ipos(), d.ipos());
        // CSV carries all but notes and published figures
        let c = Dataset::from_csv(&d.to_csv().unwrap(), "c").unwrap();
        let mut stripped = d.ipos().to_vec();
        for i in &mut stripped {
            i.notes.clear();
            i.published.clear();
        }
        assert_eq!(c.ipos(), stripped.as_slice());
        // and writing again gives the same text
        assert_eq!(c.to_csv().unwrap(), d.to_csv().unwrap());
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
        // the STAR table starts at its first subscription (2019-06-27)
        assert!(e.contains("2019-06-27"), "{e}");
    }
}
