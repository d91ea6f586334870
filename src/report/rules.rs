//! Reports of the dated rules: what `daxin rules`, `daxin limits` and
//! `daxin path` print.
//!
//! ```
//! use chrono::NaiveDate;
//! use daxin::report::rules::PathReport;
//! use daxin::{input, Board};
//!
//! // 工业富联, June 2018: three limit-up days from a 13.77 issue price
//! let issue = input::parse_price("--issue-price", "13.77").unwrap();
//! let day = NaiveDate::from_ymd_opt(2018, 6, 8).unwrap();
//! let r = PathReport::build(Board::SseMain, day, issue, None, 3, false).unwrap();
//! assert_eq!(r.days[2].price.to_string(), "23.99");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{self, Board, LotRule, RuleStatus};
use crate::error::{Error, Result};
use crate::explain;
use crate::headline::Lang;
use crate::input::{Price, Shares};
use crate::message::{RowNote, RuleTable, Warning, Warnings};
use crate::report::ser;
use crate::rules::{self, SubscriptionRule, TradingRule};

fn unclear(table: RuleTable, status: RuleStatus, note: &str) -> Option<Warning> {
    (status == RuleStatus::Unclear).then(|| Warning::RuleUnclear {
        table,
        note: RowNote {
            en: note.to_string(),
            zh: None,
        },
    })
}

/// The rules of a board on a day, each with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesReport {
    /// The board.
    pub board: Board,
    /// The day.
    pub date: NaiveDate,
    /// Shares per lot.
    pub lot: &'static LotRule,
    /// The subscription quota rule (none before the board's first row).
    pub subscription: Option<&'static SubscriptionRule>,
    /// Price limits and halts.
    pub trading: &'static TradingRule,
    /// Rows the sources leave open.
    pub warnings: Warnings,
    /// Which dated row of each table the day fell in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
}

impl RulesReport {
    /// The rules of `board` on `day`.
    pub fn build(board: Board, day: NaiveDate, lang: Lang, explain: bool) -> Result<RulesReport> {
        let lot = board::lot_rule(board, day)?;
        let subscription = rules::subscription_rule(board, day).ok();
        let trading = rules::trading_rule(board, day)?;
        let mut warnings = Warnings::new(lang);
        warnings.extend(unclear(RuleTable::Lot, lot.status, lot.note));
        if let Some(s) = subscription {
            warnings.extend(unclear(RuleTable::Subscription, s.status, s.note));
        }
        warnings.extend(unclear(RuleTable::Trading, trading.status, trading.note));
        let working = explain.then(|| {
            let t = |zh: &str, en: &str| match lang {
                Lang::Zh => zh.to_string(),
                Lang::En => en.to_string(),
            };
            let mut w = vec![format!(
                "{}: {}",
                t("中签单位", "lot"),
                explain::in_period(lot.from, lot.to, day, lang)
            )];
            if let Some(s) = subscription {
                w.push(format!(
                    "{}: {}",
                    t("申购额度", "subscription"),
                    explain::in_period(s.from, s.to, day, lang)
                ));
            }
            w.push(format!(
                "{}: {}",
                t("涨跌幅", "trading"),
                explain::in_period(trading.from, trading.to, day, lang)
            ));
            w
        });
        Ok(RulesReport {
            board,
            date: day,
            lot,
            subscription,
            trading,
            warnings,
            working,
        })
    }

    /// The per-account cap as a fraction in per mille (1 for 1‰).
    pub fn cap_permille(&self) -> Option<Decimal> {
        self.subscription
            .and_then(|s| s.cap_fraction.checked_mul(Decimal::from(1000)))
    }
}

/// The up and down limits of one trading day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitsReport {
    /// Highest valid price (`null`: no limit).
    #[serde(serialize_with = "ser::opt::money")]
    pub up: Option<Decimal>,
    /// Lowest valid price.
    #[serde(serialize_with = "ser::opt::money")]
    pub down: Option<Decimal>,
    /// The trading day, 1 = the listing day.
    pub day: u32,
    /// What set the limits.
    #[serde(rename = "rule")]
    pub why: String,
    /// The rule's source.
    pub source: &'static str,
    /// Each limit's product and rounding, or why there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
}

impl LimitsReport {
    /// The limits of trading day `day` of a stock listed on `listed`; with
    /// no day given: day 1 for an issue price alone, else the first day
    /// with a daily limit.
    pub fn build(
        board: Board,
        listed: NaiveDate,
        day: Option<u32>,
        issue_price: Option<Price>,
        prev_close: Option<Price>,
        explain: bool,
    ) -> Result<LimitsReport> {
        let rule = rules::trading_rule(board, listed)?;
        let n = match day {
            Some(d) => d,
            None if prev_close.is_none() => 1,
            None => (rule.no_limit_days + 1).max(2),
        };
        let l = rules::limits(
            board,
            listed,
            n,
            issue_price.map(|p| p.get()),
            prev_close.map(|p| p.get()),
        )?;
        let working = explain.then(|| match l.working.is_empty() {
            true => vec![l.why.clone()],
            false => l.working.clone(),
        });
        Ok(LimitsReport {
            up: l.up,
            down: l.down,
            day: n,
            why: l.why,
            source: rule.source,
            working,
        })
    }
}

/// One day of a limit-up run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathRow {
    /// Trading day, 1 = the listing day.
    pub day: u32,
    /// The limit-up close.
    #[serde(serialize_with = "ser::money")]
    pub price: Decimal,
    /// (price − issue) × lot.
    #[serde(serialize_with = "ser::money")]
    pub profit_per_lot: Decimal,
    /// Gain over the issue price, percent.
    #[serde(serialize_with = "ser::pct")]
    pub gain_pct: Decimal,
    /// The working of the day's limit.
    #[serde(skip)]
    pub formula: String,
}

/// A run of limit-up days (一字板) from the listing day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathReport {
    /// The issue price.
    #[serde(serialize_with = "ser::money")]
    pub issue_price: Decimal,
    /// Shares per lot.
    pub lot_shares: u64,
    /// Each day.
    pub days: Vec<PathRow>,
    /// Each day's limit, worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
}

impl PathReport {
    /// `days` limit-up closes of an IPO listed on `listed`; the lot is the
    /// board's unit on the listing day unless given.
    pub fn build(
        board: Board,
        listed: NaiveDate,
        issue: Price,
        lot: Option<Shares>,
        days: u32,
        explain: bool,
    ) -> Result<PathReport> {
        let lot = match lot {
            Some(l) => l.get(),
            None => board::lot_rule(board, listed)?
                .shares
                .ok_or_else(|| Error::missing("--lot-size", "this board sets lots per IPO"))?,
        };
        let path = rules::limit_up_path(board, listed, issue.get(), lot, days)?;
        let working = explain.then(|| {
            path.iter()
                .map(|d| format!("day {}: {}", d.day, d.formula))
                .collect()
        });
        Ok(PathReport {
            working,
            issue_price: issue.get(),
            lot_shares: lot,
            days: path
                .into_iter()
                .map(|d| PathRow {
                    day: d.day,
                    price: d.price,
                    profit_per_lot: d.profit_per_lot,
                    gain_pct: d.gain_pct,
                    formula: d.formula,
                })
                .collect(),
        })
    }
}
