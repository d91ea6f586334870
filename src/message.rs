//! Warnings as values: what the library wants a reader to know about a
//! result, with the numbers they need, rendered in the run's language by
//! one function per language ([`Warning::zh`], [`Warning::en`]).
//!
//! The library never builds an English sentence for a warning: a front end
//! asks for [`Warning::text`] in its language, so a `--lang zh` run has no
//! English line.
//!
//! ```
//! use daxin::message::Warning;
//! use daxin::Lang;
//!
//! let w = Warning::NotAnnualised;
//! assert_eq!(w.text(Lang::En), "no payment (A-shares) or application (Hong Kong) date: the return is not annualised");
//! assert_eq!(w.text(Lang::Zh), "未给出缴款日（A股）或申购日（港股）：收益率不作年化");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::board::Board;
use crate::headline::Lang;

/// Which dated table a rule row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleTable {
    /// Shares per winning number or board lot (`board::lot_rule`).
    Lot,
    /// Subscription quota from market value (`rules::subscription_rule`).
    Subscription,
    /// Price limits and halts (`rules::trading_rule`).
    Trading,
}

/// A note attached to a rule or fee row, in the languages the table gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowNote {
    /// The note in English (every row has one).
    pub en: String,
    /// The note in Chinese, where the table gives one.
    pub zh: Option<String>,
}

impl RowNote {
    /// A note written in both languages (an empty Chinese text counts as
    /// none).
    pub fn of(en: &str, zh: &str) -> RowNote {
        RowNote {
            en: en.to_string(),
            zh: (!zh.is_empty()).then(|| zh.to_string()),
        }
    }

    /// The note in `lang`; English where the table has no Chinese text.
    pub fn text(&self, lang: Lang) -> &str {
        match (lang, &self.zh) {
            (Lang::Zh, Some(zh)) => zh,
            _ => &self.en,
        }
    }
}

/// Something the reader of a result should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// A rule row the sources leave open was used.
    RuleUnclear {
        /// Which table.
        table: RuleTable,
        /// The row's note.
        note: RowNote,
    },
    /// The board changed its lot unit shortly before the date used: an IPO
    /// listed then may have subscribed under the previous unit.
    LotChangedRecently {
        /// The board.
        board: Board,
        /// The unit before the change.
        before: u64,
        /// The unit from the change.
        after: u64,
        /// The first day of the new unit.
        on: NaiveDate,
    },
    /// A first-day price lies outside the band in force for the listing.
    OutsideFirstDayBand {
        /// Which price (open, high, …).
        basis: String,
        /// The price.
        price: Decimal,
        /// The band's lower and upper limit.
        low: Decimal,
        /// Upper limit.
        high: Decimal,
        /// The band in percent of the issue price.
        up_pct: Decimal,
        /// Down, in percent.
        down_pct: Decimal,
        /// The issue price.
        issue: Decimal,
        /// The board.
        board: Board,
        /// First listing day of the band's row.
        from: NaiveDate,
    },
    /// No payment or application day: the return is not annualised.
    NotAnnualised,
    /// A fee row the sources leave open was used.
    FeeRowUnclear {
        /// The item's id.
        id: String,
        /// Its Chinese name.
        name_zh: String,
        /// Its English name.
        name_en: String,
        /// The row's note.
        note: RowNote,
    },
    /// `--lot-size` differs from the board's unit on the day.
    LotSizeDiffers {
        /// The lot given.
        given: u64,
        /// The board.
        board: Board,
        /// Its unit that day.
        unit: u64,
    },
    /// `--exit-date` without `--exit`.
    ExitDateWithoutExit,
    /// Earnings are zero or negative: no P/E.
    EarningsNotPositive,
    /// The per-account cap was derived by the 1‰ rule.
    CapDerived {
        /// The cap, in shares.
        cap: u64,
        /// The initial online shares it came from.
        online_initial: u64,
    },
    /// No cap in the data: only the rule's absolute cap applies.
    NoCapInData,
    /// The data has no subscription day: the rules of the listing day
    /// were used.
    ListingDayForSubscription {
        /// The listing day used.
        listing: NaiveDate,
    },
    /// The market value is below the ¥10,000 minimum.
    BelowMinimumMarketValue,
    /// The day's low is above its high.
    LowAboveHigh {
        /// The low.
        low: Decimal,
        /// The high.
        high: Decimal,
    },
    /// A date after today: the rules and fees known today were used.
    AfterToday {
        /// The date given.
        date: NaiveDate,
        /// Today.
        today: NaiveDate,
    },
    /// A price of the day lies outside its low–high range.
    OutsideDayRange {
        /// Which price.
        basis: String,
        /// The price.
        price: Decimal,
        /// The day's low.
        low: Decimal,
        /// The day's high.
        high: Decimal,
    },
    /// A grey-market price on a board that has no grey market.
    GreyOnAShare {
        /// The board.
        board: Board,
    },
    /// Both earnings per share and net profit were given: the P/E uses the
    /// net profit when the share count is known, else the EPS.
    EpsAndNetProfit {
        /// Whether the net profit was used.
        net_profit_used: bool,
    },
    /// The interest days given differ from the days the dates imply.
    MarginDaysDiffer {
        /// The days given.
        given: i64,
        /// The days from the deadline to the day before the results.
        from_dates: i64,
    },
}

impl Warning {
    /// The warning in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// The warning in Chinese.
    pub fn zh(&self) -> String {
        use Warning::*;
        match self {
            RuleUnclear { table, note } => format!(
                "{}规则在来源中存疑：{}",
                match table {
                    RuleTable::Lot => "中签单位",
                    RuleTable::Subscription => "申购额度",
                    RuleTable::Trading => "涨跌幅",
                },
                note.text(Lang::Zh)
            ),
            LotChangedRecently {
                board,
                before,
                after,
                on,
            } => format!(
                "{}自 {on} 起每签由 {before} 股改为 {after} 股；此前申购的新股仍为 {before} 股——请确认所用日期是申购日",
                board.name_zh()
            ),
            OutsideFirstDayBand {
                basis,
                price,
                low,
                high,
                up_pct,
                down_pct,
                issue,
                board,
                from,
            } => format!(
                "首日{basis} {price} 超出{}自 {from} 起上市新股的价格区间 {low}–{high}（发行价 {issue} 的 +{up_pct}% / −{down_pct}%）：请核对价格或板块",
                board.name_zh()
            ),
            NotAnnualised => "未给出缴款日（A股）或申购日（港股）：收益率不作年化".into(),
            FeeRowUnclear { name_zh, note, .. } => {
                format!("{name_zh}：费率在来源中存疑——{}", note.text(Lang::Zh))
            }
            LotSizeDiffers { given, board, unit } => format!(
                "--lot-size {given} 与{}当时每签 {unit} 股不同",
                board.name_zh()
            ),
            ExitDateWithoutExit => "给出了 --exit-date 而没有 --exit，已忽略".into(),
            EarningsNotPositive => "盈利不为正：不显示市盈率".into(),
            CapDerived {
                cap,
                online_initial,
            } => format!(
                "申购上限 {cap} 股由网上初始发行量 {online_initial} 股按千分之一规则推算，向下取整至申购单位（以公告的申购上限为准：请用 --cap 给出）"
            ),
            NoCapInData => "数据中没有申购上限：只适用规则的绝对上限；请用 --cap 给出".into(),
            ListingDayForSubscription { listing } => format!(
                "数据中没有申购日：按上市日 {listing} 的规则计算（申购日通常早一至三周；规则在其间有变时请用 --date 给出申购日）"
            ),
            BelowMinimumMarketValue => "市值不足1万元：不能申购".into(),
            LowAboveHigh { low, high } => {
                format!("最低价 {low} 高于最高价 {high}：请核对价格")
            }
            AfterToday { date, today } => format!(
                "日期 {date} 晚于今天（{today}）：按今天已知的规则与费率计算，之后的变动无从知道"
            ),
            OutsideDayRange {
                basis,
                price,
                low,
                high,
            } => format!("{basis} {price} 不在当日最低价与最高价之间（{low}–{high}）：请核对价格"),
            GreyOnAShare { board } => format!(
                "{}没有暗盘交易：--grey 只适用于港股",
                board.name_zh()
            ),
            EpsAndNetProfit { net_profit_used } => format!(
                "同时给出了 --eps 与 --net-profit：市盈率按{}计算",
                if *net_profit_used {
                    "净利润（已知总股本）"
                } else {
                    "每股收益（未给出总股本）"
                }
            ),
            MarginDaysDiffer { given, from_dates } => format!(
                "--margin-days {given} 与日期推算的 {from_dates} 天不同：按 --margin-days 计息"
            ),
        }
    }

    /// The warning in English.
    pub fn en(&self) -> String {
        use Warning::*;
        match self {
            RuleUnclear { note, .. } => {
                format!("rule marked UNCLEAR in the sources: {}", note.en)
            }
            LotChangedRecently {
                board,
                before,
                after,
                on,
            } => format!(
                "{} changed its lot from {before} to {after} shares on {on}; an IPO subscribed before then keeps {before} — check the date used is the subscription date",
                board.name_en()
            ),
            OutsideFirstDayBand {
                basis,
                price,
                low,
                high,
                up_pct,
                down_pct,
                issue,
                board,
                from,
            } => format!(
                "first-day {basis} {price} is outside the band {low}–{high} (+{up_pct}% / −{down_pct}% of {issue}) in force for {} listings from {from}: check the price or the board",
                board.name_en()
            ),
            NotAnnualised => {
                "no payment (A-shares) or application (Hong Kong) date: the return is not annualised"
                    .into()
            }
            FeeRowUnclear {
                id, name_en, note, ..
            } => format!("{name_en} ({id}): row marked unclear — {}", note.en),
            LotSizeDiffers { given, board, unit } => format!(
                "--lot-size {given} differs from the {} unit of {unit} shares in force then",
                board.name_en()
            ),
            ExitDateWithoutExit => "--exit-date given without --exit; ignored".into(),
            EarningsNotPositive => "earnings are not positive: no P/E is shown".into(),
            CapDerived {
                cap,
                online_initial,
            } => format!(
                "cap {cap} derived by the 1‰ rule from {online_initial} initial online shares, rounded down to whole units (the cap the IPO published wins: give --cap)"
            ),
            NoCapInData => {
                "no cap in the data: only the rule's absolute cap applies; give --cap".into()
            }
            ListingDayForSubscription { listing } => format!(
                "no subscription day in the data: the rules of the listing day {listing} were used (subscription is usually one to three weeks earlier; give --date if a rule changed in between)"
            ),
            BelowMinimumMarketValue => {
                "below the ¥10,000 minimum market value: no subscription".into()
            }
            LowAboveHigh { low, high } => {
                format!("the low {low} is above the high {high}: check the prices")
            }
            AfterToday { date, today } => format!(
                "the date {date} is after today ({today}): the rules and fees known today are used; later changes cannot be known"
            ),
            OutsideDayRange {
                basis,
                price,
                low,
                high,
            } => format!(
                "the {basis} {price} is outside the day's range {low}–{high}: check the prices"
            ),
            GreyOnAShare { board } => format!(
                "{} has no grey market: --grey is a Hong Kong price",
                board.name_en()
            ),
            EpsAndNetProfit { net_profit_used } => format!(
                "both --eps and --net-profit given: the P/E uses {}",
                if *net_profit_used {
                    "the net profit (the total shares are known)"
                } else {
                    "the EPS (no total shares given)"
                }
            ),
            MarginDaysDiffer { given, from_dates } => format!(
                "--margin-days {given} differs from the {from_dates} days the dates imply: interest is charged for {given}"
            ),
        }
    }
}

/// Warnings with the language to render them in: serialises as a list of
/// strings, so a report's JSON carries them as the table prints them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Warnings {
    items: Vec<Warning>,
    lang: Lang,
}

impl Warnings {
    /// No warnings yet, to be rendered in `lang`.
    pub fn new(lang: Lang) -> Self {
        Warnings {
            items: Vec::new(),
            lang,
        }
    }

    /// Adds one, unless the same warning is already there.
    pub fn push(&mut self, w: Warning) {
        if !self.items.contains(&w) {
            self.items.push(w);
        }
    }

    /// Adds several.
    pub fn extend(&mut self, ws: impl IntoIterator<Item = Warning>) {
        for w in ws {
            self.push(w);
        }
    }

    /// The warnings as values.
    pub fn items(&self) -> &[Warning] {
        &self.items
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The language they are rendered in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Each warning as text in the language given at [`Warnings::new`].
    pub fn texts(&self) -> impl Iterator<Item = String> + '_ {
        self.items.iter().map(|w| w.text(self.lang))
    }
}

impl Serialize for Warnings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.texts())
    }
}

/// The dates (2023-08-28) and percentages (0.05%, 1‰) of an English text
/// that its Chinese text does not repeat: a translation keeps every one.
#[cfg(test)]
pub(crate) fn figures_missing(en: &str, zh: &str) -> Vec<String> {
    let pat = regex::Regex::new(r"\d{4}-\d{2}-\d{2}|\d[\d.,]*[%‰]").unwrap();
    pat.find_iter(en)
        .map(|m| m.as_str().to_string())
        .filter(|x| !zh.contains(x.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_missing_finds_dropped_dates_and_rates() {
        assert!(figures_missing("0.05% from 2023-08-28", "自 2023-08-28 起 0.05%").is_empty());
        assert_eq!(
            figures_missing("cap 1‰, 64%–144% from 2014-06-13", "上限千分之一，64%–144%"),
            ["1‰", "2014-06-13"]
        );
    }

    #[test]
    fn every_warning_has_both_languages_and_no_english_in_chinese() {
        let note = RowNote {
            en: "start date not found".into(),
            zh: Some("起始日期未找到".into()),
        };
        let all = vec![
            Warning::RuleUnclear {
                table: RuleTable::Subscription,
                note: note.clone(),
            },
            Warning::LotChangedRecently {
                board: Board::SseMain,
                before: 1000,
                after: 500,
                on: NaiveDate::from_ymd_opt(2023, 3, 27).unwrap(),
            },
            Warning::NotAnnualised,
            Warning::FeeRowUnclear {
                id: "regulatory_fee".into(),
                name_zh: "证管费".into(),
                name_en: "securities regulatory fee".into(),
                note,
            },
            Warning::ExitDateWithoutExit,
            Warning::EarningsNotPositive,
            Warning::CapDerived {
                cap: 6000,
                online_initial: 6_416_000,
            },
            Warning::NoCapInData,
            Warning::AfterToday {
                date: NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(),
                today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            },
            Warning::ListingDayForSubscription {
                listing: NaiveDate::from_ymd_opt(2025, 12, 17).unwrap(),
            },
            Warning::BelowMinimumMarketValue,
            Warning::LowAboveHigh {
                low: Decimal::from(10),
                high: Decimal::from(9),
            },
            Warning::GreyOnAShare { board: Board::Star },
            Warning::EpsAndNetProfit {
                net_profit_used: true,
            },
            Warning::MarginDaysDiffer {
                given: 3,
                from_dates: 2,
            },
        ];
        for w in &all {
            let zh = w.zh();
            // flags (--cap) and codes are allowed; English words are not
            let words: Vec<&str> = zh
                .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
                .filter(|s| s.len() > 2 && !s.starts_with("--"))
                .collect();
            assert!(words.is_empty(), "{zh}: {words:?}");
            assert!(!w.en().is_empty());
        }
    }

    #[test]
    fn warnings_dedupe_and_serialise_as_text() {
        let mut ws = Warnings::new(Lang::En);
        ws.push(Warning::NotAnnualised);
        ws.push(Warning::NotAnnualised);
        ws.push(Warning::NoCapInData);
        assert_eq!(ws.items().len(), 2);
        let json = serde_json::to_string(&ws).unwrap();
        assert!(json.starts_with("[\"no payment"), "{json}");
    }
}
