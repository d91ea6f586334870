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
    /// The market value is below the ¥10,000 minimum.
    BelowMinimumMarketValue,
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
            BelowMinimumMarketValue => "市值不足1万元：不能申购".into(),
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
                "cap {cap} derived by the 1‰ rule from {online_initial} initial online shares, rounded down to whole units (the published 申购上限 wins: give --cap)"
            ),
            NoCapInData => {
                "no cap in the data: only the rule's absolute cap applies; give --cap".into()
            }
            BelowMinimumMarketValue => {
                "below the ¥10,000 minimum market value: no subscription".into()
            }
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

#[cfg(test)]
mod tests {
    use super::*;

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
            Warning::BelowMinimumMarketValue,
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
