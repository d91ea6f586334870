//! The IPO record: what was issued, at what price and lot, and the prices of
//! its first day (and later exit days), each figure with its provenance.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::board::{Board, Currency};
use crate::error::{Error, Result};
use crate::headline::Lang;
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

    /// The price in `lang`'s words: its Chinese name (开盘价), its id in
    /// English (`open`).
    ///
    /// ```
    /// use daxin::{Basis, Lang};
    /// assert_eq!(Basis::Open.word(Lang::Zh), "开盘价");
    /// assert_eq!(Basis::Open.word(Lang::En), "open");
    /// ```
    pub fn word(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh(),
            Lang::En => self.id(),
        }
    }

    /// The full name in `lang` (开盘价 / opening price).
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.name_zh(),
            Lang::En => self.name_en(),
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
                    crate::why!(
                        "expected open, high, low, close, avg, exit, grey or price",
                        "应为 open、high、low、close、avg、exit、grey 或 price"
                    ),
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

impl Provenance {
    /// The tag in `lang`: `stated` / `有据`, `derived` / `推算`,
    /// `conflict` / `有分歧`, `missing` / `缺失`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Provenance::Stated, Lang::En) => "stated",
            (Provenance::Derived, Lang::En) => "derived",
            (Provenance::Conflict, Lang::En) => "conflict",
            (Provenance::Missing, Lang::En) => "missing",
            (Provenance::Stated, Lang::Zh) => "有据",
            (Provenance::Derived, Lang::Zh) => "推算",
            (Provenance::Conflict, Lang::Zh) => "有分歧",
            (Provenance::Missing, Lang::Zh) => "缺失",
        }
    }
}

/// A note on one field of a record: how its value came about, and where from.
///
/// The text is written in English (`text`) and, for the built-in data, in
/// Chinese (`text_zh`); [`FieldNote::text`] gives the one of a language.
///
/// ```
/// use daxin::data::Dataset;
/// use daxin::Lang;
/// let data = Dataset::builtin().unwrap();
/// let n = data.find("沐曦").unwrap().note("prices.low").unwrap();
/// assert_eq!(n.text(Lang::En), "no source read states the first-day low");
/// assert_eq!(n.text(Lang::Zh), "所查来源均未给出首日最低价");
/// assert_eq!(n.line(Lang::Zh), "[缺失] 最低价：所查来源均未给出首日最低价");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldNote {
    /// The field, e.g. `close` or `total_shares`.
    pub field: String,
    /// Stated, derived, conflict or missing.
    pub status: Provenance,
    /// The formula, the conflicting versions, or what was looked for.
    pub text: String,
    /// The same in Chinese, with the same figures (a user's record may
    /// leave it out: its English text is shown then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_zh: Option<String>,
    /// Where.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl FieldNote {
    /// The note's text in `lang` (the English text where a record has no
    /// Chinese one).
    pub fn text(&self, lang: Lang) -> &str {
        match (lang, &self.text_zh) {
            (Lang::Zh, Some(zh)) => zh,
            _ => &self.text,
        }
    }

    /// The note as one line: `[missing] prices.low: …` or `[缺失] 最低价：…`.
    pub fn line(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "[{}] {}：{}",
                self.status.name(lang),
                field_name(&self.field, lang),
                self.text(lang)
            ),
            Lang::En => format!(
                "[{}] {}: {}",
                self.status.name(lang),
                self.field,
                self.text(lang)
            ),
        }
    }
}

/// A winning-rate label of the data in `lang`: English keeps the label
/// (`final`, `initial`, `one_lot`); Chinese names it as the announcements
/// do (最终, 初步 — 网上发行最终/初步中签率 — and 一手 for a Hong Kong
/// one-lot rate). A label the tool does not know is shown as it is.
///
/// ```
/// use daxin::ipo::win_rate_label;
/// use daxin::Lang;
/// assert_eq!(win_rate_label("final", Lang::Zh), "最终");
/// assert_eq!(win_rate_label("final", Lang::En), "final");
/// assert_eq!(win_rate_label("one_lot", Lang::En), "one lot");
/// ```
pub fn win_rate_label(label: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        // the data's key, save the one written with an underscore
        return match label {
            "one_lot" | "one-lot" => "one lot",
            other => other,
        };
    }
    match label {
        "final" => "最终",
        "initial" => "初步",
        "one_lot" | "one-lot" => "一手",
        other => other,
    }
}

/// A data field's name in `lang`: English keeps the field's id
/// (`prices.low`, `market_cap@open`); Chinese names it (`最低价`,
/// `开盘价总市值`). An id the tool does not know is shown as it is.
pub fn field_name(field: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return field.to_string();
    }
    if let Some((kind, at)) = field.split_once('@') {
        let at = match at {
            "issue" => "发行价",
            other => match Basis::from_str(other) {
                Ok(b) => b.name_zh(),
                Err(_) => return field.to_string(),
            },
        };
        let kind = field_name(kind, lang);
        return format!("{at}{kind}");
    }
    if let Some(b) = field.strip_prefix("prices.") {
        return match b {
            "exit_date" => "开板日".to_string(),
            "grey" => "暗盘价".to_string(),
            _ => match Basis::from_str(b) {
                Ok(b) => b.name_zh().to_string(),
                Err(_) => field.to_string(),
            },
        };
    }
    let zh = match field {
        "prices" => "首日价格",
        "code" => "代码",
        "name_zh" => "简称",
        "name_en" => "英文名",
        "board" => "板块",
        "currency" => "币种",
        "listing_date" => "上市日期",
        "subscription_date" => "申购日",
        "payment_date" => "缴款日",
        "issue_price" => "发行价",
        "lot_shares" => "每签股数",
        "cost_per_lot" => "每签缴款",
        "profit_per_lot" => "每签盈利",
        "gain_pct" => "涨幅",
        "market_cap" => "总市值",
        "total_shares" => "发行后总股本",
        "shares_offered" => "发行股数",
        "online_initial_shares" => "网上初始发行量",
        "cap_shares" => "申购上限",
        "float_shares" => "流通股",
        "win_rates" => "中签率",
        "net_profit" => "净利润",
        "revenue" => "营业收入",
        "eps" => "每股收益",
        "revenue_per_share" => "每股营业收入",
        "pe_at_issue" => "发行市盈率",
        "ps_at_issue" => "发行市销率",
        "pe" => "市盈率",
        "ps" => "市销率",
        "price" => "价格",
        _ => return field.to_string(),
    };
    zh.to_string()
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
    /// The figure's name in Chinese (涨幅, 每签盈利, …).
    pub fn name_zh(self) -> &'static str {
        match self {
            FigureKind::GainPct => "涨幅",
            FigureKind::ProfitPerLot => "每签盈利",
            FigureKind::MarketCap => "总市值",
            FigureKind::CostPerLot => "每签缴款",
            FigureKind::Price => "价格",
            FigureKind::Ps => "市销率",
            FigureKind::Pe => "市盈率",
        }
    }

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
    /// The same in Chinese, with the same figures.
    pub conflict_zh: Option<String>,
}

impl Published {
    /// Why the figure is marked as conflicting, in `lang` (the English
    /// text where the record has no Chinese one).
    pub fn conflict(&self, lang: Lang) -> Option<&str> {
        match (lang, &self.conflict_zh) {
            (Lang::Zh, Some(zh)) => Some(zh),
            _ => self.conflict.as_deref(),
        }
    }
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
