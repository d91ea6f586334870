//! The batch's fast path: the common row — a six-digit code, plain ASCII
//! numbers, an ISO date, a first close inside the first-day band, published
//! figures that agree — is recomputed and written straight from the line's
//! bytes, with no owned strings and no `Result` plumbing. Any other row (a
//! quote in the line, a placeholder where a number is needed, full-width
//! digits, a figure that differs, an error) is declined, and the general
//! path ([`super::process_into`]) does it, with its messages.
//!
//! The figures are the general path's: profit per lot is computed with
//! `rust_decimal`, the gain with the same integer division
//! ([`super::gain_pct_2dp`]), the lot from the same dated table. A property
//! test (`tests/import_props.rs`) holds the two paths' output bytes equal on
//! generated rows, and the batch benchmark compares the whole output of both
//! on a million rows.
//!
//! ```
//! use daxin::import::{fast::FastPath, Layout};
//! let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期", "每中一签获利"];
//! let layout = Layout::detect(&header, None).unwrap();
//! let mut fast = FastPath::new(&layout).unwrap();
//! let line = "688802,沐曦股份,104.66,829.90,2025-12-17,362620".as_bytes();
//! let mut out = Vec::new();
//! assert!(fast.line(line, 2, b',', &mut out));
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     "2,688802,沐曦股份,star,2025-12-17,104.66,500,,close,829.90,362620.00,692.95,,,,,,,,,,362620,,ok,,em-xgsglb,computed,\n"
//! );
//! // a published figure that does not agree: the general path explains it
//! let line = "688802,沐曦股份,104.66,829.90,2025-12-17,362621".as_bytes();
//! assert!(!fast.line(line, 3, b',', &mut Vec::new()));
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cell::{ascii_fixed, is_placeholder_bytes, iso_date, may_need_folding};
use super::layout::{Field, Layout};
use super::row::{board_of_digits, gain_hundredths};
use super::{split, write, Record, SourceFormat};
use crate::board::{self, Board};
use crate::input::MAX_PRICE;

/// The cells the fast path reads, by slot.
const CODE: usize = 0;
const NAME: usize = 1;
const ISSUE: usize = 2;
const CLOSE: usize = 3;
const LATEST: usize = 4;
const LISTING: usize = 5;
const SUBSCRIBED: usize = 6;
const PROFIT: usize = 7;
/// 涨幅, or 首日涨幅 when there is no 涨幅.
const GAIN: usize = 8;
/// 首日涨幅 beside a 涨幅: read by the general path when 涨幅 is empty.
const GAIN_ALT: usize = 9;
const LIMIT_UPS: usize = 10;
const SLOTS: usize = 11;
/// A column the fast path does not read.
const SKIP: u8 = u8::MAX;

/// Which columns the fast path reads; built once per file.
#[derive(Debug, Clone)]
pub struct FastPath {
    source: SourceFormat,
    /// The slot of each column up to the last one read (`SKIP` for the
    /// others).
    slot_of: Vec<u8>,
    /// Whether each slot has a column.
    has: [bool; SLOTS],
    lots: ByBoard<Option<u64>>,
    listing_lots: ByBoard<Option<u64>>,
    bands: ByBoard<Option<(i64, i64)>>,
}

/// A row's cells by slot, as byte ranges of its line (empty when absent).
type Cells = [(u32, u32); SLOTS];

/// The value of a dated table's row last used per board, with the first
/// and last day the row covers: the table is searched only when a date
/// leaves that range (rows of these tables change every few years).
#[derive(Debug, Clone)]
struct ByBoard<T> {
    last: [Option<(NaiveDate, NaiveDate, T)>; Board::ALL.len()],
}

impl<T: Copy> Default for ByBoard<T> {
    fn default() -> Self {
        ByBoard {
            last: [None; Board::ALL.len()],
        }
    }
}

impl<T: Copy> ByBoard<T> {
    /// The value for `date` on board `b`; `look_up` gives the row's value
    /// and the days it covers when the cached one does not; `None` when it
    /// finds no row.
    fn get(
        &mut self,
        b: Board,
        date: NaiveDate,
        look_up: impl FnOnce() -> Option<(NaiveDate, Option<NaiveDate>, T)>,
    ) -> Option<T> {
        let slot = self.last.get_mut(b as usize)?;
        if let Some((from, to, v)) = *slot {
            if from <= date && date <= to {
                return Some(v);
            }
        }
        let (from, to, v) = look_up()?;
        *slot = Some((from, to.unwrap_or(NaiveDate::MAX), v));
        Some(v)
    }
}

/// Shares per lot by the board's rule of the date (`None` for boards that
/// set lots per IPO, or no rule).
fn lot(cache: &mut ByBoard<Option<u64>>, b: Board, date: NaiveDate) -> Option<u64> {
    cache
        .get(b, date, || {
            let r = board::lot_rule(b, date).ok()?;
            Some((r.from, r.to, r.shares))
        })
        .flatten()
}

/// Shares per lot for an IPO known only by its listing day: `None` when the
/// rule changed in the weeks before (`board::lot_rules_for_listing` gives
/// two) or there is none. The answer holds from the rule's start plus the
/// window to its end, and is cached for those days.
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

/// The first-day band of the listing's trading rule: `Some((up, down))` in
/// whole percent, `None` for no band; the outer `None` when the fast path
/// cannot tell (no rule, or a percentage that is not whole).
fn band(
    cache: &mut ByBoard<Option<(i64, i64)>>,
    b: Board,
    date: NaiveDate,
) -> Option<Option<(i64, i64)>> {
    cache.get(b, date, || {
        let r = crate::rules::trading_rule(b, date).ok()?;
        let whole = |p: Decimal| p.fract().is_zero().then(|| i64::try_from(p).ok()).flatten();
        let band = match (r.first_day_up_pct, r.first_day_down_pct) {
            (Some(up), Some(down)) => Some((whole(up)?, whole(down)?)),
            _ => None,
        };
        Some((r.from, r.to, band))
    })
}

/// Whether a first-day price lies in the band `(up, down)` percent around
/// the issue price, the limits rounded half-up to the fen as
/// `rules::limit_price` rounds them; `None` when a price is not in whole
/// fen (the general path then decides).
fn in_band(issue: Num<'_>, price: Num<'_>, (up, down): (i64, i64)) -> Option<bool> {
    let fen = |n: Num<'_>| match n.s {
        0 => n.m.checked_mul(100),
        1 => n.m.checked_mul(10),
        2 => Some(n.m),
        _ => None,
    };
    let (i, p) = (fen(issue)?, fen(price)?);
    // positive prices: half-up is (x + 50) / 100
    let hi = (i.checked_mul(100 + up)? + 50) / 100;
    let lo = (i.checked_mul(100 - down)? + 50) / 100;
    Some(lo <= p && p <= hi)
}

/// A date cell: `Ok(None)` for a placeholder, `Err(())` for anything the
/// fast path leaves to the general parser.
#[inline]
fn date(raw: &[u8]) -> Result<Option<NaiveDate>, ()> {
    match iso_date(raw) {
        Some(d) => Ok(Some(d)),
        None if is_placeholder_bytes(raw) => Ok(None),
        None => Err(()),
    }
}

/// True for a name that is written as it is read: valid UTF-8 that needs
/// no quoting in CSV and holds nothing `input::normalize` folds.
#[inline]
fn plain_text(b: &[u8]) -> bool {
    !b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r'))
        && !may_need_folding(b)
        && std::str::from_utf8(b).is_ok()
}

/// A valid price, as the general path's `input::Price` would accept it:
/// above zero, at most `MAX_PRICE` (compared as integers at the cell's
/// scale).
#[inline]
fn price(Num { m, s, .. }: Num<'_>) -> Option<Decimal> {
    let max = i64::try_from(MAX_PRICE)
        .ok()?
        .checked_mul(10i64.checked_pow(s)?)?;
    (m > 0 && m <= max).then(|| Decimal::new(m, s))
}

/// Whether a computed figure equals a published one at the published
/// figure's own places (half-up), as the general path's check compares.
#[inline]
fn agrees(computed: Decimal, published: (i64, u32)) -> Option<bool> {
    let (m, s) = (i64::try_from(computed.mantissa()).ok()?, computed.scale());
    let (pm, ps) = published;
    if s <= ps {
        return Some(m.checked_mul(10i64.checked_pow(ps - s)?)? == pm);
    }
    let unit = 10i64.checked_pow(s - ps)?;
    let (q, r) = (m / unit, m % unit);
    let q = if r.unsigned_abs() * 2 >= unit.unsigned_abs() {
        q + m.signum()
    } else {
        q
    };
    Some(q == pm)
}

impl FastPath {
    /// The fast path for a layout, or `None` when the layout has columns
    /// only the general path reads (a board, lot, total-shares or open
    /// column, units in the header, the BSE per-100-shares figure, no first
    /// close).
    pub fn new(layout: &Layout) -> Option<FastPath> {
        if layout.format == SourceFormat::EmXgsglbBse
            || layout.col(Field::BoardCol).is_some()
            || layout.col(Field::LotShares).is_some()
            || layout.col(Field::TotalShares).is_some()
            || layout.col(Field::FirstOpen).is_some()
            || layout.col(Field::OpenPremium).is_some()
            || layout.units.unusual()
        {
            return None;
        }
        // every number the row reads must be in the header's plain units
        let plain = |f: Field| match layout.col(f) {
            Some((i, unit)) if unit == Decimal::ONE => Ok(Some(i)),
            Some(_) => Err(()),
            None => Ok(None),
        };
        let at = |f: Field| Ok(layout.col(f).map(|(i, _)| i));
        let (gain, gain_alt) = match (plain(Field::GainPct), plain(Field::FirstDayGainPct)) {
            (Ok(Some(g)), Ok(alt)) => (Ok(Some(g)), Ok(alt)),
            (Ok(None), alt) => (alt, Ok(None)),
            _ => return None,
        };
        let cols: [Result<Option<usize>, ()>; SLOTS] = [
            at(Field::Code),
            at(Field::Name),
            plain(Field::IssuePrice),
            plain(Field::FirstClose),
            plain(Field::Latest),
            at(Field::ListingDate),
            at(Field::SubscriptionDate),
            plain(Field::ProfitPerLot),
            gain,
            gain_alt,
            plain(Field::LimitUpDays),
        ];
        let mut slot_of = vec![SKIP; layout.width];
        let mut has = [false; SLOTS];
        for (slot, col) in cols.into_iter().enumerate() {
            if let Some(c) = col.ok()? {
                *slot_of.get_mut(c)? = slot as u8;
                has[slot] = true;
            }
        }
        if !(has[CODE] && has[NAME] && has[ISSUE] && has[CLOSE]) {
            return None;
        }
        Some(FastPath {
            source: layout.format,
            slot_of,
            has,
            lots: ByBoard::default(),
            listing_lots: ByBoard::default(),
            bands: ByBoard::default(),
        })
    }

    /// Recomputes the record in `line` (one line of CSV without its line
    /// break) and appends its output row — the bytes [`write::csv_row`]
    /// would write for it — to `out`. `false`, with nothing written, when
    /// the row is not one the fast path takes (a quote in the line
    /// included: the splitter reads those).
    pub fn line(&mut self, line: &[u8], lineno: u64, delim: u8, out: &mut Vec<u8>) -> bool {
        if line.len() >= u32::MAX as usize || memchr::memchr(b'"', line).is_some() {
            return false;
        }
        let mut cells: Cells = [(0, 0); SLOTS];
        let width = self.slot_of.len();
        let mut col = 0usize;
        let mut start = 0u32;
        let slot_of = &self.slot_of;
        let mut take = |col: usize, start: u32, end: u32| {
            if let Some(&s) = slot_of.get(col) {
                if s != SKIP {
                    cells[s as usize] = (start, end);
                }
            }
        };
        split::each_delimiter(line, delim, |end| {
            take(col, start, end);
            col += 1;
            start = end + 1;
            col < width
        });
        if col < width {
            take(col, start, line.len() as u32);
            col += 1;
        }
        if col < width {
            return false; // a short row: the general path's error
        }
        // a byte that is not UTF-8 anywhere in the line is the row's error:
        // the name is checked where it is read; the rest is most often ASCII
        let (a, b) = cells[NAME];
        let (a, b) = (a as usize, b as usize);
        let ascii_around = line.get(..a).is_some_and(<[u8]>::is_ascii)
            && line.get(b..).is_some_and(<[u8]>::is_ascii);
        if !ascii_around && std::str::from_utf8(line).is_err() {
            return false;
        }
        self.emit(line, &cells, lineno, out).is_some()
    }

    /// [`FastPath::line`] for a record already split into fields.
    pub fn row<R: Record + ?Sized>(&mut self, rec: &R, lineno: u64, out: &mut Vec<u8>) -> bool {
        if rec.count() < self.slot_of.len() {
            return false;
        }
        let all_utf8 =
            (0..rec.count()).all(|i| rec.field(i).is_none_or(|f| std::str::from_utf8(f).is_ok()));
        if !all_utf8 {
            return false;
        }
        // the needed cells, laid end to end
        let mut joined = Vec::new();
        let mut cells: Cells = [(0, 0); SLOTS];
        for (col, &slot) in self.slot_of.iter().enumerate() {
            if slot != SKIP {
                let Some(f) = rec.field(col) else {
                    return false;
                };
                let a = joined.len() as u32;
                joined.extend_from_slice(f);
                cells[slot as usize] = (a, joined.len() as u32);
            }
        }
        self.emit(&joined, &cells, lineno, out).is_some()
    }

    fn emit(&mut self, line: &[u8], cells: &Cells, lineno: u64, out: &mut Vec<u8>) -> Option<()> {
        let span = |slot: usize| {
            let (a, b) = cells[slot];
            Span::of(line, a as usize, b as usize)
        };
        let get = |slot: usize| span(slot).text;
        let opt = |slot: usize| self.has[slot].then(|| get(slot));
        let code = span(CODE);
        let board = board_of_digits(code.text)?;
        let name = span(NAME);
        if !plain_text(name.text) {
            return None;
        }
        let issue = Num::read(span(ISSUE))?;
        let issue_d = price(issue)?;
        let latest = match self.has[LATEST] {
            true => Num::read_opt(span(LATEST))?,
            false => None,
        };
        let listing_raw = self.has[LISTING].then(|| span(LISTING));
        let listing = match listing_raw {
            Some(raw) => date(raw.text).ok()?,
            None => None,
        };
        let subscribed = match opt(SUBSCRIBED) {
            Some(raw) => date(raw).ok()?,
            None => None,
        };
        // with only a listing date, a lot change in the weeks before it
        // leaves two lots: the general path says so
        let lot = match subscribed {
            Some(d) => lot(&mut self.lots, board, d)?,
            None => listing_lot(&mut self.listing_lots, board, listing?)?,
        };
        let published_profit = match self.has[PROFIT] {
            true => Num::read_opt(span(PROFIT))?,
            false => None,
        };
        let published_gain = match self.has[GAIN] {
            true => match Num::read_opt(span(GAIN))? {
                // an empty 涨幅 sends the general path to 首日涨幅
                None if self.has[GAIN_ALT] => return None,
                g => g,
            },
            false => None,
        };
        let close = Num::read(span(CLOSE))?;
        let close_d = price(close)?;
        // outside the first-day band: the general path says so
        if let Some(d) = listing {
            if let Some(band) = band(&mut self.bands, board, d)? {
                if !in_band(issue, close, band)? {
                    return None;
                }
            }
        }
        if self.has[LIMIT_UPS] {
            Num::read_opt(span(LIMIT_UPS))?;
        }
        let (profit, gain) = figures(close, close_d, issue, issue_d, lot)?;
        let latest = match latest {
            Some(l) => {
                let d = price(l)?;
                Some((l, d, figures(l, d, issue, issue_d, lot)?))
            }
            None => None,
        };
        if let Some(pp) = published_profit {
            if !agrees(profit, (pp.m, pp.s))? {
                return None; // the general path says why
            }
        }
        if let Some(pg) = published_gain {
            // the general path compares the exact gain at the published
            // places. The 2-place gain gives its answer at 2 places, and at
            // fewer when it equals the published figure outright (44.10 and
            // 44.1: the exact gain then rounds to 44.1 too); past 2 places,
            // or otherwise, the general path decides
            let at_2 = match pg.s {
                0 => pg.m.checked_mul(100),
                1 => pg.m.checked_mul(10),
                2 => Some(pg.m),
                _ => None,
            };
            if at_2 != Some(gain) {
                return None;
            }
        }
        // the row, in write::OUT_HEADER's order
        out.reserve(256);
        write::push_u64(out, lineno);
        out.push(b',');
        code.push(out);
        out.push(b',');
        name.push(out);
        out.push(b',');
        out.extend_from_slice(board.id().as_bytes());
        out.push(b',');
        if let (Some(raw), Some(_)) = (listing_raw, listing) {
            raw.push(out); // an ISO date reads as it is written
        }
        out.push(b',');
        issue.push_fixed2(out, issue_d);
        write::push_u64(out, lot);
        // no total shares, so no market value; no open
        out.extend_from_slice(b",,close,");
        close.push_fixed2(out, close_d);
        push_figures(out, profit, gain);
        out.extend_from_slice(b",,,,,");
        match latest {
            Some((l, d, (profit, gain))) => {
                l.push_fixed2(out, d);
                push_figures(out, profit, gain);
                out.push(b',');
            }
            None => out.extend_from_slice(b",,,,"),
        }
        if let Some(pp) = published_profit {
            pp.push_plain(out);
        }
        out.push(b',');
        if let Some(pg) = published_gain {
            pg.push_plain(out);
        }
        out.push(b',');
        out.extend_from_slice(if published_profit.is_none() && published_gain.is_none() {
            b"ok (nothing published to check),,"
        } else {
            b"ok,,"
        });
        out.extend_from_slice(self.source.id().as_bytes());
        out.extend_from_slice(b",computed,");
        if let Some(d) = subscribed {
            write::push_date(out, d);
        }
        out.push(b'\n');
        Some(())
    }
}

/// Profit per lot, with `rust_decimal`, and the gain in hundredths of a
/// percent, by the general path's integer division; `None` on overflow
/// (the general path then reports it, or takes the 128-bit division).
#[inline]
fn figures(p: Num<'_>, p_d: Decimal, i: Num<'_>, i_d: Decimal, lot: u64) -> Option<(Decimal, i64)> {
    let profit = p_d.checked_sub(i_d)?.checked_mul(Decimal::from(lot))?;
    Some((profit, gain_hundredths(p.m, p.s, i.m, i.s)?))
}

/// `profit,gain,` at 2 places.
#[inline]
fn push_figures(out: &mut Vec<u8>, profit: Decimal, gain: i64) {
    write::push_fixed(out, profit, 2);
    out.push(b',');
    write::push_scaled(out, gain < 0, gain.unsigned_abs(), 2);
    out.push(b',');
}

/// A plain ASCII number cell: its value, and its text, which is copied to
/// the output when it is already in the output's form.
#[derive(Debug, Clone, Copy)]
struct Num<'a> {
    m: i64,
    s: u32,
    span: Span<'a>,
}

/// A cell's text (trimmed), and the 16 bytes of the line from where it
/// starts, when the line has them: for copying it out (`write::push_span`).
#[derive(Debug, Clone, Copy)]
struct Span<'a> {
    text: &'a [u8],
    ahead: Option<&'a [u8; 16]>,
}

impl<'a> Span<'a> {
    #[inline]
    fn of(line: &'a [u8], mut a: usize, mut b: usize) -> Span<'a> {
        while a < b && line[a].is_ascii_whitespace() {
            a += 1;
        }
        while b > a && line[b - 1].is_ascii_whitespace() {
            b -= 1;
        }
        Span {
            text: &line[a..b],
            ahead: line.get(a..a + 16).and_then(|c| c.try_into().ok()),
        }
    }

    #[inline]
    fn push(&self, out: &mut Vec<u8>) {
        write::push_span(out, self.text, self.ahead);
    }
}

impl<'a> Num<'a> {
    /// A number; `None` for anything else (placeholders included).
    #[inline]
    fn read(span: Span<'a>) -> Option<Num<'a>> {
        let (m, s) = ascii_fixed(span.text)?;
        Some(Num { m, s, span })
    }

    /// A number, or `Some(None)` for a placeholder; `None` for a cell only
    /// the general parser reads.
    #[inline]
    fn read_opt(span: Span<'a>) -> Option<Option<Num<'a>>> {
        match Num::read(span) {
            Some(n) => Some(Some(n)),
            None if is_placeholder_bytes(span.text) => Some(None),
            None => None,
        }
    }

    /// True when the integer part is written without leading zeros (`0`
    /// alone, or starting 1–9) and the number is not a negative zero.
    fn canonical_integer(&self) -> bool {
        let raw = self.span.text;
        let digits = raw.strip_prefix(b"-").unwrap_or(raw);
        let lead_ok = match digits {
            [b'0', b'0'..=b'9', ..] => false,
            [b'0'..=b'9', ..] => true,
            _ => false, // `.5`
        };
        lead_ok && !(self.m == 0 && digits.len() != raw.len())
    }

    /// Appends the number at 2 places with its delimiter: its own text
    /// when that is already so written (`104.66`), else formatted.
    fn push_fixed2(&self, out: &mut Vec<u8>, value: Decimal) {
        if self.s == 2 && self.canonical_integer() {
            self.span.push(out);
        } else if !write::push_fixed2_parts(out, self.m, self.s) {
            write::push_fixed(out, value, 2);
        }
        out.push(b',');
    }

    /// Appends the number as published, trailing zeros dropped: its own
    /// text when it has none (`362620`, `692.95`).
    fn push_plain(&self, out: &mut Vec<u8>) {
        if self.canonical_integer() && (self.s == 0 || self.span.text.last() != Some(&b'0')) {
            self.span.push(out);
        } else {
            write::push_plain_parts(out, self.m, self.s);
        }
    }
}
