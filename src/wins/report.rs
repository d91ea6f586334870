//! What each win really earned, and the totals: gross profit, every fee
//! item by the schedule of the day it belongs to (or the broker's actual
//! fees where the statement gave them), net profit, holding days and the
//! return on the cash paid; by year, account or board, the number of wins,
//! the net total, the best and the worst, and the return on the average
//! market value (市值) the user states. Shares not yet sold are valued at a
//! price the user gives, or shown as open — never at the issue price. The
//! 弃购 count is here too: three wins given up within 12 months bar online
//! subscription for 180 days from the day after the last; the report warns
//! at two.
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::fees::Schedule;
//! use daxin::wins::ledger::parse;
//! use daxin::wins::report::{report, Options};
//! use chrono::NaiveDate;
//!
//! let text = "[[win]]\ncode = \"688802\"\ndate = 2025-12-05\npaid = 2025-12-09\nshares = 500\n\
//!             [[win.sale]]\ndate = 2025-12-17\nshares = 500\nprice = \"829.90\"\n";
//! let ledger = parse(text, "wins.toml").unwrap();
//! let today = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
//! let r = report(&ledger, &Dataset::builtin().unwrap(), &Schedule::builtin().unwrap(),
//!                &Options::new(today)).unwrap();
//! let w = &r.wins[0];
//! assert_eq!(w.gross_profit.unwrap().to_string(), "362620.00"); // (829.90 − 104.66) × 500
//! assert_eq!(w.total_fees.unwrap().to_string(), "337.82");       // 万2.5, min ¥5, fees of 2025-12-17
//! assert_eq!(w.net_profit.unwrap().to_string(), "362282.18");
//! assert_eq!(w.holding_days, Some(8));                  // 2025-12-09 → 2025-12-17
//! ```

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{Board, Currency};
use crate::data::{normalize_code, Dataset};
use crate::error::{Error, Result};
use crate::fees::{self, Broker, Charges, Exchange, Schedule};
use crate::headline::Lang;
use crate::input::Price;
use crate::num;
use crate::report::ser;

use super::ledger::{self, Facts, Kind, Ledger, Status, Win};

/// How the totals are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    /// By the year of the win.
    Year,
    /// By account.
    Account,
    /// By board.
    Board,
}

impl std::str::FromStr for GroupBy {
    type Err = Error;
    fn from_str(s: &str) -> Result<GroupBy> {
        match s.trim().to_ascii_lowercase().as_str() {
            "year" | "年" => Ok(GroupBy::Year),
            "account" | "账户" => Ok(GroupBy::Account),
            "board" | "板块" => Ok(GroupBy::Board),
            _ => Err(Error::invalid(
                "--by",
                s,
                crate::why!(
                    "expected year, account or board",
                    "应为 year、account 或 board"
                ),
            )),
        }
    }
}

/// What the report is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// As of this day (for the 弃购 count and valued positions' fees).
    pub today: NaiveDate,
    /// Only wins dated from this day.
    pub from: Option<NaiveDate>,
    /// Only wins dated up to this day.
    pub to: Option<NaiveDate>,
    /// Group totals by this.
    pub by: Option<GroupBy>,
    /// The average Shanghai market value the user kept, yuan.
    pub mv_sh: Option<Decimal>,
    /// The average Shenzhen market value.
    pub mv_sz: Option<Decimal>,
    /// Prices to value shares still held at, by code.
    pub marks: Vec<(String, Price)>,
    /// Broker terms for A-share sales without actual fees.
    pub cny: Broker,
    /// Broker terms for Hong Kong.
    pub hkd: Broker,
}

impl Options {
    /// Defaults: every win, no grouping, no market value, the documented
    /// broker terms.
    pub fn new(today: NaiveDate) -> Options {
        Options {
            today,
            from: None,
            to: None,
            by: None,
            mv_sh: None,
            mv_sz: None,
            marks: Vec::new(),
            cny: Broker::default_for(Currency::Cny),
            hkd: Broker::default_for(Currency::Hkd),
        }
    }
}

/// Something a reader should know; rendered by [`note_text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// Shares still held and not valued: no net figure for the win.
    Open {
        /// The code.
        code: String,
        /// Shares held.
        shares: u64,
    },
    /// Shares still held, valued at the user's price as if sold today.
    Valued {
        /// The code.
        code: String,
        /// Shares valued.
        shares: u64,
        /// The price.
        #[serde(serialize_with = "ser::price")]
        price: Decimal,
    },
    /// No payment day: holding days run from the subscription day.
    NoPaymentDay {
        /// The code.
        code: String,
    },
    /// A fee row the sources leave unclear was used.
    UnclearFee {
        /// The item's id.
        item: String,
        /// Its Chinese name.
        name_zh: String,
        /// Its English name.
        name_en: String,
    },
    /// A price was given for a code with nothing held.
    UnusedPrice {
        /// The code.
        code: String,
    },
    /// Two wins given up within 12 months: a third before `until` bars
    /// online subscription for 180 days.
    TwoStrikes {
        /// The two days.
        dates: Vec<NaiveDate>,
        /// The last day a third would still count with both.
        until: NaiveDate,
    },
    /// Three wins given up within 12 months: barred from `from` to `to`.
    Barred {
        /// The third's day.
        third: NaiveDate,
        /// First day barred (the day after).
        from: NaiveDate,
        /// Last day barred (180 calendar days, the first included).
        to: NaiveDate,
        /// Whether the bar runs on `today`.
        current: bool,
    },
}

/// One fee item and its amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fee {
    /// The item (`stamp_duty`, `commission`, …).
    pub item: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The amount.
    #[serde(serialize_with = "ser::money")]
    pub amount: Decimal,
    /// The formula with its numbers (empty for actual fees).
    pub formula: String,
}

fn fees_of(c: &Charges) -> Vec<Fee> {
    c.lines
        .iter()
        .map(|l| Fee {
            item: l.item.clone(),
            name_zh: l.name_zh.clone(),
            name_en: l.name_en.clone(),
            amount: l.amount,
            formula: l.formula.en(),
        })
        .collect()
}

/// One sale (or the held shares valued at the user's price).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaleFigures {
    /// The trading day (today, for a valuation).
    pub date: NaiveDate,
    /// Shares.
    pub shares: u64,
    /// Price.
    #[serde(serialize_with = "ser::price")]
    pub price: Decimal,
    /// price × shares.
    #[serde(serialize_with = "ser::money")]
    pub amount: Decimal,
    /// (price − issue) × shares.
    #[serde(serialize_with = "ser::money")]
    pub gross: Decimal,
    /// The fee items.
    pub fees: Vec<Fee>,
    /// Their total.
    #[serde(serialize_with = "ser::money")]
    pub total_fees: Decimal,
    /// The broker's actual fees, from a statement.
    pub actual_fees: bool,
    /// Not a sale: held shares valued at the user's price.
    pub valued: bool,
}

/// What one win earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WinFigures {
    /// The account.
    pub account: Option<String>,
    /// The code.
    pub code: String,
    /// The name.
    pub name: String,
    /// The board.
    pub board: Option<Board>,
    /// The currency of the figures.
    pub currency: Currency,
    /// The day the win is dated by.
    pub date: NaiveDate,
    /// Shares won.
    pub shares: u64,
    /// Where it stands.
    pub status: Status,
    /// The issue price.
    #[serde(serialize_with = "ser::opt::price")]
    pub issue_price: Option<Decimal>,
    /// Cash paid: issue × shares, plus (Hong Kong) the allotment charge and
    /// the handling fee.
    #[serde(serialize_with = "ser::money")]
    pub cash_paid: Decimal,
    /// Fees on the allotment (Hong Kong), with the handling fee.
    pub allotment_fees: Vec<Fee>,
    /// Sales, and the valuation of held shares.
    pub sales: Vec<SaleFigures>,
    /// Σ gross over the sales, when nothing is left open (`None` while
    /// shares are held and not valued, and for a win given up: never a
    /// figure at the issue price).
    #[serde(serialize_with = "ser::opt::money")]
    pub gross_profit: Option<Decimal>,
    /// Every fee, when nothing is left open (as `gross_profit`).
    #[serde(serialize_with = "ser::opt::money")]
    pub total_fees: Option<Decimal>,
    /// Gross − fees, when nothing is left open.
    #[serde(serialize_with = "ser::opt::money")]
    pub net_profit: Option<Decimal>,
    /// Net profit so far on the shares sold, while some are open.
    #[serde(serialize_with = "ser::money")]
    pub realised_net: Decimal,
    /// Shares held and not valued.
    pub open_shares: u64,
    /// Calendar days from the payment (else the subscription) to the last sale.
    pub holding_days: Option<i64>,
    /// Net ÷ cash paid, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub return_on_cash_pct: Option<Decimal>,
}

/// Totals of a group of wins in one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group: a year, an account, a board id, or `all`.
    pub key: String,
    /// The currency of its figures.
    pub currency: Currency,
    /// Wins (given up included).
    pub wins: usize,
    /// Wins given up.
    pub abandoned: usize,
    /// Wins with shares still open.
    pub open: usize,
    /// Σ net profit over the wins with a net figure; `None` when no win of
    /// the group has one (all open or given up).
    #[serde(serialize_with = "ser::opt::money")]
    pub net_total: Option<Decimal>,
    /// The best win's code and net.
    pub best: Option<Extreme>,
    /// The worst.
    pub worst: Option<Extreme>,
    /// The market value the return is on (the pools' stated values).
    #[serde(serialize_with = "ser::opt::money")]
    pub market_value: Option<Decimal>,
    /// Net of the wins in those pools ÷ that market value, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub return_on_market_value_pct: Option<Decimal>,
}

/// A best or worst win.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extreme {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its net profit.
    #[serde(serialize_with = "ser::money")]
    pub net: Decimal,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WinsReport {
    /// As of this day.
    pub today: NaiveDate,
    /// Every win in the period, in ledger order.
    pub wins: Vec<WinFigures>,
    /// The groups asked for (empty without `by`).
    pub groups: Vec<Group>,
    /// Everything, per currency.
    pub total: Vec<Group>,
    /// Wins given up within the last 12 months (all kinds, all accounts).
    pub abandoned_last_12_months: usize,
    /// Notes.
    pub notes: Vec<Note>,
    /// The working, in the language asked for ([`explain`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub working: Vec<String>,
}

fn exchange(board: Board) -> Exchange {
    Exchange::of(board)
}

fn win_figures(
    w: &Win,
    f: &Facts,
    schedule: &Schedule,
    opts: &Options,
    notes: &mut Vec<Note>,
    used_marks: &mut Vec<String>,
) -> Result<WinFigures> {
    let day = w.day().unwrap_or(opts.today);
    let status = Status::of(w);
    let board = f.board;
    let currency = f.currency;
    let broker = match currency {
        Currency::Cny => opts.cny,
        Currency::Hkd => opts.hkd,
    };
    let mut out = WinFigures {
        account: w.account.clone(),
        code: w.code.clone(),
        name: f.name.clone(),
        board,
        currency,
        date: day,
        shares: w.shares,
        status,
        issue_price: f.issue_price.map(Price::get),
        cash_paid: Decimal::ZERO,
        allotment_fees: Vec::new(),
        sales: Vec::new(),
        gross_profit: None,
        total_fees: None,
        net_profit: None,
        realised_net: Decimal::ZERO,
        open_shares: 0,
        holding_days: None,
        return_on_cash_pct: None,
    };
    if status == Status::Abandoned || w.kind != Kind::Share {
        return Ok(out);
    }
    let (Some(issue), Some(board)) = (f.issue_price.map(Price::get), board) else {
        return Err(Error::missing(
            "issue_price",
            crate::why!(
                "{}: its issue price and board",
                "{}：其发行价与板块",
                w.code
            ),
        ));
    };
    let what = "win figures";
    let cost = num::mul(issue, Decimal::from(w.shares), what)?;
    let mut fixed = Decimal::ZERO;
    if board == Board::Hkex {
        let c = fees::allotment_charges(schedule, Exchange::Hkex, w.date.unwrap_or(day), cost)?;
        for l in c.lines.iter().filter(|l| l.unclear) {
            notes.push(Note::UnclearFee {
                item: l.item.clone(),
                name_zh: l.name_zh.clone(),
                name_en: l.name_en.clone(),
            });
        }
        out.allotment_fees = fees_of(&c);
        fixed = num::add(c.total, broker.handling_fee, what)?;
        if broker.handling_fee > Decimal::ZERO {
            out.allotment_fees.push(Fee {
                item: "handling_fee".into(),
                name_zh: "认购手续费".into(),
                name_en: "handling fee".into(),
                amount: broker.handling_fee,
                formula: format!("{} per application", broker.handling_fee),
            });
        }
    }
    out.cash_paid = num::add(cost, fixed, what)?;
    let mut sales: Vec<(NaiveDate, u64, Decimal, Option<ledger::ActualFees>, bool)> = w
        .sales
        .iter()
        .map(|s| (s.date, s.shares, s.price.get(), s.fees, false))
        .collect();
    let held = w.held();
    if held > 0 {
        let key = normalize_code(&w.code);
        match opts.marks.iter().find(|(c, _)| normalize_code(c) == key) {
            Some((c, p)) => {
                used_marks.push(c.clone());
                sales.push((opts.today, held, p.get(), None, true));
                notes.push(Note::Valued {
                    code: w.code.clone(),
                    shares: held,
                    price: p.get(),
                });
            }
            None => {
                out.open_shares = held;
                notes.push(Note::Open {
                    code: w.code.clone(),
                    shares: held,
                });
            }
        }
    }
    let mut gross_total = Decimal::ZERO;
    let mut fee_total = fixed;
    let mut last_day = None;
    for (date, shares, price, actual, valued) in sales {
        let n = Decimal::from(shares);
        let amount = num::mul(price, n, what)?;
        let gross = num::mul(num::sub(price, issue, what)?, n, what)?;
        let (fees, total, is_actual) = match actual {
            Some(a) => {
                let items = [
                    ("commission", "佣金", "commission", a.commission),
                    ("stamp_duty", "印花税", "stamp duty", a.stamp_duty),
                    ("transfer_fee", "过户费", "transfer fee", a.transfer_fee),
                    ("other", "其他费用", "other fees", a.other),
                ];
                let fees = items
                    .iter()
                    .map(|(id, zh, en, x)| Fee {
                        item: (*id).into(),
                        name_zh: (*zh).into(),
                        name_en: (*en).into(),
                        amount: *x,
                        formula: String::new(),
                    })
                    .collect();
                (fees, a.total(), true)
            }
            None => {
                let c = fees::sell_costs(schedule, exchange(board), date, amount, shares, &broker)?;
                for l in c.lines.iter().filter(|l| l.unclear) {
                    let n = Note::UnclearFee {
                        item: l.item.clone(),
                        name_zh: l.name_zh.clone(),
                        name_en: l.name_en.clone(),
                    };
                    if !notes.contains(&n) {
                        notes.push(n);
                    }
                }
                (fees_of(&c), c.total, false)
            }
        };
        gross_total = num::add(gross_total, gross, what)?;
        fee_total = num::add(fee_total, total, what)?;
        last_day = Some(last_day.map_or(date, |d: NaiveDate| d.max(date)));
        out.sales.push(SaleFigures {
            date,
            shares,
            price,
            amount,
            gross,
            fees,
            total_fees: total,
            actual_fees: is_actual,
            valued,
        });
    }
    out.realised_net = num::sub(gross_total, fee_total, what)?;
    if out.open_shares == 0 {
        out.gross_profit = Some(gross_total);
        out.total_fees = Some(fee_total);
        let net = out.realised_net;
        out.net_profit = Some(net);
        if out.cash_paid > Decimal::ZERO {
            out.return_on_cash_pct = Some(num::div(
                num::mul(net, Decimal::ONE_HUNDRED, what)?,
                out.cash_paid,
                what,
            )?);
        }
        if w.paid.is_none() {
            notes.push(Note::NoPaymentDay {
                code: w.code.clone(),
            });
        }
        out.holding_days = last_day.map(|l| (l - w.paid.unwrap_or(day)).num_days());
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pool {
    Sh,
    Sz,
}

fn pool(board: Option<Board>) -> Option<Pool> {
    match board? {
        Board::SseMain | Board::Star => Some(Pool::Sh),
        Board::SzseMain | Board::ChiNext => Some(Pool::Sz),
        Board::Bse | Board::Hkex => None,
    }
}

fn group_of(
    key: String,
    currency: Currency,
    wins: &[&WinFigures],
    opts: &Options,
    only: Option<Pool>,
) -> Result<Group> {
    let mut g = Group {
        key,
        currency,
        wins: wins.len(),
        abandoned: wins
            .iter()
            .filter(|w| w.status == Status::Abandoned)
            .count(),
        open: wins.iter().filter(|w| w.open_shares > 0).count(),
        net_total: None,
        best: None,
        worst: None,
        market_value: None,
        return_on_market_value_pct: None,
    };
    for w in wins {
        if let Some(n) = w.net_profit {
            g.net_total = Some(num::add(g.net_total.unwrap_or_default(), n, "net total")?);
            let e = Extreme {
                code: w.code.clone(),
                name: w.name.clone(),
                net: n,
            };
            if g.best.as_ref().is_none_or(|b| n > b.net) {
                g.best = Some(e.clone());
            }
            if g.worst.as_ref().is_none_or(|b| n < b.net) {
                g.worst = Some(e);
            }
        }
    }
    if currency == Currency::Cny {
        let pools: Vec<(Pool, Decimal)> = [(Pool::Sh, opts.mv_sh), (Pool::Sz, opts.mv_sz)]
            .into_iter()
            .filter_map(|(p, v)| v.map(|v| (p, v)))
            .filter(|(p, _)| only.is_none_or(|o| o == *p))
            .collect();
        if !pools.is_empty() {
            let mv: Decimal = pools.iter().map(|(_, v)| *v).sum();
            let mut net = None;
            for w in wins {
                if let (Some(n), Some(p)) = (w.net_profit, pool(w.board)) {
                    if pools.iter().any(|(q, _)| *q == p) {
                        net = Some(num::add(net.unwrap_or_default(), n, "net total")?);
                    }
                }
            }
            g.market_value = Some(mv);
            // no win in those pools with a net figure (all open): no return,
            // not 0 %
            if let Some(net) = net.filter(|_| mv > Decimal::ZERO) {
                g.return_on_market_value_pct = Some(num::div(
                    num::mul(net, Decimal::ONE_HUNDRED, "return")?,
                    mv,
                    "return",
                )?);
            }
        }
    }
    Ok(g)
}

fn groups(
    key: impl Fn(&WinFigures) -> String,
    wins: &[WinFigures],
    opts: &Options,
    by_board: bool,
) -> Result<Vec<Group>> {
    let mut keys: Vec<(String, Currency)> = Vec::new();
    for w in wins {
        let k = (key(w), w.currency);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.code().cmp(b.1.code())));
    keys.into_iter()
        .map(|(k, c)| {
            let of: Vec<&WinFigures> = wins
                .iter()
                .filter(|w| key(w) == k && w.currency == c)
                .collect();
            let only = if by_board {
                of.first().and_then(|w| pool(w.board))
            } else {
                None
            };
            if by_board && only.is_none() {
                // BSE and Hong Kong wins use no market value
                let mut g = group_of(
                    k,
                    c,
                    &of,
                    &Options {
                        mv_sh: None,
                        mv_sz: None,
                        ..opts.clone()
                    },
                    None,
                )?;
                g.market_value = None;
                return Ok(g);
            }
            group_of(k, c, &of, opts, only)
        })
        .collect()
}

/// The 弃购 count: every two or three wins given up within 12 months.
fn strikes(ledger: &Ledger, today: NaiveDate, notes: &mut Vec<Note>) -> usize {
    let mut days: Vec<NaiveDate> = ledger.wins.iter().filter_map(|w| w.abandoned).collect();
    days.sort();
    let within = |a: NaiveDate, b: NaiveDate| {
        a.checked_add_months(Months::new(12))
            .is_some_and(|end| b < end)
    };
    for i in 2..days.len() {
        if within(days[i - 2], days[i]) {
            let from = days[i] + chrono::Duration::days(1);
            let to = days[i] + chrono::Duration::days(180);
            notes.push(Note::Barred {
                third: days[i],
                from,
                to,
                current: from <= today && today <= to,
            });
        }
    }
    let recent: Vec<NaiveDate> = days
        .iter()
        .copied()
        .filter(|d| *d <= today && within(*d, today))
        .collect();
    if recent.len() == 2 {
        let until = recent[0]
            .checked_add_months(Months::new(12))
            .map(|d| d - chrono::Duration::days(1))
            .unwrap_or(today);
        notes.push(Note::TwoStrikes {
            dates: recent.clone(),
            until,
        });
    }
    recent.len()
}

/// The report over `ledger` (which must validate).
pub fn report(
    ledger: &Ledger,
    data: &Dataset,
    schedule: &Schedule,
    opts: &Options,
) -> Result<WinsReport> {
    let facts = ledger::validate(ledger, data, opts.today, None)?;
    let mut notes = Vec::new();
    let mut used = Vec::new();
    let mut wins = Vec::new();
    for (w, f) in ledger.wins.iter().zip(&facts) {
        let day = w.day().unwrap_or(opts.today);
        if opts.from.is_some_and(|d| day < d) || opts.to.is_some_and(|d| day > d) {
            continue;
        }
        wins.push(win_figures(w, f, schedule, opts, &mut notes, &mut used)?);
    }
    for (c, _) in &opts.marks {
        if !used.contains(c) {
            notes.push(Note::UnusedPrice { code: c.clone() });
        }
    }
    let groups = match opts.by {
        None => Vec::new(),
        Some(GroupBy::Year) => groups(|w| w.date.year().to_string(), &wins, opts, false)?,
        Some(GroupBy::Account) => groups(
            |w| w.account.clone().unwrap_or_default(),
            &wins,
            opts,
            false,
        )?,
        Some(GroupBy::Board) => groups(
            |w| w.board.map(|b| b.id().to_string()).unwrap_or_default(),
            &wins,
            opts,
            true,
        )?,
    };
    let total = groups_all(&wins, opts)?;
    let abandoned_last_12_months = strikes(ledger, opts.today, &mut notes);
    Ok(WinsReport {
        today: opts.today,
        wins,
        groups,
        total,
        abandoned_last_12_months,
        notes,
        working: Vec::new(),
    })
}

fn groups_all(wins: &[WinFigures], opts: &Options) -> Result<Vec<Group>> {
    groups(|_| "all".to_string(), wins, opts, false)
}

fn m(x: Decimal) -> String {
    num::group(x, num::MONEY_DP)
}

fn p(x: Decimal) -> String {
    num::group(x, num::price_dp(x))
}

/// The working: each figure's formula with its numbers, in `lang`.
pub fn explain(r: &WinsReport, opts: &Options, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    for w in &r.wins {
        let Some(issue) = w.issue_price else { continue };
        if w.status == Status::Abandoned {
            continue;
        }
        let head = format!("{} {}", w.code, w.name);
        out.push(format!(
            "{head}: {} = {} × {}{} = {}",
            if zh { "实付资金" } else { "cash paid" },
            p(issue),
            w.shares,
            if w.allotment_fees.is_empty() {
                String::new()
            } else {
                format!(" + {}", m(w.allotment_fees.iter().map(|f| f.amount).sum()))
            },
            m(w.cash_paid)
        ));
        for f in &w.allotment_fees {
            out.push(format!(
                "{head}: {} {}",
                if zh { &f.name_zh } else { &f.name_en },
                formula(&f.formula, lang)
            ));
        }
        for s in &w.sales {
            let label = match (zh, s.valued) {
                (true, false) => format!("{} 卖出", s.date),
                (true, true) => format!("{} 按给定价估值", s.date),
                (false, false) => format!("{} sale", s.date),
                (false, true) => format!("{} valued at the given price", s.date),
            };
            out.push(format!(
                "{head}: {label}: ({} − {}) × {} = {}",
                p(s.price),
                p(issue),
                s.shares,
                m(s.gross)
            ));
            for f in &s.fees {
                let name = if zh { &f.name_zh } else { &f.name_en };
                if s.actual_fees {
                    let src = if zh {
                        "券商实收"
                    } else {
                        "as the broker charged"
                    };
                    out.push(format!("{head}: {label}: {name} {} ({src})", m(f.amount)));
                } else {
                    out.push(format!(
                        "{head}: {label}: {name} {} → {}",
                        formula(&f.formula, lang),
                        m(f.amount)
                    ));
                }
            }
        }
        if let Some(n) = w.net_profit {
            out.push(format!(
                "{head}: {} = {} − {} = {}",
                if zh { "净收益" } else { "net profit" },
                m(w.gross_profit.unwrap_or_default()),
                m(w.total_fees.unwrap_or_default()),
                m(n)
            ));
        }
        if let Some(r) = w.return_on_cash_pct {
            out.push(format!(
                "{head}: {} = {} ÷ {} × 100 = {}%",
                if zh {
                    "资金收益率"
                } else {
                    "return on cash"
                },
                m(w.net_profit.unwrap_or_default()),
                m(w.cash_paid),
                num::fixed(r, num::PCT_DP)
            ));
        }
    }
    for g in r.groups.iter().chain(&r.total) {
        if let (Some(mv), Some(ret)) = (g.market_value, g.return_on_market_value_pct) {
            let net = ret * mv / Decimal::ONE_HUNDRED;
            let pools = match (opts.mv_sh, opts.mv_sz) {
                (Some(a), Some(b)) => format!("{} + {}", m(a), m(b)),
                _ => m(mv),
            };
            let key = if g.key == "all" && zh {
                "合计".to_string()
            } else {
                g.key.clone()
            };
            out.push(format!(
                "{key}: {} = {} ÷ ({pools}) × 100 = {}%",
                if zh {
                    "市值收益率"
                } else {
                    "return on market value"
                },
                m(net),
                num::fixed(ret, num::PCT_DP)
            ));
        }
    }
    out
}

/// A fee schedule's formula in the reader's language (the schedule writes
/// its few words in English).
fn formula(f: &str, lang: Lang) -> String {
    match lang {
        Lang::En => f.to_string(),
        Lang::Zh => f
            .replace(" → minimum ", " → 最低 ")
            .replace(" → maximum ", " → 最高 ")
            .replace(" (up to the dollar)", "（进位至元）")
            .replace(" per application", " 每次申购")
            .replace(" per trade", " 每笔")
            .replace(" shares × ¥1 par × ", " 股 × 面值¥1 × "),
    }
}

/// A note in the reader's language.
pub fn note_text(n: &Note, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match n {
        Note::Open { code, shares } => {
            if zh {
                format!("{code}：尚持有 {shares} 股未卖出，未计净收益；可用 --price {code}=价格 估值")
            } else {
                format!("{code}: {shares} shares still held and not valued, so no net figure; value them with --price {code}=PRICE")
            }
        }
        Note::Valued { code, shares, price } => {
            if zh {
                format!("{code}：持有的 {shares} 股按给定价 {} 估值，费用按今日费率估算", p(*price))
            } else {
                format!("{code}: the {shares} shares held are valued at the given {}, with today's fees as if sold", p(*price))
            }
        }
        Note::NoPaymentDay { code } => {
            if zh {
                format!("{code}：没有缴款日，持有天数从申购日算起")
            } else {
                format!("{code}: no payment day; holding days count from the subscription day")
            }
        }
        Note::UnclearFee {
            name_zh, name_en, ..
        } => {
            if zh {
                format!("费用项「{name_zh}」所用费率行在来源中标为不明确（见 daxin fees）")
            } else {
                format!("fee item {name_en} used a rate row the sources leave unclear (see daxin fees)")
            }
        }
        Note::UnusedPrice { code } => {
            if zh {
                format!("--price {code}：账本中没有尚持有的该股票，未使用")
            } else {
                format!("--price {code}: nothing of it is held in the ledger; not used")
            }
        }
        Note::TwoStrikes { dates, until } => {
            let d: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
            if zh {
                format!(
                    "注意：12个月内已弃购 2 次（{}）；{until} 前再弃购一次，将自次日起 180 天内不得网上申购新股、存托凭证、可转债和可交换债",
                    d.join("、")
                )
            } else {
                format!(
                    "warning: two wins given up within 12 months ({}); a third on or before {until} bars online subscription to new shares, depositary receipts, convertible and exchangeable bonds for 180 days from the day after",
                    d.join(", ")
                )
            }
        }
        Note::Barred { third, from, to, current } => match (zh, current) {
            (true, true) => format!("12个月内第 3 次弃购（{third}）：{from} 至 {to} 不得网上申购（今日在限制期内）"),
            (true, false) => format!("12个月内第 3 次弃购（{third}）：{from} 至 {to} 不得网上申购"),
            (false, true) => format!("third win given up within 12 months ({third}): online subscription barred {from} to {to} (in force today)"),
            (false, false) => format!("third win given up within 12 months ({third}): online subscription barred {from} to {to}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ymd;
    use crate::wins::ledger::parse;

    fn run(text: &str, opts: &Options) -> WinsReport {
        report(
            &parse(text, "t").unwrap(),
            &Dataset::builtin().unwrap(),
            &Schedule::builtin().unwrap(),
            opts,
        )
        .unwrap()
    }

    const TWO: &str = "[[win]]\naccount = \"A\"\ncode = \"688802\"\ndate = 2025-12-05\npaid = 2025-12-09\nshares = 500\n\
        [[win.sale]]\ndate = 2025-12-17\nshares = 200\nprice = \"829.90\"\n\
        [[win]]\naccount = \"B\"\ncode = \"688795\"\ndate = 2025-11-24\nshares = 500\n";

    #[test]
    fn open_positions_are_never_valued_at_the_issue_price() {
        let r = run(TWO, &Options::new(ymd(2026, 1, 5)));
        assert_eq!(r.wins[0].open_shares, 300);
        assert_eq!(r.wins[0].net_profit, None);
        assert!(r.notes.contains(&Note::Open {
            code: "688802".into(),
            shares: 300
        }));
        // valued at the user's price, as if sold today
        let mut o = Options::new(ymd(2026, 1, 5));
        o.marks.push((
            "688802".into(),
            Price::new("p", Decimal::from(700)).unwrap(),
        ));
        o.marks.push((
            "688795".into(),
            Price::new("p", Decimal::from(600)).unwrap(),
        ));
        let r = run(TWO, &o);
        let w = &r.wins[0];
        assert_eq!(w.sales.len(), 2);
        assert!(w.sales[1].valued);
        assert_eq!(
            w.gross_profit,
            Some(Decimal::from_str_exact("323650").unwrap())
        ); // 200 × 725.24 + 300 × 595.34
        assert!(w.net_profit.is_some());
        assert_eq!(r.total.len(), 1);
        assert_eq!(r.total[0].wins, 2);
    }

    #[test]
    fn groups_and_market_value() {
        let mut o = Options::new(ymd(2026, 1, 5));
        o.marks.push((
            "688802".into(),
            Price::new("p", Decimal::from(700)).unwrap(),
        ));
        o.marks.push((
            "688795".into(),
            Price::new("p", Decimal::from(600)).unwrap(),
        ));
        o.by = Some(GroupBy::Account);
        o.mv_sh = Some(Decimal::from(500_000));
        let r = run(TWO, &o);
        assert_eq!(r.groups.len(), 2);
        let all = &r.total[0];
        assert_eq!(
            all.net_total,
            Some(r.wins.iter().filter_map(|w| w.net_profit).sum())
        );
        let ret = all.return_on_market_value_pct.unwrap();
        assert_eq!(
            ret,
            all.net_total.unwrap() * Decimal::ONE_HUNDRED / Decimal::from(500_000)
        );
        assert!(all.best.as_ref().unwrap().net >= all.worst.as_ref().unwrap().net);
        let steps = explain(&r, &o, Lang::En);
        assert!(
            steps.iter().any(|s| s.contains("return on market value")),
            "{steps:?}"
        );
    }

    #[test]
    fn strikes_warn_at_two_and_bar_at_three() {
        let t = |d: &str| {
            format!("[[win]]\ncode = \"113052\"\nkind = \"cb\"\ndate = {d}\nabandoned = {d}\n")
        };
        let two = format!(
            "{}{}",
            t("2025-03-03"),
            t("2025-09-01").replace("113052", "113053")
        );
        let r = run(&two, &Options::new(ymd(2025, 10, 1)));
        assert_eq!(r.abandoned_last_12_months, 2);
        assert!(r
            .notes
            .iter()
            .any(|n| matches!(n, Note::TwoStrikes { until, .. } if *until == ymd(2026, 3, 2))));
        let three = format!("{two}{}", t("2026-02-01").replace("113052", "113054"));
        let r = run(&three, &Options::new(ymd(2026, 2, 10)));
        // barred from the day after the third for 180 days, the first included
        assert!(r.notes.contains(&Note::Barred {
            third: ymd(2026, 2, 1),
            from: ymd(2026, 2, 2),
            to: ymd(2026, 7, 31),
            current: true
        }));
        // three more than 12 months apart: no bar
        let apart = format!(
            "{}{}{}",
            t("2024-01-02"),
            t("2024-06-03").replace("113052", "113053"),
            t("2025-01-02").replace("113052", "113054")
        );
        let r = run(&apart, &Options::new(ymd(2025, 2, 1)));
        assert!(
            !r.notes.iter().any(|n| matches!(n, Note::Barred { .. })),
            "{:?}",
            r.notes
        );
    }
}
