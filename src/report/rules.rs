//! Reports of the dated rules: what `daxin rules`, `daxin limits` and
//! `daxin path` print.
//!
//! ```
//! use chrono::NaiveDate;
//! use daxin::report::rules::PathReport;
//! use daxin::{input, Board, Lang};
//!
//! // 工业富联, June 2018: three limit-up days from a 13.77 issue price
//! let issue = input::parse_price("--issue-price", "13.77").unwrap();
//! let day = NaiveDate::from_ymd_opt(2018, 6, 8).unwrap();
//! let r = PathReport::build(Board::SseMain, day, issue, None, 3, Lang::Zh, true).unwrap();
//! assert_eq!(r.days[2].price.to_string(), "23.99");
//! assert_eq!(r.working.unwrap()[2], "第 3 个交易日：21.81 × 110% = 23.991 → 23.99");
//!
//! // STAR's rules on a day, in words
//! use daxin::report::rules::RulesReport;
//! let r = RulesReport::build(Board::Star, NaiveDate::from_ymd_opt(2025, 12, 5).unwrap(), Lang::En, false)
//!     .unwrap();
//! assert_eq!(r.band_text(Lang::En), "none for the first 5 trading day(s)");
//! assert_eq!(r.daily_text(Lang::En), "±20% of the previous close, half-up to the fen");
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
use crate::rules::{self, LimitBasis, SubscriptionRule, TradingRule};

fn unclear(table: RuleTable, status: RuleStatus, note: RowNote) -> Option<Warning> {
    (status == RuleStatus::Unclear).then_some(Warning::RuleUnclear { table, note })
}

/// A rule row as JSON, its texts (`note`, `halts`) in `lang`.
fn localized<T: Serialize>(row: &T, texts: &[(&str, &str)]) -> serde_json::Value {
    let mut v = serde_json::to_value(row).unwrap_or(serde_json::Value::Null);
    if let serde_json::Value::Object(m) = &mut v {
        for (key, text) in texts {
            if let Some(slot) = m.get_mut(*key) {
                *slot = serde_json::Value::String(text.to_string());
            }
        }
    }
    v
}

/// The rules of a board on a day, each with its source. Its JSON gives
/// each row's `note` and `halts` in the report's language.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub working: Option<Vec<String>>,
    /// The language of the texts.
    pub lang: Lang,
}

impl Serialize for RulesReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct View<'a> {
            board: Board,
            date: NaiveDate,
            lot: serde_json::Value,
            subscription: Option<serde_json::Value>,
            trading: serde_json::Value,
            warnings: &'a Warnings,
            #[serde(skip_serializing_if = "Option::is_none")]
            working: &'a Option<Vec<String>>,
        }
        let lang = self.lang;
        View {
            board: self.board,
            date: self.date,
            lot: localized(self.lot, &[("note", self.lot.note(lang))]),
            subscription: self
                .subscription
                .map(|r| localized(r, &[("note", r.note(lang))])),
            trading: localized(
                self.trading,
                &[
                    ("note", self.trading.note(lang)),
                    ("halts", self.trading.halts(lang)),
                ],
            ),
            warnings: &self.warnings,
            working: &self.working,
        }
        .serialize(s)
    }
}

impl RulesReport {
    /// The rules of `board` on `day`.
    pub fn build(board: Board, day: NaiveDate, lang: Lang, explain: bool) -> Result<RulesReport> {
        let lot = board::lot_rule(board, day)?;
        let subscription = rules::subscription_rule(board, day).ok();
        let trading = rules::trading_rule(board, day)?;
        let mut warnings = Warnings::new(lang);
        warnings.extend(unclear(RuleTable::Lot, lot.status, lot.row_note()));
        if let Some(s) = subscription {
            warnings.extend(unclear(RuleTable::Subscription, s.status, s.row_note()));
        }
        warnings.extend(unclear(
            RuleTable::Trading,
            trading.status,
            trading.row_note(),
        ));
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
            lang,
        })
    }

    /// Shares per lot, with the rule's note.
    pub fn lot_text(&self, lang: Lang) -> String {
        match self.lot.shares {
            Some(n) => format!("{n} — {}", self.lot.note(lang)),
            None => self.lot.note(lang).to_string(),
        }
    }

    /// The subscription quota and the per-account cap (none before the
    /// board's first quota rule).
    pub fn quota_text(&self, lang: Lang) -> Option<String> {
        let s = self.subscription?;
        let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
        let quota = match s.mv_per_unit {
            Some(v) => format!(
                "¥{v} {} ({})",
                t("市值 / 单位", "of market value per unit"),
                pool_words(s.pool, lang)
            ),
            None => t("现金申购，全额缴款", "cash, paid in full").to_string(),
        };
        let permille = self.cap_permille().map(crate::num::trim);
        let max = s.cap_max.map(|m| format!(", ≤ {m}"));
        Some(format!(
            "{quota}; {} {}‰ {}{}",
            t("上限", "cap"),
            permille.unwrap_or_default(),
            t("网上初始发行量", "of the initial online shares"),
            max.unwrap_or_default()
        ))
    }

    /// The first day's price band, or the days without one.
    pub fn band_text(&self, lang: Lang) -> String {
        let tr = self.trading;
        let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
        match (tr.first_day_up_pct, tr.first_day_down_pct) {
            (Some(u), Some(d)) => format!(
                "+{u}% / −{d}% {}",
                t(
                    "（相对发行价，四舍五入至分）",
                    "of the issue price, half-up to the fen"
                )
            ),
            _ if tr.no_limit_days > 0 => format!(
                "{} {} {}",
                t("前", "none for the first"),
                tr.no_limit_days,
                t("个交易日不设涨跌幅", "trading day(s)")
            ),
            _ => t("无", "none").to_string(),
        }
    }

    /// The daily limit after the first days.
    pub fn daily_text(&self, lang: Lang) -> String {
        let t = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
        match self.trading.daily_limit_pct {
            Some(p) => format!(
                "±{p}% {}",
                t(
                    "（前收盘价，四舍五入至分）",
                    "of the previous close, half-up to the fen"
                )
            ),
            None => t("无", "none").to_string(),
        }
    }

    /// The tick: one fen, or Hong Kong's spread table.
    pub fn tick_text(&self, lang: Lang) -> &'static str {
        match (self.board, lang) {
            (Board::Hkex, Lang::Zh) => "按港交所价位表（随价格分档）",
            (Board::Hkex, Lang::En) => "HKEX spread table by price band",
            _ => "0.01",
        }
    }

    /// The per-account cap as a fraction in per mille (1 for 1‰).
    pub fn cap_permille(&self) -> Option<Decimal> {
        self.subscription
            .and_then(|s| s.cap_fraction.checked_mul(Decimal::from(1000)))
    }
}

/// Which market value counts: 沪市 / 深市 in Chinese, the pool's id
/// (`sh`, `sz`) in English.
pub fn pool_words(pool: &str, lang: Lang) -> &str {
    match (pool, lang) {
        ("sh", Lang::Zh) => "沪市",
        ("sz", Lang::Zh) => "深市",
        (p, _) => p,
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
    /// What set the limits, in the report's language.
    #[serde(rename = "rule")]
    pub why: String,
    /// What set the limits, as a value.
    #[serde(skip)]
    pub basis: LimitBasis,
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
        lang: Lang,
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
        let why = l.why.text(lang);
        let working = explain.then(|| match l.working.is_empty() {
            true => vec![why.clone()],
            false => l.working.clone(),
        });
        Ok(LimitsReport {
            up: l.up,
            down: l.down,
            day: n,
            why,
            basis: l.why,
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
        lang: Lang,
        explain: bool,
    ) -> Result<PathReport> {
        let lot = match lot {
            Some(l) => l.get(),
            None => board::lot_rule(board, listed)?.shares.ok_or_else(|| {
                Error::missing(
                    "--lot-size",
                    crate::why!(
                        "this board sets lots per IPO",
                        "该板块的每手股数由各只新股自定"
                    ),
                )
            })?,
        };
        let path = rules::limit_up_path(board, listed, issue.get(), lot, days)?;
        let working = explain.then(|| {
            path.iter()
                .map(|d| match lang {
                    Lang::Zh => format!("第 {} 个交易日：{}", d.day, d.formula),
                    Lang::En => format!("day {}: {}", d.day, d.formula),
                })
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
