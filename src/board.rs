//! Boards (SSE main, STAR, SZSE main, ChiNext, BSE, HKEX), their currency,
//! and the shares per winning lot (中签单位) as a dated table with a source
//! per row.
//!
//! ```
//! use daxin::board::{Board, lot_rule};
//! use chrono::NaiveDate;
//!
//! let before = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
//! let after = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
//! assert_eq!(lot_rule(Board::SseMain, before).unwrap().shares, Some(1000));
//! assert_eq!(lot_rule(Board::SseMain, after).unwrap().shares, Some(500));
//! assert_eq!(lot_rule(Board::Hkex, after).unwrap().shares, None); // per IPO
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::input::ymd;
use crate::message::{RowNote, RuleTable, Warning};

/// The currency prices on a board are quoted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    /// Renminbi yuan (元).
    Cny,
    /// Hong Kong dollar (港元).
    Hkd,
}

impl Currency {
    /// ISO code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Hkd => "HKD",
        }
    }
    /// The unit word used after an amount in Chinese: 元 or 港元.
    pub fn unit_zh(self) -> &'static str {
        match self {
            Currency::Cny => "元",
            Currency::Hkd => "港元",
        }
    }
    /// The symbol put before an amount in English: ¥ or HK$.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Cny => "¥",
            Currency::Hkd => "HK$",
        }
    }
}

impl FromStr for Currency {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cny" | "rmb" | "yuan" | "元" | "人民币" => Ok(Currency::Cny),
            "hkd" | "hk$" | "港元" | "港币" => Ok(Currency::Hkd),
            _ => Err(Error::invalid(
                "currency",
                s,
                crate::why!("expected CNY or HKD", "应为 CNY 或 HKD"),
            )),
        }
    }
}

/// A listing venue whose IPO rules the tool knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Board {
    /// Shanghai Stock Exchange main board (沪市主板).
    #[serde(rename = "sse-main")]
    SseMain,
    /// SSE Science and Technology Innovation Board (科创板).
    #[serde(rename = "star")]
    Star,
    /// Shenzhen Stock Exchange main board, including the former SME board (深市主板).
    #[serde(rename = "szse-main")]
    SzseMain,
    /// ChiNext (创业板).
    #[serde(rename = "chinext")]
    ChiNext,
    /// Beijing Stock Exchange (北交所).
    #[serde(rename = "bse")]
    Bse,
    /// Hong Kong Exchanges, Main Board (港交所主板).
    #[serde(rename = "hkex")]
    Hkex,
}

impl Board {
    /// All boards, in display order.
    pub const ALL: [Board; 6] = [
        Board::SseMain,
        Board::Star,
        Board::SzseMain,
        Board::ChiNext,
        Board::Bse,
        Board::Hkex,
    ];

    /// The short id used in flags, files and JSON (`star`, `hkex`, …).
    pub fn id(self) -> &'static str {
        match self {
            Board::SseMain => "sse-main",
            Board::Star => "star",
            Board::SzseMain => "szse-main",
            Board::ChiNext => "chinext",
            Board::Bse => "bse",
            Board::Hkex => "hkex",
        }
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Board::SseMain => "沪市主板",
            Board::Star => "科创板",
            Board::SzseMain => "深市主板",
            Board::ChiNext => "创业板",
            Board::Bse => "北交所",
            Board::Hkex => "港交所主板",
        }
    }

    /// The name in `lang` (科创板 / STAR Market).
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.name_zh(),
            crate::Lang::En => self.name_en(),
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Board::SseMain => "SSE Main Board",
            Board::Star => "STAR Market",
            Board::SzseMain => "SZSE Main Board",
            Board::ChiNext => "ChiNext",
            Board::Bse => "Beijing Stock Exchange",
            Board::Hkex => "HKEX Main Board",
        }
    }

    /// The currency of the board's quotes.
    pub fn currency(self) -> Currency {
        match self {
            Board::Hkex => Currency::Hkd,
            _ => Currency::Cny,
        }
    }

    /// The first day the tool's tables cover for this board: the day it
    /// opened (STAR, BSE) or the start of the earliest rule row.
    pub fn first_covered_day(self) -> NaiveDate {
        LOT_RULES
            .iter()
            .filter(|r| r.board == self)
            .map(|r| r.from)
            .min()
            .unwrap_or(crate::input::MIN_DATE)
    }
}

impl fmt::Display for Board {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Board {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let b = match t.as_str() {
            "sse-main" | "sse" | "sh" | "sh-main" | "shanghai" | "沪市主板" | "上交所主板" => {
                Board::SseMain
            }
            "star" | "kcb" | "sse-star" | "科创板" => Board::Star,
            "szse-main" | "szse" | "sz" | "sz-main" | "sme" | "shenzhen" | "深市主板"
            | "深交所主板" | "中小板" => Board::SzseMain,
            "chinext" | "cyb" | "gem-sz" | "创业板" => Board::ChiNext,
            "bse" | "bj" | "beijing" | "北交所" => Board::Bse,
            "hkex" | "hk" | "sehk" | "hkex-main" | "港交所" | "港股" | "港交所主板" => {
                Board::Hkex
            }
            _ => {
                return Err(Error::invalid(
                    "board",
                    s,
                    crate::why!(
                        "expected one of sse-main, star, szse-main, chinext, bse, hkex",
                        "应为 sse-main、star、szse-main、chinext、bse、hkex 之一"
                    ),
                ))
            }
        };
        Ok(b)
    }
}

/// How firmly a rule row is established by its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleStatus {
    /// Stated by the sources, which agree.
    Verified,
    /// The sources leave part of it open; the tool warns when it uses the row.
    Unclear,
}

/// One row of the winning-lot table: from `from` to `to` (inclusive), an
/// IPO on `board` allots `shares` per winning number (`None`: the lot is set
/// per IPO, as in Hong Kong).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotRule {
    /// The board.
    pub board: Board,
    /// First day the row applies (by the IPO's subscription date).
    pub from: NaiveDate,
    /// Last day it applies, if it has ended.
    pub to: Option<NaiveDate>,
    /// Shares per winning number, or `None` when each IPO sets its lot.
    pub shares: Option<u64>,
    /// The note in Chinese: the same facts, dates and figures.
    #[serde(skip)]
    pub note_zh: &'static str,
    /// How firm the row is.
    pub status: RuleStatus,
    /// What a user should know when the row is used.
    pub note: &'static str,
    /// Where the rule is stated (see `market-rules.md` §1).
    pub source: &'static str,
}

impl LotRule {
    /// The row's note in `lang`.
    pub fn note(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Zh => self.note_zh,
            crate::Lang::En => self.note,
        }
    }

    /// The row's note in both languages.
    pub fn row_note(&self) -> RowNote {
        RowNote::of(self.note, self.note_zh)
    }
}

/// The winning-lot table. Rows are keyed on the subscription date (T日); the
/// SSE main-board change sits at the first registration-era subscription.
pub static LOT_RULES: &[LotRule] = &[
    LotRule {
        board: Board::SseMain,
        from: ymd(2014, 1, 1),
        to: Some(ymd(2023, 3, 26)),
        shares: Some(1000),
        note_zh: "核准制时期：每个申购单位、每个中签号码均为 1,000 股；表自2014年新股发行重启起",
        status: RuleStatus::Verified,
        note: "approval era: 1,000 shares per subscription unit and per winning number; rows start at the 2014 IPO restart",
        source: "https://m.yrrd.cn/dadarbdr/rbdedhsr (每一个申购单位为1000股); http://cnbzol.com/finance/2015121632827_2.htm (中新科技 2015: 18,891,301,000 shares / 18,891,301 numbers)",
    },
    LotRule {
        board: Board::SseMain,
        from: ymd(2023, 3, 27),
        to: None,
        shares: Some(500),
        note_zh: "注册制时期：每个申购单位 500 股（上交所规则于 2023-02-17 发布；所见首次申购为 2023-03-27 的中重科技）。此前申购的核准制新股即使上市较晚，仍为 1,000 股：请给出其每签股数",
        status: RuleStatus::Verified,
        note: "registration era: 500 shares per unit (SSE rules released 2023-02-17; first subscription found 2023-03-27, 中重科技). An approval-era IPO that subscribed before that date used 1,000 even if it listed later: give its lot size",
        source: "https://www.zt1388.com/news-2513720.html (申购单位由1000股调整为500股); https://q.stock.sohu.com/cn,gg,603135,9389447988.shtml (中重科技 T日 2023-03-27); https://stock.cnstock.com/xg/sx_xgjj/202303/5038618.htm (柏诚股份 146,652,027,500 shares, a multiple of 500 only)",
    },
    LotRule {
        board: Board::Star,
        from: ymd(2019, 6, 27),
        to: None,
        shares: Some(500),
        note_zh: "自科创板首次申购（华兴源创，2019-06-27）起每个申购单位为 500 股，早于科创板首个交易日（2019-07-22）",
        status: RuleStatus::Verified,
        note: "500 shares per subscription unit since the first STAR subscription (华兴源创, 2019-06-27), before STAR's first trading day (2019-07-22)",
        source: "http://www.zrfz123.com/gupiao/202008/40805.html (上交所科创板股票发行与承销实施办法 第十三条: 每一個新股申購單位為500股); https://cn.investing.com/news/economy-news/article-1895841 (6月27日 华兴源创 科创板第一只进入发行程序的股票, 申购数量为500股的整数倍)",
    },
    LotRule {
        board: Board::SzseMain,
        from: ymd(2014, 1, 1),
        to: None,
        shares: Some(500),
        note_zh: "每个申购单位为 500 股；表自2014年新股发行重启起",
        status: RuleStatus::Verified,
        note: "500 shares per subscription unit; rows start at the 2014 IPO restart",
        source: "https://m.yrrd.cn/dadarbdr/rbdedhsr (每一个申购单位为500股); http://cnbzol.com/finance/2015121632827_2.htm (银宝山新 2015: 12,090,007,500 / 24,180,015 numbers)",
    },
    LotRule {
        board: Board::ChiNext,
        from: ymd(2014, 1, 1),
        to: None,
        shares: Some(500),
        note_zh: "每个申购单位为 500 股，与深市主板相同；表自2014年新股发行重启起",
        status: RuleStatus::Verified,
        note: "500 shares per subscription unit, as the SZSE main board; rows start at the 2014 IPO restart",
        source: "http://tuiwangpu.net/news/show-3490.html (仁信新材 2022: 66,328,639,000 shares / 132,657,278 numbers = 500); http://66328.cn/gundong/2023/0424/042023_8198.html (中簽號可認購500股新股)",
    },
    LotRule {
        board: Board::Bse,
        from: ymd(2021, 11, 15),
        to: None,
        shares: Some(100),
        note_zh: "以 100 股为单位按比例配售，不摇号：此处的「一签」即 100 股",
        status: RuleStatus::Verified,
        note: "100-share units allotted proportionally, no lottery numbers: a \"lot\" here is 100 shares",
        source: "https://licai.cofool.com/ask/qa_2805298.html (每一个申购单位为100股)",
    },
    LotRule {
        board: Board::Hkex,
        from: ymd(1986, 4, 2),
        to: None,
        shares: None,
        note_zh: "每手股数由各发行人自定：请给出",
        status: RuleStatus::Verified,
        note: "the board lot is set by each issuer: give it",
        source: "https://www.usmart.hk/en/help-centre/71/detail/10168 (the board lot size … is determined by the issuer)",
    },
];

/// The lot rule in force on `board` for an IPO subscribed on `date`.
///
/// A date outside every row is an error naming the first covered day.
pub fn lot_rule(board: Board, date: NaiveDate) -> Result<&'static LotRule> {
    LOT_RULES
        .iter()
        .find(|r| r.board == board && r.from <= date && r.to.is_none_or(|to| date <= to))
        .ok_or_else(|| Error::NoRule {
            board: board.id(),
            date,
            reason: crate::Why::pair(
                format!(
                    "the tables cover {} from {}",
                    board.name_en(),
                    board.first_covered_day()
                ),
                format!(
                    "规则表自 {} 起覆盖{}",
                    board.first_covered_day(),
                    board.name_zh()
                ),
            ),
        })
}

/// The longest a subscription is taken to precede its listing, in days:
/// a listing this close after a change of lot may have subscribed under the
/// previous rule. A margin chosen wide (A-share listings follow the
/// subscription by one to three weeks), not a published figure.
pub const SUBSCRIPTION_BEFORE_LISTING_DAYS: i64 = 60;

/// The lot rules an IPO on `board` listed on `listing`, whose subscription
/// date is not known, may have subscribed under: those in force from
/// [`SUBSCRIPTION_BEFORE_LISTING_DAYS`] before the listing to the listing,
/// one per lot size, the latest first. Rows that begin after the listing
/// are never candidates; an error when no row covers the listing day.
///
/// ```
/// use daxin::board::{lot_rules_for_listing, Board};
/// let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let lots = |day| -> Vec<Option<u64>> {
///     lot_rules_for_listing(Board::SseMain, day).unwrap().iter().map(|r| r.shares).collect()
/// };
/// assert_eq!(lots(d(2023, 4, 10)), [Some(500), Some(1000)]);
/// assert_eq!(lots(d(2024, 4, 10)), [Some(500)]);
/// ```
pub fn lot_rules_for_listing(board: Board, listing: NaiveDate) -> Result<Vec<&'static LotRule>> {
    let latest = lot_rule(board, listing)?;
    let earliest = listing - chrono::Duration::days(SUBSCRIPTION_BEFORE_LISTING_DAYS);
    let mut out = vec![latest];
    let mut rules: Vec<&'static LotRule> = LOT_RULES
        .iter()
        .filter(|r| r.board == board && r.from <= listing && r.to.is_none_or(|to| to >= earliest))
        .collect();
    rules.sort_by_key(|r| std::cmp::Reverse(r.from));
    for r in rules {
        if !out.iter().any(|o| o.shares == r.shares) {
            out.push(r);
        }
    }
    Ok(out)
}

/// Warnings to show when a rule is used for `date`: an unclear row, or a
/// date close after a change (an IPO listed then may have subscribed under
/// the previous row).
pub fn lot_rule_warnings(rule: &LotRule, date: NaiveDate) -> Vec<Warning> {
    let mut w = Vec::new();
    if rule.status == RuleStatus::Unclear {
        w.push(Warning::RuleUnclear {
            table: RuleTable::Lot,
            note: rule.row_note(),
        });
    }
    let prev = LOT_RULES
        .iter()
        .find(|r| r.board == rule.board && r.to.is_some_and(|to| to < rule.from));
    if let Some(prev) = prev {
        let days = (date - rule.from).num_days();
        if (0..=21).contains(&days) && prev.shares != rule.shares {
            w.push(Warning::LotChangedRecently {
                board: rule.board,
                before: prev.shares.unwrap_or(0),
                after: rule.shares.unwrap_or(0),
                on: rule.from,
            });
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_its_chinese_with_the_same_dates_and_rates() {
        for r in LOT_RULES {
            assert!(!r.note_zh.is_empty(), "{r:?}");
            let missing = crate::message::figures_missing(r.note, r.note_zh);
            assert!(missing.is_empty(), "{missing:?}: {}", r.note_zh);
        }
    }

    #[test]
    fn sse_main_change_boundaries() {
        // market-rules.md §1: first registration-era SSE main-board subscription 2023-03-27.
        assert_eq!(
            lot_rule(Board::SseMain, ymd(2023, 3, 26)).unwrap().shares,
            Some(1000)
        );
        assert_eq!(
            lot_rule(Board::SseMain, ymd(2023, 3, 27)).unwrap().shares,
            Some(500)
        );
        assert_eq!(
            lot_rule(Board::SseMain, ymd(2023, 3, 28)).unwrap().shares,
            Some(500)
        );
    }

    #[test]
    fn boards_before_they_opened() {
        // STAR opened 2019-07-22 (star.sse.com.cn news release, market-rules.md §4);
        // its first IPO, 华兴源创, subscribed on 2019-06-27 (cn.investing.com
        // article-1895841): the table starts there, before the first trading day
        assert!(lot_rule(Board::Star, ymd(2019, 6, 26)).is_err());
        assert_eq!(
            lot_rule(Board::Star, ymd(2019, 6, 27)).unwrap().shares,
            Some(500)
        );
        // BSE opened 2021-11-15 (market-rules.md §1).
        let e = lot_rule(Board::Bse, ymd(2021, 11, 14)).unwrap_err();
        assert!(e.to_string().contains("2021-11-15"), "{e}");
        assert_eq!(
            lot_rule(Board::Bse, ymd(2021, 11, 15)).unwrap().shares,
            Some(100)
        );
    }

    #[test]
    fn rows_do_not_overlap() {
        for a in LOT_RULES {
            for b in LOT_RULES {
                if std::ptr::eq(a, b) || a.board != b.board {
                    continue;
                }
                let a_end = a.to.unwrap_or(crate::input::MAX_DATE);
                let b_end = b.to.unwrap_or(crate::input::MAX_DATE);
                assert!(a_end < b.from || b_end < a.from, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn warns_near_the_change() {
        let r = lot_rule(Board::SseMain, ymd(2023, 4, 10)).unwrap();
        assert_eq!(lot_rule_warnings(r, ymd(2023, 4, 10)).len(), 1);
        assert!(lot_rule_warnings(r, ymd(2023, 6, 1)).is_empty());
    }

    #[test]
    fn board_names_parse() {
        assert_eq!("科创板".parse::<Board>().unwrap(), Board::Star);
        assert_eq!("HKEX".parse::<Board>().unwrap(), Board::Hkex);
        assert_eq!("sse main".parse::<Board>().unwrap(), Board::SseMain);
        assert!("nasdaq".parse::<Board>().is_err());
    }
}
