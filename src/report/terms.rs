//! An IPO from its terms: what `daxin lot` (or a form on a page) gives —
//! issue price, board and date or lot size, prices, share counts — turned
//! into an [`Ipo`], with the lot unit of the board on the day, the
//! warnings, and the working that says which rule gave the lot.
//!
//! "Today" is passed in, never read here: without a subscription date the
//! rules and fees of `today` apply, and the working says so.
//!
//! ```
//! use chrono::NaiveDate;
//! use daxin::report::terms::Terms;
//! use daxin::{input, Board, Lang};
//!
//! let mut terms = Terms::new(input::parse_price("--issue-price", "10").unwrap());
//! terms.board = Some(Board::SseMain);
//! terms.date = NaiveDate::from_ymd_opt(2022, 6, 1); // before the 2023 change
//! let built = terms.build(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap();
//! assert_eq!(built.ipo.lot_shares.get(), 1000);
//! assert!(built.working[0].text(Lang::En).starts_with("lot: 1000 shares"));
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{self, Board, Currency};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::input::{Price, Shares};
use crate::ipo::{Basis, Ipo, Quote};
use crate::margin::{self, Loan};
use crate::message::Warning;
use crate::net::NetOptions;
use crate::report::ipo::MarginSpec;

/// The terms of an IPO typed in, validated value by value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// A name to show (may be empty).
    pub name: String,
    /// Issue price.
    pub issue_price: Price,
    /// Shares per lot, when given.
    pub lot_size: Option<Shares>,
    /// The board, for its lot unit and currency.
    pub board: Option<Board>,
    /// The currency, when not the board's.
    pub currency: Option<Currency>,
    /// The subscription day (or the application deadline, or the payment
    /// day): the day whose rules and fees apply.
    pub date: Option<NaiveDate>,
    /// Prices: basis, price, and a label for user-named prices.
    pub prices: Vec<(Basis, Price, Option<String>)>,
    /// The day of the exit price.
    pub exit_date: Option<NaiveDate>,
    /// Total shares after the IPO.
    pub total_shares: Option<Shares>,
    /// Float shares.
    pub float_shares: Option<Shares>,
    /// Net profit of the P/E year.
    pub net_profit: Option<Decimal>,
    /// Revenue of the P/S year.
    pub revenue: Option<Decimal>,
    /// Earnings per share.
    pub eps: Option<Decimal>,
    /// Revenue per share.
    pub revenue_per_share: Option<Decimal>,
}

/// One line of the terms' working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TermsStep {
    /// The lot was given.
    LotGiven {
        /// Shares per lot.
        shares: u64,
    },
    /// The lot is the board's unit on the day.
    LotFromRule {
        /// Shares per lot.
        shares: u64,
        /// The board.
        board: Board,
        /// The day.
        on: NaiveDate,
        /// Whether the day is today (no date was given).
        today: bool,
        /// The rule's note.
        note: &'static str,
        /// The rule's note in Chinese.
        #[serde(skip)]
        note_zh: &'static str,
        /// Its source.
        source: &'static str,
    },
    /// No date was given: today's rules and fees apply.
    DateIsToday {
        /// Today.
        today: NaiveDate,
    },
}

impl TermsStep {
    /// The line in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (TermsStep::LotGiven { shares }, Lang::En) => {
                format!("lot: {shares} shares (--lot-size)")
            }
            (TermsStep::LotGiven { shares }, Lang::Zh) => {
                format!("每签：{shares} 股（--lot-size）")
            }
            (
                TermsStep::LotFromRule {
                    shares,
                    board,
                    on,
                    today,
                    note,
                    source,
                    ..
                },
                Lang::En,
            ) => {
                let when = match today {
                    true => format!("{on} (today; give --date for another day)"),
                    false => on.to_string(),
                };
                format!(
                    "lot: {shares} shares — {} rule in force on {when}: {note} [{source}]",
                    board.name_en()
                )
            }
            (
                TermsStep::LotFromRule {
                    shares,
                    board,
                    on,
                    today,
                    note_zh,
                    source,
                    ..
                },
                Lang::Zh,
            ) => {
                let when = match today {
                    true => format!("{on}（今天；其他日期请用 --date）"),
                    false => on.to_string(),
                };
                format!(
                    "每签：{shares} 股——{}于 {when} 施行的规则：{note_zh} [{source}]",
                    board.name_zh()
                )
            }
            (TermsStep::DateIsToday { today }, Lang::En) => format!(
                "date: {today} (today) for the lot unit and fee schedules; give --date for the day of the subscription"
            ),
            (TermsStep::DateIsToday { today }, Lang::Zh) => format!(
                "日期：按 {today}（今天）的中签单位与费率；申购日请用 --date 给出"
            ),
        }
    }
}

/// An IPO built from terms, with what the reader should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// The IPO.
    pub ipo: Ipo,
    /// Warnings (a lot that differs from the board's unit, …).
    pub warnings: Vec<Warning>,
    /// Which rule gave the lot, and the date used.
    pub working: Vec<TermsStep>,
}

impl Terms {
    fn price_at(&self, basis: Basis) -> Option<Decimal> {
        self.prices
            .iter()
            .find(|(b, _, _)| *b == basis)
            .map(|(_, p, _)| p.get())
    }

    /// Prices that contradict each other: a low above the high, a price of
    /// the day outside the day's range, a grey price on an A-share board.
    fn price_warnings(&self) -> Vec<Warning> {
        let mut w = Vec::new();
        let (low, high) = (self.price_at(Basis::Low), self.price_at(Basis::High));
        if let (Some(l), Some(h)) = (low, high) {
            if l > h {
                w.push(Warning::LowAboveHigh { low: l, high: h });
            }
        }
        for basis in [Basis::Open, Basis::Close, Basis::Avg] {
            let Some(p) = self.price_at(basis) else {
                continue;
            };
            let below = low.is_some_and(|l| p < l);
            let above = high.is_some_and(|h| p > h);
            if below || above {
                w.push(Warning::OutsideDayRange {
                    basis: basis.id().to_string(),
                    price: p,
                    low: low.unwrap_or(p),
                    high: high.unwrap_or(p),
                });
            }
        }
        let a_share = match (self.board, self.currency) {
            (Some(b), _) => b != Board::Hkex,
            (None, Some(c)) => c == Currency::Cny,
            (None, None) => false,
        };
        if a_share && self.price_at(Basis::Grey).is_some() {
            w.push(Warning::GreyOnAShare {
                board: self.board.unwrap_or(Board::SseMain),
            });
        }
        w
    }

    /// Terms with only an issue price.
    pub fn new(issue_price: Price) -> Terms {
        Terms {
            name: String::new(),
            issue_price,
            lot_size: None,
            board: None,
            currency: None,
            date: None,
            prices: Vec::new(),
            exit_date: None,
            total_shares: None,
            float_shares: None,
            net_profit: None,
            revenue: None,
            eps: None,
            revenue_per_share: None,
        }
    }

    /// The IPO these terms describe, with the rules of `self.date` (or of
    /// `today` when no date is given).
    ///
    /// Errors: no lot (neither `lot_size` nor a board with a fixed unit), a
    /// date no rule covers, float shares above the total.
    pub fn build(&self, today: NaiveDate) -> Result<Built> {
        let mut warnings = Vec::new();
        let mut working = Vec::new();
        if let Some(date) = self.date.filter(|d| *d > today) {
            warnings.push(Warning::AfterToday { date, today });
        }
        let rule = match self.board {
            Some(b) => {
                let on = self.date.unwrap_or(today);
                // a date before the board opened: no lot given would help
                // (its limits and fees have no rule either), so no hint
                let r = board::lot_rule(b, on)?;
                warnings.extend(board::lot_rule_warnings(r, on));
                Some((b, on, r))
            }
            None => None,
        };
        let lot = match (self.lot_size, rule) {
            (Some(l), rule) => {
                if let Some((b, _, r)) = rule {
                    if let Some(unit) = r.shares.filter(|u| *u != l.get()) {
                        warnings.push(Warning::LotSizeDiffers {
                            given: l.get(),
                            board: b,
                            unit,
                        });
                    }
                }
                working.push(TermsStep::LotGiven { shares: l.get() });
                l
            }
            (None, Some((b, on, r))) => {
                let n = r.shares.ok_or_else(|| {
                    Error::missing(
                        "--lot-size",
                        crate::Why::pair(
                            format!(
                                "{} has no fixed lot; each IPO sets its board lot (每手股数)",
                                b.name_en()
                            ),
                            format!("{}没有固定的每手股数；由各只新股自定", b.name_zh()),
                        ),
                    )
                })?;
                working.push(TermsStep::LotFromRule {
                    shares: n,
                    board: b,
                    on,
                    today: self.date.is_none(),
                    note: r.note,
                    note_zh: r.note_zh,
                    source: r.source,
                });
                Shares::new("--lot-size", n)?
            }
            (None, None) => {
                return Err(Error::missing(
                    "--lot-size",
                    crate::why!(
                        "give --lot-size, or --board (and --date) to use the board's unit",
                        "请给出 --lot-size，或给出 --board（及 --date）以采用该板块的每签股数"
                    ),
                ))
            }
        };
        let currency = match (self.currency, self.board) {
            (Some(c), _) => c,
            (None, Some(b)) => b.currency(),
            (None, None) => Currency::Cny,
        };
        let mut ipo = Ipo::new("-", &self.name, self.board, currency, self.issue_price, lot);
        if self.date.is_none() {
            working.push(TermsStep::DateIsToday { today });
        }
        ipo.subscription_date = Some(self.date.unwrap_or(today));
        for (basis, price, label) in &self.prices {
            ipo.quotes
                .push(Quote::new(*basis, *price, self.exit_date, label.clone()));
        }
        let has_exit = self.prices.iter().any(|(b, _, _)| *b == Basis::Exit);
        if self.exit_date.is_some() && !has_exit {
            warnings.push(Warning::ExitDateWithoutExit);
        }
        ipo.total_shares = self.total_shares;
        ipo.float_shares = self.float_shares;
        ipo.net_profit = self.net_profit;
        ipo.revenue = self.revenue;
        ipo.eps = self.eps;
        ipo.revenue_per_share = self.revenue_per_share;
        if let (Some(t), Some(f)) = (self.total_shares, self.float_shares) {
            if f > t {
                return Err(Error::invalid(
                    "--float-shares",
                    &f.get().to_string(),
                    crate::why!(
                        "more than the total shares ({})",
                        "超过总股本（{}）",
                        t.get()
                    ),
                ));
            }
        }
        if self
            .net_profit
            .or(self.eps)
            .is_some_and(|p| p <= Decimal::ZERO)
        {
            warnings.push(Warning::EarningsNotPositive);
        }
        if self.net_profit.is_some() && self.eps.is_some() {
            warnings.push(Warning::EpsAndNetProfit {
                net_profit_used: self.total_shares.is_some(),
            });
        }
        warnings.extend(self.price_warnings());
        Ok(Built {
            ipo,
            warnings,
            working,
        })
    }
}

/// Broker terms, dates and a margin application as given: each value
/// validated on its own, their combination checked by [`FeeTerms::resolve`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeeTerms {
    /// Commission rate, as a fraction (overrides the config).
    pub commission: Option<Decimal>,
    /// Minimum commission (overrides the config).
    pub min_commission: Option<Decimal>,
    /// Application handling fee (overrides the config).
    pub handling_fee: Option<Decimal>,
    /// A-shares: the T+2 payment day.
    pub pay_date: Option<NaiveDate>,
    /// Hong Kong: the application deadline.
    pub deadline: Option<NaiveDate>,
    /// Hong Kong: the day the results are out.
    pub results_date: Option<NaiveDate>,
    /// The sale day.
    pub sell_date: Option<NaiveDate>,
    /// Margin application: lots applied for.
    pub margin_lots: Option<u64>,
    /// Margin: the loan as a percentage of the application (90).
    pub loan_pct: Option<Decimal>,
    /// Margin: leverage (10 = one tenth own cash).
    pub leverage: Option<Decimal>,
    /// Margin: annual rate, as a fraction.
    pub margin_rate: Option<Decimal>,
    /// Margin: interest days, when not from the dates.
    pub margin_days: Option<i64>,
}

impl FeeTerms {
    /// The net options and the margin application for an IPO quoted in
    /// `currency`, with `config`'s broker terms where none are given.
    ///
    /// Errors name the flag: margin terms without `--margin-lots`, a margin
    /// application outside Hong Kong, both or neither of the loan's forms,
    /// no rate, no days.
    pub fn resolve(
        &self,
        currency: Currency,
        config: &Config,
    ) -> Result<(NetOptions, Option<MarginSpec>, Vec<Warning>)> {
        let mut warnings = Vec::new();
        let terms = config.terms(currency);
        let mut broker = terms.broker;
        if let Some(c) = self.commission {
            broker.commission_rate = c;
        }
        if let Some(m) = self.min_commission {
            broker.min_commission = m;
        }
        if let Some(h) = self.handling_fee {
            broker.handling_fee = h;
        }
        let opts = NetOptions {
            broker,
            application_date: self.deadline.or(self.pay_date),
            cash_out_date: self.pay_date.or(self.deadline),
            sale_date: self.sell_date,
        };
        let Some(lots) = self.margin_lots else {
            let stray = self.loan_pct.is_some()
                || self.leverage.is_some()
                || self.margin_rate.is_some()
                || self.margin_days.is_some()
                || self.results_date.is_some();
            if stray {
                return Err(Error::missing(
                    "--margin-lots",
                    crate::why!(
                        "margin flags need the number of lots applied for",
                        "融资参数需要申购的手数"
                    ),
                ));
            }
            return Ok((opts, None, warnings));
        };
        if currency != Currency::Hkd {
            return Err(Error::invalid(
                "--margin-lots",
                &lots.to_string(),
                crate::why!(
                    "margin applications are a Hong Kong practice; this IPO is not in HKD",
                    "融资认购是港股的做法；这只新股不以港元计价"
                ),
            ));
        }
        let loan = match (self.loan_pct, self.leverage) {
            (Some(_), Some(x)) => {
                return Err(Error::invalid(
                    "--leverage",
                    &x.to_string(),
                    crate::why!(
                        "give --loan-pct or --leverage, not both",
                        "请给出 --loan-pct 或 --leverage，不要同时给出"
                    ),
                ))
            }
            (Some(p), None) => Loan::Share(crate::num::div(p, Decimal::ONE_HUNDRED, "--loan-pct")?),
            (None, Some(x)) => Loan::Leverage(x),
            (None, None) => {
                return Err(Error::missing(
                    "--loan-pct",
                    crate::why!(
                        "give --loan-pct or --leverage",
                        "请给出 --loan-pct 或 --leverage"
                    ),
                ))
            }
        };
        let annual_rate = match self.margin_rate.or(terms.margin_rate) {
            Some(r) => r,
            None => {
                return Err(Error::missing(
                    "--margin-rate",
                    crate::why!(
                        "give the annual rate, or margin_rate in daxin.toml",
                        "请给出年利率，或在 daxin.toml 中设置 margin_rate"
                    ),
                ))
            }
        };
        let days = match (self.margin_days, self.deadline, self.results_date) {
            (Some(n), Some(d), Some(r)) => {
                let from_dates = margin::interest_days(d, r)?;
                if from_dates != n {
                    warnings.push(Warning::MarginDaysDiffer {
                        given: n,
                        from_dates,
                    });
                }
                n
            }
            (Some(n), _, _) => n,
            (None, Some(d), Some(r)) => margin::interest_days(d, r)?,
            _ => {
                return Err(Error::missing(
                    "--margin-days",
                    crate::why!(
                        "give --margin-days, or --deadline and --results-date",
                        "请给出 --margin-days，或给出 --deadline 与 --results-date"
                    ),
                ))
            }
        };
        // a handling fee given for this run wins; else the config's margin fee
        let handling_fee = match (self.handling_fee, terms.margin_handling_fee) {
            (Some(h), _) => h,
            (None, Some(h)) => h,
            (None, None) => broker.handling_fee,
        };
        Ok((
            opts,
            Some(MarginSpec {
                lots,
                loan,
                annual_rate,
                days,
                handling_fee,
            }),
            warnings,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn terms(board: Option<Board>, date: Option<NaiveDate>) -> Terms {
        let mut t = Terms::new(input::parse_price("--issue-price", "10").unwrap());
        t.board = board;
        t.date = date;
        t
    }

    #[test]
    fn the_sse_main_unit_follows_the_subscription_date() {
        // market-rules.md §1: 1,000 shares per number before 2023-03-27, 500 from then
        let today = ymd(2026, 12, 1);
        let old = terms(Some(Board::SseMain), Some(ymd(2022, 6, 1)));
        let new = terms(Some(Board::SseMain), Some(ymd(2023, 6, 1)));
        assert_eq!(old.build(today).unwrap().ipo.lot_shares.get(), 1000);
        assert_eq!(new.build(today).unwrap().ipo.lot_shares.get(), 500);
    }

    #[test]
    fn without_a_date_today_is_used_and_said() {
        let today = ymd(2026, 12, 1);
        let b = terms(Some(Board::Star), None).build(today).unwrap();
        assert_eq!(b.ipo.subscription_date, Some(today));
        assert!(b.working.contains(&TermsStep::DateIsToday { today }));
    }

    #[test]
    fn a_given_lot_that_differs_from_the_unit_warns() {
        let mut t = terms(Some(Board::Star), Some(ymd(2025, 12, 5)));
        t.lot_size = Some(Shares::new("--lot-size", 1000).unwrap());
        let b = t.build(ymd(2026, 12, 1)).unwrap();
        assert_eq!(b.ipo.lot_shares.get(), 1000);
        assert!(b.warnings.contains(&Warning::LotSizeDiffers {
            given: 1000,
            board: Board::Star,
            unit: 500
        }));
    }

    #[test]
    fn contradicting_prices_warn() {
        let p = |x: &str| input::parse_price("--x", x).unwrap();
        let mut t = terms(Some(Board::Star), Some(ymd(2025, 12, 5)));
        t.prices = vec![
            (Basis::High, p("600"), None),
            (Basis::Low, p("650"), None),
            (Basis::Close, p("700"), None),
            (Basis::Grey, p("500"), None),
        ];
        t.net_profit = Some(Decimal::from(1_000_000));
        t.eps = Some(Decimal::ONE);
        let w = t.build(ymd(2026, 12, 1)).unwrap().warnings;
        assert!(w.contains(&Warning::LowAboveHigh {
            low: Decimal::from(650),
            high: Decimal::from(600)
        }));
        assert!(w
            .iter()
            .any(|x| matches!(x, Warning::OutsideDayRange { basis, .. } if basis == "close")));
        assert!(w.contains(&Warning::GreyOnAShare { board: Board::Star }));
        assert!(w.contains(&Warning::EpsAndNetProfit {
            net_profit_used: false
        }));
    }

    #[test]
    fn margin_days_that_the_dates_contradict_warn() {
        let f = FeeTerms {
            margin_lots: Some(10),
            leverage: Some(Decimal::TEN),
            margin_rate: Some(Decimal::new(399, 4)),
            margin_days: Some(5),
            deadline: Some(ymd(2025, 12, 29)),
            results_date: Some(ymd(2025, 12, 31)),
            ..FeeTerms::default()
        };
        let (_, m, w) = f.resolve(Currency::Hkd, &Config::default()).unwrap();
        assert_eq!(m.unwrap().days, 5);
        assert_eq!(
            w,
            vec![Warning::MarginDaysDiffer {
                given: 5,
                from_dates: 2
            }]
        );
    }

    #[test]
    fn no_lot_and_float_above_total_are_errors() {
        let today = ymd(2026, 12, 1);
        assert!(terms(None, None).build(today).is_err());
        assert!(terms(Some(Board::Hkex), None).build(today).is_err());
        let mut t = terms(Some(Board::Star), None);
        t.total_shares = Some(Shares::new("--shares", 100).unwrap());
        t.float_shares = Some(Shares::new("--float-shares", 200).unwrap());
        let e = t.build(today).unwrap_err().to_string();
        assert!(e.contains("--float-shares"), "{e}");
    }
}
