//! The rules of each board by date: how a subscription quota is earned
//! (market value per unit, the per-account cap) and how prices may move
//! (first-day band, days without a limit, the daily limit, temporary
//! halts). Tables with a source per row; rows the sources leave open are
//! marked unclear and the tool warns when it uses them. See
//! `../shared/reference/market-rules.md` §1–§4 and §7.
//!
//! ```
//! use daxin::rules::{limit_price, trading_rule};
//! use daxin::Board;
//! use chrono::NaiveDate;
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! // 工业富联 (SSE main board, 2018): 1.44 × 13.77 = 19.8288 → 19.83 (half-up)
//! let day = NaiveDate::from_ymd_opt(2018, 6, 8).unwrap();
//! let r = trading_rule(Board::SseMain, day).unwrap();
//! let cap = limit_price(Decimal::from_str("13.77").unwrap(), r.first_day_up_pct.unwrap(), true).unwrap();
//! assert_eq!(cap.to_string(), "19.83");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{Board, RuleStatus};
use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::input::ymd;
use crate::message::{RowNote, Warning};
use crate::num;

/// How prices may move on a board, for IPOs listed in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TradingRule {
    /// The board.
    pub board: Board,
    /// First listing day the row applies to.
    pub from: NaiveDate,
    /// Last listing day.
    pub to: Option<NaiveDate>,
    /// First-day ceiling over the issue price, in percent (44), if any.
    pub first_day_up_pct: Option<Decimal>,
    /// First-day floor under the issue price, in percent (36), if any.
    pub first_day_down_pct: Option<Decimal>,
    /// Trading days from listing with no price limit (5 on registration-era
    /// boards, 1 on BSE, 0 where a first-day band applies).
    pub no_limit_days: u32,
    /// The daily limit afterwards, in percent of the previous close; `None`
    /// where there is none (Hong Kong).
    pub daily_limit_pct: Option<Decimal>,
    /// Temporary-halt thresholds, as the sources state them.
    pub halts: &'static str,
    /// The halts in Chinese: the same thresholds and dates.
    #[serde(skip)]
    pub halts_zh: &'static str,
    /// The note in Chinese: the same facts, dates and figures.
    #[serde(skip)]
    pub note_zh: &'static str,
    /// How firm the row is.
    pub status: RuleStatus,
    /// What to know.
    pub note: &'static str,
    /// Where stated.
    pub source: &'static str,
}

impl TradingRule {
    /// The row's note in `lang`.
    pub fn note(&self, lang: Lang) -> &'static str {
        pick(lang, self.note, self.note_zh)
    }

    /// The temporary halts in `lang`.
    pub fn halts(&self, lang: Lang) -> &'static str {
        pick(lang, self.halts, self.halts_zh)
    }

    /// The row's note in both languages.
    pub fn row_note(&self) -> RowNote {
        RowNote::of(self.note, self.note_zh)
    }
}

/// The text of a row in `lang` (English where the Chinese is empty).
fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::Zh if !zh.is_empty() => zh,
        _ => en,
    }
}

const fn pct(n: i64) -> Option<Decimal> {
    Some(Decimal::from_parts(n as u32, 0, 0, false, 0))
}

/// The trading-rule table, keyed on the IPO's listing date.
pub static TRADING_RULES: &[TradingRule] = &[
    TradingRule {
        board: Board::SseMain,
        from: ymd(2014, 1, 1),
        to: Some(ymd(2023, 4, 9)),
        first_day_up_pct: pct(44),
        first_day_down_pct: pct(36),
        no_limit_days: 0,
        daily_limit_pct: pct(10),
        halts: "first day: halt when the price moves 10% from the open (30 minutes from the 2014-06-13 SSE notice; a second halt at 20% before it)",
        halts_zh: "首日：较开盘价涨跌 10% 时临时停牌（自上交所 2014-06-13 通知起为 30 分钟；此前涨跌 20% 时另有第二次停牌）",
        note_zh: "核准制时期：连续竞价申报价格须在发行价的 64%–144% 之内（集合竞价 80%–120%），边界四舍五入至分；第 2 个交易日起 ±10%。2023-04-10 之后上市的核准制新股存疑",
        status: RuleStatus::Verified,
        note: "approval era: continuous-auction orders within 64%–144% of the issue price (call auction 80%–120%), bounds rounded half-up to the fen; ±10% from day 2. Approval-era IPOs listed after 2023-04-10 are UNCLEAR",
        source: "http://star.sse.com.cn/en/gettingstarted/features/trading (-36%~+44% for the IPO day); https://licai.jiantou8.com/ask/qa_4954528.html (不得高于发行价格的144%); http://www.co-liber.com/gupiao/33830.html (四捨五入…取至0.01元)",
    },
    TradingRule {
        board: Board::SseMain,
        from: ymd(2023, 4, 10),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 5,
        daily_limit_pct: pct(10),
        halts: "first five days: 10-minute halts at ±30% and ±60% from the open",
        halts_zh: "前五个交易日：较开盘价涨跌 ±30% 和 ±60% 时各临时停牌 10 分钟",
        note_zh: "注册制时期：前五个交易日不设涨跌幅限制，第六个交易日起 ±10%",
        status: RuleStatus::Verified,
        note: "registration era: no limit for the first five trading days, ±10% from the sixth",
        source: "https://www.autoslope.com/stock/20230404/c646171517.shtml (主板新股前5个交易日不设涨跌幅限制,第6个交易日起,涨跌幅限制为10%); https://licai.jiantou8.com/ask/vipqa_6396705_39518927.html",
    },
    TradingRule {
        board: Board::SzseMain,
        from: ymd(2014, 1, 1),
        to: Some(ymd(2023, 4, 9)),
        first_day_up_pct: pct(44),
        first_day_down_pct: pct(36),
        no_limit_days: 0,
        daily_limit_pct: pct(10),
        halts: "first day: halt at 10% from the open (one hour in January 2014, 30 minutes later; switch date UNCLEAR)",
        halts_zh: "首日：较开盘价涨跌 10% 时临时停牌（2014年1月为一小时，后为 30 分钟；改动日期存疑）",
        note_zh: "核准制时期（含原中小板）：首日价格区间为发行价的 64%–144%，四舍五入至分；第 2 个交易日起 ±10%",
        status: RuleStatus::Verified,
        note: "approval era (including the former SME board): first-day band 64%–144% of the issue price, half-up to the fen; ±10% from day 2",
        source: "https://mondovisione.com/media-and-resources/news/shenzhen-stock-exchange-qandas-on-trading-mechanisms-for-ipo-shares-on-first-trad-20131226; http://www.scmp.com/business/money/markets-investing/article/1410731/new-china-ipos-suspended-trading-after-excessive",
    },
    TradingRule {
        board: Board::SzseMain,
        from: ymd(2023, 4, 10),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 5,
        daily_limit_pct: pct(10),
        halts: "first five days: 10-minute halts at ±30% and ±60% from the open",
        halts_zh: "前五个交易日：较开盘价涨跌 ±30% 和 ±60% 时各临时停牌 10 分钟",
        note_zh: "注册制时期：前五个交易日不设涨跌幅限制，第六个交易日起 ±10%",
        status: RuleStatus::Verified,
        note: "registration era: no limit for the first five trading days, ±10% from the sixth",
        source: "https://www.autoslope.com/stock/20230404/c646171517.shtml; https://www.tonhe.com.cn/news/138.html (come into force on the first day of listing of the first main Board stock)",
    },
    TradingRule {
        board: Board::ChiNext,
        from: ymd(2014, 1, 1),
        to: Some(ymd(2020, 8, 23)),
        first_day_up_pct: pct(44),
        first_day_down_pct: pct(36),
        no_limit_days: 0,
        daily_limit_pct: pct(10),
        halts: "first day: halt at 10% from the open",
        halts_zh: "首日：较开盘价涨跌 10% 时临时停牌",
        note_zh: "改革前的创业板：核准制的首日 44% 涨幅上限；第 2 个交易日起 ±10%",
        status: RuleStatus::Verified,
        note: "pre-reform ChiNext: the approval-era 44% first-day band; ±10% from day 2",
        source: "https://licai.jiantou8.com/ask/qa_4954528.html; https://www.businessinsider.com/beijing-boafeng-technology-has-rallied-4000-in-40-days-2015-5 (暴风科技 2015: 44% on day one, then 10% a day)",
    },
    TradingRule {
        board: Board::ChiNext,
        from: ymd(2020, 8, 24),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 5,
        daily_limit_pct: pct(20),
        halts: "first five days: 10-minute halts at 30% and 60%",
        halts_zh: "前五个交易日：涨跌 30% 和 60% 时各临时停牌 10 分钟",
        note_zh: "注册制改革：前五个交易日不设涨跌幅限制，此后 ±20%（自 2020-08-24 起适用于全部创业板股票）",
        status: RuleStatus::Verified,
        note: "registration reform: no limit for the first five trading days, ±20% afterwards (all ChiNext stocks from 2020-08-24)",
        source: "https://pandaily.com/china-to-pilot-registration-system-on-start-up-board-chinext-for-capital-market-restructuring; http://yuzhongnet.com/a/202008/18/WS5f3b2a25a310834817260e54.html",
    },
    TradingRule {
        board: Board::Star,
        from: ymd(2019, 7, 22),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 5,
        daily_limit_pct: pct(20),
        halts: "first five days: 10-minute halts at 30% and 60% (resume at 14:57 if the halt spans it)",
        halts_zh: "前五个交易日：涨跌 30% 和 60% 时各临时停牌 10 分钟（停牌跨越 14:57 的，于 14:57 复牌）",
        note_zh: "前五个交易日不设涨跌幅限制，此后 ±20%",
        status: RuleStatus::Verified,
        note: "no limit for the first five trading days, ±20% afterwards",
        source: "http://star.sse.com.cn/star/en/infodisclosure/newsrelease/c/c_20190723_4867909.shtml (No price limit … in the first 5 trading days); https://www.scmp.com/business/companies/article/3014592/shanghai-exchange-moves-curb-speculation-even-trading-starts",
    },
    TradingRule {
        board: Board::Bse,
        from: ymd(2021, 11, 15),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 1,
        daily_limit_pct: pct(30),
        halts: "first day: 10-minute halts at 30% and 60% from the open",
        halts_zh: "首日：较开盘价涨跌 30% 和 60% 时各临时停牌 10 分钟",
        note_zh: "首日不设涨跌幅限制，此后 ±30%",
        status: RuleStatus::Verified,
        note: "no limit on the first day, ±30% afterwards",
        source: "http://www.china0114.com/3009376.html (新股上市首日不設漲跌幅限制 … 30%)",
    },
    TradingRule {
        board: Board::Hkex,
        from: ymd(1986, 4, 2),
        to: None,
        first_day_up_pct: None,
        first_day_down_pct: None,
        no_limit_days: 0,
        daily_limit_pct: None,
        halts: "no price limits; the Volatility Control Mechanism (index constituents, since 2016-08-22) only pauses trading",
        halts_zh: "不设涨跌幅限制；市场波动调节机制（适用于指数成份股，自 2016-08-22 起）只暂停交易片刻",
        note_zh: "香港不设每日涨跌幅限制",
        status: RuleStatus::Verified,
        note: "Hong Kong has no daily price limit",
        source: "https://www.futuhk.com/en/support/topic296; http://www.qwxb.com.cn/business/2016-08/23/content_26564260.htm",
    },
];

/// The trading rule for an IPO on `board` listed on `listing_date`.
pub fn trading_rule(board: Board, listing_date: NaiveDate) -> Result<&'static TradingRule> {
    TRADING_RULES
        .iter()
        .find(|r| {
            r.board == board && r.from <= listing_date && r.to.is_none_or(|t| listing_date <= t)
        })
        .ok_or_else(|| {
            let from = TRADING_RULES
                .iter()
                .filter(|r| r.board == board)
                .map(|r| r.from)
                .min()
                .map(|d| d.to_string())
                .unwrap_or_default();
            Error::NoRule {
                board: board.id(),
                date: listing_date,
                reason: crate::Why::pair(
                    format!(
                        "the trading-rule table covers {} from {from}",
                        board.name_en()
                    ),
                    format!("交易规则表自 {from} 起覆盖{}", board.name_zh()),
                ),
            }
        })
}

/// A limit price: `base × (1 ± pct %)`, rounded half-up to the fen as the
/// exchanges round ("计算结果四舍五入至0.01元").
pub fn limit_price(base: Decimal, pct: Decimal, up: bool) -> Result<Decimal> {
    let factor = if up {
        Decimal::ONE_HUNDRED + pct
    } else {
        Decimal::ONE_HUNDRED - pct
    };
    let raw = num::div(
        num::mul(base, factor, "limit price")?,
        Decimal::ONE_HUNDRED,
        "limit price",
    )?;
    Ok(num::round_half_up(raw, 2))
}

/// [`limit_price`] with its working: `829.90 × 120% = 995.88 → 995.88`
/// (the exact product, then the price half-up to the fen).
///
/// ```
/// use daxin::rules::limit_working;
/// use rust_decimal::Decimal;
/// let (p, w) = limit_working("10.28".parse().unwrap(), Decimal::TEN, true).unwrap();
/// assert_eq!(p.to_string(), "11.31");
/// assert_eq!(w, "10.28 × 110% = 11.308 → 11.31");
/// ```
pub fn limit_working(base: Decimal, pct: Decimal, up: bool) -> Result<(Decimal, String)> {
    let price = limit_price(base, pct, up)?;
    let factor = if up {
        Decimal::ONE_HUNDRED + pct
    } else {
        Decimal::ONE_HUNDRED - pct
    };
    let exact = num::div(
        num::mul(base, factor, "limit price")?,
        Decimal::ONE_HUNDRED,
        "limit price",
    )?;
    let working = format!(
        "{} × {}% = {} → {}",
        num::fixed(base, 2),
        num::trim(factor),
        num::trim(exact),
        num::fixed(price, 2)
    );
    Ok((price, working))
}

/// What sets a day's limits, rendered in a language by [`LimitBasis::text`].
///
/// ```
/// use daxin::rules::LimitBasis;
/// use daxin::Lang;
/// let b = LimitBasis::DailyLimit { pct: 10.into(), prev_close: "10.28".parse().unwrap() };
/// assert_eq!(b.text(Lang::En), "±10% of the previous close 10.28");
/// assert_eq!(b.text(Lang::Zh), "前收盘价 10.28 的 ±10%");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LimitBasis {
    /// The first-day band on the issue price.
    FirstDayBand {
        /// Up, percent.
        up_pct: Decimal,
        /// Down, percent.
        down_pct: Decimal,
        /// The issue price.
        issue: Decimal,
    },
    /// The first trading days of the listing have no limit.
    NoLimitWindow {
        /// How many.
        days: u32,
    },
    /// The board has no daily limit (Hong Kong): the row's note says so.
    NoDailyLimit {
        /// The row's note.
        note: RowNote,
    },
    /// The daily limit on the previous close.
    DailyLimit {
        /// Percent up and down.
        pct: Decimal,
        /// The previous close.
        prev_close: Decimal,
    },
}

impl LimitBasis {
    /// The basis in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    /// In Chinese.
    pub fn zh(&self) -> String {
        match self {
            LimitBasis::FirstDayBand {
                up_pct,
                down_pct,
                issue,
            } => format!("首日价格区间：发行价 {issue} 的 +{up_pct}% / −{down_pct}%"),
            LimitBasis::NoLimitWindow { days } => {
                format!("上市后前 {days} 个交易日不设涨跌幅限制")
            }
            LimitBasis::NoDailyLimit { note } => note.text(Lang::Zh).to_string(),
            LimitBasis::DailyLimit { pct, prev_close } => {
                format!("前收盘价 {prev_close} 的 ±{pct}%")
            }
        }
    }

    /// In English.
    pub fn en(&self) -> String {
        match self {
            LimitBasis::FirstDayBand {
                up_pct,
                down_pct,
                issue,
            } => format!("first-day band +{up_pct}% / −{down_pct}% of the issue price {issue}"),
            LimitBasis::NoLimitWindow { days } => {
                format!("no limit in the first {days} trading day(s)")
            }
            LimitBasis::NoDailyLimit { note } => note.en.clone(),
            LimitBasis::DailyLimit { pct, prev_close } => {
                format!("±{pct}% of the previous close {prev_close}")
            }
        }
    }
}

/// The up and down limits of one trading day (`None`: no limit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Highest valid price.
    pub up: Option<Decimal>,
    /// Lowest valid price.
    pub down: Option<Decimal>,
    /// What set them.
    pub why: LimitBasis,
    /// The working of each limit (empty when there are none).
    pub working: Vec<String>,
}

impl Limits {
    fn around(
        base: Decimal,
        up_pct: Decimal,
        down_pct: Decimal,
        why: LimitBasis,
    ) -> Result<Limits> {
        let (up, w_up) = limit_working(base, up_pct, true)?;
        let (down, w_down) = limit_working(base, down_pct, false)?;
        Ok(Limits {
            up: Some(up),
            down: Some(down),
            why,
            working: vec![w_up, w_down],
        })
    }
}

/// The limits on trading day `day` (1 = the listing day) of an IPO listed
/// on `listing_date`: the first-day band on the issue price, nothing in the
/// no-limit window, and the daily limit on the previous close after it.
pub fn limits(
    board: Board,
    listing_date: NaiveDate,
    day: u32,
    issue_price: Option<Decimal>,
    prev_close: Option<Decimal>,
) -> Result<Limits> {
    let r = trading_rule(board, listing_date)?;
    if day == 0 {
        return Err(Error::invalid(
            "--day",
            "0",
            crate::why!(
                "trading days count from 1 (the listing day)",
                "交易日从 1 起计（上市日为第 1 日）"
            ),
        ));
    }
    if day == 1 {
        if let (Some(up), Some(down)) = (r.first_day_up_pct, r.first_day_down_pct) {
            let issue = issue_price.ok_or_else(|| {
                Error::missing(
                    "--issue-price",
                    crate::why!(
                        "the first-day band is set on the issue price",
                        "首日涨跌幅以发行价为基准"
                    ),
                )
            })?;
            return Limits::around(
                issue,
                up,
                down,
                LimitBasis::FirstDayBand {
                    up_pct: up,
                    down_pct: down,
                    issue,
                },
            );
        }
    }
    if day <= r.no_limit_days || r.daily_limit_pct.is_none() {
        return Ok(Limits {
            up: None,
            down: None,
            why: match r.daily_limit_pct {
                None => LimitBasis::NoDailyLimit { note: r.row_note() },
                Some(_) => LimitBasis::NoLimitWindow {
                    days: r.no_limit_days,
                },
            },
            working: Vec::new(),
        });
    }
    let pct = r.daily_limit_pct.unwrap_or_default();
    let prev = prev_close.ok_or_else(|| {
        Error::missing(
            "--prev-close",
            crate::why!(
                "the daily limit is set on the previous close",
                "每日涨跌停以前收盘价为基准"
            ),
        )
    })?;
    Limits::around(
        prev,
        pct,
        pct,
        LimitBasis::DailyLimit {
            pct,
            prev_close: prev,
        },
    )
}

/// One day of a run of limit-up days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathDay {
    /// Trading day, 1 = listing day.
    pub day: u32,
    /// The limit-up close.
    pub price: Decimal,
    /// (price − issue) × lot.
    pub profit_per_lot: Decimal,
    /// (price − issue) ÷ issue × 100, unrounded.
    pub gain_pct: Decimal,
    /// The working: `round_half_up(10.28 × 1.10) = 11.31`.
    pub formula: String,
}

/// The closes of a run of `days` consecutive limit-up days (一字板) from the
/// listing day: the first-day cap on the issue price, then the daily limit
/// on each previous close, each rounded half-up to the fen. Defined only
/// where the first day has a band.
pub fn limit_up_path(
    board: Board,
    listing_date: NaiveDate,
    issue_price: Decimal,
    lot: u64,
    days: u32,
) -> Result<Vec<PathDay>> {
    let r = trading_rule(board, listing_date)?;
    let (Some(first), Some(daily)) = (r.first_day_up_pct, r.daily_limit_pct) else {
        return Err(Error::invalid(
            "--board",
            board.id(),
            crate::Why::pair(
                format!(
                    "IPOs listed on {} from {} have no first-day limit ({}): a run of limit-up days has no fixed path",
                    board.name_en(),
                    r.from,
                    r.note
                ),
                format!(
                    "自 {} 起在{}上市的新股首日不设涨跌幅限制（{}）：连续涨停没有固定路径",
                    r.from,
                    board.name_zh(),
                    r.note_zh
                ),
            ),
        ));
    };
    if days == 0 || days > 250 {
        return Err(Error::invalid(
            "--days",
            &days.to_string(),
            crate::why!("give 1 to 250 days", "请给出 1 到 250 天"),
        ));
    }
    let lot_d = Decimal::from(lot);
    let mut out = Vec::with_capacity(days as usize);
    let mut prev = issue_price;
    for day in 1..=days {
        let pct = if day == 1 { first } else { daily };
        let (price, formula) = limit_working(prev, pct, true)?;
        let over = num::sub(price, issue_price, "profit per lot")?;
        out.push(PathDay {
            day,
            price,
            profit_per_lot: num::mul(over, lot_d, "profit per lot")?,
            gain_pct: num::div(
                num::mul(over, Decimal::ONE_HUNDRED, "gain")?,
                issue_price,
                "gain",
            )?,
            formula,
        });
        prev = price;
    }
    Ok(out)
}

/// Warnings for first-day prices outside the band in force for the listing
/// (for example a close above 144% of the issue price on the old main board).
pub fn first_day_band_warnings(
    board: Board,
    listing_date: NaiveDate,
    issue_price: Decimal,
    prices: &[(&str, Decimal)],
) -> Vec<Warning> {
    let Ok(r) = trading_rule(board, listing_date) else {
        return Vec::new();
    };
    let (Some(up), Some(down)) = (r.first_day_up_pct, r.first_day_down_pct) else {
        return Vec::new();
    };
    let (Ok(hi), Ok(lo)) = (
        limit_price(issue_price, up, true),
        limit_price(issue_price, down, false),
    ) else {
        return Vec::new();
    };
    prices
        .iter()
        .filter(|(_, p)| *p > hi || *p < lo)
        .map(|(name, p)| Warning::OutsideFirstDayBand {
            basis: name.to_string(),
            price: *p,
            low: lo,
            high: hi,
            up_pct: up,
            down_pct: down,
            issue: issue_price,
            board,
            from: r.from,
        })
        .collect()
}

/// [`first_day_band_warnings`] as English text (the batch check column).
pub fn first_day_warnings(
    board: Board,
    listing_date: NaiveDate,
    issue_price: Decimal,
    prices: &[(&str, Decimal)],
) -> Vec<String> {
    first_day_band_warnings(board, listing_date, issue_price, prices)
        .iter()
        .map(Warning::en)
        .collect()
}

/// How a subscription quota is earned on a board, by subscription date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubscriptionRule {
    /// The board.
    pub board: Board,
    /// First subscription day.
    pub from: NaiveDate,
    /// Last subscription day.
    pub to: Option<NaiveDate>,
    /// Market value per subscription unit, yuan (`None`: cash subscription, BSE).
    #[serde(serialize_with = "crate::report::ser::opt::money_u64")]
    pub mv_per_unit: Option<u64>,
    /// Minimum market value to subscribe at all, yuan.
    #[serde(serialize_with = "crate::report::ser::opt::money_u64")]
    pub min_mv: Option<u64>,
    /// The per-account cap as a fraction of the initial online shares
    /// (0.001 = 1‰; 0.05 on BSE).
    pub cap_fraction: Decimal,
    /// The absolute cap in shares, where one is stated.
    pub cap_max: Option<u64>,
    /// Which market value counts: `sh` or `sz` (STAR and the SSE main board
    /// share Shanghai's; ChiNext and the SZSE main board Shenzhen's).
    pub pool: &'static str,
    /// The note in Chinese: the same facts, dates and figures.
    #[serde(skip)]
    pub note_zh: &'static str,
    /// How firm the row is.
    pub status: RuleStatus,
    /// What to know.
    pub note: &'static str,
    /// Where stated.
    pub source: &'static str,
}

impl SubscriptionRule {
    /// The row's note in `lang`.
    pub fn note(&self, lang: Lang) -> &'static str {
        pick(lang, self.note, self.note_zh)
    }

    /// The row's note in both languages.
    pub fn row_note(&self) -> RowNote {
        RowNote::of(self.note, self.note_zh)
    }
}

/// The subscription-rule table (A-shares), keyed on the subscription date.
pub static SUBSCRIPTION_RULES: &[SubscriptionRule] = &[
    SubscriptionRule {
        board: Board::SseMain,
        from: ymd(2014, 1, 1),
        to: Some(ymd(2023, 3, 26)),
        mv_per_unit: Some(10_000),
        min_mv: Some(10_000),
        cap_fraction: Decimal::from_parts(1, 0, 0, false, 3),
        cap_max: Some(99_999_000),
        pool: "sh",
        note_zh: "每 1 万元沪市市值（T−2 日前 20 个交易日日均）可申购一个 1,000 股的单位；上限为网上初始发行量的 1‰，且不超过 9999.9万股",
        status: RuleStatus::Verified,
        note: "¥10,000 of Shanghai market value (20-day average to T−2) per 1,000-share unit; cap 1‰ of the initial online shares and 9999.9万股",
        source: "https://m.yrrd.cn/dadarbdr/rbdedhsr (每1万元市值可申购一个申购单位 … 不得超过9999.9万股); http://www.acmerblog.com/2016/0106/394865.html",
    },
    SubscriptionRule {
        board: Board::SseMain,
        from: ymd(2023, 3, 27),
        to: None,
        mv_per_unit: Some(5_000),
        min_mv: Some(10_000),
        cap_fraction: Decimal::from_parts(1, 0, 0, false, 3),
        cap_max: None,
        pool: "sh",
        note_zh: "500 股的申购单位已证实；每单位 5,000 元市值只有较弱的来源，也未找到绝对股数上限",
        status: RuleStatus::Unclear,
        note: "500-share units confirmed; ¥5,000 per unit only weakly sourced, and no absolute share cap was found",
        source: "http://news.jsnol.com/local/20230530/226068.html (申购单位所需配的市值也相应统一为5000元); https://www.zt1388.com/news-2513720.html",
    },
    SubscriptionRule {
        board: Board::Star,
        // the first STAR subscription (华兴源创), before the first trading day
        from: ymd(2019, 6, 27),
        to: None,
        mv_per_unit: Some(5_000),
        min_mv: Some(10_000),
        cap_fraction: Decimal::from_parts(1, 0, 0, false, 3),
        cap_max: Some(99_999_500),
        pool: "sh",
        note_zh: "每 5,000 元沪市市值可申购一个 500 股的单位；上限为网上初始发行量的 1‰，且不超过 9999.95万股",
        status: RuleStatus::Verified,
        note: "¥5,000 of Shanghai market value per 500-share unit; cap 1‰ of the initial online shares and 9999.95万股",
        source: "http://www.zrfz123.com/gupiao/202008/40805.html (每5000元市值可申購一個申購單位 … 不得超過9999.95萬股); http://www.yyykp.com/news/cj/2197170.html; https://cn.investing.com/news/economy-news/article-1895841 (华兴源创 2019-06-27: 申购上限0.75万股, 顶格申购需持有沪市市值7.50万元)",
    },
    SubscriptionRule {
        board: Board::SzseMain,
        from: ymd(2014, 1, 1),
        to: None,
        mv_per_unit: Some(5_000),
        min_mv: Some(10_000),
        cap_fraction: Decimal::from_parts(1, 0, 0, false, 3),
        cap_max: Some(999_999_500),
        pool: "sz",
        note_zh: "每 5,000 元深市市值可申购一个 500 股的单位；上限为网上初始发行量的 1‰；所引绝对上限为 999,999,500 股，看来可疑",
        status: RuleStatus::Unclear,
        note: "¥5,000 of Shenzhen market value per 500-share unit; cap 1‰ of the initial online shares; the absolute cap is quoted as 999,999,500 shares, which looks odd",
        source: "https://m.yrrd.cn/dadarbdr/rbdedhsr (每5000元市值可申购一个申购单位 … 且不得超过999,999,500 股)",
    },
    SubscriptionRule {
        board: Board::ChiNext,
        from: ymd(2014, 1, 1),
        to: None,
        mv_per_unit: Some(5_000),
        min_mv: Some(10_000),
        cap_fraction: Decimal::from_parts(1, 0, 0, false, 3),
        cap_max: Some(999_999_500),
        pool: "sz",
        note_zh: "与深市主板相同（深市市值）；绝对上限同深交所所引",
        status: RuleStatus::Unclear,
        note: "as the SZSE main board (Shenzhen market value); absolute cap as quoted for SZSE",
        source: "https://m.yrrd.cn/dadarbdr/rbdedhsr; http://m.lvdouya.com.cn/gupiao/202208/167429.html",
    },
    SubscriptionRule {
        board: Board::Bse,
        from: ymd(2021, 11, 15),
        to: None,
        mv_per_unit: None,
        min_mv: None,
        cap_fraction: Decimal::from_parts(5, 0, 0, false, 2),
        cap_max: Some(99_999_900),
        pool: "",
        note_zh: "以 100 股为单位现金申购，全额预缴，按比例配售；上限为网上初始发行量的 5%",
        status: RuleStatus::Verified,
        note: "cash subscription in 100-share units, full prepayment, proportional allotment; cap 5% of the initial online shares",
        source: "https://licai.cofool.com/ask/qa_2805298.html (申购股数不得超过网上初始发行量的5% … 全额缴付 … 无市值持仓要求)",
    },
];

/// The subscription rule on `board` for a subscription on `date`.
pub fn subscription_rule(board: Board, date: NaiveDate) -> Result<&'static SubscriptionRule> {
    SUBSCRIPTION_RULES
        .iter()
        .find(|r| r.board == board && r.from <= date && r.to.is_none_or(|t| date <= t))
        .ok_or_else(|| Error::NoRule {
            board: board.id(),
            date,
            reason: if board == Board::Hkex {
                crate::why!(
                    "Hong Kong applications are in board lots for cash; see `daxin odds --allotment FILE`",
                    "港股以现金按每手申购；请见 `daxin odds --allotment FILE`"
                )
            } else {
                crate::why!(
                    "the subscription table starts at the 2014 IPO restart (STAR at its first subscription 2019-06-27, BSE 2021-11-15)",
                    "申购规则表始于 2014 年新股重启（科创板始于首次申购 2019-06-27，北交所始于 2021-11-15）"
                )
            },
        })
}

/// How a Hong Kong public tranche is split into pools A and B (PN18):
/// applications of up to `limit_hkd` at the final price — brokerage and
/// levies excluded — in pool A, larger ones in pool B, each pool taking half
/// of the tranche. Keyed on the application day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HkPoolRule {
    /// First application day the row applies to.
    pub from: NaiveDate,
    /// Last application day.
    pub to: Option<NaiveDate>,
    /// The pool A line: application money (shares × price, fees excluded), HK$.
    pub limit_hkd: u64,
    /// The note in Chinese: the same facts, dates and figures.
    #[serde(skip)]
    pub note_zh: &'static str,
    /// How firm the row is.
    pub status: RuleStatus,
    /// What to know.
    pub note: &'static str,
    /// Where stated.
    pub source: &'static str,
}

impl HkPoolRule {
    /// The row's note in `lang`.
    pub fn note(&self, lang: Lang) -> &'static str {
        pick(lang, self.note, self.note_zh)
    }

    /// The row's note in both languages.
    pub fn row_note(&self) -> RowNote {
        RowNote::of(self.note, self.note_zh)
    }
}

/// The pool table (market-rules.md §7).
pub static HK_POOL_RULES: &[HkPoolRule] = &[
    HkPoolRule {
        from: ymd(1998, 6, 1),
        to: Some(ymd(2025, 8, 3)),
        limit_hkd: 5_000_000,
        note_zh: "分为两个相等的组别；甲组：按发售价计、不含 1% 经纪佣金及征费的申购金额为 500万港元 或以下者；认购不足的一组余额拨入另一组。第18项应用指引始于 1998 年（其「6/98」标记；未载明日子，本行自该月 1 日起）",
        status: RuleStatus::Verified,
        note: "two equal pools; pool A: applications of HK$5 million or less at the offer price, excluding the 1% brokerage and levies; an undersubscribed pool's surplus moves to the other. PN18 dates from 1998 (its '6/98' mark; the day is not stated, the row starts on the month's first)",
        source: "https://en-rules.hkex.com.hk/node/5098 (GEM PN6, same text as Main Board PN18 of 6/98: \"divided equally into pools: pool A and pool B\", pool A \"HK$5 million or less\"); https://wanglu.net/thread/t12-270013-3.html (an allotment announcement, 2016: 甲组 \"5 百万港元或以下 (根据…每股发售股份 3.39 港元而计算,不包括 1% 经纪佣金、0.0027% 证监会交易徵费及 0.005% 香港联交所交易费)\")",
    },
    HkPoolRule {
        from: ymd(2025, 8, 4),
        to: None,
        limit_hkd: 5_000_000,
        note_zh: "2025 年改革后，公告仍印出「POOL A / POOL B」两组，各占最终公开发售部分的一半（壁仞科技：49,538,600 股中 24,769,400 + 24,769,200；天數智芯：2,543,200 股中 1,271,600 + 1,271,600），并以按最终发售价计 500万港元 的申购金额为界；未读到新的第18项应用指引原文，改革后的表格也未说明费用是否计入此界线（改革前的措辞不计入）",
        status: RuleStatus::Unclear,
        note: "after the 2025 reform the announcements still print POOL A / POOL B with half of the final tranche each (壁仞科技: 24,769,400 + 24,769,200 of 49,538,600; 天數智芯: 1,271,600 + 1,271,600 of 2,543,200) and split at HK$5 million of application money at the final price; the new PN18 text was not read, and no post-reform table tells whether the fees count towards the line (the pre-reform wording excluded them)",
        source: "https://www1.hkexnews.hk/listedco/listconews/sehk/2025/1231/2025123102783.pdf (壁仞科技, 2025-12-31); https://www1.hkexnews.hk/listedco/listconews/sehk/2026/0107/2026010701802.pdf (天數智芯, 2026-01-07); https://www.am730.com.hk/%E8%B2%A1%E7%B6%93/1017352 (post-reform 甲組/乙組, 2026-03-11)",
    },
];

/// The pool rule for an application on `date`.
pub fn hk_pool_rule(date: NaiveDate) -> Result<&'static HkPoolRule> {
    HK_POOL_RULES
        .iter()
        .find(|r| r.from <= date && r.to.is_none_or(|t| date <= t))
        .ok_or_else(|| Error::NoRule {
            board: Board::Hkex.id(),
            date,
            reason: crate::why!(
                "the pool table starts with PN18 in June 1998",
                "甲乙组规则表始于 1998 年 6 月的 PN18"
            ),
        })
}

/// How the Hong Kong public tranche is sized (the public offering's share
/// of the global offering).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HkMechanism {
    /// Old PN18 claw-back (before 2025-08-04).
    Pn18,
    /// 2025 reform, mechanism A: 5 % initially, clawed back by demand.
    A,
    /// 2025 reform, mechanism B: a fixed share chosen in advance, no claw-back.
    B,
}

/// One row of the public-tranche table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HkTrancheRule {
    /// The mechanism.
    pub mechanism: HkMechanism,
    /// First listing-document day the row applies to.
    pub from: NaiveDate,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// The initial public share, percent of the offer (B: the floor).
    pub initial_pct: Decimal,
    /// Claw-back: at `multiple`× demand or more, the tranche becomes `pct`.
    pub clawback: &'static [(u32, u32)],
    /// Mechanism B's ceiling on the fixed share, percent.
    pub max_pct: Option<Decimal>,
    /// The note in Chinese: the same facts, dates and figures.
    #[serde(skip)]
    pub note_zh: &'static str,
    /// How firm the row is.
    pub status: RuleStatus,
    /// What to know.
    pub note: &'static str,
    /// Where stated.
    pub source: &'static str,
}

impl HkTrancheRule {
    /// The row's note in `lang`.
    pub fn note(&self, lang: Lang) -> &'static str {
        pick(lang, self.note, self.note_zh)
    }

    /// The row's note in both languages.
    pub fn row_note(&self) -> RowNote {
        RowNote::of(self.note, self.note_zh)
    }
}

/// The public-tranche table (market-rules.md §7). Chapter 18C issuers have a
/// claw-back of their own, stated in each prospectus, and are not in it.
pub static HK_TRANCHE_RULES: &[HkTrancheRule] = &[
    HkTrancheRule {
        mechanism: HkMechanism::Pn18,
        from: ymd(1998, 6, 1),
        to: Some(ymd(2025, 8, 3)),
        initial_pct: Decimal::from_parts(10, 0, 0, false, 0),
        clawback: &[(15, 30), (50, 40), (100, 50)],
        max_pct: None,
        note_zh: "初始 10%；认购 15 倍起为 30%，50 倍起 40%，100 倍起 50%。第一档门槛有争议：经济通写 10 倍，依据第18项应用指引的来源及港交所上市决策 LD60-2 为 15 倍（此处采用）",
        status: RuleStatus::Unclear,
        note: "10% initially; 30% from 15× demand, 40% from 50×, 50% from 100×. The first threshold is DISPUTED: etnet writes 10×, PN18-based sources and HKEX listing decision LD60-2 15× (used here)",
        source: "https://en-rules.hkex.com.hk/node/5098 (\"an initial allocation of not less than 10%\"); https://studylib.net/doc/9045337/hkex-listing-decision (LD60-2: 15×/50×/100×); https://www.etnet.com.hk/www/tc/news/topic_news_detail.php?category=financenews&newsid=163877 (10×)",
    },
    HkTrancheRule {
        mechanism: HkMechanism::A,
        from: ymd(2025, 8, 4),
        to: None,
        initial_pct: Decimal::from_parts(5, 0, 0, false, 0),
        clawback: &[(15, 15), (50, 25), (100, 35)],
        max_pct: None,
        note_zh: "初始 5%；按认购倍数增至 15% / 25% / 35%，100 倍起 35%。第一档门槛有争议：星岛写 15 倍（此处采用），经济通写 10 倍；未读到新的第18项应用指引表格",
        status: RuleStatus::Unclear,
        note: "5% initially; 15% / 25% / 35% by demand, 35% from 100×. The first threshold is DISPUTED: Sing Tao writes 15× (used here), etnet 10×; the new PN18 table was not read",
        source: "https://www.stheadline.com/investment/3495482 (超購15倍以上至50倍以下,回撥15%); https://www.wenweipo.com/a/202508/02/AP688d2312e4b0d3e2cd19524f.html (逾100倍 … 機制A 35%); https://www.etnet.com.hk/www/tc/news/topic_news_detail.php?category=financenews&newsid=163877 (10至50倍回補至15%)",
    },
    HkTrancheRule {
        mechanism: HkMechanism::B,
        from: ymd(2025, 8, 4),
        to: None,
        initial_pct: Decimal::from_parts(10, 0, 0, false, 0),
        clawback: &[],
        max_pct: Some(Decimal::from_parts(60, 0, 0, false, 0)),
        note_zh: "预先选定 10% 至 60% 的固定比例，不设回拨（此后多数发行人选 10%：天數智芯 认购 414 倍时 10.00%，科拓 2,115 倍时 10%，金潯 143 倍时 10.00%——回拨一栏印作「N/A」或「No」）",
        status: RuleStatus::Verified,
        note: "a fixed share of 10% to 60% chosen in advance, no claw-back (most issuers since chose 10%: 天數智芯 10.00% at 414×, 科拓 10% at 2,115×, 金潯 10.00% at 143× — claw-back N/A or No)",
        source: "http://202.62.215.10/www/tc/news/topic_news_detail.php?category=financenews&newsid=159035&page=5 (下限為發售股份的10%(上限為60%),並無回補機制); https://www1.hkexnews.hk/listedco/listconews/sehk/2026/0108/2026010801368.pdf (金潯資源: claw-back triggered No, 10.00%)",
    },
];

/// The public tranche's share of the offer, in percent, for `mechanism` on
/// `date` at `multiple`× demand (demand ÷ the shares initially offered to
/// the public), with the row used. Mechanism B gives its floor; the
/// issuer's chosen share is in its prospectus.
///
/// ```
/// use daxin::rules::{public_tranche_pct, HkMechanism};
/// let day = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
/// let (pct, _) = public_tranche_pct(HkMechanism::A, day, 143.into()).unwrap();
/// assert_eq!(pct.to_string(), "35");
/// ```
pub fn public_tranche_pct(
    mechanism: HkMechanism,
    date: NaiveDate,
    multiple: Decimal,
) -> Result<(Decimal, &'static HkTrancheRule)> {
    let rule = HK_TRANCHE_RULES
        .iter()
        .find(|r| r.mechanism == mechanism && r.from <= date && r.to.is_none_or(|t| date <= t))
        .ok_or_else(|| Error::NoRule {
            board: Board::Hkex.id(),
            date,
            reason: crate::why!(
                "no {mechanism:?} public-tranche rule on that day (PN18 until 2025-08-03, mechanisms A and B from 2025-08-04)",
                "当日没有 {mechanism:?} 公开发售部分的规则（2025-08-03 前适用 PN18，2025-08-04 起适用机制 A 与机制 B）",
            ),
        })?;
    let pct = rule
        .clawback
        .iter()
        .rev()
        .find(|(m, _)| multiple >= Decimal::from(*m))
        .map_or(rule.initial_pct, |(_, p)| Decimal::from(*p));
    Ok((pct, rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn every_row_has_its_chinese_with_the_same_dates_and_rates() {
        let mut texts: Vec<(&str, &str)> = Vec::new();
        for r in TRADING_RULES {
            texts.push((r.note, r.note_zh));
            texts.push((r.halts, r.halts_zh));
        }
        texts.extend(SUBSCRIPTION_RULES.iter().map(|r| (r.note, r.note_zh)));
        texts.extend(HK_POOL_RULES.iter().map(|r| (r.note, r.note_zh)));
        texts.extend(HK_TRANCHE_RULES.iter().map(|r| (r.note, r.note_zh)));
        for (en, zh) in texts {
            assert!(!zh.is_empty(), "no Chinese for {en}");
            let missing = crate::message::figures_missing(en, zh);
            assert!(missing.is_empty(), "{missing:?}: {zh}");
        }
        let r = trading_rule(Board::Hkex, ymd(2025, 1, 2)).unwrap();
        assert_eq!(r.note(Lang::Zh), "香港不设每日涨跌幅限制");
        assert_eq!(r.note(Lang::En), "Hong Kong has no daily price limit");
    }

    #[test]
    fn limit_bases_in_both_languages() {
        let l = limits(Board::SseMain, ymd(2018, 6, 8), 1, Some(d("13.77")), None).unwrap();
        assert_eq!(
            l.why.text(Lang::En),
            "first-day band +44% / −36% of the issue price 13.77"
        );
        assert_eq!(
            l.why.text(Lang::Zh),
            "首日价格区间：发行价 13.77 的 +44% / −36%"
        );
        let l = limits(Board::Star, ymd(2025, 12, 17), 3, None, None).unwrap();
        assert_eq!(l.why.text(Lang::Zh), "上市后前 5 个交易日不设涨跌幅限制");
        let l = limits(Board::Hkex, ymd(2025, 12, 17), 3, None, None).unwrap();
        assert_eq!(l.why.text(Lang::Zh), "香港不设每日涨跌幅限制");
    }

    #[test]
    fn hk_pools_and_tranches() {
        assert_eq!(hk_pool_rule(ymd(2026, 1, 5)).unwrap().limit_hkd, 5_000_000);
        assert_eq!(
            hk_pool_rule(ymd(2026, 1, 5)).unwrap().status,
            RuleStatus::Unclear
        );
        assert_eq!(
            hk_pool_rule(ymd(2020, 6, 1)).unwrap().status,
            RuleStatus::Verified
        );
        assert!(hk_pool_rule(ymd(1997, 1, 1)).is_err());
        let at = |m, day, x: &str| public_tranche_pct(m, day, d(x)).unwrap().0;
        // old regime: 34.64× → 30% (an allotment announcement of 2020: 40,000,000 → 120,000,000
        // shares of 400,000,000, "超额认购超过15倍但少于50倍", angolace.com/guonei/2020/0714/1105.html)
        assert_eq!(at(HkMechanism::Pn18, ymd(2020, 7, 10), "34.64"), d("30"));
        assert_eq!(at(HkMechanism::Pn18, ymd(2020, 7, 10), "14.99"), d("10"));
        assert_eq!(at(HkMechanism::A, ymd(2026, 1, 1), "100"), d("35"));
        assert_eq!(at(HkMechanism::A, ymd(2026, 1, 1), "49.9"), d("15"));
        assert_eq!(at(HkMechanism::B, ymd(2026, 1, 1), "414.24"), d("10"));
        assert!(public_tranche_pct(HkMechanism::A, ymd(2025, 8, 3), d("1")).is_err());
    }

    #[test]
    fn first_day_caps_published() {
        let day = ymd(2018, 6, 8);
        // 工业富联 601138: 13.77 → 19.83 (SCMP, Nikkei: "rose to 19.83 yuan"); flooring would give 19.82
        let l = limits(Board::SseMain, day, 1, Some(d("13.77")), None).unwrap();
        assert_eq!(l.up, Some(d("19.83")));
        // 中国核建 601611: 3.47 → 5.00 ("报收于每股5元,涨幅44.09%", kaidianwang)
        assert_eq!(limit_price(d("3.47"), d("44"), true).unwrap(), d("5.00"));
        // 北部湾旅 603869: 5.03 → 7.24 (tjtofind: 漲停43.94% at 7.24)
        assert_eq!(limit_price(d("5.03"), d("44"), true).unwrap(), d("7.24"));
        // 暴风科技 300431 (ChiNext 2015): 7.14 → 10.28 on the first day (+44%, Business Insider)
        let p = limit_up_path(Board::ChiNext, ymd(2015, 3, 24), d("7.14"), 500, 3).unwrap();
        assert_eq!(p[0].price, d("10.28"));
        assert_eq!(p[1].price, d("11.31")); // 10.28 × 1.1 = 11.308
        assert_eq!(p[2].price, d("12.44")); // 11.31 × 1.1 = 12.441
    }

    #[test]
    fn a_published_run_of_limit_up_days() {
        // 工业富联 601138, SSE main board, listed Friday 2018-06-08 at 13.77. Taipei Times,
        // 2018-06-13 (https://www.taipeitimes.com/News/biz/archives/2018/06/13/2003694770):
        // "FII shares yesterday rose 10 percent to 23.99 yuan … after a similar increase a
        // day earlier, marking the third consecutive session of such increases following
        // their debut", "risen about 74 percent from the issue price of 13.77 yuan".
        let p = limit_up_path(Board::SseMain, ymd(2018, 6, 8), d("13.77"), 1000, 3).unwrap();
        assert_eq!(p[0].price, d("19.83")); // 1.44 × 13.77 = 19.8288, half-up
        assert_eq!(p[1].price, d("21.81")); // 19.83 × 1.1 = 21.813
        assert_eq!(p[2].price, d("23.99")); // 21.81 × 1.1 = 23.991 — as published
                                            // 23.99 / 13.77 − 1 = 74.2 %: "about 74 percent"
        assert_eq!(
            num::fixed((p[2].price / d("13.77") - Decimal::ONE) * d("100"), 0),
            "74"
        );
        // Had the debut closed one tick lower (19.82, as one AFP reprint says), day 3
        // would have been 21.80 × 1.1 = 23.98, not the 23.99 that traded: the run
        // confirms the 19.83 close.
        assert_eq!(
            limit_price(
                limit_price(d("19.82"), d("10"), true).unwrap(),
                d("10"),
                true
            )
            .unwrap(),
            d("23.98")
        );
        assert_eq!(p[2].profit_per_lot, d("10220")); // (23.99 − 13.77) × 1,000
    }

    #[test]
    fn half_up_not_floor_on_daily_limits() {
        // 12.35 × 1.1 = 13.585 → 13.59 (a float would give 13.584999… → 13.58)
        assert_eq!(limit_price(d("12.35"), d("10"), true).unwrap(), d("13.59"));
        assert_eq!(limit_price(d("10.05"), d("10"), false).unwrap(), d("9.05"));
        // 9.045 → 9.05
    }

    // market-rules.md §4: main-board registration listings from 2023-04-10;
    // ChiNext from 2020-08-24; STAR from 2019-07-22.
    #[test]
    fn band_boundaries() {
        let band = |b, day| trading_rule(b, day).unwrap().first_day_up_pct;
        assert_eq!(band(Board::SseMain, ymd(2023, 4, 9)), pct(44));
        assert_eq!(band(Board::SseMain, ymd(2023, 4, 10)), None);
        assert_eq!(band(Board::SseMain, ymd(2023, 4, 11)), None);
        assert_eq!(band(Board::ChiNext, ymd(2020, 8, 23)), pct(44));
        assert_eq!(band(Board::ChiNext, ymd(2020, 8, 24)), None);
        assert_eq!(band(Board::ChiNext, ymd(2020, 8, 25)), None);
        let daily = |b, day| trading_rule(b, day).unwrap().daily_limit_pct;
        assert_eq!(daily(Board::ChiNext, ymd(2020, 8, 23)), pct(10));
        assert_eq!(daily(Board::ChiNext, ymd(2020, 8, 24)), pct(20));
        assert!(trading_rule(Board::Star, ymd(2019, 7, 21)).is_err());
        assert_eq!(daily(Board::Star, ymd(2019, 7, 22)), pct(20));
        assert!(trading_rule(Board::Bse, ymd(2021, 11, 14)).is_err());
        assert_eq!(daily(Board::Bse, ymd(2021, 11, 15)), pct(30));
    }

    #[test]
    fn windows_without_limits() {
        let star = ymd(2025, 12, 17);
        assert_eq!(
            limits(Board::Star, star, 5, None, Some(d("800")))
                .unwrap()
                .up,
            None
        );
        let l = limits(Board::Star, star, 6, None, Some(d("800"))).unwrap();
        assert_eq!((l.up, l.down), (Some(d("960.00")), Some(d("640.00"))));
        assert_eq!(limits(Board::Bse, star, 1, None, None).unwrap().up, None);
        assert_eq!(
            limits(Board::Bse, star, 2, None, Some(d("10"))).unwrap().up,
            Some(d("13.00"))
        );
        assert_eq!(
            limits(Board::Hkex, star, 9, None, Some(d("10")))
                .unwrap()
                .up,
            None
        );
        assert!(limit_up_path(Board::Star, star, d("104.66"), 500, 3).is_err());
    }

    #[test]
    fn first_day_outside_band_is_flagged() {
        let w = first_day_warnings(
            Board::SseMain,
            ymd(2018, 6, 8),
            d("13.77"),
            &[("close", d("19.90"))],
        );
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("19.83"), "{}", w[0]);
        assert!(first_day_warnings(
            Board::SseMain,
            ymd(2018, 6, 8),
            d("13.77"),
            &[("close", d("19.83"))]
        )
        .is_empty());
    }

    #[test]
    fn subscription_boundaries() {
        let mv = |b, day| subscription_rule(b, day).unwrap().mv_per_unit;
        assert_eq!(mv(Board::SseMain, ymd(2023, 3, 26)), Some(10_000));
        assert_eq!(mv(Board::SseMain, ymd(2023, 3, 27)), Some(5_000));
        assert_eq!(mv(Board::SseMain, ymd(2023, 3, 28)), Some(5_000));
        assert_eq!(
            subscription_rule(Board::SseMain, ymd(2023, 3, 27))
                .unwrap()
                .status,
            RuleStatus::Unclear
        );
        // STAR's table starts at its first subscription, 华兴源创 on 2019-06-27
        // (cn.investing.com article-1895841), before its first trading day
        assert!(subscription_rule(Board::Star, ymd(2019, 6, 26)).is_err());
        assert_eq!(mv(Board::Star, ymd(2019, 6, 27)), Some(5_000));
        assert!(subscription_rule(Board::Hkex, ymd(2025, 1, 2)).is_err());
    }
}
