//! Data import: the IPO tables investors already have — AKShare /
//! Eastmoney `stock_xgsglb_em` (and its BSE variant) and `stock_dxsyl_em`,
//! 同花顺 `stock_ipo_ths` — read row by row, recomputed, and checked against
//! the figures the site published. No I/O here: the caller hands over the
//! header and each record's fields as bytes (see `daxin batch`).
//!
//! ```
//! use daxin::import::{Layout, process};
//! let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期", "每中一签获利", "涨幅"];
//! let layout = Layout::detect(&header, None).unwrap();
//! let row: [&[u8]; 7] = [b"688802", "沐曦股份".as_bytes(), b"104.66", b"829.90", b"2025-12-17", b"362620", b"692.95"];
//! let out = process(&layout, &row);
//! assert_eq!(out.profit_per_lot.unwrap().to_string(), "362620.00");
//! assert!(out.check.starts_with("ok"));
//! ```

use std::fmt::Write as _;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{self, Board};
use crate::error::{Error, Result};
use crate::input;
use crate::num;

/// The source formats `daxin batch` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// AKShare `stock_xgsglb_em` (Eastmoney 新股申购与中签), A-share boards.
    EmXgsglb,
    /// Its BSE variant (代码, 简称, 上市首日-均价, 上市首日-每百股获利, …).
    EmXgsglbBse,
    /// AKShare `stock_dxsyl_em` (Eastmoney 打新收益率).
    EmDxsyl,
    /// 同花顺 via AKShare `stock_ipo_ths`, units in the header.
    Ths,
    /// daxin's own record format as CSV (`daxin list --format csv`).
    Daxin,
}

impl SourceFormat {
    /// The id used by `--from`.
    pub fn id(self) -> &'static str {
        match self {
            SourceFormat::EmXgsglb => "em-xgsglb",
            SourceFormat::EmXgsglbBse => "em-xgsglb-bse",
            SourceFormat::EmDxsyl => "em-dxsyl",
            SourceFormat::Ths => "ths",
            SourceFormat::Daxin => "daxin",
        }
    }
}

impl FromStr for SourceFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "em-xgsglb" | "xgsglb" | "stock_xgsglb_em" | "akshare" | "eastmoney" => {
                SourceFormat::EmXgsglb
            }
            "em-xgsglb-bse" | "xgsglb-bse" | "bse" => SourceFormat::EmXgsglbBse,
            "em-dxsyl" | "dxsyl" | "stock_dxsyl_em" => SourceFormat::EmDxsyl,
            "ths" | "stock_ipo_ths" | "10jqka" => SourceFormat::Ths,
            "daxin" => SourceFormat::Daxin,
            _ => {
                return Err(Error::invalid(
                    "--from",
                    s,
                    "expected em-xgsglb, em-xgsglb-bse, em-dxsyl, ths or daxin",
                ))
            }
        })
    }
}

/// The fields `daxin batch` reads, whatever a source calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 股票代码 / 代码.
    Code,
    /// 股票简称 / 简称.
    Name,
    /// 发行价格 / 发行价.
    IssuePrice,
    /// 首日收盘价.
    FirstClose,
    /// 上市首日-均价 (BSE).
    FirstAvg,
    /// 首日开盘价.
    FirstOpen,
    /// 最新价.
    Latest,
    /// 上市日期.
    ListingDate,
    /// 申购日期.
    SubscriptionDate,
    /// 中签率 (%).
    WinRate,
    /// 涨幅 (%), as published.
    GainPct,
    /// 首日涨幅 (%), as published.
    FirstDayGainPct,
    /// 每中一签获利 / 打新收益 (元), as published.
    ProfitPerLot,
    /// 上市首日-每百股获利 (BSE), as published.
    ProfitPer100,
    /// 连续一字板数量.
    LimitUpDays,
    /// 发行总数.
    TotalIssued,
    /// 网上发行.
    OnlineIssued,
    /// A board column (daxin's record CSV).
    BoardCol,
    /// A lot-size column (daxin's record CSV).
    LotShares,
}

/// Which column holds each field, and the unit the header names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The source format.
    pub format: SourceFormat,
    cols: Vec<(Field, usize, Decimal)>,
    /// `cols` indexed by `Field as usize`, for the per-row lookups.
    index: [Option<(usize, Decimal)>; FIELD_COUNT],
    /// One more than the highest column a field uses.
    width: usize,
    /// Header cells no field maps to (kept for the report).
    pub unused: Vec<String>,
}

const FIELD_COUNT: usize = 19;
const UNIT: Decimal = Decimal::ONE;

/// Normalises a header cell: BOM, spaces, full-width brackets and the
/// hyphen variants removed; returns the name and the unit multiplier the
/// header names (`（万股）` → 10⁴).
fn header_key(raw: &str) -> (String, Decimal) {
    let s = input::normalize(raw.trim_start_matches('\u{feff}'));
    let s = s.replace(['（', '('], "(").replace(['）', ')'], ")");
    let (name, unit) = match s.split_once('(') {
        Some((n, rest)) => (n.to_string(), rest.trim_end_matches(')').to_string()),
        None => (s.clone(), String::new()),
    };
    let mult = if unit.starts_with('万') {
        Decimal::from(10_000u64)
    } else if unit.starts_with('亿') {
        Decimal::from(100_000_000u64)
    } else {
        Decimal::ONE
    };
    let name = name.replace(['-', ' ', '_'], "");
    (name, mult)
}

fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "股票代码" | "代码" | "证券代码" | "code" => Field::Code,
        "股票简称" | "简称" | "证券简称" | "股票名称" | "name" | "namezh" => {
            Field::Name
        }
        "发行价格" | "发行价" | "issueprice" => Field::IssuePrice,
        "首日收盘价" | "上市首日收盘价" | "close" => Field::FirstClose,
        "上市首日均价" | "首日均价" | "avg" => Field::FirstAvg,
        "首日开盘价" | "上市首日开盘价" | "open" => Field::FirstOpen,
        "最新价" => Field::Latest,
        "上市日期" | "listingdate" => Field::ListingDate,
        "申购日期" | "subscriptiondate" => Field::SubscriptionDate,
        "中签率" | "网上发行中签率" | "网上中签率" => Field::WinRate,
        "涨幅" => Field::GainPct,
        "首日涨幅" => Field::FirstDayGainPct,
        "每中一签获利" | "打新收益" | "每签获利" => Field::ProfitPerLot,
        "上市首日每百股获利" | "每百股获利" => Field::ProfitPer100,
        "连续一字板数量" | "一字板数量" => Field::LimitUpDays,
        "发行总数" | "totalshares" => Field::TotalIssued,
        "网上发行" | "网上发行数量" => Field::OnlineIssued,
        "board" | "板块" => Field::BoardCol,
        "lotshares" | "每签股数" | "每手股数" => Field::LotShares,
        _ => return None,
    })
}

impl Layout {
    /// Maps a header row to fields, and tells the format (unless `from`
    /// names it). Every format needs a code and an issue price.
    pub fn detect(header: &[&str], from: Option<SourceFormat>) -> Result<Layout> {
        let mut cols = Vec::new();
        let mut unused = Vec::new();
        let mut names = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let (name, mult) = header_key(h);
            let lower = name.to_ascii_lowercase();
            match field_of(&name).or_else(|| field_of(&lower)) {
                Some(f) if !cols.iter().any(|(g, _, _)| *g == f) => cols.push((f, i, mult)),
                _ => unused.push(h.to_string()),
            }
            names.push(name);
        }
        let has = |n: &str| names.iter().any(|x| x == n);
        let format =
            from.unwrap_or(if has("上市首日每百股获利") || has("每百股获利") {
                SourceFormat::EmXgsglbBse
            } else if has("每中一签获利") {
                SourceFormat::EmXgsglb
            } else if has("开盘溢价") || has("网上发行中签率") || has("首日涨幅") {
                SourceFormat::EmDxsyl
            } else if has("打新收益") {
                SourceFormat::Ths
            } else if names.iter().any(|n| n.eq_ignore_ascii_case("issueprice")) {
                SourceFormat::Daxin
            } else {
                SourceFormat::EmXgsglb
            });
        let mut index = [None; FIELD_COUNT];
        for (f, i, m) in &cols {
            index[*f as usize] = Some((*i, *m));
        }
        let width = cols.iter().map(|(_, i, _)| i + 1).max().unwrap_or(0);
        let l = Layout {
            format,
            cols,
            index,
            width,
            unused,
        };
        for (f, what) in [
            (Field::Code, "a code column (股票代码 / 代码)"),
            (
                Field::IssuePrice,
                "an issue-price column (发行价格 / 发行价)",
            ),
        ] {
            if l.col(f).is_none() {
                return Err(Error::invalid(
                    "header",
                    &header.join(","),
                    format!("no {what}; use --from to name the format"),
                ));
            }
        }
        Ok(l)
    }

    fn col(&self, f: Field) -> Option<(usize, Decimal)> {
        self.index[f as usize]
    }
}

/// A row's fields as bytes, however the caller holds them.
pub trait Record {
    /// Field `i`, if the row has it.
    fn field(&self, i: usize) -> Option<&[u8]>;
    /// How many fields.
    fn count(&self) -> usize;
}

impl Record for [&[u8]] {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.get(i).copied()
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl<const N: usize> Record for [&[u8]; N] {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.get(i).copied()
    }
    fn count(&self) -> usize {
        N
    }
}

/// A recomputed row.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RowOut {
    /// Code as given.
    pub code: String,
    /// Name as given.
    pub name: String,
    /// Board, from the code.
    pub board: Option<Board>,
    /// Listing date.
    pub listing_date: Option<NaiveDate>,
    /// Issue price.
    pub issue_price: Option<Decimal>,
    /// Shares per lot by the board's rule of the date.
    pub lot_shares: Option<u64>,
    /// Which price the figures use (`close`, `avg`, `latest`).
    pub basis: &'static str,
    /// That price.
    pub price: Option<Decimal>,
    /// (price − issue) × lot.
    pub profit_per_lot: Option<Decimal>,
    /// (price − issue) × 100 ÷ issue, rounded half-up to 2 places.
    pub gain_pct: Option<Decimal>,
    /// The source's per-lot profit.
    pub published_profit: Option<Decimal>,
    /// The source's gain.
    pub published_gain: Option<Decimal>,
    /// `ok`, or why the published figures differ.
    pub check: String,
    /// The error, when the row could not be computed.
    pub error: Option<String>,
}

/// Fast path: an ASCII decimal (`-12.345`), else the general parser
/// (full-width digits, separators, units, placeholders). `Ok(None)` for an
/// empty or placeholder cell.
/// The placeholders tables use for "unknown", checked on bytes first.
fn is_placeholder_bytes(raw: &[u8]) -> bool {
    matches!(
        raw,
        b"" | b"-"
            | b"--"
            | b"nan"
            | b"NaN"
            | b"None"
            | b"null"
            | [0xE2, 0x80, 0x94]
            | [0xE2, 0x80, 0x94, 0xE2, 0x80, 0x94]
    )
}

fn cell_decimal(field: &str, raw: &[u8], mult: Decimal) -> Result<Option<Decimal>> {
    // plain numbers first: they are most cells
    if let Some(x) = ascii_decimal(raw) {
        return Ok(Some(if mult == UNIT { x } else { x * mult }));
    }
    if is_placeholder_bytes(raw) {
        return Ok(None);
    }
    let s = String::from_utf8_lossy(raw);
    if input::is_placeholder(&input::normalize(&s)) {
        return Ok(None);
    }
    let t = input::normalize(&s);
    let t = t.trim_end_matches('%');
    let x = input::parse_amount(field, t)?;
    Ok(Some(
        x.checked_mul(mult)
            .ok_or_else(|| Error::invalid(field, &s, "too large"))?,
    ))
}

/// Parses `[-]digits[.digits]` of at most 18 significant digits without
/// allocating; `None` for anything else.
pub fn ascii_decimal(raw: &[u8]) -> Option<Decimal> {
    let (neg, body) = match raw.first() {
        Some(b'-') => (true, &raw[1..]),
        _ => (false, raw),
    };
    if body.is_empty() || body.len() > 19 {
        return None;
    }
    let mut m: i64 = 0;
    let mut scale: u32 = 0;
    let mut seen_dot = false;
    let mut digits = 0;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                m = m * 10 + i64::from(b - b'0');
                digits += 1;
                if seen_dot {
                    scale += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => return None,
        }
    }
    if digits == 0 || (seen_dot && scale == 0) {
        return None;
    }
    Some(Decimal::new(if neg { -m } else { m }, scale))
}

fn cell_date(field: &str, raw: &[u8]) -> Result<Option<NaiveDate>> {
    if is_placeholder_bytes(raw) {
        return Ok(None);
    }
    if raw.len() == 10 && raw[4] == b'-' && raw[7] == b'-' {
        let n = |a: &[u8]| -> Option<u32> {
            a.iter().try_fold(0u32, |acc, &b| {
                b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (n(&raw[0..4]), n(&raw[5..7]), n(&raw[8..10])) {
            if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                if (input::MIN_DATE..=input::MAX_DATE).contains(&date) {
                    return Ok(Some(date));
                }
            }
        }
    }
    let s = String::from_utf8_lossy(raw);
    if input::is_placeholder(&input::normalize(&s)) {
        return Ok(None);
    }
    input::parse_date(field, &s).map(Some)
}

/// The board a mainland code belongs to.
pub fn board_of_code(code: &str) -> Option<Board> {
    let c = code.trim();
    let c = c.rsplit_once('.').map(|(a, _)| a).unwrap_or(c);
    let c = c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
    if c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match &c[..3] {
        "688" | "689" => Board::Star,
        "600" | "601" | "603" | "605" => Board::SseMain,
        "000" | "001" | "002" | "003" | "004" => Board::SzseMain,
        "300" | "301" | "302" => Board::ChiNext,
        "920" => Board::Bse,
        _ if c.starts_with('8') || c.starts_with('4') => Board::Bse,
        _ => return None,
    })
}

/// Gain in percent, rounded half-up to 2 places, by exact integer
/// arithmetic: the same result as the decimal formula rounded half-up.
pub fn gain_pct_2dp(price: Decimal, issue: Decimal) -> Option<Decimal> {
    let scale = price.scale().max(issue.scale());
    let p = rescaled(price, scale)?;
    let i = rescaled(issue, scale)?;
    if i <= 0 {
        return None;
    }
    // 64-bit division when the numbers fit (they nearly always do)
    if let (Ok(p64), Ok(i64_)) = (i64::try_from(p), i64::try_from(i)) {
        if let Some(num) = (p64 - i64_).checked_mul(10_000) {
            let (q, r) = (num / i64_, num % i64_);
            let q = if 2 * r.abs() >= i64_ {
                q + num.signum()
            } else {
                q
            };
            return Some(Decimal::new(q, 2));
        }
    }
    let num = (p - i).checked_mul(10_000)?;
    let (q, r) = (num / i, num % i);
    // half-up on the magnitude
    let q = if 2 * r.abs() >= i {
        q + num.signum()
    } else {
        q
    };
    Some(Decimal::from_i128_with_scale(q, 2))
}

fn rescaled(x: Decimal, scale: u32) -> Option<i128> {
    let m = x.mantissa();
    let up = scale.checked_sub(x.scale())?;
    m.checked_mul(10i128.checked_pow(up)?)
}

/// True when UTF-8 bytes may hold a character `input::normalize` folds
/// (full-width forms U+FF00–U+FFEF, the ideographic space, the Unicode
/// minus and en dash); plain Chinese names do not.
fn may_need_folding(b: &[u8]) -> bool {
    b.windows(2).any(|w| {
        matches!(
            w,
            [0xEF, 0xBC] | [0xEF, 0xBD] | [0xE3, 0x80] | [0xE2, 0x88] | [0xE2, 0x80]
        )
    })
}

fn field_into<R: Record + ?Sized>(out: &mut String, rec: &R, col: Option<(usize, Decimal)>) {
    out.clear();
    let Some(b) = col.and_then(|(i, _)| rec.field(i)) else {
        return;
    };
    let b = trim_bytes(b);
    match std::str::from_utf8(b) {
        Ok(s) if !may_need_folding(b) => out.push_str(s),
        _ => out.push_str(&input::normalize(&String::from_utf8_lossy(b))),
    }
}

/// Recomputes one record. Never fails: a row that cannot be computed comes
/// back with its `error`, so that no row is lost.
pub fn process<R: Record + ?Sized>(layout: &Layout, rec: &R) -> RowOut {
    let mut out = RowOut::default();
    process_into(layout, rec, &mut out);
    out
}

/// [`process`] into a reused row, keeping its strings' capacity (the
/// batch's hot path allocates nothing for a clean row).
pub fn process_into<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &mut RowOut) {
    field_into(&mut out.code, rec, layout.col(Field::Code));
    field_into(&mut out.name, rec, layout.col(Field::Name));
    out.board = None;
    out.listing_date = None;
    out.issue_price = None;
    out.lot_shares = None;
    out.basis = "";
    out.price = None;
    out.profit_per_lot = None;
    out.gain_pct = None;
    out.published_profit = None;
    out.published_gain = None;
    out.check.clear();
    out.error = None;
    if let Err(e) = compute(layout, rec, out) {
        out.error = Some(e.to_string());
        out.check.clear();
        out.check.push_str("error");
    }
}

fn get<'a, R: Record + ?Sized>(
    layout: &Layout,
    rec: &'a R,
    f: Field,
) -> Option<(&'a [u8], Decimal)> {
    layout
        .col(f)
        .and_then(|(i, m)| rec.field(i).map(|b| (trim_bytes(b), m)))
}

fn trim_bytes(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end]
}

fn dec<R: Record + ?Sized>(
    layout: &Layout,
    rec: &R,
    f: Field,
    name: &str,
) -> Result<Option<Decimal>> {
    match get(layout, rec, f) {
        Some((b, m)) => cell_decimal(name, b, m),
        None => Ok(None),
    }
}

fn compute<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &mut RowOut) -> Result<()> {
    if rec.count() < layout.width {
        return Err(Error::invalid(
            "row",
            &format!("{} fields", rec.count()),
            format!(
                "the header has {}: a short row or a broken quote",
                layout.width
            ),
        ));
    }
    let board_cell = get(layout, rec, Field::BoardCol)
        .map(|(b, _)| String::from_utf8_lossy(b).into_owned())
        .filter(|s| !s.is_empty());
    let board = match board_cell {
        Some(b) => b.parse::<Board>()?,
        None => board_of_code(&out.code)
            .ok_or_else(|| Error::invalid("股票代码", &out.code, "not a mainland A-share code"))?,
    };
    out.board = Some(board);
    let issue = dec(layout, rec, Field::IssuePrice, "发行价格")?
        .ok_or_else(|| Error::missing("发行价格", "the issue price is empty"))?;
    let issue = input::Price::new("发行价格", issue)?.get();
    out.issue_price = Some(issue);
    let listing = match get(layout, rec, Field::ListingDate) {
        Some((b, _)) => cell_date("上市日期", b)?,
        None => None,
    };
    out.listing_date = listing;
    let subscribed = match get(layout, rec, Field::SubscriptionDate) {
        Some((b, _)) => cell_date("申购日期", b)?,
        None => None,
    };
    let rule_date = subscribed.or(listing);
    let given_lot = match dec(layout, rec, Field::LotShares, "lot_shares")? {
        Some(l) => Some(
            u64::try_from(l)
                .ok()
                .filter(|n| *n > 0 && l.fract().is_zero())
                .ok_or_else(|| {
                    Error::invalid("lot_shares", &l.to_string(), "a whole number of shares")
                })?,
        ),
        None => None,
    };
    let lot = match (given_lot, rule_date) {
        (Some(l), _) => l,
        (None, Some(d)) => board::lot_rule(board, d)?
            .shares
            .ok_or_else(|| Error::missing("lot_shares", "this board sets lots per IPO"))?,
        (None, None) => {
            return Err(Error::missing(
                "上市日期",
                "no listing or subscription date: the lot cannot be told",
            ))
        }
    };
    out.lot_shares = Some(lot);
    // published figures
    let mut published_profit = dec(layout, rec, Field::ProfitPerLot, "每中一签获利")?;
    if layout.format == SourceFormat::EmXgsglbBse {
        if let Some(p100) = dec(layout, rec, Field::ProfitPer100, "上市首日-每百股获利")? {
            published_profit = Some(p100 * Decimal::from(lot) / Decimal::ONE_HUNDRED);
        }
    }
    out.published_profit = published_profit;
    out.published_gain = match dec(layout, rec, Field::GainPct, "涨幅")? {
        Some(g) => Some(g),
        None => dec(layout, rec, Field::FirstDayGainPct, "首日涨幅")?,
    };
    let latest = dec(layout, rec, Field::Latest, "最新价")?;
    let (basis, price) = if let Some(c) = dec(layout, rec, Field::FirstClose, "首日收盘价")? {
        ("close", Some(c))
    } else if let Some(a) = dec(layout, rec, Field::FirstAvg, "上市首日-均价")? {
        ("avg", Some(a))
    } else if let Some(l) = latest {
        ("latest", Some(l))
    } else {
        ("", None)
    };
    out.basis = basis;
    let Some(price) = price else {
        let mut c = if listing.is_none() {
            "not listed yet: no price".to_string()
        } else {
            "no price in the row".to_string()
        };
        if let Some(p) = out
            .published_profit
            .and_then(|pp| implied_price(issue, pp, lot))
        {
            let _ = write!(c, "; the published profit implies a sale price of {p}");
        } else if let Some(g) = out.published_gain {
            let close =
                num::round_half_up(issue * (Decimal::ONE_HUNDRED + g) / Decimal::ONE_HUNDRED, 2);
            let _ = write!(
                c,
                "; the published gain {g}% implies a price of about {close}"
            );
        }
        out.check = c;
        return Ok(());
    };
    let price = input::Price::new(basis, price)?.get();
    out.price = Some(price);
    let lot_d = Decimal::from(lot);
    let profit = num::mul(price - issue, lot_d, "profit per lot")?;
    out.profit_per_lot = Some(profit);
    out.gain_pct = gain_pct_2dp(price, issue);
    let limit_ups = dec(layout, rec, Field::LimitUpDays, "连续一字板数量")?;
    let c = check(out, latest, limit_ups, lot);
    out.check.clear();
    out.check.push_str(&c);
    Ok(())
}

/// The sale price a published per-lot profit implies, when it lies on the
/// fen grid: issue + profit ÷ lot.
fn implied_price(issue: Decimal, profit: Decimal, lot: u64) -> Option<Decimal> {
    if lot == 0 {
        return None;
    }
    let p = issue + profit / Decimal::from(lot);
    (p > Decimal::ZERO && p.round_dp(2) == p).then(|| num::round_half_up(p, 2))
}

fn close_enough(computed: Decimal, published: Decimal) -> bool {
    // the published figure's own precision: compare at its decimals
    let dp = published.scale();
    if computed.scale() <= dp {
        return computed == published;
    }
    num::round_half_up(computed, dp) == published
}

fn check(
    out: &RowOut,
    latest: Option<Decimal>,
    limit_ups: Option<Decimal>,
    lot: u64,
) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    let (Some(issue), Some(profit)) = (out.issue_price, out.profit_per_lot) else {
        return Cow::Borrowed("");
    };
    let mut s = String::new();
    let mut fine = true;
    if let Some(pp) = out.published_profit {
        if !close_enough(profit, pp) {
            fine = false;
            let latest_profit = latest.map(|l| (l - issue) * Decimal::from(lot));
            let other_lot = if lot == 500 { 1000 } else { 500 };
            let other = (out.price.unwrap_or_default() - issue) * Decimal::from(other_lot);
            if latest_profit.is_some_and(|lp| close_enough(lp, pp)) {
                let _ = write!(s, "每中一签获利 {pp} uses the latest price, not the first close (an unopened board's latest close)");
            } else if limit_ups.is_some_and(|n| n > Decimal::ZERO) {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {}: after {} limit-up days the source uses the close of the day the board opened (开板日)",
                    num::fixed(profit, 2),
                    limit_ups.unwrap_or_default()
                );
            } else if close_enough(other, pp) {
                let _ = write!(s, "每中一签获利 {pp} assumes {other_lot}-share lots; the rule of the date gives {lot}");
            } else if let Some(p) = implied_price(issue, pp, lot) {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {}: it implies a sale price of {p}, not the {} {}",
                    num::fixed(profit, 2),
                    out.basis,
                    num::fixed(out.price.unwrap_or_default(), 2)
                );
            } else {
                let _ = write!(
                    s,
                    "每中一签获利 {pp} ≠ {} (differs by {})",
                    num::fixed(profit, 2),
                    num::fixed(pp - profit, 2)
                );
            }
        }
    }
    if let (Some(pg), Some(g)) = (out.published_gain, out.gain_pct) {
        if !close_enough(g, pg) {
            if !s.is_empty() {
                s.push_str("; ");
            }
            fine = false;
            let latest_gain = latest.and_then(|l| gain_pct_2dp(l, issue));
            if latest_gain.is_some_and(|lg| close_enough(lg, pg)) {
                let _ = write!(s, "涨幅 {pg}% is the change to the latest price");
            } else {
                let _ = write!(s, "涨幅 {pg}% ≠ {g}%");
            }
        }
    }
    if fine {
        if out.published_profit.is_none() && out.published_gain.is_none() {
            Cow::Borrowed("ok (nothing published to check)")
        } else {
            Cow::Borrowed("ok")
        }
    } else {
        Cow::Owned(s)
    }
}

/// A record of daxin's own format (TOML, JSON) as a batch row: figures at
/// the first close (else the last price it has), and the check of every
/// published figure the record carries.
pub fn row_from_ipo(ipo: &crate::Ipo) -> RowOut {
    let mut out = RowOut {
        code: ipo.code.clone(),
        name: ipo.name_zh.clone(),
        board: ipo.board,
        listing_date: ipo.listing_date,
        issue_price: Some(ipo.issue_price.get()),
        lot_shares: Some(ipo.lot_shares.get()),
        ..RowOut::default()
    };
    let s = match crate::returns::compute(ipo) {
        Ok(s) => s,
        Err(e) => {
            out.error = Some(e.to_string());
            out.check = "error".into();
            return out;
        }
    };
    let f = s.at(crate::Basis::Close).or_else(|| s.figures.last());
    let Some(f) = f else {
        out.check = "no price in the record".into();
        return out;
    };
    out.basis = f.basis.id();
    out.price = Some(f.price);
    out.profit_per_lot = Some(f.profit_per_lot);
    out.gain_pct = Some(num::round_half_up(f.gain_pct, 2));
    let checks = crate::published::check_all(&ipo.published, &s);
    let differs: Vec<String> = checks
        .iter()
        .filter(|c| c.verdict == crate::published::Verdict::Differs)
        .map(|c| {
            let why = c
                .published
                .conflict
                .clone()
                .or_else(|| c.fits_basis.map(|b| format!("fits the {} price", b.id())))
                .unwrap_or_else(|| "differs".into());
            format!("{}: {why}", c.published.printed)
        })
        .collect();
    out.check = if differs.is_empty() {
        format!("ok ({} published figures checked)", checks.len())
    } else {
        differs.join("; ")
    };
    out
}

/// The working of a computed row, numbers put in:
/// `(829.90 − 104.66) × 500 = 362,620.00; (829.90 − 104.66) ÷ 104.66 × 100 = 692.95%`.
pub fn working(r: &RowOut) -> String {
    match (
        r.price,
        r.issue_price,
        r.lot_shares,
        r.profit_per_lot,
        r.gain_pct,
    ) {
        (Some(p), Some(i), Some(l), Some(pr), Some(g)) => format!(
            "({} − {}) × {l} = {}; ({} − {}) ÷ {} × 100 = {}%",
            num::fixed(p, 2),
            num::fixed(i, 2),
            num::group(pr, 2),
            num::fixed(p, 2),
            num::fixed(i, 2),
            num::fixed(i, 2),
            num::fixed(g, 2)
        ),
        _ => String::new(),
    }
}

/// The output columns of `daxin batch`.
pub const OUT_HEADER: [&str; 16] = [
    "line",
    "code",
    "name",
    "board",
    "listing_date",
    "issue_price",
    "lot_shares",
    "basis",
    "price",
    "profit_per_lot",
    "gain_pct",
    "published_profit",
    "published_gain",
    "check",
    "error",
    "source_format",
];

/// Writes a decimal rounded half-up to `dp` places into `buf` (cleared
/// first), without allocating: the batch's hot path.
pub fn write_fixed(buf: &mut String, x: Decimal, dp: u32) {
    buf.clear();
    // round only when there are more places than wanted
    let r = if x.scale() > dp {
        num::round_half_up(x, dp)
    } else {
        x
    };
    let m = r.mantissa();
    let up = dp - r.scale();
    let neg = m < 0;
    // the magnitude at exactly `dp` places in 64 bits; wider values (never
    // a real price or amount) go through the general decimal formatter
    let Some(mut n) = u64::try_from(m.unsigned_abs())
        .ok()
        .and_then(|v| 10u64.checked_pow(up).and_then(|p| v.checked_mul(p)))
    else {
        buf.push_str(&num::fixed(r, dp));
        return;
    };
    let mut tmp = [0u8; 24];
    let mut i = tmp.len();
    for _ in 0..dp {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    if dp > 0 {
        i -= 1;
        tmp[i] = b'.';
    }
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if neg && tmp[i..].iter().any(|c| (b'1'..=b'9').contains(c)) {
        buf.push('-');
    }
    // only ASCII digits and '.' were written
    buf.push_str(std::str::from_utf8(&tmp[i..]).unwrap_or_default());
}

/// Writes a decimal at its own scale (trailing zeros dropped), without
/// allocating: `362620` → `362620`, `0.03348913` → `0.03348913`.
pub fn write_plain(buf: &mut String, x: Decimal) {
    let n = x.normalize();
    write_fixed(buf, n, n.scale());
}

/// Decodes the start of a file: strips a UTF-8 BOM, and tells whether the
/// bytes are UTF-8 (else GB18030, as Excel saves on a Chinese system).
pub fn sniff_encoding(head: &[u8]) -> (&'static encoding_rs::Encoding, usize) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (encoding_rs::UTF_8, 3);
    }
    match std::str::from_utf8(head) {
        Ok(_) => (encoding_rs::UTF_8, 0),
        // a multi-byte character cut at the end of the sample is fine
        Err(e) if e.error_len().is_none() => (encoding_rs::UTF_8, 0),
        Err(_) => (encoding_rs::GB18030, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn fast_decimal_paths() {
        assert_eq!(ascii_decimal(b"104.66"), Some(d("104.66")));
        assert_eq!(ascii_decimal(b"-3"), Some(d("-3")));
        assert_eq!(ascii_decimal(b"1."), None);
        assert_eq!(ascii_decimal(b"1,000"), None);
        assert_eq!(ascii_decimal(b""), None);
        assert_eq!(
            cell_decimal("f", "１０４．６６".as_bytes(), Decimal::ONE).unwrap(),
            Some(d("104.66"))
        );
        assert_eq!(
            cell_decimal("f", b"0.0335%", Decimal::ONE).unwrap(),
            Some(d("0.0335"))
        );
        assert_eq!(
            cell_decimal("f", "—".as_bytes(), Decimal::ONE).unwrap(),
            None
        );
        assert_eq!(cell_decimal("f", b"nan", Decimal::ONE).unwrap(), None);
        assert_eq!(
            cell_decimal("f", b"4010", d("10000")).unwrap(),
            Some(d("40100000"))
        );
    }

    #[test]
    fn integer_gain_matches_decimal_gain() {
        for (p, i) in [
            ("829.90", "104.66"),
            ("600.50", "114.28"),
            ("18.50", "20"),
            ("34.46", "19.60"),
            ("10.005", "10"),
        ] {
            let exact = (d(p) - d(i)) * Decimal::ONE_HUNDRED / d(i);
            assert_eq!(
                gain_pct_2dp(d(p), d(i)),
                Some(num::round_half_up(exact, 2)),
                "{p} {i}"
            );
        }
    }

    #[test]
    fn boards_from_codes() {
        assert_eq!(board_of_code("688802"), Some(Board::Star));
        assert_eq!(board_of_code("601133"), Some(Board::SseMain));
        assert_eq!(board_of_code("SZ300474"), Some(Board::ChiNext));
        assert_eq!(board_of_code("002001.SZ"), Some(Board::SzseMain));
        assert_eq!(board_of_code("920001"), Some(Board::Bse));
        assert_eq!(board_of_code("830799"), Some(Board::Bse));
        assert_eq!(board_of_code("6082.HK"), None);
    }

    #[test]
    fn write_fixed_half_up() {
        let mut b = String::new();
        write_fixed(&mut b, d("362620"), 2);
        assert_eq!(b, "362620.00");
        write_fixed(&mut b, d("-0.125"), 2);
        assert_eq!(b, "-0.13");
        write_fixed(&mut b, d("0.004"), 2);
        assert_eq!(b, "0.00");
        write_fixed(&mut b, d("7"), 0);
        assert_eq!(b, "7");
    }

    #[test]
    fn check_explains_other_bases() {
        let header = [
            "股票代码",
            "股票简称",
            "发行价格",
            "最新价",
            "首日收盘价",
            "上市日期",
            "连续一字板数量",
            "每中一签获利",
        ];
        let l = Layout::detect(&header, None).unwrap();
        // SSE main board 2022: 1,000-share lots; a source that assumed 500
        let r: [&[u8]; 8] = [
            b"601999",
            b"x",
            b"10.00",
            b"-",
            b"14.40",
            b"2022-06-01",
            b"0",
            b"2200",
        ];
        let o = process(&l, &r);
        assert_eq!(o.lot_shares, Some(1000));
        assert!(o.check.contains("assumes 500-share lots"), "{}", o.check);
        // a run of limit-up days: the source used the 开板日 close
        let r: [&[u8]; 8] = [
            b"601999",
            b"x",
            b"10.00",
            b"-",
            b"14.40",
            b"2022-06-01",
            b"5",
            b"12345.67",
        ];
        assert!(process(&l, &r).check.contains("开板日"));
        // an unopened board: the latest price
        let r: [&[u8]; 8] = [
            b"688999",
            b"x",
            b"10.00",
            b"20.00",
            b"14.40",
            b"2024-06-03",
            b"0",
            b"5000",
        ];
        assert!(process(&l, &r).check.contains("latest price"));
    }

    #[test]
    fn header_units_and_detection() {
        let ths = [
            "股票代码",
            "股票简称",
            "发行价",
            "发行总数（万股）",
            "中签率（%）",
            "打新收益（元）",
            "上市日期",
        ];
        let l = Layout::detect(&ths, None).unwrap();
        assert_eq!(l.format, SourceFormat::Ths);
        assert_eq!(l.col(Field::TotalIssued).unwrap().1, d("10000"));
        let dx = [
            "股票代码",
            "股票简称",
            "发行价",
            "最新价",
            "网上-发行中签率",
            "开盘溢价",
            "首日涨幅",
            "上市日期",
        ];
        assert_eq!(
            Layout::detect(&dx, None).unwrap().format,
            SourceFormat::EmDxsyl
        );
        assert!(Layout::detect(&["a", "b"], None).is_err());
    }

    #[test]
    fn encodings() {
        assert_eq!(sniff_encoding(b"\xEF\xBB\xBFcode").1, 3);
        assert_eq!(sniff_encoding("股票代码".as_bytes()).0, encoding_rs::UTF_8);
        let (gbk, _, _) = encoding_rs::GBK.encode("股票代码,发行价格");
        assert_eq!(sniff_encoding(&gbk).0, encoding_rs::GB18030);
    }
}
