//! The fee schedule in force on a day (`daxin fees`): every item of the
//! allotment and the sale, with its period and source, and the broker's
//! terms.
//!
//! ```
//! use chrono::NaiveDate;
//! use daxin::config::Config;
//! use daxin::report::schedule::ScheduleReport;
//! use daxin::{Board, Lang};
//!
//! let day = NaiveDate::from_ymd_opt(2023, 8, 28).unwrap();
//! let r = ScheduleReport::build(Board::Star, day, &Config::default(), Lang::En, false).unwrap();
//! let stamp = r.items.iter().find(|i| i.id == "stamp_duty").unwrap();
//! assert_eq!(daxin::num::trim(stamp.rate_pct), "0.05"); // halved to 0.05% on 2023-08-28
//! assert_eq!(stamp.rate_text(Lang::En), "0.05%");
//! assert_eq!(stamp.side_text(Lang::Zh), "卖出");
//! assert_eq!(stamp.period_text(), "2023-08-28 → ");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::board::{Board, RuleStatus};
use crate::config::Config;
use crate::error::Result;
use crate::explain;
use crate::fees::{Exchange, FeeBase, FeeRounding, Schedule, Side};
use crate::headline::Lang;
use crate::net;
use crate::num;
use crate::report::ser;

/// One fee item in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleItem {
    /// The item id.
    #[serde(rename = "item")]
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Allotment or sale.
    pub side: Side,
    /// What the rate applies to.
    pub base: FeeBase,
    /// The rate in percent.
    #[serde(serialize_with = "ser::exact")]
    pub rate_pct: Decimal,
    /// A fixed amount per trade.
    #[serde(serialize_with = "plain_opt")]
    pub fixed: Option<Decimal>,
    /// How the amount is rounded.
    pub rounding: FeeRounding,
    /// Lower bound.
    #[serde(serialize_with = "plain_opt")]
    pub min: Option<Decimal>,
    /// Upper bound.
    #[serde(serialize_with = "plain_opt")]
    pub max: Option<Decimal>,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// How firm the row is.
    pub status: RuleStatus,
    /// Where stated.
    pub source: String,
    /// What to know, in the report's language.
    pub note: String,
}

impl ScheduleItem {
    /// The item's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name_zh,
            Lang::En => &self.name_en,
        }
    }

    /// Which side pays it, in `lang`.
    pub fn side_text(&self, lang: Lang) -> &'static str {
        match (self.side, lang) {
            (Side::Allotment, Lang::Zh) => "中签",
            (Side::Allotment, Lang::En) => "allotment",
            (Side::Sell, Lang::Zh) => "卖出",
            (Side::Sell, Lang::En) => "sell",
            (Side::Application, Lang::Zh) => "认购",
            (Side::Application, Lang::En) => "application",
        }
    }

    /// The rate with what it applies to: `0.05%`, `面值的 0.1%`, `每笔 1`.
    pub fn rate_text(&self, lang: Lang) -> String {
        let rate = num::trim(self.rate_pct);
        match (self.base, self.fixed, lang) {
            (FeeBase::PerTrade, Some(f), Lang::Zh) => format!("每笔 {f}"),
            (FeeBase::PerTrade, Some(f), Lang::En) => format!("{f} / trade"),
            (FeeBase::PerTrade, None, _) => String::new(),
            (FeeBase::Par, _, Lang::Zh) => format!("面值的 {rate}%"),
            (FeeBase::Par, _, Lang::En) => format!("{rate}% of par"),
            (FeeBase::Amount, _, _) => format!("{rate}%"),
        }
    }

    /// How the amount is rounded, in `lang`.
    pub fn rounding_text(&self, lang: Lang) -> &'static str {
        match (self.rounding, lang) {
            (FeeRounding::Cent, Lang::Zh) => "四舍五入至分",
            (FeeRounding::Cent, Lang::En) => "half-up to the cent",
            (FeeRounding::CeilDollar, Lang::Zh) => "进位至元",
            (FeeRounding::CeilDollar, Lang::En) => "up to the dollar",
            (FeeRounding::Combined, Lang::Zh) => "合计后舍入",
            (FeeRounding::Combined, Lang::En) => "summed, rounded once",
        }
    }

    /// The bounds on the amount: `1–100`, `≥ 5`, `≤ 100`, or nothing.
    pub fn bounds_text(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => String::new(),
        }
    }

    /// The period the row is in force: `2023-08-28 → ` while it still is.
    pub fn period_text(&self) -> String {
        let to = self.to.map(|d| d.to_string()).unwrap_or_default();
        format!("{} → {to}", self.from)
    }

    /// `存疑` / `unclear` for a row the sources leave open, else nothing.
    pub fn status_text(&self, lang: Lang) -> &'static str {
        match (self.status, lang) {
            (RuleStatus::Verified, _) => "",
            (RuleStatus::Unclear, Lang::Zh) => "存疑",
            (RuleStatus::Unclear, Lang::En) => "unclear",
        }
    }
}

fn plain_opt<S: Serializer>(x: &Option<Decimal>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match x {
        Some(v) => s.serialize_str(&v.to_string()),
        None => s.serialize_none(),
    }
}

fn plain<S: Serializer>(x: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&x.to_string())
}

/// The broker's terms for the currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokerTerms {
    /// Commission in percent.
    #[serde(serialize_with = "ser::exact")]
    pub commission_pct: Decimal,
    /// Minimum commission.
    #[serde(serialize_with = "plain")]
    pub min_commission: Decimal,
    /// Handling fee per application.
    #[serde(serialize_with = "plain")]
    pub handling_fee: Decimal,
}

/// The fee schedule of a board on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduleReport {
    /// The board.
    pub board: Board,
    /// The day.
    pub date: NaiveDate,
    /// The items in force, allotment first.
    pub items: Vec<ScheduleItem>,
    /// The broker's terms.
    pub broker: BrokerTerms,
    /// The income-tax position, in the report's language.
    pub tax_note: &'static str,
    /// Why each row applies on the day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
    /// The language of the texts.
    #[serde(skip)]
    pub lang: Lang,
}

impl ScheduleReport {
    /// The broker's commission as a row of the schedule (for tables that
    /// list it with the exchange's items).
    pub fn broker_item(&self) -> ScheduleItem {
        ScheduleItem {
            id: "commission".into(),
            name_zh: "佣金（券商）".into(),
            name_en: "commission (broker)".into(),
            side: Side::Sell,
            base: FeeBase::Amount,
            rate_pct: self.broker.commission_pct,
            fixed: None,
            rounding: FeeRounding::Cent,
            min: Some(self.broker.min_commission),
            max: None,
            from: self.date,
            to: None,
            status: RuleStatus::Verified,
            source: match self.lang {
                Lang::Zh => "daxin.toml 或 --commission",
                Lang::En => "daxin.toml or --commission",
            }
            .into(),
            note: match self.lang {
                Lang::Zh => "券商的收费条款，不是交易所的",
                Lang::En => "the broker's terms, not the exchange's",
            }
            .into(),
        }
    }

    /// The schedule of `board` on `day`, with `config`'s broker terms.
    pub fn build(
        board: Board,
        day: NaiveDate,
        config: &Config,
        lang: Lang,
        explain: bool,
    ) -> Result<ScheduleReport> {
        // a board's schedule before the board existed is no answer (the
        // exchange's rows alone would print one): STAR and the BSE opened
        // within the tables, whose lot rows start at their first subscription
        if matches!(board, Board::Star | Board::Bse) {
            crate::board::lot_rule(board, day)?;
        }
        let schedule = Schedule::builtin()?;
        let ex = Exchange::of(board);
        let mut items = Vec::new();
        let mut working = Vec::new();
        for side in [Side::Allotment, Side::Sell] {
            for i in schedule.in_force(ex, side, day)? {
                working.push(format!(
                    "{}: {}",
                    match lang {
                        Lang::Zh => &i.name_zh,
                        Lang::En => &i.name_en,
                    },
                    explain::in_period(i.from, i.to, day, lang)
                ));
                items.push(ScheduleItem {
                    id: i.id.clone(),
                    name_zh: i.name_zh.clone(),
                    name_en: i.name_en.clone(),
                    side,
                    base: i.base,
                    rate_pct: i.rate_pct(),
                    fixed: (i.base == FeeBase::PerTrade).then_some(i.fixed),
                    rounding: i.rounding,
                    min: i.min,
                    max: i.max,
                    from: i.from,
                    to: i.to,
                    status: i.status,
                    source: i.source.clone(),
                    note: i.note(lang).to_string(),
                });
            }
        }
        let b = config.broker(board.currency());
        Ok(ScheduleReport {
            board,
            date: day,
            items,
            broker: BrokerTerms {
                commission_pct: num::mul(b.commission_rate, Decimal::ONE_HUNDRED, "commission")?,
                min_commission: b.min_commission,
                handling_fee: b.handling_fee,
            },
            tax_note: net::tax_note(board.currency(), lang),
            working: explain.then_some(working),
            lang,
        })
    }
}
