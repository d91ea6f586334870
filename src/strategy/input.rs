//! From a row of an IPO table (or a daxin record) to a subscription the
//! model can count: the facts the row states ([`RowFacts`]), then the dated
//! rules applied to them ([`resolve`] → [`Subscription`]), or the reason the
//! row does not count ([`Excluded`]).
//!
//! The quota rules come from [`crate::rules::subscription_rule`] (market
//! value per unit, the ¥10,000 minimum, the absolute cap) and
//! [`crate::board::lot_rule`] (shares per unit), each by the IPO's
//! subscription day (T日; the listing day when the row has no T日, which
//! the output says).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{self, Board, RuleStatus};
use crate::error::{Error, Result};
use crate::fees::{self, Broker, Exchange, Schedule};
use crate::import::{self, Field, Layout, Record};
use crate::ipo::{Basis, Ipo};
use crate::num;
use crate::rules;

/// The cap of an IPO whose rules state none and whose row gives none: no
/// limit a market value could reach.
pub const NO_CAP: u64 = u64::MAX / 2;

/// The market-value pool a board's quota is earned in: STAR and the SSE
/// main board share Shanghai's, ChiNext and the SZSE main board Shenzhen's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pool {
    /// Shanghai (沪市).
    Sh,
    /// Shenzhen (深市).
    Sz,
}

impl Pool {
    /// Both pools, Shanghai first.
    pub const BOTH: [Pool; 2] = [Pool::Sh, Pool::Sz];

    /// `sh` or `sz`.
    pub fn id(self) -> &'static str {
        match self {
            Pool::Sh => "sh",
            Pool::Sz => "sz",
        }
    }

    /// The pool of a board; `None` for BSE (cash) and Hong Kong.
    pub fn of(board: Board) -> Option<Pool> {
        match board {
            Board::SseMain | Board::Star => Some(Pool::Sh),
            Board::SzseMain | Board::ChiNext => Some(Pool::Sz),
            Board::Bse | Board::Hkex => None,
        }
    }
}

/// Which profit a winning lot is counted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfitBasis {
    /// The table's own 每中一签获利 (Eastmoney takes the close of the day
    /// the board first opened after a run of limit-up days).
    Published,
    /// (first-day open − issue price) × lot.
    Open,
    /// (first-day close − issue price) × lot.
    Close,
    /// (first-day average price − issue price) × lot.
    Avg,
}

impl ProfitBasis {
    /// The id used by `--basis` and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            ProfitBasis::Published => "published",
            ProfitBasis::Open => "open",
            ProfitBasis::Close => "close",
            ProfitBasis::Avg => "avg",
        }
    }
}

impl std::str::FromStr for ProfitBasis {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "published" | "每中一签获利" => Ok(ProfitBasis::Published),
            "open" => Ok(ProfitBasis::Open),
            "close" => Ok(ProfitBasis::Close),
            "avg" | "average" => Ok(ProfitBasis::Avg),
            _ => Err(Error::invalid(
                "--basis",
                s,
                crate::why!(
                    "expected published, open, close or avg",
                    "应为 published、open、close 或 avg"
                ),
            )),
        }
    }
}

/// What one row states about a subscription, before any rule is applied.
/// Numbers are as the table gives them (the header's units applied).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RowFacts {
    /// The line the row starts on in its file.
    pub line: Option<u64>,
    /// Code as given.
    pub code: String,
    /// Name as given.
    pub name: String,
    /// Board (from the code, or the row's board column).
    pub board: Option<Board>,
    /// Issue price.
    pub issue_price: Option<Decimal>,
    /// Shares per winning number by the board's rule (or the row's lot).
    pub lot_shares: Option<u64>,
    /// 申购日期 (T日).
    pub subscription_date: Option<NaiveDate>,
    /// 上市日期.
    pub listing_date: Option<NaiveDate>,
    /// 中签率, percent.
    pub win_rate_pct: Option<Decimal>,
    /// 申购上限, shares.
    pub cap_shares: Option<Decimal>,
    /// 顶格申购需配市值, yuan.
    pub full_quota_mv: Option<Decimal>,
    /// The initial online tranche (daxin records), for the 1‰ cap.
    pub online_initial_shares: Option<u64>,
    /// 每中一签获利 as published.
    pub published_profit: Option<Decimal>,
    /// First-day open.
    pub open: Option<Decimal>,
    /// First-day close.
    pub close: Option<Decimal>,
    /// First-day average.
    pub avg: Option<Decimal>,
    /// Why the row could not be read, when it could not.
    pub error: Option<crate::error::Why>,
}

/// The facts of one table row, read through `daxin::import` (the same
/// validation `daxin batch` applies) plus the columns only the strategy
/// uses: 中签率, 申购上限 and 顶格申购需配市值. A bare 顶格申购需配市值
/// header is taken in 万元, as Eastmoney (and AKShare after it) gives it; a
/// header with a unit (`（万元）`, `（元）`) is taken at its word.
///
/// ```
/// use daxin::import::Layout;
/// use daxin::strategy::input::from_row;
/// let header = ["股票代码", "股票简称", "顶格申购需配市值", "申购上限", "发行价格", "首日收盘价", "上市日期", "中签率"];
/// let layout = Layout::detect(&header, None).unwrap();
/// let row: [&[u8]; 8] = [b"688795", "摩尔线程".as_bytes(), b"11", b"11000", b"114.28", b"600.50", b"2025-12-05", b"0.03635054"];
/// let f = from_row(&layout, &row, 2);
/// assert_eq!(f.full_quota_mv.unwrap().to_string(), "110000");
/// assert_eq!(f.cap_shares.unwrap().to_string(), "11000");
/// assert_eq!(f.win_rate_pct.unwrap().to_string(), "0.03635054");
/// ```
pub fn from_row<R: Record + ?Sized>(layout: &Layout, rec: &R, line: u64) -> RowFacts {
    let out = import::process(layout, rec);
    let mut f = RowFacts {
        line: Some(line),
        code: out.code.clone(),
        name: out.name.clone(),
        board: out.board,
        issue_price: out.issue_price,
        lot_shares: out.lot_shares,
        listing_date: out.listing_date,
        published_profit: out.published_profit,
        open: out.open.map(|a| a.price),
        ..RowFacts::default()
    };
    match (out.basis, out.headline) {
        ("close", Some(h)) => f.close = Some(h.price),
        ("avg", Some(h)) => f.avg = Some(h.price),
        _ => {}
    }
    if let Some(e) = out.error {
        f.error = Some(e);
        return f;
    }
    let mut extra = || -> Result<()> {
        f.subscription_date = layout.date(rec, Field::SubscriptionDate)?;
        f.win_rate_pct = layout.decimal(rec, Field::WinRate)?;
        f.cap_shares = layout.decimal(rec, Field::ApplyCap)?;
        let wan = Decimal::from(10_000u64);
        f.full_quota_mv = match (
            layout.decimal(rec, Field::FullQuotaMv)?,
            layout.unit(Field::FullQuotaMv),
        ) {
            (Some(v), Some(u)) if u == Decimal::ONE => Some(num::mul(v, wan, "顶格申购需配市值")?),
            (v, _) => v,
        };
        Ok(())
    };
    if let Err(e) = extra() {
        f.error = Some(crate::error::Why::of(&e));
    }
    f
}

/// The facts of a daxin record: its final 中签率 (else the first it has),
/// its published 申购上限, its initial online tranche, and its prices.
pub fn from_ipo(ipo: &Ipo, line: Option<u64>) -> RowFacts {
    let price = |b: Basis| ipo.quote(b).map(|q| q.price.get());
    RowFacts {
        line,
        code: ipo.code.clone(),
        name: ipo.name_zh.clone(),
        board: ipo.board,
        issue_price: Some(ipo.issue_price.get()),
        lot_shares: Some(ipo.lot_shares.get()),
        subscription_date: ipo.subscription_date,
        listing_date: ipo.listing_date,
        win_rate_pct: ipo
            .win_rates
            .iter()
            .find(|(k, _)| k == "final")
            .or(ipo.win_rates.first())
            .map(|(_, v)| *v),
        cap_shares: ipo.cap_shares.map(|c| c.dec()),
        full_quota_mv: None,
        online_initial_shares: ipo.online_initial_shares.map(|s| s.get()),
        published_profit: None,
        open: price(Basis::Open),
        close: price(Basis::Close),
        avg: price(Basis::Avg),
        error: None,
    }
}

/// Where an IPO's cap came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapSource {
    /// The row's 申购上限.
    Published,
    /// From the row's 顶格申购需配市值: value ÷ value per unit × unit shares.
    FullQuota,
    /// By the 1‰ rule from the initial online tranche, rounded down to
    /// whole units (the tool's assumption on rounding).
    OnlineRule,
    /// No cap in the row: only the rule's absolute cap applies.
    RuleMax,
}

/// Which day the rules were looked up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleDay {
    /// The subscription day (T日).
    Subscription,
    /// The listing day: the row has no T日.
    Listing,
}

/// One IPO the model counts: the rules of its day applied, its profit per
/// winning lot at the chosen basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscription {
    /// The line of its row, when read from a table.
    pub line: Option<u64>,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Board.
    pub board: Board,
    /// The pool its quota is earned in.
    pub pool: Pool,
    /// The day the rules were looked up by (and the period filtered on).
    pub date: NaiveDate,
    /// Which day that is.
    pub rule_day: RuleDay,
    /// 中签率, percent.
    pub win_rate_pct: Decimal,
    /// Shares per subscription unit (= per winning number).
    pub unit_shares: u64,
    /// Market value per unit, yuan.
    pub mv_per_unit: u64,
    /// The minimum average market value to subscribe at all, yuan.
    pub min_mv: u64,
    /// The per-account cap, shares.
    pub cap_shares: u64,
    /// Where the cap came from.
    pub cap_source: CapSource,
    /// The cap in numbers: ⌊cap ÷ unit shares⌋.
    pub cap_numbers: u64,
    /// 顶格: the market value that earns the cap (cap numbers × value per unit).
    pub full_quota_mv: Decimal,
    /// The row's 顶格申购需配市值 when it disagrees with its 申购上限.
    pub stated_full_quota_mv: Option<Decimal>,
    /// The subscription rule of the day is marked unclear in the sources.
    pub rule_unclear: bool,
    /// The price at the basis (none for the published profit).
    pub price: Option<Decimal>,
    /// Profit per winning lot at the basis, before fees.
    pub gross_per_lot: Decimal,
    /// Selling costs per lot (zero without `fees`).
    pub fees_per_lot: Decimal,
    /// The profit counted: gross − fees.
    pub profit_per_lot: Decimal,
}

impl Subscription {
    /// The winning rate as a fraction: 中签率 ÷ 100.
    pub fn rate(&self) -> Decimal {
        self.win_rate_pct / Decimal::ONE_HUNDRED
    }
}

/// Why a row does not count toward the expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum Why {
    /// The row could not be read; the reader's message.
    RowError(crate::error::Why),
    /// Not a mainland A-share code (or no board).
    NotAShare,
    /// BSE: cash subscription with proportional allotment, no market value.
    Bse,
    /// The board is switched off (`--no-star`, `--no-chinext`).
    BoardOff(Board),
    /// No subscription or listing day: the rules cannot be told.
    NoDate,
    /// The rule tables do not cover the day.
    NoRule(String),
    /// No 中签率 (an upcoming IPO, or the table lacks the column).
    NoWinRate,
    /// A 中签率 outside (0, 100] percent.
    BadWinRate(Decimal),
    /// A 申购上限 that is not a positive whole number of shares.
    BadCap(Decimal),
    /// No price (or published profit) at the basis: pending or unpriced.
    Unpriced(ProfitBasis),
    /// The fee schedule does not cover the sale.
    Fees(String),
    /// The same code came earlier (another row or file): counted once.
    Duplicate,
}

/// A row that does not count, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Its line, when read from a table.
    pub line: Option<u64>,
    /// Code as given.
    pub code: String,
    /// Name as given.
    pub name: String,
    /// Why.
    pub why: Why,
}

/// How rows become subscriptions.
#[derive(Debug, Clone, Copy)]
pub struct Terms<'a> {
    /// The profit basis.
    pub basis: ProfitBasis,
    /// With `Some`, selling costs per lot by the schedule of the listing
    /// day and the broker's terms are taken off.
    pub fees: Option<(&'a Schedule, Broker)>,
    /// Whether STAR IPOs count (the account has STAR access).
    pub star: bool,
    /// Whether ChiNext IPOs count.
    pub chinext: bool,
}

/// Every row resolved, in order: the subscriptions that count, and the rows
/// that do not, each with why.
pub fn resolve_all<'f>(
    facts: impl IntoIterator<Item = &'f RowFacts>,
    t: &Terms,
) -> (Vec<Subscription>, Vec<Excluded>) {
    let (mut subs, mut excluded) = (Vec::new(), Vec::new());
    for f in facts {
        match resolve(f, t) {
            Ok(s) => subs.push(s),
            Err(e) => excluded.push(e),
        }
    }
    (subs, excluded)
}

/// Applies the dated rules to a row: the subscription rule and lot of its
/// day, the cap (the row's 申购上限, else from its 顶格申购需配市值, else by
/// the 1‰ rule from the initial online tranche, else only the rule's
/// absolute cap), and the profit per lot at the basis.
///
/// ```
/// use daxin::strategy::input::{resolve, ProfitBasis, RowFacts, Terms};
/// use daxin::Board;
/// let facts = RowFacts {
///     code: "688795".into(),
///     board: Some(Board::Star),
///     issue_price: Some("114.28".parse().unwrap()),
///     lot_shares: Some(500),
///     listing_date: chrono::NaiveDate::from_ymd_opt(2025, 12, 5),
///     win_rate_pct: Some("0.03635054".parse().unwrap()),
///     cap_shares: Some("11000".parse().unwrap()),
///     close: Some("600.50".parse().unwrap()),
///     ..RowFacts::default()
/// };
/// let terms = Terms { basis: ProfitBasis::Close, fees: None, star: true, chinext: true };
/// let s = resolve(&facts, &terms).unwrap();
/// assert_eq!((s.cap_numbers, s.full_quota_mv.to_string().as_str()), (22, "110000"));
/// assert_eq!(s.profit_per_lot.to_string(), "243110.00"); // (600.50 − 114.28) × 500
/// ```
pub fn resolve(f: &RowFacts, t: &Terms) -> std::result::Result<Subscription, Excluded> {
    let out = |why: Why| Excluded {
        line: f.line,
        code: f.code.clone(),
        name: f.name.clone(),
        why,
    };
    if let Some(e) = &f.error {
        return Err(out(Why::RowError(e.clone())));
    }
    let board = f.board.ok_or_else(|| out(Why::NotAShare))?;
    let pool = match board {
        Board::Bse => return Err(out(Why::Bse)),
        b => Pool::of(b).ok_or_else(|| out(Why::NotAShare))?,
    };
    if (board == Board::Star && !t.star) || (board == Board::ChiNext && !t.chinext) {
        return Err(out(Why::BoardOff(board)));
    }
    let (date, rule_day) = match (f.subscription_date, f.listing_date) {
        (Some(d), _) => (d, RuleDay::Subscription),
        (None, Some(d)) => (d, RuleDay::Listing),
        (None, None) => return Err(out(Why::NoDate)),
    };
    let rule =
        rules::subscription_rule(board, date).map_err(|e| out(Why::NoRule(e.to_string())))?;
    let lot = board::lot_rule(board, date).map_err(|e| out(Why::NoRule(e.to_string())))?;
    let (Some(mv_per_unit), Some(unit_shares)) = (rule.mv_per_unit, lot.shares) else {
        return Err(out(Why::Bse));
    };
    let rate = f.win_rate_pct.ok_or_else(|| out(Why::NoWinRate))?;
    if rate <= Decimal::ZERO || rate > Decimal::ONE_HUNDRED {
        return Err(out(Why::BadWinRate(rate)));
    }
    let issue = f
        .issue_price
        .ok_or_else(|| out(Why::RowError(crate::why!("no issue price", "没有发行价"))))?;
    let lot_shares = f.lot_shares.unwrap_or(unit_shares);
    let wan_to_cap = |mv: Decimal| -> Option<u64> {
        let units = (mv / Decimal::from(mv_per_unit)).floor();
        u64::try_from(units)
            .ok()
            .and_then(|u| u.checked_mul(unit_shares))
    };
    let (cap_shares, cap_source, stated) = match (f.cap_shares, f.full_quota_mv) {
        (Some(c), fq) => {
            let whole = u64::try_from(c)
                .ok()
                .filter(|n| *n > 0 && c.fract().is_zero())
                .ok_or_else(|| out(Why::BadCap(c)))?;
            // a 顶格 that disagrees with the cap is kept for the note
            let stated = fq.filter(|v| wan_to_cap(*v) != Some(whole));
            (whole, CapSource::Published, stated)
        }
        (None, Some(v)) => {
            let c = wan_to_cap(v)
                .filter(|c| *c > 0)
                .ok_or_else(|| out(Why::BadCap(v)))?;
            (c, CapSource::FullQuota, None)
        }
        (None, None) => match f.online_initial_shares {
            Some(o) => {
                let c = crate::odds::cap_from_online(board, date, o)
                    .map_err(|e| out(Why::NoRule(e.to_string())))?;
                (c, CapSource::OnlineRule, None)
            }
            None => (rule.cap_max.unwrap_or(NO_CAP), CapSource::RuleMax, None),
        },
    };
    let cap_shares = match rule.cap_max {
        Some(m) => cap_shares.min(m),
        None => cap_shares,
    };
    let cap_numbers = cap_shares / unit_shares;
    let full_quota_mv = Decimal::from(cap_numbers) * Decimal::from(mv_per_unit);
    let lot_d = Decimal::from(lot_shares);
    let at =
        |p: Option<Decimal>| -> Option<std::result::Result<(Option<Decimal>, Decimal), Error>> {
            let p = p?;
            Some(
                num::sub(p, issue, "profit per lot")
                    .and_then(|d| num::mul(d, lot_d, "profit per lot"))
                    .map(|g| (Some(p), g)),
            )
        };
    let (price, gross) = match t.basis {
        ProfitBasis::Published => f.published_profit.map(|g| Ok((None, g))),
        ProfitBasis::Open => at(f.open),
        ProfitBasis::Close => at(f.close),
        ProfitBasis::Avg => at(f.avg),
    }
    .ok_or_else(|| out(Why::Unpriced(t.basis)))?
    .map_err(|e| out(Why::RowError(crate::error::Why::of(&e))))?;
    let fees_per_lot = match t.fees {
        None => Decimal::ZERO,
        Some((schedule, broker)) => {
            let day = f.listing_date.unwrap_or(date);
            let amount = num::mul(issue, lot_d, "lot value")
                .and_then(|c| num::add(c, gross, "lot value"))
                .map_err(|e| out(Why::Fees(e.to_string())))?;
            fees::sell_costs(
                schedule,
                Exchange::of(board),
                day,
                amount.max(Decimal::ZERO),
                lot_shares,
                &broker,
            )
            .map_err(|e| out(Why::Fees(e.to_string())))?
            .total
        }
    };
    Ok(Subscription {
        line: f.line,
        code: f.code.clone(),
        name: f.name.clone(),
        board,
        pool,
        date,
        rule_day,
        win_rate_pct: rate,
        unit_shares,
        mv_per_unit,
        min_mv: rule.min_mv.unwrap_or(0),
        cap_shares,
        cap_source,
        cap_numbers,
        full_quota_mv,
        stated_full_quota_mv: stated,
        rule_unclear: rule.status == RuleStatus::Unclear,
        price,
        gross_per_lot: gross,
        fees_per_lot,
        profit_per_lot: num::sub(gross, fees_per_lot, "profit per lot")
            .map_err(|e| out(Why::RowError(crate::error::Why::of(&e))))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn terms() -> Terms<'static> {
        Terms {
            basis: ProfitBasis::Close,
            fees: None,
            star: true,
            chinext: true,
        }
    }

    fn facts() -> RowFacts {
        RowFacts {
            code: "688795".into(),
            name: "摩尔线程".into(),
            board: Some(Board::Star),
            issue_price: Some(d("114.28")),
            lot_shares: Some(500),
            listing_date: Some(crate::input::ymd(2025, 12, 5)),
            win_rate_pct: Some(d("0.03635054")),
            cap_shares: Some(d("11000")),
            close: Some(d("600.50")),
            ..RowFacts::default()
        }
    }

    #[test]
    fn cap_from_each_source() {
        let s = resolve(&facts(), &terms()).unwrap();
        assert_eq!((s.cap_source, s.cap_numbers), (CapSource::Published, 22));
        // from 顶格 alone: 11万 ÷ 5,000 = 22 units × 500
        let f = RowFacts {
            cap_shares: None,
            full_quota_mv: Some(d("110000")),
            ..facts()
        };
        let s = resolve(&f, &terms()).unwrap();
        assert_eq!((s.cap_source, s.cap_shares), (CapSource::FullQuota, 11000));
        // a 顶格 that disagrees with the cap is kept for the note
        let f = RowFacts {
            full_quota_mv: Some(d("120000")),
            ..facts()
        };
        assert_eq!(
            resolve(&f, &terms()).unwrap().stated_full_quota_mv,
            Some(d("120000"))
        );
        // none: the rule's absolute cap (STAR 99,999,500)
        let f = RowFacts {
            cap_shares: None,
            ..facts()
        };
        let s = resolve(&f, &terms()).unwrap();
        assert_eq!(
            (s.cap_source, s.cap_shares),
            (CapSource::RuleMax, 99_999_500)
        );
    }

    #[test]
    fn exclusions_name_their_reason() {
        let why = |f: RowFacts, t: Terms| resolve(&f, &t).unwrap_err().why;
        let no_close = RowFacts {
            close: None,
            ..facts()
        };
        assert_eq!(why(no_close, terms()), Why::Unpriced(ProfitBasis::Close));
        let bse = RowFacts {
            board: Some(Board::Bse),
            ..facts()
        };
        assert_eq!(why(bse, terms()), Why::Bse);
        let no_star = Terms {
            star: false,
            ..terms()
        };
        assert_eq!(why(facts(), no_star), Why::BoardOff(Board::Star));
        let bad = RowFacts {
            cap_shares: Some(d("10.5")),
            ..facts()
        };
        assert_eq!(why(bad, terms()), Why::BadCap(d("10.5")));
        let rate = RowFacts {
            win_rate_pct: Some(d("0")),
            ..facts()
        };
        assert_eq!(why(rate, terms()), Why::BadWinRate(d("0")));
        let none = RowFacts {
            win_rate_pct: None,
            ..facts()
        };
        assert_eq!(why(none, terms()), Why::NoWinRate);
    }

    #[test]
    fn sell_costs_come_off_with_fees() {
        let schedule = Schedule::builtin().unwrap();
        let t = Terms {
            fees: Some((&schedule, Broker::default_for(crate::Currency::Cny))),
            ..terms()
        };
        let s = resolve(&facts(), &t).unwrap();
        // sale of 500 × 600.50 = 300,250.00 on 2025-12-05: stamp duty 0.05% (150.125),
        // handling 0.00341% (10.238525), transfer 0.001% (3.0025), regulatory 0.002%
        // (6.005), commission 0.025% (75.0625), each rounded half-up to the fen:
        // 150.13 + 10.24 + 3.00 + 6.01 + 75.06 = 244.44
        assert_eq!(s.fees_per_lot, d("244.44"));
        assert_eq!(s.profit_per_lot, d("242865.56"));
    }
}
