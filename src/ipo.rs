//! The IPO record: what was issued, at what price and lot, and the prices of
//! its first day (and later exit days), each figure with its provenance.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::board::{Board, Currency};
use crate::error::{Error, Result};
use crate::input::{Price, Shares};

/// Which price a figure is computed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// First-day opening price (开盘价).
    Open,
    /// First-day high (最高价).
    High,
    /// First-day low (最低价).
    Low,
    /// First-day close (收盘价).
    Close,
    /// First-day volume-weighted average price (成交均价).
    Avg,
    /// The close of a later exit day, e.g. the day a run of limit-up days
    /// ended (开板日).
    Exit,
    /// Hong Kong grey-market (暗盘) close, the evening before listing.
    Grey,
    /// A price the user gives.
    Price,
}

impl Basis {
    /// All bases, in display order.
    pub const ALL: [Basis; 8] = [
        Basis::Open,
        Basis::High,
        Basis::Low,
        Basis::Close,
        Basis::Avg,
        Basis::Exit,
        Basis::Grey,
        Basis::Price,
    ];

    /// The id used in flags and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Basis::Open => "open",
            Basis::High => "high",
            Basis::Low => "low",
            Basis::Close => "close",
            Basis::Avg => "avg",
            Basis::Exit => "exit",
            Basis::Grey => "grey",
            Basis::Price => "price",
        }
    }

    /// Chinese name of the price, as in "按开盘价计算".
    pub fn name_zh(self) -> &'static str {
        match self {
            Basis::Open => "开盘价",
            Basis::High => "最高价",
            Basis::Low => "最低价",
            Basis::Close => "收盘价",
            Basis::Avg => "成交均价",
            Basis::Exit => "开板日收盘价",
            Basis::Grey => "暗盘收盘价",
            Basis::Price => "指定价格",
        }
    }

    /// English name of the price.
    pub fn name_en(self) -> &'static str {
        match self {
            Basis::Open => "open",
            Basis::High => "high",
            Basis::Low => "low",
            Basis::Close => "close",
            Basis::Avg => "average",
            Basis::Exit => "exit-day close",
            Basis::Grey => "grey-market close",
            Basis::Price => "given price",
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Basis {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Basis::ALL
            .into_iter()
            .find(|b| b.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                Error::invalid(
                    "basis",
                    s,
                    "expected open, high, low, close, avg, exit, grey or price",
                )
            })
    }
}

/// A price at a basis, with the date it was printed when that is not the
/// listing day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Which price this is.
    pub basis: Basis,
    /// The price.
    pub price: Price,
    /// The trading day, for [`Basis::Exit`] (and [`Basis::Grey`], the day
    /// before listing); `None` means the listing day.
    pub date: Option<NaiveDate>,
    /// A label for user-given prices.
    pub label: Option<String>,
}

impl Quote {
    /// A quote at `basis`; only an exit price keeps its day (the others are
    /// the listing day's).
    pub fn new(
        basis: Basis,
        price: Price,
        exit_date: Option<NaiveDate>,
        label: Option<String>,
    ) -> Quote {
        Quote {
            basis,
            price,
            date: if basis == Basis::Exit {
                exit_date
            } else {
                None
            },
            label,
        }
    }
}

/// How a value in the data came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// A source states it.
    Stated,
    /// Computed from stated values; the note gives the formula.
    Derived,
    /// Sources disagree; the note lists the versions and which one the data uses.
    Conflict,
    /// No source found; the field is left out of the data.
    Missing,
}

/// A note on one field of a record: how its value came about, and where from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldNote {
    /// The field, e.g. `close` or `total_shares`.
    pub field: String,
    /// Stated, derived, conflict or missing.
    pub status: Provenance,
    /// The formula, the conflicting versions, or what was looked for.
    pub text: String,
    /// Where.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// What kind of figure a published number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Gain over the issue price, in percent.
    GainPct,
    /// Profit per winning lot, before fees.
    ProfitPerLot,
    /// Market capitalisation (total shares × price).
    MarketCap,
    /// Payment per winning lot (issue price × lot).
    CostPerLot,
    /// A price.
    Price,
    /// Price / sales multiple.
    Ps,
    /// Price / earnings multiple.
    Pe,
}

impl FigureKind {
    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            FigureKind::GainPct => "gain_pct",
            FigureKind::ProfitPerLot => "profit_per_lot",
            FigureKind::MarketCap => "market_cap",
            FigureKind::CostPerLot => "cost_per_lot",
            FigureKind::Price => "price",
            FigureKind::Ps => "ps",
            FigureKind::Pe => "pe",
        }
    }
}

/// A figure as a source printed it, kept with the record so that the tool
/// can show whether it reproduces (and tests can check that it does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Published {
    /// What it is.
    pub kind: FigureKind,
    /// At which price the source computed it; `None` for issue-time figures
    /// (cost per lot, P/S at issue, market cap at issue).
    pub basis: Option<Basis>,
    /// The figure exactly as printed, e.g. `26.786万元` or `425.46%`.
    pub printed: String,
    /// The value in base units (yuan, percent, multiple).
    pub value: Decimal,
    /// The smallest step the printed digits can show, in base units: the
    /// figure reproduces when the computed value rounds half-up to it.
    pub step: Decimal,
    /// The unit it was printed in (1, 10⁴ for 万, 10⁸ for 亿).
    pub unit: Decimal,
    /// The page that prints it.
    pub source: String,
    /// A short quote to find the passage.
    pub quote: String,
    /// Why this figure is known not to reproduce (a typo, another share
    /// base), when the data marks it as conflicting.
    pub conflict: Option<String>,
}

/// One IPO. Built from the data files through [`crate::data`] or from flags;
/// every price and count in it has been validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ipo {
    /// Exchange code, e.g. `688802` or `6082.HK`.
    pub code: String,
    /// Chinese short name (简称), e.g. 沐曦股份.
    pub name_zh: String,
    /// English name, e.g. MetaX.
    pub name_en: Option<String>,
    /// Further names it is known by (full name, old names).
    pub aliases: Vec<String>,
    /// Where it listed (`None` for figures typed in without a board).
    pub board: Option<Board>,
    /// Quote currency.
    pub currency: Currency,
    /// First trading day.
    pub listing_date: Option<NaiveDate>,
    /// Subscription day (申购日, T日; Hong Kong: the application day), when known.
    pub subscription_date: Option<NaiveDate>,
    /// The day the cash left the account: A-shares the payment day for
    /// allotted shares (中签缴款日, T+2); Hong Kong the application day.
    pub payment_date: Option<NaiveDate>,
    /// Issue (offer) price.
    pub issue_price: Price,
    /// Shares per winning lot (中签单位) or board lot (每手股数).
    pub lot_shares: Shares,
    /// Total shares after the IPO.
    pub total_shares: Option<Shares>,
    /// Shares offered in the IPO.
    pub shares_offered: Option<Shares>,
    /// Online tranche before the clawback (网上初始发行数量), for the 1‰ cap.
    pub online_initial_shares: Option<Shares>,
    /// The per-account cap (申购上限) as published.
    pub cap_shares: Option<Shares>,
    /// Shares free to trade on the first day (初期无限售流通股).
    pub float_shares: Option<Shares>,
    /// Online winning rates in percent, labelled (`initial`, `final`, `one-lot`).
    pub win_rates: Vec<(String, Decimal)>,
    /// Prices at each basis the data has.
    pub quotes: Vec<Quote>,
    /// Net profit attributable to shareholders for the P/E base year, in currency units.
    pub net_profit: Option<Decimal>,
    /// Revenue for the P/S base year, in currency units.
    pub revenue: Option<Decimal>,
    /// Earnings per share for the P/E base year (used when net profit is not given).
    pub eps: Option<Decimal>,
    /// Revenue per share for the P/S base year.
    pub revenue_per_share: Option<Decimal>,
    /// P/E at the issue price as published (used when earnings are not given).
    pub pe_at_issue: Option<Decimal>,
    /// P/S at the issue price as published (used when revenue is not given).
    pub ps_at_issue: Option<Decimal>,
    /// Provenance notes, field by field.
    pub notes: Vec<FieldNote>,
    /// Pages the record's values come from.
    pub sources: Vec<String>,
    /// Figures as the press or the exchange printed them.
    pub published: Vec<Published>,
}

impl Ipo {
    /// A minimal record for an IPO that is not in the data (`daxin lot`).
    pub fn new(
        code: &str,
        name: &str,
        board: Option<Board>,
        currency: Currency,
        issue_price: Price,
        lot_shares: Shares,
    ) -> Ipo {
        Ipo {
            code: code.to_string(),
            name_zh: name.to_string(),
            name_en: None,
            aliases: Vec::new(),
            board,
            currency,
            listing_date: None,
            subscription_date: None,
            payment_date: None,
            issue_price,
            lot_shares,
            total_shares: None,
            shares_offered: None,
            online_initial_shares: None,
            cap_shares: None,
            float_shares: None,
            win_rates: Vec::new(),
            quotes: Vec::new(),
            net_profit: None,
            revenue: None,
            eps: None,
            revenue_per_share: None,
            pe_at_issue: None,
            ps_at_issue: None,
            notes: Vec::new(),
            sources: Vec::new(),
            published: Vec::new(),
        }
    }

    /// The quote at `basis` (the first one, for [`Basis::Price`]).
    pub fn quote(&self, basis: Basis) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.basis == basis)
    }

    /// The note on `field`, if the data has one.
    pub fn note(&self, field: &str) -> Option<&FieldNote> {
        self.notes.iter().find(|n| n.field == field)
    }

    /// What P/E is computed from.
    pub fn pe_inputs(&self) -> crate::valuation::RatioInputs {
        crate::valuation::RatioInputs {
            total: self.net_profit,
            per_share: self.eps,
            at_issue: self.pe_at_issue,
        }
    }

    /// What P/S is computed from.
    pub fn ps_inputs(&self) -> crate::valuation::RatioInputs {
        crate::valuation::RatioInputs {
            total: self.revenue,
            per_share: self.revenue_per_share,
            at_issue: self.ps_at_issue,
        }
    }

    /// The name to show in `lang`: the English name when asked and known.
    pub fn display_name(&self, english: bool) -> &str {
        match (&self.name_en, english) {
            (Some(en), true) => en,
            _ => &self.name_zh,
        }
    }
}
