//! What a verdict rests on, as data, and its wording in each language.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Amount, ClaimKind, Direction, Money};
use crate::headline::Lang;
use crate::num;
use crate::report::ser;

/// How far a figure is from a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Off {
    /// Percentage points (for a percentage claim).
    Points(#[serde(serialize_with = "ser::pct")] Decimal),
    /// Percent of the claim (for an amount).
    Relative(#[serde(serialize_with = "ser::pct")] Decimal),
}

/// What a verdict rests on, worded in either language by [`Note::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Note {
    /// True at this basis (at this price, when the basis is a price).
    TrueAt {
        /// The basis.
        basis: String,
        /// Its price.
        #[serde(serialize_with = "ser::opt::price")]
        price: Option<Decimal>,
    },
    /// Not true at the price the sentence states; true at another.
    NotAtStated {
        /// The stated basis.
        stated: String,
        /// The figure there.
        stated_value: Amount,
        /// A basis where the claim holds.
        fits: String,
        /// The figure there.
        fits_value: Amount,
    },
    /// No price fits; the figure compared (at the stated basis, or the
    /// nearest) and how far off it is.
    Nearest {
        /// The basis.
        basis: String,
        /// The figure there.
        value: Amount,
        /// How far off (`None` for a claim of zero).
        off: Option<Off>,
    },
    /// The words give the other direction than the figure has.
    WrongDirection {
        /// The direction the sentence gives.
        said: Direction,
        /// The basis compared.
        basis: String,
        /// The figure there.
        value: Amount,
    },
    /// The claim is about a later day; the data has first-day prices.
    LaterDay {
        /// The day, when the sentence names it.
        date: Option<NaiveDate>,
        /// The price of that day that would settle it.
        basis: String,
    },
    /// The data has no figure of the claim's kind for the IPO.
    NoFigure {
        /// The kind of figure.
        kind: ClaimKind,
        /// The IPO's name.
        ipo: String,
    },
    /// The data lacks the price the sentence states.
    NoPriceAt {
        /// The stated basis.
        basis: String,
        /// The IPO's name.
        ipo: String,
    },
    /// The figure is printed in another currency than the IPO trades in.
    OtherCurrency {
        /// The currency printed.
        printed: Money,
        /// The IPO's.
        ipo: Money,
    },
    /// Nothing to add.
    None,
}

impl Note {
    /// The note in words.
    ///
    /// ```
    /// use daxin::audit::Note;
    /// use daxin::headline::Lang;
    /// use rust_decimal::Decimal;
    /// let n = Note::TrueAt { basis: "close".into(), price: Some(Decimal::new(82990, 2)) };
    /// assert_eq!(n.text(Lang::En), "true at the closing price, 829.90");
    /// assert_eq!(n.text(Lang::Zh), "按收盘价 829.90 计算成立");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Note::TrueAt { basis, price } => {
                let p = price.map(|p| num::fixed(p, num::price_dp(p)));
                match (zh, p) {
                    (true, Some(p)) => format!("按{} {p} 计算成立", basis_zh(basis)),
                    (true, None) => format!("按{}计算成立", basis_zh(basis)),
                    (false, Some(p)) => format!("true at the {} price, {p}", basis_en(basis)),
                    (false, None) => format!("true at the {}", basis_noun(basis)),
                }
            }
            Note::NotAtStated {
                stated,
                stated_value,
                fits,
                fits_value,
            } => {
                let (sv, fv) = (shown(stated_value, lang), shown(fits_value, lang));
                if zh {
                    format!(
                        "句中所说的{}（{sv}）不成立；按{}（{fv}）成立",
                        basis_zh(stated),
                        basis_zh(fits)
                    )
                } else {
                    format!(
                        "not true at the {} the sentence states ({sv}); true at the {} ({fv})",
                        basis_noun(stated),
                        basis_noun(fits)
                    )
                }
            }
            Note::Nearest { basis, value, off } => {
                let v = shown(value, lang);
                let gap = match (off, zh) {
                    (Some(Off::Points(p)), true) => format!("（相差 {} 个百分点）", num::fixed(*p, 2)),
                    (Some(Off::Points(p)), false) => format!(" ({} points off)", num::fixed(*p, 2)),
                    (Some(Off::Relative(p)), true) => format!("（相差 {}%）", num::fixed(*p, 2)),
                    (Some(Off::Relative(p)), false) => format!(" ({}% off)", num::fixed(*p, 2)),
                    (None, _) => String::new(),
                };
                if zh {
                    format!("最接近的是按{}：{v}{gap}", basis_zh(basis))
                } else {
                    format!("nearest: the {} gives {v}{gap}", basis_noun(basis))
                }
            }
            Note::WrongDirection { said, basis, value } => {
                let v = shown(value, lang);
                match (zh, said) {
                    (true, Direction::Down) => {
                        format!("句中说的是下跌，但按{}是上涨：{v}", basis_zh(basis))
                    }
                    (true, _) => format!("句中说的是上涨，但按{}是下跌：{v}", basis_zh(basis)),
                    (false, Direction::Down) => {
                        format!("the sentence says down; at the {} it is up: {v}", basis_noun(basis))
                    }
                    (false, _) => {
                        format!("the sentence says up; at the {} it is down: {v}", basis_noun(basis))
                    }
                }
            }
            Note::LaterDay { date, basis } => match (zh, date) {
                (true, Some(d)) => format!(
                    "说的是上市后的 {d}；数据只有首日价格，需该日{}才能核实",
                    basis_zh(basis)
                ),
                (true, None) => format!(
                    "说的是上市后的某一天；数据只有首日价格，需该日{}才能核实",
                    basis_zh(basis)
                ),
                (false, Some(d)) => format!(
                    "about {d}, after the listing; the data has first-day prices — the {} of that day would settle it",
                    basis_noun(basis)
                ),
                (false, None) => format!(
                    "about a later day; the data has first-day prices — the {} of that day would settle it",
                    basis_noun(basis)
                ),
            },
            Note::NoFigure { kind, ipo } if zh => format!("数据中没有{ipo}的{}", kind_zh(*kind)),
            Note::NoFigure { kind, ipo } => {
                format!("the data has no {} figure for {ipo}", kind_en(*kind))
            }
            Note::NoPriceAt { basis, ipo } if zh => {
                format!("数据中没有{ipo}的{}", basis_zh(basis))
            }
            Note::NoPriceAt { basis, ipo } => {
                format!("the data has no {} for {ipo}", basis_noun(basis))
            }
            Note::OtherCurrency { printed, ipo } if zh => format!(
                "金额以{}计，而该股以{}交易",
                money_zh(*printed),
                money_zh(*ipo)
            ),
            Note::OtherCurrency { printed, ipo } => format!(
                "the amount is in {}; the IPO trades in {}",
                money_code(*printed),
                money_code(*ipo)
            ),
            Note::None => String::new(),
        }
    }
}

/// Why a sentence with numbers gave no claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum SkipReason {
    /// It names no IPO of the data (and follows none).
    NoIpo,
    /// None of its numbers reads as a claim about the IPO.
    NoFigure,
    /// Its figures are about another company, an index or an average.
    OtherCompany,
    /// A run of text longer than a sentence can be, with no clause
    /// punctuation: not read.
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
}

impl SkipReason {
    /// The reason in words.
    pub fn text(self, lang: Lang) -> String {
        let max = super::text::MAX_SENTENCE_CHARS;
        match (self, lang) {
            (SkipReason::NoIpo, Lang::Zh) => "有数字，但没有提到数据中的新股".into(),
            (SkipReason::NoIpo, Lang::En) => "numbers, but no IPO from the data is named".into(),
            (SkipReason::NoFigure, Lang::Zh) => "有数字，但都不是涨幅、每签盈利、市值或价格".into(),
            (SkipReason::NoFigure, Lang::En) => {
                "numbers, but none reads as a gain, a per-lot profit, a market value or a price"
                    .into()
            }
            (SkipReason::OtherCompany, Lang::Zh) => "数字说的是其他公司、指数或平均值".into(),
            (SkipReason::OtherCompany, Lang::En) => {
                "the figures are about another company, an index or an average".into()
            }
            (SkipReason::TooLong { chars }, Lang::Zh) => {
                format!("长 {chars} 字且无标点，超过单句上限 {max} 字，未读")
            }
            (SkipReason::TooLong { chars }, Lang::En) => format!(
                "{chars} characters with no punctuation, past the {max}-character limit of a sentence: not read"
            ),
        }
    }
}

/// A claim's kind in words.
pub fn kind_name(k: ClaimKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind_zh(k),
        Lang::En => kind_en(k),
    }
}

/// A basis in words (`close` → 收盘价 / close).
pub fn basis_name(b: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => basis_zh(b),
        Lang::En => basis_noun(b),
    }
}

/// A direction in words.
pub fn direction_name(d: Direction, lang: Lang) -> &'static str {
    match (d, lang) {
        (Direction::Up, Lang::Zh) => "上涨",
        (Direction::Down, Lang::Zh) => "下跌",
        (Direction::None, Lang::Zh) => "未说明",
        (Direction::Up, Lang::En) => "up",
        (Direction::Down, Lang::En) => "down",
        (Direction::None, Lang::En) => "none",
    }
}

/// The day a figure belongs to, in words.
pub fn time_name(t: super::Time, lang: Lang) -> &'static str {
    use super::Time;
    match (t, lang) {
        (Time::FirstDay, Lang::Zh) => "上市首日",
        (Time::Later, Lang::Zh) => "其后某日",
        (Time::Unknown, Lang::Zh) => "未说明（按首日）",
        (Time::FirstDay, Lang::En) => "first day",
        (Time::Later, Lang::En) => "a later day",
        (Time::Unknown, Lang::En) => "not said (first day)",
    }
}

fn kind_en(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::GainPct => "gain",
        ClaimKind::ProfitPerLot => "per-lot profit",
        ClaimKind::MarketCap => "market value (no share count)",
        ClaimKind::Price => "price",
        ClaimKind::LotValue => "lot value",
        ClaimKind::CostPerLot => "cost per lot",
        ClaimKind::WinRate => "winning rate",
        ClaimKind::Applicants => "applicant count",
    }
}

fn kind_zh(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::GainPct => "涨幅",
        ClaimKind::ProfitPerLot => "每签盈利",
        ClaimKind::MarketCap => "市值（缺总股本）",
        ClaimKind::Price => "价格",
        ClaimKind::LotValue => "每签市值",
        ClaimKind::CostPerLot => "每签缴款",
        ClaimKind::WinRate => "中签率",
        ClaimKind::Applicants => "申购户数",
    }
}

fn money_zh(m: Money) -> &'static str {
    match m {
        Money::Cny => "人民币",
        Money::Hkd => "港元",
        Money::Usd => "美元",
    }
}

fn money_code(m: Money) -> &'static str {
    match m {
        Money::Cny => "CNY",
        Money::Hkd => "HKD",
        Money::Usd => "USD",
    }
}

/// A basis in Chinese: `close` → 收盘价.
pub fn basis_zh(b: &str) -> String {
    match b {
        "open" => "开盘价".into(),
        "close" => "收盘价".into(),
        "high" => "最高价".into(),
        "low" => "最低价".into(),
        "avg" => "成交均价".into(),
        "exit" => "开板日收盘价".into(),
        "grey" => "暗盘收盘价".into(),
        "issue" => "发行价".into(),
        "price" => "给定价格".into(),
        "moment" => "该时刻的价格".into(),
        "initial" => "初步中签率".into(),
        "final" => "最终中签率".into(),
        "one-lot" => "一手中签率".into(),
        other => other.into(),
    }
}

/// A basis in English as a noun: `close` → close, `avg` → average price.
pub fn basis_noun(b: &str) -> String {
    match b {
        "moment" => "price at that time of day".into(),
        "avg" => "average price".into(),
        "exit" => "exit-day close".into(),
        "grey" => "grey-market close".into(),
        "issue" => "issue price".into(),
        "initial" => "initial rate".into(),
        "final" => "final rate".into(),
        "one-lot" => "one-lot rate".into(),
        other => other.into(),
    }
}

/// A basis in English before "price": `close` → closing.
pub fn basis_en(b: &str) -> String {
    match b {
        "open" => "opening".into(),
        "close" => "closing".into(),
        "high" => "intraday high".into(),
        "low" => "intraday low".into(),
        "avg" => "average".into(),
        "exit" => "exit-day close".into(),
        "grey" => "grey-market close".into(),
        "issue" => "issue".into(),
        "initial" => "initial rate".into(),
        "final" => "final rate".into(),
        "one-lot" => "one-lot rate".into(),
        other => other.into(),
    }
}

fn shown(a: &Amount, lang: Lang) -> String {
    show(a.kind, a.value, lang)
}

/// A figure as the audit prints it: `692.95%`, `829.90`, `362,620.00`,
/// `3320.43亿` (English: `332.04 billion`).
pub fn show(kind: ClaimKind, v: Decimal, lang: Lang) -> String {
    match kind {
        ClaimKind::GainPct => format!("{}%", num::fixed(v, 2)),
        ClaimKind::WinRate => format!("{}%", num::trim(v)),
        ClaimKind::Price => num::fixed(v, num::price_dp(v)),
        ClaimKind::ProfitPerLot | ClaimKind::LotValue | ClaimKind::CostPerLot => num::group(v, 2),
        ClaimKind::Applicants => num::group(v, 0),
        ClaimKind::MarketCap => match lang {
            Lang::Zh => format!("{}亿", num::fixed(v / Decimal::from(100_000_000u64), 2)),
            Lang::En => format!(
                "{} billion",
                num::fixed(v / Decimal::from(1_000_000_000u64), 2)
            ),
        },
    }
}
