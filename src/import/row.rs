//! Recomputing one row: the board from the code, the lot by the board's
//! rule of the date, profit per lot and gain at the row's price, and the
//! check of the figures the source published.

use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::cell::{cell_date, cell_decimal, may_need_folding, trim_bytes};
use super::dated::{self, lot_on, ByBoard, Dated};
use super::layout::{Field, Layout};
use super::units::{self, FitContext, Unit};
use super::{Record, SourceFormat};
use crate::board::{self, Board};
use crate::error::{Error, Result, Why};
use crate::input;
use crate::num;
use crate::Lang;

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
    /// Total shares after the IPO, when the row has them.
    pub total_shares: Option<u64>,
    /// Which price the headline figures use: the first close, else the
    /// first-day average (BSE tables), else the latest price.
    pub basis: &'static str,
    /// The headline figures, at that price.
    pub headline: Option<At>,
    /// The figures at the first-day open, when the row has it.
    pub open: Option<At>,
    /// The figures at the latest price (最新价), when the row has it.
    pub latest: Option<At>,
    /// The source's per-lot profit.
    pub published_profit: Option<Decimal>,
    /// The source's gain.
    pub published_gain: Option<Decimal>,
    /// `ok`, or why the published figures differ.
    pub check: String,
    /// The error, when the row could not be computed (in both languages:
    /// the writers take the run's).
    pub error: Option<Why>,
    /// What became of the row.
    pub status: Status,
    /// The subscription date, when the row has it.
    pub subscription_date: Option<NaiveDate>,
}

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Figures computed (the check says whether the published ones agree).
    #[default]
    Computed,
    /// An IPO not yet priced or not yet listed: what is known is shown,
    /// nothing is wrong with the row.
    Pending,
    /// Computed, but the row fits two readings (a lot size, a rate's unit)
    /// and the check names both: nothing was guessed.
    Ambiguous,
    /// Listed, but the row has no price to compute with.
    NoPrice,
    /// The row could not be read; `error` says why.
    Error,
}

impl Status {
    /// The id written in the `status` column.
    pub fn id(self) -> &'static str {
        match self {
            Status::Computed => "computed",
            Status::Pending => "pending",
            Status::Ambiguous => "ambiguous",
            Status::NoPrice => "no_price",
            Status::Error => "error",
        }
    }
}

/// The figures at one price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct At {
    /// The price.
    pub price: Decimal,
    /// (price − issue) × lot.
    pub profit_per_lot: Decimal,
    /// Gain in percent, rounded half-up to 2 places.
    pub gain_pct: Option<Decimal>,
    /// price × total shares, when the row has them.
    pub market_value: Option<Decimal>,
}

impl At {
    /// The figures at `price` (validated as a price; `field` names it in
    /// the error).
    pub fn new(
        field: &str,
        price: Decimal,
        issue: Decimal,
        lot: u64,
        total_shares: Option<u64>,
    ) -> Result<At> {
        let price = input::Price::new(field, price)?.get();
        Ok(At {
            price,
            profit_per_lot: num::mul(
                num::sub(price, issue, "profit per lot")?,
                Decimal::from(lot),
                "profit per lot",
            )?,
            gain_pct: Some(gain_pct_2dp(price, issue).ok_or_else(|| Error::Overflow {
                what: "gain".into(),
            })?),
            market_value: match total_shares {
                Some(t) => Some(num::mul(price, Decimal::from(t), "market value")?),
                None => None,
            },
        })
    }
}

/// The board a mainland code belongs to: six digits, with or without an
/// exchange prefix (`SZ300474`) or suffix (`002001.SZ`).
pub fn board_of_code(code: &str) -> Option<Board> {
    // the common cell: six digits and nothing else
    if let Some(b) = board_of_digits(code.as_bytes()) {
        return Some(b);
    }
    let c = code.trim();
    let c = c.rsplit_once('.').map(|(a, _)| a).unwrap_or(c);
    let c = c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic());
    board_of_digits(c.as_bytes())
}

/// [`board_of_code`] for the bare six digits.
#[inline]
pub(super) fn board_of_digits(c: &[u8]) -> Option<Board> {
    let [a, b, c3, ..] = *c else { return None };
    if c.len() != 6 || !c.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(match [a, b, c3] {
        [b'6', b'8', b'8' | b'9'] => Board::Star,
        [b'6', b'0', b'0' | b'1' | b'3' | b'5'] => Board::SseMain,
        [b'0', b'0', b'0'..=b'4'] => Board::SzseMain,
        [b'3', b'0', b'0'..=b'2'] => Board::ChiNext,
        [b'9', b'2', b'0'] | [b'8' | b'4', ..] => Board::Bse,
        _ => return None,
    })
}

/// Gain in percent, rounded half-up to 2 places, by exact integer
/// arithmetic: the same result as the decimal formula
/// `round_half_up((price − issue) × 100 ÷ issue, 2)` (a property test holds
/// the two equal). `None` for an issue price ≤ 0, or a gain too large for a
/// decimal.
pub fn gain_pct_2dp(price: Decimal, issue: Decimal) -> Option<Decimal> {
    if let (Ok(p), Ok(i)) = (
        i64::try_from(price.mantissa()),
        i64::try_from(issue.mantissa()),
    ) {
        if let Some(q) = gain_hundredths(p, price.scale(), i, issue.scale()) {
            return Some(Decimal::new(q, 2));
        }
    }
    // wide numbers: the same division in 128 bits
    let scale = price.scale().max(issue.scale());
    let p = rescaled(price, scale)?;
    let i = rescaled(issue, scale)?;
    if i <= 0 {
        return None;
    }
    let num = p.checked_sub(i)?.checked_mul(10_000)?;
    let (q, r) = (num / i, num % i);
    // half-up on the magnitude
    let q = if r.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + num.signum()
    } else {
        q
    };
    // beyond 96 bits (an issue price of 10⁻²⁸, say): no decimal holds it
    Decimal::try_from_i128_with_scale(q, 2).ok()
}

/// The gain of `p`·10⁻ᵖˢ over `i`·10⁻ⁱˢ in hundredths of a percent, half-up,
/// in 64 bits; `None` when `i` ≤ 0 or the numbers are too wide.
#[inline]
pub(super) fn gain_hundredths(p: i64, ps: u32, i: i64, is: u32) -> Option<i64> {
    if i <= 0 {
        return None;
    }
    let scale = ps.max(is);
    let p = p.checked_mul(10i64.checked_pow(scale - ps)?)?;
    let i = i.checked_mul(10i64.checked_pow(scale - is)?)?;
    let num = p.checked_sub(i)?.checked_mul(10_000)?;
    let (q, r) = (num / i, num % i);
    // half-up on the magnitude; 2·|r| < 2·i fits in u64
    Some(if r.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + num.signum()
    } else {
        q
    })
}

/// The gain of `price` over `issue` in percent, rounded half-up to
/// `places` (at most 10), by integer division: the exact gain
/// `(price − issue) × 100 ÷ issue` compared at a published figure's own
/// places. `None` for numbers too wide, or an issue price ≤ 0.
pub(super) fn gain_at_places(price: Decimal, issue: Decimal, places: u32) -> Option<Decimal> {
    if places > 10 {
        return None;
    }
    // 64 bits first (a hardware division), 128 when the numbers are wider
    if let (Ok(p), Ok(i)) = (
        i64::try_from(price.mantissa()),
        i64::try_from(issue.mantissa()),
    ) {
        let (ps, is) = (price.scale(), issue.scale());
        let scale = ps.max(is);
        let q = (|| {
            let p = p.checked_mul(10i64.checked_pow(scale - ps)?)?;
            let i = i.checked_mul(10i64.checked_pow(scale - is)?)?;
            if i <= 0 {
                return None;
            }
            let num = p
                .checked_sub(i)?
                .checked_mul(100)?
                .checked_mul(10i64.checked_pow(places)?)?;
            let (q, r) = (num / i, num % i);
            Some(if r.unsigned_abs() * 2 >= i.unsigned_abs() {
                q + num.signum()
            } else {
                q
            })
        })();
        if let Some(q) = q {
            return Some(Decimal::new(q, places));
        }
    }
    let scale = price.scale().max(issue.scale());
    let p = rescaled(price, scale)?;
    let i = rescaled(issue, scale)?;
    if i <= 0 {
        return None;
    }
    let num = p
        .checked_sub(i)?
        .checked_mul(100)?
        .checked_mul(10i128.checked_pow(places)?)?;
    let (q, r) = (num / i, num % i);
    let q = if r.unsigned_abs() * 2 >= i.unsigned_abs() {
        q + num.signum()
    } else {
        q
    };
    Decimal::try_from_i128_with_scale(q, places).ok()
}

fn rescaled(x: Decimal, scale: u32) -> Option<i128> {
    let m = x.mantissa();
    let up = scale.checked_sub(x.scale())?;
    m.checked_mul(10i128.checked_pow(up)?)
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

/// [`process`] into a reused row, keeping its strings' capacity. A table's
/// many rows go through one [`Rows`], which keeps its rule lookups.
pub fn process_into<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &mut RowOut) {
    Rows::new(layout).process_into(rec, out);
}

/// The rows of one table: its layout, and the dated rules its rows have
/// looked up (a table's rows share a few boards and periods), so that a row
/// costs no table search.
#[derive(Debug, Clone)]
pub struct Rows<'a> {
    layout: &'a Layout,
    dated: Dated,
    lots: ByBoard<Option<u64>>,
    listing_lots: ByBoard<Option<u64>>,
    /// Digits for the check's text.
    scratch: Vec<u8>,
    /// The language of the check's text and notes.
    lang: Lang,
}

impl<'a> Rows<'a> {
    /// The rows of a table with `layout`.
    pub fn new(layout: &'a Layout) -> Rows<'a> {
        Rows {
            layout,
            dated: Dated::default(),
            lots: ByBoard::default(),
            listing_lots: ByBoard::default(),
            scratch: Vec::with_capacity(64),
            lang: Lang::En,
        }
    }

    /// The same rows with the check's text and notes in `lang` (English
    /// by default; `ok` begins an agreeing check in both languages).
    pub fn in_lang(self, lang: Lang) -> Rows<'a> {
        Rows { lang, ..self }
    }

    /// The layout the rows are read with.
    pub fn layout(&self) -> &'a Layout {
        self.layout
    }

    /// Recomputes one record into `out`, reusing its strings' capacity.
    /// Never fails: a row that cannot be computed comes back with its
    /// `error`, so that no row is lost.
    pub fn process_into<R: Record + ?Sized>(&mut self, rec: &R, out: &mut RowOut) {
        let layout = self.layout;
        field_into(&mut out.code, rec, layout.col(Field::Code));
        field_into(&mut out.name, rec, layout.col(Field::Name));
        out.board = None;
        out.listing_date = None;
        out.issue_price = None;
        out.lot_shares = None;
        out.total_shares = None;
        out.basis = "";
        out.headline = None;
        out.open = None;
        out.latest = None;
        out.published_profit = None;
        out.published_gain = None;
        out.check.clear();
        out.error = None;
        out.status = Status::Computed;
        out.subscription_date = None;
        if let Err(e) = compute(self, rec, out) {
            out.error = Some(Why::of(&e));
            out.check.clear();
            out.check.push_str("error");
            out.status = Status::Error;
        }
    }
}

/// Shares per lot for an IPO known only by its listing day, when the day
/// leaves one rule (`None` when the rule changed in the weeks before, or
/// there is none): cached for the days the answer holds.
fn listing_lot(cache: &mut ByBoard<Option<u64>>, b: Board, listing: NaiveDate) -> Option<u64> {
    cache
        .get(b, listing, || {
            let rules = board::lot_rules_for_listing(b, listing).ok()?;
            match rules[..] {
                [r] => {
                    let from =
                        r.from + chrono::Duration::days(board::SUBSCRIPTION_BEFORE_LISTING_DAYS);
                    Some((from.min(listing), r.to, r.shares))
                }
                _ => Some((listing, Some(listing), None)),
            }
        })
        .flatten()
}

/// The text `stock_xgsglb_em` writes in 连续一字板数量 for an IPO not yet
/// listed (AKShare 1.17 example output).
const NOT_LISTED_MARK: &str = "待上市";

/// A field that is not UTF-8: in a UTF-8 table, a bad byte is its row's
/// error, not the file's.
fn check_utf8<R: Record + ?Sized>(rec: &R) -> Result<()> {
    // the whole record at once when it can tell; field by field otherwise,
    // or to name the column of a bad byte
    if rec.utf8() == Some(true) {
        return Ok(());
    }
    for i in 0..rec.count() {
        if let Some(b) = rec.field(i).filter(|b| !b.is_ascii()) {
            if let Err(e) = std::str::from_utf8(b) {
                let at = e.valid_up_to();
                let bad: String = b[at..]
                    .iter()
                    .take(e.error_len().unwrap_or(1))
                    .map(|x| format!("\\x{x:02X}"))
                    .collect();
                return Err(Error::invalid_at(
                    crate::why!("row", "行"),
                    &format!("column {}", i + 1),
                    crate::why!("byte {bad} is not UTF-8 (the file reads as UTF-8; a GBK/GB18030 file must be so throughout)", "字节 {bad} 不是 UTF-8（文件按 UTF-8 读取；GBK/GB18030 文件须全文都是该编码）"),
                ));
            }
        }
    }
    Ok(())
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

fn dec<R: Record + ?Sized>(
    layout: &Layout,
    rec: &R,
    f: Field,
    name: &str,
) -> Result<Option<Decimal>> {
    match get(layout, rec, f) {
        Some((b, m)) => cell_decimal(layout.header(f, name), b, m),
        None => Ok(None),
    }
}

fn compute<R: Record + ?Sized>(rows: &mut Rows, rec: &R, out: &mut RowOut) -> Result<()> {
    let layout = rows.layout;
    let lang = rows.lang;
    if rec.count() < layout.width {
        // the value is the count itself: a number reads in either language
        let (n, width) = (rec.count(), layout.width);
        return Err(Error::invalid_at(
            crate::why!("fields in the row", "该行的列数"),
            &n.to_string(),
            crate::why!(
                "{n} fields where the header has {width}: a short row or a broken quote",
                "{n} 列，而表头有 {width} 列：该行过短，或引号不完整"
            ),
        ));
    }
    check_utf8(rec)?;
    let board_cell = get(layout, rec, Field::BoardCol)
        .map(|(b, _)| String::from_utf8_lossy(b).into_owned())
        .filter(|s| !s.is_empty());
    let board = match board_cell {
        Some(b) => b.parse::<Board>()?,
        None => board_of_code(&out.code).ok_or_else(|| {
            Error::invalid(
                layout.header(Field::Code, "股票代码"),
                &out.code,
                crate::why!("not a mainland A-share code", "不是内地 A 股代码"),
            )
        })?,
    };
    out.board = Some(board);
    let issue_col = layout.header(Field::IssuePrice, "发行价格");
    let issue = dec(layout, rec, Field::IssuePrice, issue_col)?;
    let listing = match get(layout, rec, Field::ListingDate) {
        Some((b, _)) => cell_date(layout.header(Field::ListingDate, "上市日期"), b)?,
        None => None,
    };
    out.listing_date = listing;
    let subscribed = match get(layout, rec, Field::SubscriptionDate) {
        Some((b, _)) => cell_date(layout.header(Field::SubscriptionDate, "申购日期"), b)?,
        None => None,
    };
    out.subscription_date = subscribed;
    // 连续一字板数量 holds 待上市 for an IPO not yet listed
    let limit_cell = get(layout, rec, Field::LimitUpDays).map(|(b, _)| b);
    let marked_unlisted = limit_cell.is_some_and(|b| {
        b == NOT_LISTED_MARK.as_bytes()
            || (!b.is_ascii() && input::normalize(&String::from_utf8_lossy(b)) == NOT_LISTED_MARK)
    });
    // the prices, read once: whether the row has any decides a pending
    // row; their errors are raised where they are used, below
    let latest = dec(layout, rec, Field::Latest, "最新价");
    let close = dec(layout, rec, Field::FirstClose, "首日收盘价");
    let avg = dec(layout, rec, Field::FirstAvg, "上市首日-均价");
    let open = dec(layout, rec, Field::FirstOpen, "首日开盘价");
    let has_price = [&latest, &close, &avg, &open]
        .iter()
        .any(|p| matches!(p, Ok(Some(_))));
    let Some(issue) = issue else {
        if !has_price && (listing.is_none() || marked_unlisted) {
            return pending(
                layout,
                rec,
                out,
                tr(lang, "not yet priced", "尚未定价"),
                lang,
            );
        }
        return Err(Error::missing(
            issue_col,
            crate::why!("the issue price is empty", "发行价为空"),
        ));
    };
    let issue = input::Price::new(issue_col, issue)?.get();
    out.issue_price = Some(issue);
    let given_lot = match dec(layout, rec, Field::LotShares, "lot_shares")? {
        Some(l) => Some(
            u64::try_from(l)
                .ok()
                .filter(|n| *n > 0 && l.fract().is_zero())
                .ok_or_else(|| {
                    Error::invalid(
                        "lot_shares",
                        &l.to_string(),
                        crate::why!("a whole number of shares", "须为整数股"),
                    )
                })?,
        ),
        None => None,
    };
    // the lot: given, else by the rule of the subscription day, else every
    // rule the listing day leaves possible (settled below by the published
    // per-lot profit, or the row is ambiguous)
    let mut lot_choices: Vec<(&'static board::LotRule, u64)> = Vec::new();
    let lot = match (given_lot, subscribed, listing) {
        (Some(l), _, _) => Some(l),
        (None, Some(d), _) => Some(match lot_on(&mut rows.lots, board, d) {
            Some(l) => l,
            None => rule_lot(board, d)?,
        }),
        (None, None, Some(d)) => {
            // one rule for the listing day (cached), else every rule it
            // leaves possible, to be settled below
            match listing_lot(&mut rows.listing_lots, board, d) {
                Some(l) => Some(l),
                None => {
                    for r in board::lot_rules_for_listing(board, d)? {
                        let shares = r.shares.ok_or_else(|| {
                            Error::missing(
                                "lot_shares",
                                crate::why!(
                                    "this board sets lots per IPO",
                                    "该板块的每手股数由各只新股自定"
                                ),
                            )
                        })?;
                        lot_choices.push((r, shares));
                    }
                    lot_choices.first().map(|(_, l)| *l)
                }
            }
        }
        (None, None, None) => None,
    };
    let Some(mut lot) = lot else {
        if !has_price {
            return pending(
                layout,
                rec,
                out,
                tr(lang, "not yet listed", "尚未上市"),
                lang,
            );
        }
        return Err(Error::missing(
            "上市日期",
            crate::why!(
                "no listing or subscription date: the lot cannot be told",
                "没有上市日或申购日：无法确定每签股数"
            ),
        ));
    };
    out.lot_shares = Some(lot);
    let total = match dec(layout, rec, Field::TotalShares, "total_shares")? {
        Some(t) => Some(
            u64::try_from(t)
                .ok()
                .filter(|n| *n > 0 && t.fract().is_zero())
                .ok_or_else(|| {
                    Error::invalid(
                        "total_shares",
                        &t.to_string(),
                        crate::why!("a whole number of shares", "须为整数股"),
                    )
                })?,
        ),
        None => None,
    };
    out.total_shares = total;
    // published figures; rates in the column's settled unit, as percent
    let mut notes: Vec<String> = Vec::new();
    let band = listing.and_then(|d| rows.dated.band(board, d)).flatten();
    let cx = FitContext { issue, band };
    let mut rate = |f: Field, name: &str| -> Result<Option<(Decimal, Unit)>> {
        let Some(x) = dec(layout, rec, f, name)? else {
            return Ok(None);
        };
        let (unit, mixed) = layout.units.of(f);
        // a value that fits its column's settled unit needs no more (the
        // other unit is judged only when it does not, or the column is mixed)
        let fits_u = units::fits(&cx, x, unit);
        if fits_u && !mixed {
            return Ok(Some((x, unit)));
        }
        let fits_other = units::fits(&cx, x, unit.other());
        let col = layout.header(f, name);
        let (other_w, unit_w) = (unit_word(unit.other(), lang), unit_word(unit, lang));
        if !fits_u && fits_other {
            notes.push(match lang {
                Lang::En => {
                    format!("{col} {x} fits only as a {other_w}; the column is read as {unit_w}s")
                }
                Lang::Zh => format!("{col} {x} 只合{other_w}读法；该列按{unit_w}读取"),
            });
        } else if mixed && fits_u == fits_other {
            notes.push(match (lang, fits_u) {
                (Lang::En, true) => format!(
                    "{col} {x}: the column's rows disagree on its unit and this value fits either"
                ),
                (Lang::En, false) => format!(
                    "{col} {x}: the column's rows disagree on its unit and this value fits neither"
                ),
                (Lang::Zh, true) => format!("{col} {x}：该列各行的单位不一致，此值两种读法都合"),
                (Lang::Zh, false) => format!("{col} {x}：该列各行的单位不一致，此值两种读法都不合"),
            });
        }
        Ok(Some((x, unit)))
    };
    let gain_raw = rate(Field::GainPct, "涨幅")?;
    let first_raw = rate(Field::FirstDayGainPct, "首日涨幅")?;
    let premium_raw = rate(Field::OpenPremium, "开盘溢价")?;
    let mut published_profit = dec(layout, rec, Field::ProfitPerLot, "每中一签获利")?;
    let per_100 = if layout.format == SourceFormat::EmXgsglbBse {
        dec(layout, rec, Field::ProfitPer100, "上市首日-每百股获利")?
    } else {
        None
    };
    let as_pct = |v: Option<(Decimal, Unit)>| v.and_then(|(x, u)| u.to_percent(x));
    // which column the published gain came from, for the check's words
    let (gain_label, published_gain) = match as_pct(gain_raw) {
        Some(g) => ("涨幅", Some(g)),
        None => ("首日涨幅", as_pct(first_raw)),
    };
    out.published_gain = published_gain;
    let latest = latest?;
    let close = close?;
    let avg = avg?;
    let open = open?;
    // a table with no first-day price (stock_dxsyl_em): the fen prices its
    // first-day rates imply, when they give the rates back
    let implied = |v: Option<(Decimal, Unit)>, what: &str, notes: &mut Vec<String>| {
        let (x, u) = v?;
        let p = units::implied_price(issue, x, u)?;
        if units::reproduces(issue, p, x, u) {
            Some(p)
        } else {
            let unit = unit_word(u, lang);
            let gives = units::rate_at(issue, p, x, u).map_or_else(String::new, |r| r.to_string());
            notes.push(match lang {
                Lang::En => format!(
                    "{what} {x} ({unit}) comes from no price on the fen grid: the nearest, {p}, gives {gives}"
                ),
                Lang::Zh => format!(
                    "{what} {x}（{unit}）不对应任何以分为单位的价格：最接近的 {p} 得出 {gives}"
                ),
            });
            None
        }
    };
    let mut misfits = Vec::new();
    let implied_close = if close.is_none() && avg.is_none() {
        implied(
            first_raw,
            layout.header(Field::FirstDayGainPct, "首日涨幅"),
            &mut misfits,
        )
    } else {
        None
    };
    let implied_open = if open.is_none() {
        implied(
            premium_raw,
            layout.header(Field::OpenPremium, "开盘溢价"),
            &mut misfits,
        )
    } else {
        None
    };
    let (basis, price) = if let Some(c) = close {
        ("close", Some(c))
    } else if let Some(a) = avg {
        ("avg", Some(a))
    } else if let Some(c) = implied_close {
        ("implied_close", Some(c))
    } else if let Some(l) = latest {
        ("latest", Some(l))
    } else {
        ("", None)
    };
    // the lot, when the listing day leaves two: the one the published
    // per-lot profit fits, else the row is ambiguous
    if lot_choices.len() > 1 {
        let fitting: Vec<u64> = match (price, published_profit) {
            (Some(p), Some(pp)) => lot_choices
                .iter()
                .map(|(_, l)| *l)
                .filter(|l| lot_profit(p, issue, *l).is_some_and(|x| close_enough(x, pp)))
                .collect(),
            _ => Vec::new(),
        };
        if let [only] = fitting[..] {
            lot = only;
        } else {
            let listed = listing.map(|d| d.to_string()).unwrap_or_default();
            let days = board::SUBSCRIPTION_BEFORE_LISTING_DAYS;
            let mut s = match lang {
                Lang::En => format!("lot size unknown: listed {listed} with no subscription date, and the rule changed within {days} days before"),
                Lang::Zh => format!("每签股数不确定：上市日为 {listed}，没有申购日，而规则在其前 {days} 天内有变"),
            };
            for (r, l) in &lot_choices {
                let _ = match lang {
                    Lang::En => write!(s, "; {l}-share lots for subscriptions from {}", r.from),
                    Lang::Zh => write!(s, "；{} 起申购的每签 {l} 股", r.from),
                };
                if let Some(to) = r.to {
                    let _ = match lang {
                        Lang::En => write!(s, " to {to}"),
                        Lang::Zh => write!(s, "（至 {to}）"),
                    };
                }
                if let Some(p) = price {
                    if let Some(x) = lot_profit(p, issue, *l) {
                        let _ = write!(s, "{}{}", tr(lang, " give ", "，得 "), num::fixed(x, 2));
                    }
                }
            }
            s.push_str(tr(
                lang,
                " (give the subscription date or lot_shares)",
                "（请给出申购日或 lot_shares）",
            ));
            notes.insert(0, s);
        }
        out.lot_shares = Some(lot);
    }
    if let Some(p100) = per_100 {
        published_profit = Some(num::div(
            num::mul(p100, Decimal::from(lot), "上市首日-每百股获利")?,
            Decimal::ONE_HUNDRED,
            "上市首日-每百股获利",
        )?);
    }
    out.published_profit = published_profit;
    if let Some(o) = open {
        out.open = Some(At::new("首日开盘价", o, issue, lot, total)?);
    } else if let Some(o) = implied_open {
        out.open = Some(At::new("开盘溢价", o, issue, lot, total)?);
    }
    if let Some(l) = latest {
        out.latest = Some(At::new("最新价", l, issue, lot, total)?);
    }
    out.basis = basis;
    if !notes.is_empty() {
        out.status = Status::Ambiguous;
    }
    let Some(price) = price else {
        let pending_row = listing.is_none() || marked_unlisted;
        let mut c = if pending_row {
            tr(lang, "not yet listed: no price", "尚未上市：无价格").to_string()
        } else {
            tr(lang, "no price in the row", "该行没有价格").to_string()
        };
        if pending_row {
            out.status = Status::Pending;
            known(layout, rec, out, &mut c, lang);
        } else if out.status == Status::Computed {
            out.status = Status::NoPrice;
        }
        if let Some(p) = out
            .published_profit
            .and_then(|pp| implied_price(issue, pp, lot))
        {
            let _ = match lang {
                Lang::En => write!(c, "; the published profit implies a sale price of {p}"),
                Lang::Zh => write!(c, "；公布的每签盈利对应卖出价 {p}"),
            };
        } else if let Some(g) = out.published_gain {
            if let Some(close) = units::implied_price(issue, g, Unit::Percent) {
                let _ = match lang {
                    Lang::En => write!(
                        c,
                        "; the published gain {g}% implies a price of about {close}"
                    ),
                    Lang::Zh => write!(c, "；公布的涨幅 {g}% 对应价格约 {close}"),
                };
            }
        }
        notes.extend(misfits);
        notes.push(c);
        out.check = notes.join(tr(lang, "; ", "；"));
        return Ok(());
    };
    let at = At::new(basis, price, issue, lot, total)?;
    out.headline = Some(at);
    let limit_ups = if marked_unlisted {
        None
    } else {
        dec(layout, rec, Field::LimitUpDays, "连续一字板数量")?
    };
    // a first-day price must lie in the board's first-day band, where there
    // is one (the main boards' +44% / −36%)
    let band = match (basis, listing) {
        ("close" | "avg", Some(d)) => {
            // inside the band by integers, as most rows are; else the
            // rule's own test says why
            let inside = rows
                .dated
                .band(board, d)
                .map(|b| b.is_none_or(|b| dated::in_band(issue, at.price, b) == Some(true)));
            if inside == Some(true) {
                None
            } else {
                crate::rules::first_day_band_warnings(board, d, issue, &[(basis, at.price)])
                    .first()
                    .map(|w| w.text(lang))
            }
        }
        _ => None,
    };
    let mut c = std::mem::take(&mut out.check);
    c.clear();
    check(
        out,
        latest,
        limit_ups,
        lot,
        band,
        gain_label,
        &mut c,
        &mut rows.scratch,
        lang,
    );
    notes.extend(misfits);
    if notes.is_empty() {
        out.check = c;
    } else {
        if c != "ok" {
            notes.push(c);
        }
        out.check = notes.join(tr(lang, "; ", "；"));
    }
    Ok(())
}

/// (price − issue) × lot, `None` past a decimal's range.
fn lot_profit(price: Decimal, issue: Decimal, lot: u64) -> Option<Decimal> {
    price.checked_sub(issue)?.checked_mul(Decimal::from(lot))
}

fn unit_word(u: Unit, lang: Lang) -> &'static str {
    match (u, lang) {
        (Unit::Percent, Lang::En) => "percentage",
        (Unit::Fraction, Lang::En) => "fraction",
        (Unit::Percent, Lang::Zh) => "百分数",
        (Unit::Fraction, Lang::Zh) => "小数",
    }
}

/// The text of `lang` of a pair.
fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A row's price basis (`close`, `latest`…) in words of `lang` (English
/// keeps the id, save `implied_close`).
pub fn basis_words(basis: &str, lang: Lang) -> &str {
    match (lang, basis) {
        (Lang::En, "implied_close") => "close implied by the gain",
        (Lang::En, b) => b,
        (Lang::Zh, "close") => "收盘价",
        (Lang::Zh, "avg") => "均价",
        (Lang::Zh, "implied_close") => "由涨幅推得的收盘价",
        (Lang::Zh, "latest") => "最新价",
        (Lang::Zh, "open") => "开盘价",
        (Lang::Zh, b) => b,
    }
}

/// Shares per lot by the board's rule of the subscription day.
fn rule_lot(board: Board, d: NaiveDate) -> Result<u64> {
    board::lot_rule(board, d)?.shares.ok_or_else(|| {
        Error::missing(
            "lot_shares",
            crate::why!(
                "this board sets lots per IPO",
                "该板块的每手股数由各只新股自定"
            ),
        )
    })
}

/// A row of an IPO not yet priced or listed: what is known, no error.
fn pending<R: Record + ?Sized>(
    layout: &Layout,
    rec: &R,
    out: &mut RowOut,
    what: &str,
    lang: Lang,
) -> Result<()> {
    out.status = Status::Pending;
    if let (Some(b), Some(d)) = (out.board, out.subscription_date) {
        out.lot_shares = board::lot_rule(b, d).ok().and_then(|r| r.shares);
    }
    let mut c = what.to_string();
    known(layout, rec, out, &mut c, lang);
    out.check = c;
    Ok(())
}

/// Appends what a pending row tells: its subscription day and the market
/// value a full subscription needs.
fn known<R: Record + ?Sized>(layout: &Layout, rec: &R, out: &RowOut, c: &mut String, lang: Lang) {
    let sep = match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    };
    if let Some(d) = out.subscription_date {
        let _ = match lang {
            Lang::En => write!(c, "; subscription {d}"),
            Lang::Zh => write!(c, "；申购日 {d}"),
        };
    }
    if let Ok(Some(v)) = dec(layout, rec, Field::FullQuotaMv, "顶格申购需配市值") {
        let _ = write!(
            c,
            "{sep}{} {}",
            layout.header(Field::FullQuotaMv, "顶格申购需配市值"),
            v.normalize()
        );
    }
}

/// The sale price a published per-lot profit implies, when it lies on the
/// fen grid: issue + profit ÷ lot.
fn implied_price(issue: Decimal, profit: Decimal, lot: u64) -> Option<Decimal> {
    if lot == 0 {
        return None;
    }
    let p = issue.checked_add(profit.checked_div(Decimal::from(lot))?)?;
    // on the fen grid: no non-zero digit past the second place
    (p > Decimal::ZERO && p.normalize().scale() <= 2).then(|| num::round_half_up(p, 2))
}

fn close_enough(computed: Decimal, published: Decimal) -> bool {
    // the published figure's own precision: compare at its decimals
    let dp = published.scale();
    if computed.scale() <= dp {
        return computed == published;
    }
    num::round_half_up(computed, dp) == published
}

/// Text for a check: pieces pushed onto a reused buffer, numbers written
/// by the output's own formatter — no `format!`, no allocation per row.
struct Says<'a> {
    s: &'a mut String,
    scratch: &'a mut Vec<u8>,
    lang: Lang,
}

impl Says<'_> {
    fn t(&mut self, text: &str) -> &mut Self {
        self.s.push_str(text);
        self
    }

    fn bytes(&mut self) -> &mut Self {
        // the formatter writes ASCII digits, points and minus signs only
        self.s
            .push_str(std::str::from_utf8(self.scratch).unwrap_or(""));
        self.scratch.clear();
        self
    }

    /// At 2 places, half-up.
    fn fixed(&mut self, x: Decimal) -> &mut Self {
        super::write::push_fixed(self.scratch, x, 2);
        self.bytes()
    }

    /// As the decimal holds it, every place it has (`Decimal`'s `Display`).
    fn dec(&mut self, x: Decimal) -> &mut Self {
        super::write::push_fixed(self.scratch, x, x.scale());
        self.bytes()
    }

    fn n(&mut self, x: u64) -> &mut Self {
        super::write::push_u64(self.scratch, x);
        self.bytes()
    }

    fn sep(&mut self) -> &mut Self {
        if !self.s.is_empty() {
            self.s.push_str(match self.lang {
                Lang::En => "; ",
                Lang::Zh => "；",
            });
        }
        self
    }
}

/// Appends to `dst` (empty) whether the published figures agree with the
/// computed ones: `ok`, or what explains each difference.
#[allow(clippy::too_many_arguments)]
fn check(
    out: &RowOut,
    latest: Option<Decimal>,
    limit_ups: Option<Decimal>,
    lot: u64,
    band: Option<String>,
    gain_label: &str,
    dst: &mut String,
    scratch: &mut Vec<u8>,
    lang: Lang,
) {
    let (Some(issue), Some(h)) = (out.issue_price, out.headline) else {
        return;
    };
    let profit = h.profit_per_lot;
    let mut say = Says {
        s: dst,
        scratch,
        lang,
    };
    let mut fine = true;
    if let Some(w) = band {
        fine = false;
        say.t(&w).t(tr(
            lang,
            ": not a first-day price (a later day's close, or another board)",
            "：不是首日价格（可能是之后某日的收盘价，或属另一板块）",
        ));
    }
    if let Some(pp) = out.published_profit {
        if !close_enough(profit, pp) {
            say.sep();
            fine = false;
            let latest_profit = latest.and_then(|l| lot_profit(l, issue, lot));
            let other_lot = if lot == 500 { 1000 } else { 500 };
            let other = lot_profit(h.price, issue, other_lot);
            if latest_profit.is_some_and(|lp| close_enough(lp, pp)) {
                say.t("每中一签获利 ").dec(pp).t(tr(
                        lang,
                    " uses the latest price, not the first close (an unopened board's latest close)",
                    " 按最新价计算，而非首日收盘价（未开板新股的最新收盘价）",
                ));
            } else if let Some(n) = limit_ups.filter(|n| *n > Decimal::ZERO) {
                say.t("每中一签获利 ")
                    .dec(pp)
                    .t(" ≠ ")
                    .fixed(profit)
                    .t(tr(lang, ": after ", "：连续 "))
                    .dec(n)
                    .t(tr(
                        lang,
                        " limit-up days the source uses the close of the day the board opened (开板日)",
                        " 个一字涨停后，来源采用开板日的收盘价",
                    ));
            } else if other.is_some_and(|o| close_enough(o, pp)) {
                say.t("每中一签获利 ")
                    .dec(pp)
                    .t(tr(lang, " assumes ", " 按每签 "))
                    .n(other_lot)
                    .t(tr(
                        lang,
                        "-share lots; the rule of the date gives ",
                        " 股计算；当日规则为每签 ",
                    ))
                    .n(lot)
                    .t(tr(lang, "", " 股"));
            } else if let Some(p) = implied_price(issue, pp, lot) {
                say.t("每中一签获利 ")
                    .dec(pp)
                    .t(" ≠ ")
                    .fixed(profit)
                    .t(tr(lang, ": it implies a sale price of ", "：它对应卖出价 "))
                    .fixed(p)
                    .t(tr(lang, ", not the ", "，而非"))
                    .t(basis_words(out.basis, lang))
                    .t(" ")
                    .fixed(h.price);
            } else {
                say.t("每中一签获利 ")
                    .dec(pp)
                    .t(" ≠ ")
                    .fixed(profit)
                    .t(tr(lang, " (differs by ", "（相差 "))
                    .fixed(pp - profit)
                    .t(tr(lang, ")", "）"));
            }
        }
    }
    if let (Some(pg), Some(g)) = (out.published_gain, h.gain_pct) {
        // compared at the published figure's decimals, from the exact gain
        // (44.0162 is not 44.02 rounded again)
        let agrees = match gain_at_places(h.price, issue, pg.scale()) {
            Some(at) => at == pg,
            None => {
                let exact = (h.price - issue)
                    .checked_mul(Decimal::ONE_HUNDRED)
                    .and_then(|x| x.checked_div(issue))
                    .unwrap_or(g);
                close_enough(exact, pg)
            }
        };
        if !agrees {
            say.sep();
            fine = false;
            let latest_gain = latest.and_then(|l| gain_pct_2dp(l, issue));
            if out.basis != "latest" && latest_gain.is_some_and(|lg| close_enough(lg, pg)) {
                say.t(gain_label).t(" ").dec(pg).t(tr(
                    lang,
                    "% is the change to the latest price",
                    "% 是相对最新价的涨幅",
                ));
            } else if out.basis == "latest" {
                // a first-day figure beside a row whose only price is the
                // latest: say what first-day price it implies
                match lang {
                    Lang::En => say
                        .t(gain_label)
                        .t(" ")
                        .dec(pg)
                        .t("% ≠ ")
                        .dec(g)
                        .t("% at the latest price ")
                        .fixed(h.price),
                    Lang::Zh => say
                        .t(gain_label)
                        .t(" ")
                        .dec(pg)
                        .t("% ≠ 按最新价 ")
                        .fixed(h.price)
                        .t(" 计算的 ")
                        .dec(g)
                        .t("%"),
                };
                if let Some(close) = units::implied_price(issue, pg, Unit::Percent) {
                    say.t(tr(
                        lang,
                        ": as a first-day gain it implies a close of about ",
                        "：若为首日涨幅，对应收盘价约 ",
                    ))
                    .dec(close);
                }
            } else {
                say.t(gain_label).t(" ").dec(pg).t("% ≠ ").dec(g).t("%");
            }
        }
    }
    if fine {
        say.s.push_str(
            if out.published_profit.is_none() && out.published_gain.is_none() {
                tr(
                    lang,
                    "ok (nothing published to check)",
                    "ok（无公布数值可核对）",
                )
            } else {
                "ok"
            },
        );
    }
}

/// The output row of one record of a daxin data file: computed as
/// [`row_from_ipo`] computes it, or, for a record that is not valid, its
/// code and name with the record's error.
pub fn row_from_record(rec: &crate::data::FileRecord, lang: Lang) -> RowOut {
    match &rec.ipo {
        Ok(ipo) => row_from_ipo(ipo, lang),
        Err(e) => RowOut {
            code: rec.code.clone(),
            name: rec.name.clone(),
            check: "error".into(),
            error: Some(Why::of(e)),
            status: Status::Error,
            ..RowOut::default()
        },
    }
}

/// A record of daxin's own format (TOML, JSON) as a batch row: figures at
/// the first close (else the last price it has), and the check of every
/// published figure the record carries.
pub fn row_from_ipo(ipo: &crate::Ipo, lang: Lang) -> RowOut {
    let mut out = RowOut {
        code: ipo.code.clone(),
        name: ipo.name_zh.clone(),
        board: ipo.board,
        listing_date: ipo.listing_date,
        subscription_date: ipo.subscription_date,
        issue_price: Some(ipo.issue_price.get()),
        lot_shares: Some(ipo.lot_shares.get()),
        total_shares: ipo.total_shares.map(|t| t.get()),
        ..RowOut::default()
    };
    let s = match crate::returns::compute(ipo) {
        Ok(s) => s,
        Err(e) => {
            out.error = Some(Why::of(&e));
            out.check = "error".into();
            out.status = Status::Error;
            return out;
        }
    };
    let f = s.at(crate::Basis::Close).or_else(|| s.figures.last());
    let Some(f) = f else {
        out.check = tr(lang, "no price in the record", "记录中没有价格").into();
        out.status = Status::NoPrice;
        return out;
    };
    out.basis = f.basis.id();
    out.headline = Some(At {
        price: f.price,
        profit_per_lot: f.profit_per_lot,
        gain_pct: Some(num::round_half_up(f.gain_pct, 2)),
        market_value: f.market_cap,
    });
    out.open = s.at(crate::Basis::Open).map(|o| At {
        price: o.price,
        profit_per_lot: o.profit_per_lot,
        gain_pct: Some(num::round_half_up(o.gain_pct, 2)),
        market_value: o.market_cap,
    });
    let checks = crate::published::check_all(&ipo.published, &s);
    let differs: Vec<String> = checks
        .iter()
        .filter(|c| c.verdict == crate::published::Verdict::Differs)
        .map(|c| {
            let why = c
                .published
                .conflict(lang)
                .map(str::to_string)
                .or_else(|| {
                    c.fits_basis.map(|b| match lang {
                        Lang::En => format!("fits the {} price", b.id()),
                        Lang::Zh => format!("与{}相符", b.name_zh()),
                    })
                })
                .unwrap_or_else(|| tr(lang, "differs", "不符").into());
            format!("{}{}{why}", c.published.printed, tr(lang, ": ", "："))
        })
        .collect();
    out.check = if differs.is_empty() {
        match lang {
            Lang::En => format!("ok ({} published figures checked)", checks.len()),
            Lang::Zh => format!("ok（已核对 {} 个公布数值）", checks.len()),
        }
    } else {
        differs.join(tr(lang, "; ", "；"))
    };
    out
}

/// The working of a computed row, numbers put in:
/// `(829.90 − 104.66) × 500 = 362,620.00; (829.90 − 104.66) ÷ 104.66 × 100 = 692.95%`.
pub fn working(r: &RowOut, lang: Lang) -> String {
    let h = r.headline.as_ref();
    // a close implied by the published first-day gain: how it was found
    let implied = match (r.basis, h, r.issue_price, r.published_gain) {
        ("implied_close", Some(h), Some(i), Some(g)) => {
            let exact = i
                .checked_mul(Decimal::ONE_HUNDRED + g)
                .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED));
            exact.map(|x| {
                let rounding = match lang {
                    Lang::Zh => "（四舍五入到分）",
                    Lang::En => " (half-up to the fen)",
                };
                format!(
                    "{} × (1 + {g}% ) = {} → {}{rounding}; ",
                    num::fixed(i, 2),
                    x.normalize(),
                    num::fixed(h.price, 2)
                )
            })
        }
        _ => None,
    };
    let main = match (
        h.map(|h| h.price),
        r.issue_price,
        r.lot_shares,
        h.map(|h| h.profit_per_lot),
        h.and_then(|h| h.gain_pct),
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
    };
    match implied {
        Some(w) if !main.is_empty() => format!("{w}{main}"),
        _ => main,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
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
    fn gain_at_places_is_the_exact_gain_rounded() {
        for (p, i) in [
            ("829.90", "104.66"),
            ("28.40", "19.72"),
            ("10.005", "10"),
            ("5", "7.5"),
        ] {
            let exact = (d(p) - d(i)) * Decimal::ONE_HUNDRED / d(i);
            for places in 0..=6 {
                assert_eq!(
                    gain_at_places(d(p), d(i), places),
                    Some(num::round_half_up(exact, places)),
                    "{p} {i} {places}"
                );
            }
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
    fn a_first_close_outside_the_first_day_band_is_flagged() {
        let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期"];
        let l = Layout::detect(&header, None).unwrap();
        let row = |close: &'static str| -> [&'static [u8]; 5] {
            [b"601999", b"x", b"10.00", close.as_bytes(), b"2022-06-01"]
        };
        // SSE main board since 2014: +44% / −36%, so 14.40 and 6.40 at most
        for ok in ["14.40", "6.40"] {
            assert!(process(&l, &row(ok)).check.starts_with("ok"), "{ok}");
        }
        for bad in ["14.41", "6.39", "23.99"] {
            let c = process(&l, &row(bad)).check;
            assert!(c.contains("6.40–14.40"), "{bad}: {c}");
            assert!(c.contains("not a first-day price"), "{c}");
        }
        // STAR has no first-day band: 600.50 on 114.28 is a first-day close
        let r: [&[u8]; 5] = [b"688795", b"x", b"114.28", b"600.50", b"2025-12-05"];
        assert!(process(&l, &r).check.starts_with("ok"));
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
}
