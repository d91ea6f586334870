//! The batch's fast path: the common row — a six-digit code, plain ASCII
//! numbers, an ISO date, a first close, published figures that agree — is
//! recomputed and written straight from the input's bytes, with no copies
//! and no `Result` plumbing. Any other row (a placeholder where a number is
//! needed, full-width digits, a figure that differs, an error) is declined,
//! and the general path ([`super::process_into`]) does it, with its
//! messages.
//!
//! The figures are the general path's: profit per lot is computed with
//! `rust_decimal`, the gain with the same integer division
//! ([`super::gain_pct_2dp`]), the lot from the same dated table. A property
//! test (`tests/import_props.rs`) holds the two paths' output bytes equal on
//! generated rows, and the batch benchmark compares the whole output of both
//! on a million rows.
//!
//! ```
//! use daxin::import::{fast::FastPath, split::{Splitter, Step}, Layout, SourceFormat};
//! let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期", "每中一签获利"];
//! let layout = Layout::detect(&header, None).unwrap();
//! let mut fast = FastPath::new(&layout).unwrap();
//! let mut s = Splitter::new(b',');
//! let Step::Row { row, .. } = s.next("688802,沐曦股份,104.66,829.90,2025-12-17,362620\n".as_bytes(), false) else { panic!() };
//! let mut out = Vec::new();
//! assert!(fast.row(&row, 2, &mut out));
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     "2,688802,沐曦股份,star,2025-12-17,104.66,500,,close,829.90,362620.00,692.95,,,,,,,,,,362620,,ok,,em-xgsglb\n"
//! );
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::cell::{ascii_fixed, is_placeholder_bytes, iso_date, may_need_folding, trim_bytes};
use super::layout::{Field, Layout};
use super::row::{board_of_digits, gain_hundredths};
use super::{write, Record, SourceFormat};
use crate::board::{self, Board};
use crate::input::MAX_PRICE;

/// Which columns the fast path reads; built once per file.
#[derive(Debug, Clone)]
pub struct FastPath {
    source: SourceFormat,
    width: usize,
    code: usize,
    name: usize,
    issue: usize,
    close: usize,
    latest: Option<usize>,
    listing: Option<usize>,
    subscribed: Option<usize>,
    profit: Option<usize>,
    /// 涨幅, or 首日涨幅 when there is no 涨幅.
    gain: Option<usize>,
    /// 首日涨幅 beside a 涨幅: read by the general path when 涨幅 is empty.
    gain_alt: Option<usize>,
    limit_ups: Option<usize>,
    lots: LotCache,
}

/// The lot rule last used per board, with the dates it covers: the table
/// is searched only when a row's date leaves that range.
#[derive(Debug, Clone, Default)]
struct LotCache {
    last: [Option<(NaiveDate, NaiveDate, Option<u64>)>; Board::ALL.len()],
}

impl LotCache {
    fn shares(&mut self, b: Board, date: NaiveDate) -> Option<u64> {
        let slot = self.last.get_mut(b as usize)?;
        if let Some((from, to, shares)) = *slot {
            if from <= date && date <= to {
                return shares;
            }
        }
        let rule = board::lot_rule(b, date).ok()?;
        *slot = Some((rule.from, rule.to.unwrap_or(NaiveDate::MAX), rule.shares));
        rule.shares
    }
}

/// A date cell, likewise.
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
        {
            return None;
        }
        // every number the row reads must be in the header's plain units
        let plain = |f: Field| match layout.col(f) {
            Some((i, unit)) if unit == Decimal::ONE => Ok(Some(i)),
            Some(_) => Err(()),
            None => Ok(None),
        };
        let at = |f: Field| layout.col(f).map(|(i, _)| i);
        let (gain, gain_alt) = match (
            plain(Field::GainPct).ok()?,
            plain(Field::FirstDayGainPct).ok()?,
        ) {
            (Some(g), alt) => (Some(g), alt),
            (None, alt) => (alt, None),
        };
        Some(FastPath {
            source: layout.format,
            width: layout.width,
            code: at(Field::Code)?,
            name: at(Field::Name)?,
            issue: plain(Field::IssuePrice).ok()??,
            close: plain(Field::FirstClose).ok()??,
            latest: plain(Field::Latest).ok()?,
            listing: at(Field::ListingDate),
            subscribed: at(Field::SubscriptionDate),
            profit: plain(Field::ProfitPerLot).ok()?,
            gain,
            gain_alt,
            limit_ups: plain(Field::LimitUpDays).ok()?,
            lots: LotCache::default(),
        })
    }

    /// Recomputes `rec` and appends its output row (the bytes
    /// [`write::csv_row`] would write) to `out`; `false`, with nothing
    /// written, when the row is not one the fast path takes.
    pub fn row<R: Record + ?Sized>(&mut self, rec: &R, line: u64, out: &mut Vec<u8>) -> bool {
        self.try_row(rec, line, out).is_some()
    }

    fn try_row<R: Record + ?Sized>(&mut self, rec: &R, line: u64, out: &mut Vec<u8>) -> Option<()> {
        if rec.count() < self.width {
            return None;
        }
        let cell = |i: usize| rec.field(i).map(trim_bytes);
        let opt = |i: Option<usize>| i.and_then(|i| rec.field(i)).map(trim_bytes);
        let code = cell(self.code)?;
        let board = board_of_digits(code)?;
        let name = cell(self.name)?;
        if !plain_text(name) {
            return None;
        }
        let issue = Num::read(cell(self.issue)?)?;
        let issue_d = price(issue)?;
        let latest = match opt(self.latest) {
            Some(raw) => Num::read_opt(raw)?,
            None => None,
        };
        let listing_raw = opt(self.listing);
        let listing = match listing_raw {
            Some(raw) => date(raw).ok()?,
            None => None,
        };
        let subscribed = match opt(self.subscribed) {
            Some(raw) => date(raw).ok()?,
            None => None,
        };
        let lot = self.lots.shares(board, subscribed.or(listing)?)?;
        let published_profit = match opt(self.profit) {
            Some(raw) => Num::read_opt(raw)?,
            None => None,
        };
        let published_gain = match opt(self.gain) {
            Some(raw) => match Num::read_opt(raw)? {
                // an empty 涨幅 sends the general path to 首日涨幅
                None if self.gain_alt.is_some() => return None,
                g => g,
            },
            None => None,
        };
        let close = Num::read(cell(self.close)?)?;
        let close_d = price(close)?;
        if let Some(raw) = opt(self.limit_ups) {
            Num::read_opt(raw)?;
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
            if !agrees(Decimal::new(gain, 2), (pg.m, pg.s))? {
                return None;
            }
        }
        // the row, in write::OUT_HEADER's order
        write::push_u64(out, line);
        out.push(b',');
        out.extend_from_slice(code);
        out.push(b',');
        out.extend_from_slice(name);
        out.push(b',');
        out.extend_from_slice(board.id().as_bytes());
        out.push(b',');
        if let (Some(raw), Some(_)) = (listing_raw, listing) {
            out.extend_from_slice(raw); // an ISO date reads as it is written
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
    raw: &'a [u8],
}

impl<'a> Num<'a> {
    /// A number; `None` for anything else (placeholders included).
    #[inline]
    fn read(raw: &'a [u8]) -> Option<Num<'a>> {
        let (m, s) = ascii_fixed(raw)?;
        Some(Num { m, s, raw })
    }

    /// A number, or `Some(None)` for a placeholder; `None` for a cell only
    /// the general parser reads.
    #[inline]
    fn read_opt(raw: &'a [u8]) -> Option<Option<Num<'a>>> {
        match Num::read(raw) {
            Some(n) => Some(Some(n)),
            None if is_placeholder_bytes(raw) => Some(None),
            None => None,
        }
    }

    /// True when the integer part is written without leading zeros (`0`
    /// alone, or starting 1–9) and the number is not a negative zero.
    fn canonical_integer(&self) -> bool {
        let digits = self.raw.strip_prefix(b"-").unwrap_or(self.raw);
        let lead_ok = match digits {
            [b'0', b'0'..=b'9', ..] => false,
            [b'0'..=b'9', ..] => true,
            _ => false, // `.5`
        };
        lead_ok && !(self.m == 0 && digits.len() != self.raw.len())
    }

    /// Appends the number at 2 places with its delimiter: its own text
    /// when that is already so written (`104.66`), else formatted.
    fn push_fixed2(&self, out: &mut Vec<u8>, value: Decimal) {
        if self.s == 2 && self.canonical_integer() {
            out.extend_from_slice(self.raw);
        } else {
            write::push_fixed(out, value, 2);
        }
        out.push(b',');
    }

    /// Appends the number as published, trailing zeros dropped: its own
    /// text when it has none (`362620`, `692.95`).
    fn push_plain(&self, out: &mut Vec<u8>) {
        if self.canonical_integer() && (self.s == 0 || self.raw.last() != Some(&b'0')) {
            out.extend_from_slice(self.raw);
        } else {
            write::push_plain(out, Decimal::new(self.m, self.s));
        }
    }
}
