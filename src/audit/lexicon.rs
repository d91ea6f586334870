//! The vocabulary of IPO claims: every word the grammar knows, with what it
//! tells about a figure near it.
//!
//! A word can tell several things at once: 收涨 names a **metric** (a gain),
//! a **direction** (up) and a **mark** (the close); 冲破 is a verb that
//! carries a **qualifier** (at or above). The table is the whole vocabulary;
//! [`super::extract`] holds the rules that combine the words with the
//! figures. Text is matched after [`super::text::normalize`] (simplified
//! characters, half-width digits); English words ignore ASCII case and must
//! stand as whole words.

use super::{Bound, Direction};

/// What a figure measures, as far as one word tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// A gain over the issue price (涨幅, 收涨, soared).
    Gain,
    /// A winning lot (中一签, 一手, per lot): with money, its profit; with
    /// 市值, its value.
    Lot,
    /// A profit or loss (浮盈, 获利, paper profit): per lot when a lot is in
    /// the sentence.
    Profit,
    /// The cash a winning lot costs (缴款, 入场费, entry fee).
    Cost,
    /// Market value (市值, market cap).
    MarketCap,
    /// A share price (股价, 开盘价, offer price).
    Price,
    /// An online winning rate (中签率).
    WinRate,
    /// A count of applicants (申购户数).
    Applicants,
    /// A verb of applying (认购, 申请): the count right before it is of
    /// applicants (16.1万人认购).
    Applied,
    /// A figure the audit does not judge (成交额, 换手率, 募资, 市盈率 …):
    /// naming it keeps its figure from being read as a claim.
    Other(Class),
}

/// Which figures an [`Metric::Other`] word takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Percentages (换手率, 振幅).
    Pct,
    /// Amounts (成交额, 募资).
    Money,
    /// Counts and multiples (超额认购, 倍).
    Count,
    /// Any figure (流通股, 同比).
    Any,
}

/// The price a word names (收盘, opened …), or a time of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The first day's open.
    Open,
    /// The first day's high.
    High,
    /// The first day's low.
    Low,
    /// The first day's close.
    Close,
    /// The first day's average price.
    Avg,
    /// The close of the day a run of limit-up days ended (开板日).
    Exit,
    /// The grey-market close (暗盘).
    Grey,
    /// The issue price (发行价, offer price).
    Issue,
    /// Some moment during the day (盘中, 一度, at one point): the open, the
    /// high or the low, not a named price.
    Intraday,
    /// A named moment that is none of the day's prices the data keeps
    /// (午间收盘, 10:45, 竞价): a claim there cannot be checked.
    Moment,
    /// The day's extreme in the claim's direction (as much as, up to): the
    /// high for a rise, the low for a fall.
    Extreme,
}

/// When a figure holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The listing day (首日, debut).
    FirstDay,
    /// A later day (此后, 截至, since).
    Later,
    /// Before the listing (申购, 招股): what is said then is about the
    /// issue, and names no later day.
    Before,
}

/// The part a word plays besides its features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Only its features.
    Plain,
    /// Opens a stated basis: 按 / 以 … 计算.
    Per,
    /// Closes a stated basis: 计算, 计.
    Calc,
    /// Its mark is a stated basis by itself (at the open, 按开盘价计算).
    Explicit,
    /// Another company or an index (英伟达, 恒指): figures after it in its
    /// sentence are about that, not the IPO, until an IPO is named again.
    Entity,
    /// An index or an aggregate (平均, 板块): figures after it in its
    /// clause are about that.
    Aggregate,
    /// A suffix that makes the characters before it a company's name
    /// (科技, 股份): another company unless it continues the IPO's name.
    EntitySuffix,
    /// A currency written before the figure (HK$, ¥, US$).
    Currency(super::Money),
    /// A day of the week (周四, Thursday): 1 for Monday … 7 for Sunday.
    Weekday(u8),
    /// A month's name (December): a date when a day follows.
    Month(u8),
    /// 分别 (respectively): the figures after it go, in order, to the
    /// subjects listed before it.
    Respectively,
    /// A range (介乎, price range): the figures after it in its clause are
    /// its ends, not claims.
    Range,
    /// Pronouns and words that keep the subject (该股, the company): none.
    Neutral,
}

/// What one word tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// The metric it names.
    pub metric: Option<Metric>,
    /// The direction it names.
    pub dir: Option<Direction>,
    /// The price or time of day it names.
    pub mark: Option<Mark>,
    /// The qualifier it puts on the figure right after it.
    pub qual: Option<Bound>,
    /// The qualifier it puts on the figure right before it (以上, 左右).
    pub post_qual: Option<Bound>,
    /// The day it names.
    pub when: Option<When>,
    /// A verb that joins a price to its figure (报, 至, 收于, at).
    pub joins: bool,
    /// Its part.
    pub role: Role,
}

const fn w() -> Word {
    Word {
        metric: None,
        dir: None,
        mark: None,
        qual: None,
        post_qual: None,
        when: None,
        joins: false,
        role: Role::Plain,
    }
}

impl Word {
    const fn m(mut self, m: Metric) -> Word {
        self.metric = Some(m);
        self
    }
    const fn up(mut self) -> Word {
        self.dir = Some(Direction::Up);
        self
    }
    const fn down(mut self) -> Word {
        self.dir = Some(Direction::Down);
        self
    }
    const fn at(mut self, k: Mark) -> Word {
        self.mark = Some(k);
        self
    }
    const fn q(mut self, b: Bound) -> Word {
        self.qual = Some(b);
        self
    }
    const fn pq(mut self, b: Bound) -> Word {
        self.post_qual = Some(b);
        self
    }
    const fn when(mut self, t: When) -> Word {
        self.when = Some(t);
        self
    }
    const fn joins(mut self) -> Word {
        self.joins = true;
        self
    }
    const fn role(mut self, r: Role) -> Word {
        self.role = r;
        self
    }
}

use Class::{Any, Count, Money as Amt, Pct};
use Mark::{Avg, Close, Exit, Grey, High, Intraday, Issue, Low, Moment, Open};
use Metric::{Applicants, Applied, Cost, Gain, Lot, MarketCap, Other, Price, Profit, WinRate};

const GAIN_UP: Word = w().m(Gain).up();
const GAIN_DOWN: Word = w().m(Gain).down();
const NEUTRAL: Word = w().role(Role::Neutral);
const LATER: Word = w().when(When::Later);
const FIRST: Word = w().when(When::FirstDay);
const ENTITY: Word = w().role(Role::Entity);
const AGGREGATE: Word = w().role(Role::Aggregate);

/// A company named by a stock code that is not the IPO's (辽宁成大(600739)).
pub const OTHER_COMPANY: Word = w().role(Role::Entity);

/// The vocabulary. Longer entries win over shorter ones at the same place
/// (中签率 over 中签, 开盘价 over 开盘), so compounds that must not be
/// read as their parts are listed as neutral words (以来, 计算机, 算力).
pub const WORDS: &[(&str, Word)] = &[
    // ── gains and their direction ───────────────────────────────────
    ("涨幅", GAIN_UP),
    ("升幅", GAIN_UP),
    ("跌幅", GAIN_DOWN),
    ("涨", GAIN_UP),
    ("上涨", GAIN_UP),
    ("大涨", GAIN_UP),
    ("暴涨", GAIN_UP),
    ("飙涨", GAIN_UP),
    ("飙升", GAIN_UP),
    ("狂涨", GAIN_UP),
    ("狂飙", GAIN_UP),
    ("跳涨", GAIN_UP),
    ("猛涨", GAIN_UP),
    ("劲涨", GAIN_UP),
    ("大幅上涨", GAIN_UP),
    ("上扬", GAIN_UP),
    ("走高", GAIN_UP),
    ("攀升", GAIN_UP),
    ("溢价", GAIN_UP),
    ("跌", GAIN_DOWN),
    ("下跌", GAIN_DOWN),
    ("大跌", GAIN_DOWN),
    ("暴跌", GAIN_DOWN),
    ("重挫", GAIN_DOWN),
    ("下挫", GAIN_DOWN),
    ("走低", GAIN_DOWN),
    ("破发", GAIN_DOWN),
    ("跌破", GAIN_DOWN.q(Bound::Under)),
    ("收益率", GAIN_UP),
    ("跌破发行价", GAIN_DOWN),
    ("收涨", GAIN_UP.at(Close)),
    ("收升", GAIN_UP.at(Close)),
    ("收跌", GAIN_DOWN.at(Close)),
    ("高开", GAIN_UP.at(Open)),
    ("低开", GAIN_DOWN.at(Open)),
    ("平开", w().m(Gain).at(Open)),
    ("平收", w().m(Gain).at(Close)),
    ("较发行价", NEUTRAL),
    ("较发行价格", NEUTRAL),
    ("相较发行价", NEUTRAL),
    ("相比发行价", NEUTRAL),
    ("较招股价", NEUTRAL),
    ("up", GAIN_UP),
    ("rose", GAIN_UP),
    ("rise", GAIN_UP),
    ("rises", GAIN_UP),
    ("rising", GAIN_UP),
    ("risen", GAIN_UP),
    ("soared", GAIN_UP),
    ("soar", GAIN_UP),
    ("soars", GAIN_UP),
    ("soaring", GAIN_UP),
    ("surged", GAIN_UP),
    ("surge", GAIN_UP),
    ("surges", GAIN_UP),
    ("surging", GAIN_UP),
    ("jumped", GAIN_UP),
    ("jump", GAIN_UP),
    ("jumps", GAIN_UP),
    ("jumping", GAIN_UP),
    ("climbed", GAIN_UP),
    ("climb", GAIN_UP),
    ("gained", GAIN_UP),
    ("gain", GAIN_UP),
    ("gains", GAIN_UP),
    ("rallied", GAIN_UP),
    ("rally", GAIN_UP),
    ("popped", GAIN_UP),
    ("pop", GAIN_UP),
    ("spiked", GAIN_UP),
    ("leapt", GAIN_UP),
    ("leaped", GAIN_UP),
    ("rocketed", GAIN_UP),
    ("skyrocketed", GAIN_UP),
    ("advanced", GAIN_UP),
    ("higher", GAIN_UP),
    ("premium", GAIN_UP),
    ("above", GAIN_UP.q(Bound::AtLeast)),
    ("down", GAIN_DOWN),
    ("fell", GAIN_DOWN),
    ("fall", GAIN_DOWN),
    ("falls", GAIN_DOWN),
    ("falling", GAIN_DOWN),
    ("fallen", GAIN_DOWN),
    ("dropped", GAIN_DOWN),
    ("drop", GAIN_DOWN),
    ("slumped", GAIN_DOWN),
    ("slump", GAIN_DOWN),
    ("slid", GAIN_DOWN),
    ("plunged", GAIN_DOWN),
    ("plunge", GAIN_DOWN),
    ("tumbled", GAIN_DOWN),
    ("sank", GAIN_DOWN),
    ("declined", GAIN_DOWN),
    ("slipped", GAIN_DOWN),
    ("lower", GAIN_DOWN),
    ("below", GAIN_DOWN.q(Bound::Under)),
    ("discount", GAIN_DOWN),
    ("broke issue", GAIN_DOWN),
    ("升", GAIN_UP),
    ("上升", GAIN_UP),
    ("大升", GAIN_UP),
    ("劲升", GAIN_UP),
    ("暴冲", GAIN_UP),
    ("高", GAIN_UP),
    ("挫", GAIN_DOWN),
    ("潜水", GAIN_DOWN),
    ("低", GAIN_DOWN),
    ("increased", GAIN_UP),
    ("increase", GAIN_UP),
    ("climbing", GAIN_UP),
    ("提升", NEUTRAL),
    ("提升至", w().joins()),
    // ── profit and loss ─────────────────────────────────────────────
    ("浮盈", w().m(Profit).up()),
    ("浮亏", w().m(Profit).down()),
    ("盈利", w().m(Profit).up()),
    ("账面盈利", w().m(Profit).up()),
    ("获利", w().m(Profit).up()),
    ("赚", w().m(Profit).up()),
    ("赚取", w().m(Profit).up()),
    ("收益", w().m(Profit).up()),
    ("斩获", w().m(Profit).up()),
    ("亏损", w().m(Profit).down()),
    ("亏", w().m(Profit).down()),
    ("蚀", w().m(Profit).down()),
    ("paper profit", w().m(Profit).up()),
    ("paper gain", w().m(Profit).up()),
    ("paper loss", w().m(Profit).down()),
    ("profit", w().m(Profit).up()),
    ("loss", w().m(Profit).down()),
    ("earned", w().m(Profit).up()),
    ("pocketed", w().m(Profit).up()),
    // ── a winning lot ───────────────────────────────────────────────
    ("中一签", w().m(Lot)),
    ("一签", w().m(Lot)),
    ("单签", w().m(Lot)),
    ("每签", w().m(Lot)),
    ("每中一签", w().m(Lot)),
    ("中签一手", w().m(Lot)),
    ("中一手", w().m(Lot)),
    ("一手", w().m(Lot)),
    ("每手", w().m(Lot)),
    ("中签", w().m(Lot)),
    ("中签者", w().m(Lot)),
    ("打新", w().m(Lot)),
    ("per lot", w().m(Lot)),
    ("one lot", w().m(Lot)),
    ("each lot", w().m(Lot)),
    ("winning lot", w().m(Lot)),
    ("board lot", w().m(Lot)),
    ("a lot of", NEUTRAL),
    // ── the cash a lot costs ────────────────────────────────────────
    ("缴款", w().m(Cost)),
    ("需缴", w().m(Cost)),
    ("缴纳", w().m(Cost)),
    ("需缴纳", w().m(Cost)),
    ("入场费", w().m(Cost)),
    ("entry fee", w().m(Cost)),
    // ── market value ────────────────────────────────────────────────
    ("市值", w().m(MarketCap)),
    ("总市值", w().m(MarketCap)),
    ("估值", w().m(MarketCap)),
    ("market value", w().m(MarketCap)),
    ("market cap", w().m(MarketCap)),
    ("market capitalisation", w().m(MarketCap)),
    ("market capitalization", w().m(MarketCap)),
    ("valuation", w().m(MarketCap)),
    ("valued", w().m(MarketCap)),
    ("valuing", w().m(MarketCap)),
    // ── prices ──────────────────────────────────────────────────────
    ("股价", w().m(Price)),
    ("价格", w().m(Price)),
    ("成交价", w().m(Price)),
    ("开盘价", w().m(Price).at(Open)),
    ("收盘价", w().m(Price).at(Close)),
    ("最高价", w().m(Price).at(High)),
    ("最低价", w().m(Price).at(Low)),
    ("均价", w().m(Price).at(Avg)),
    ("成交均价", w().m(Price).at(Avg)),
    ("开板日收盘价", w().m(Price).at(Exit)),
    ("暗盘收盘价", w().m(Price).at(Grey)),
    ("暗盘价", w().m(Price).at(Grey)),
    ("发行价", w().m(Price).at(Issue)),
    ("发行价格", w().m(Price).at(Issue)),
    ("招股价", w().m(Price).at(Issue)),
    ("定价", w().m(Price).at(Issue)),
    ("发售价", w().m(Price).at(Issue)),
    ("每股", w().m(Price)),
    ("priced at", w().m(Price).at(Issue)),
    ("priced", w().m(Price).at(Issue)),
    ("pricing", w().m(Price).at(Issue)),
    ("offered price", w().m(Price).at(Issue)),
    ("share price", w().m(Price)),
    ("mark", w().m(Price)),
    ("price", w().m(Price)),
    ("offer price", w().m(Price).at(Issue)),
    ("offering price", w().m(Price).at(Issue)),
    ("ipo price", w().m(Price).at(Issue)),
    ("issue price", w().m(Price).at(Issue)),
    ("listing price", w().m(Price).at(Issue)),
    ("opening price", w().m(Price).at(Open)),
    ("closing price", w().m(Price).at(Close)),
    // ── counts the data may hold ────────────────────────────────────
    ("中签率", w().m(WinRate)),
    ("一手中签率", w().m(WinRate)),
    ("中签比例", w().m(WinRate)),
    ("分配比率", w().m(WinRate)),
    ("中签比率", w().m(WinRate)),
    ("allotment rate", w().m(WinRate)),
    ("申购户数", w().m(Applicants)),
    ("有效申购户数", w().m(Applicants)),
    ("参与申购", w().m(Applicants)),
    ("申购人数", w().m(Applicants)),
    ("认购人数", w().m(Applicants)),
    ("申请", w().m(Applied)),
    ("认购", w().m(Applied)),
    ("抢购", w().m(Applied)),
    ("applicants", w().m(Applicants)),
    // ── figures that are not claims about a first day ──────────────
    ("成交额", w().m(Other(Amt))),
    ("成交", w().m(Other(Amt))),
    ("成交量", w().m(Other(Any))),
    ("换手率", w().m(Other(Pct))),
    ("换手", w().m(Other(Pct))),
    ("振幅", w().m(Other(Pct))),
    ("市盈率", w().m(Other(Any))),
    ("市销率", w().m(Other(Any))),
    ("募资", w().m(Other(Amt))),
    ("拟募资", w().m(Other(Amt))),
    ("募集", w().m(Other(Amt))),
    ("募集资金", w().m(Other(Amt))),
    ("集资", w().m(Other(Amt))),
    ("所得款项", w().m(Other(Amt))),
    ("净额", w().m(Other(Amt))),
    ("净利润", w().m(Other(Amt))),
    ("营收", w().m(Other(Amt))),
    ("营业收入", w().m(Other(Amt))),
    ("收入", w().m(Other(Amt))),
    ("研发", w().m(Other(Amt))),
    ("每股收益", w().m(Other(Any))),
    ("每股盈利", w().m(Other(Any))),
    ("超额认购", w().m(Other(Count))),
    ("认购倍数", w().m(Other(Count))),
    ("申购倍数", w().m(Other(Count))),
    ("倍数", w().m(Other(Count))),
    ("回拨", w().m(Other(Any))),
    ("发行数量", w().m(Other(Any))),
    ("发行股数", w().m(Other(Any))),
    ("总股本", w().m(Other(Any))),
    ("股本", w().m(Other(Any))),
    ("流通股", w().m(Other(Any))),
    ("流通市值", w().m(Other(Amt))),
    ("占比", w().m(Other(Pct))),
    ("占", w().m(Other(Pct))),
    ("比例", w().m(Other(Pct))),
    ("缩水", w().m(Other(Any))),
    ("回撤", w().m(Other(Any))),
    ("蒸发", w().m(Other(Amt))),
    ("同比", w().m(Other(Any))),
    ("环比", w().m(Other(Any))),
    ("较历史高点", w().m(Other(Any))),
    ("较最高点", w().m(Other(Any))),
    ("较高点", w().m(Other(Any))),
    ("手续费", w().m(Other(Amt))),
    ("佣金", w().m(Other(Amt))),
    ("利息", w().m(Other(Amt))),
    ("资金", w().m(Other(Amt))),
    ("冻结", w().m(Other(Amt))),
    ("融资", w().m(Other(Amt))),
    ("净流入", w().m(Other(Amt))),
    ("turnover", w().m(Other(Any))),
    ("traded", w().m(Other(Amt))),
    ("raised", w().m(Other(Amt))),
    ("raising", w().m(Other(Amt))),
    ("raise", w().m(Other(Amt))),
    ("proceeds", w().m(Other(Amt))),
    ("oversubscribed", w().m(Other(Count))),
    ("revenue", w().m(Other(Amt))),
    ("net profit", w().m(Other(Amt))),
    ("stake", w().m(Other(Pct))),
    ("share of", w().m(Other(Pct))),
    ("介乎", w().role(Role::Range)),
    ("介于", w().role(Role::Range)),
    ("招股价范围", w().role(Role::Range)),
    ("价格区间", w().role(Role::Range)),
    ("maximum price", w().m(Other(Any))),
    ("price-to-sales", w().m(Other(Any))),
    ("price-to-earnings", w().m(Other(Any))),
    ("ratio", w().m(Other(Any))),
    ("last valued", w().m(Other(Amt))),
    ("折价", w().m(Other(Pct))),
    ("price range", w().role(Role::Range)),
    ("涨停", w().m(Other(Pct))),
    ("跌停", w().m(Other(Pct))),
    ("涨跌幅限制", w().m(Other(Pct))),
    ("daily limit", w().m(Other(Pct))),
    ("大增", w().m(Other(Amt))),
    ("暴增", w().m(Other(Amt))),
    // ── prices of the day ───────────────────────────────────────────
    ("开盘", w().at(Open)),
    ("开市", w().at(Open)),
    ("开报", w().at(Open).joins()),
    ("收盘", w().at(Close)),
    ("收市", w().at(Close)),
    ("尾盘", w().at(Close)),
    ("收报", w().at(Close).joins()),
    ("报收", w().at(Close).joins()),
    ("收于", w().at(Close).joins()),
    ("收在", w().at(Close).joins()),
    ("截至收盘", w().at(Close)),
    ("截止收盘", w().at(Close)),
    ("截至当日收盘", w().at(Close)),
    ("截止当日收盘", w().at(Close)),
    ("截至今日收盘", w().at(Close)),
    ("截止今日收盘", w().at(Close)),
    ("截至下午收盘", w().at(Close)),
    ("截止下午收盘", w().at(Close)),
    ("截至收市", w().at(Close)),
    ("截至上午收盘", w().at(Moment)),
    ("截止上午收盘", w().at(Moment)),
    ("上午收盘", w().at(Moment)),
    ("截至午间收盘", w().at(Moment)),
    ("午间收盘", w().at(Moment)),
    ("午盘", w().at(Moment)),
    ("早段", w().at(Intraday)),
    ("竞价", w().at(Moment)),
    ("集合竞价", w().at(Moment)),
    ("开盘集合竞价", w().at(Open)),
    ("开市后", w().at(Intraday)),
    ("最高", w().at(High)),
    ("盘中最高", w().at(High)),
    ("最高点", w().at(High)),
    ("高见", w().at(High).joins()),
    ("最低", w().at(Low)),
    ("盘中最低", w().at(Low)),
    ("低见", w().at(Low).joins()),
    ("盘中", w().at(Intraday)),
    ("一度", w().at(Intraday)),
    ("盘中一度", w().at(Intraday)),
    ("开盘后", w().at(Intraday)),
    ("开盘之后", w().at(Intraday)),
    ("日内", w().at(Intraday)),
    ("开板", w().at(Exit)),
    ("开板日", w().at(Exit)),
    ("暗盘", w().at(Grey)),
    ("发行时", w().at(Issue)),
    ("opened", w().at(Open)),
    ("opening", w().at(Open)),
    ("open", w().at(Open)),
    ("closed", w().at(Close)),
    ("closing", w().at(Close)),
    ("close", w().at(Close)),
    ("ended", w().at(Close)),
    ("finished", w().at(Close)),
    ("settled", w().at(Close)),
    ("as much as", w().at(Mark::Extreme)),
    ("up to", w().at(Mark::Extreme)),
    ("peaking", w().at(High)),
    ("peaked", w().at(High)),
    ("began trading", w().at(Open)),
    ("debuted at", w().at(Open).joins()),
    ("as high as", w().at(High)),
    ("intraday high", w().at(High)),
    ("peak", w().at(High)),
    ("as low as", w().at(Low)),
    ("intraday", w().at(Intraday)),
    ("at one point", w().at(Intraday)),
    ("averaged", w().at(Avg)),
    ("grey-market", w().at(Grey)),
    ("grey market", w().at(Grey)),
    ("gray market", w().at(Grey)),
    ("limit-up run ended", w().at(Exit)),
    // stated bases
    ("at the open", w().at(Open).role(Role::Explicit)),
    ("at the opening price", w().at(Open).role(Role::Explicit)),
    ("at the close", w().at(Close).role(Role::Explicit)),
    ("at the closing price", w().at(Close).role(Role::Explicit)),
    ("at the high", w().at(High).role(Role::Explicit)),
    ("at the low", w().at(Low).role(Role::Explicit)),
    ("at the average price", w().at(Avg).role(Role::Explicit)),
    ("at the exit-day close", w().at(Exit).role(Role::Explicit)),
    (
        "at the grey-market close",
        w().at(Grey).role(Role::Explicit),
    ),
    ("at its offer price", w().at(Issue).role(Role::Explicit)),
    ("at the offer price", w().at(Issue).role(Role::Explicit)),
    ("at the ipo price", w().at(Issue).role(Role::Explicit)),
    ("at the issue price", w().at(Issue).role(Role::Explicit)),
    ("按", w().role(Role::Per)),
    ("按照", w().role(Role::Per)),
    ("以", w().role(Role::Per)),
    ("若以", w().role(Role::Per)),
    ("如以", w().role(Role::Per)),
    ("若按", w().role(Role::Per)),
    ("如按", w().role(Role::Per)),
    ("based on", w().role(Role::Per)),
    ("计算", w().role(Role::Calc)),
    ("计", w().role(Role::Calc)),
    ("测算", w().role(Role::Calc)),
    ("来算", w().role(Role::Calc)),
    ("算", w().role(Role::Calc)),
    ("估算", w().role(Role::Calc)),
    // words that hold 以 / 计 / 算 but state no basis
    ("以上", w().pq(Bound::AtLeast)),
    ("以下", w().pq(Bound::AtMost)),
    ("以内", w().pq(Bound::AtMost)),
    ("以来", LATER),
    ("以后", LATER),
    ("以及", NEUTRAL),
    ("所以", NEUTRAL),
    ("可以", NEUTRAL),
    ("难以", NEUTRAL),
    ("足以", NEUTRAL),
    ("予以", NEUTRAL),
    ("加以", NEUTRAL),
    ("以便", NEUTRAL),
    ("以往", NEUTRAL),
    ("累计", LATER),
    ("预计", NEUTRAL),
    ("合计", NEUTRAL),
    ("共计", NEUTRAL),
    ("统计", NEUTRAL),
    ("设计", NEUTRAL),
    ("会计", NEUTRAL),
    ("估计", NEUTRAL),
    ("计划", NEUTRAL),
    ("计算机", NEUTRAL),
    ("算力", NEUTRAL),
    ("打算", NEUTRAL),
    ("清算", NEUTRAL),
    ("结算", NEUTRAL),
    ("按揭", NEUTRAL),
    // ── verbs that join a metric to its figure ──────────────────────
    ("报", w().joins()),
    ("报道", NEUTRAL),
    ("报告", NEUTRAL),
    ("至", w().joins()),
    ("到", w().joins()),
    ("推至", w().joins().up()),
    ("升至", w().joins().up()),
    ("涨至", w().joins().up()),
    ("涨到", w().joins().up()),
    ("升到", w().joins().up()),
    ("跌到", w().joins().down()),
    ("冲至", w().joins().up()),
    ("跌至", w().joins().down()),
    ("降至", w().joins().down()),
    ("回落至", w().joins().down()),
    ("回落", w().down()),
    ("收窄至", w().joins()),
    ("定格在", w().joins()),
    ("定格于", w().joins()),
    ("定格", w().joins()),
    ("触及", w().joins()),
    ("录得", NEUTRAL),
    ("来到", w().joins()),
    ("为", NEUTRAL),
    ("达", w().q(Bound::Exact)),
    ("达到", w().q(Bound::Exact)),
    ("高达", w().q(Bound::Exact)),
    ("多达", w().q(Bound::Exact)),
    ("at", w().joins()),
    ("to", w().joins()),
    ("reached", w().q(Bound::Exact)),
    ("hit", w().q(Bound::Exact).joins()),
    ("touched", w().q(Bound::Exact).joins()),
    // ── qualifiers ──────────────────────────────────────────────────
    ("近", w().q(Bound::Nearly)),
    ("接近", w().q(Bound::Nearly)),
    ("将近", w().q(Bound::Nearly)),
    ("逼近", w().q(Bound::Nearly)),
    ("约", w().q(Bound::About)),
    ("大约", w().q(Bound::About)),
    ("约为", w().q(Bound::About)),
    ("左右", w().pq(Bound::About)),
    ("上下", w().pq(Bound::About)),
    ("超", w().q(Bound::AtLeast)),
    ("超过", w().q(Bound::AtLeast)),
    ("逾", w().q(Bound::AtLeast)),
    ("突破", w().q(Bound::AtLeast)),
    ("冲破", w().q(Bound::AtLeast)),
    ("站上", w().q(Bound::AtLeast)),
    ("跨越", w().q(Bound::AtLeast)),
    ("过", w().q(Bound::AtLeast)),
    ("破", w().q(Bound::AtLeast)),
    ("至少", w().q(Bound::AtLeast)),
    ("不低于", w().q(Bound::AtLeast)),
    ("不少于", w().q(Bound::AtLeast)),
    ("之上", w().pq(Bound::AtLeast)),
    ("不足", w().q(Bound::Under)),
    ("不到", w().q(Bound::Under)),
    ("未达", w().q(Bound::Under)),
    ("少于", w().q(Bound::Under)),
    ("低于", w().q(Bound::Under)),
    ("最多", w().q(Bound::AtMost)),
    ("至多", w().q(Bound::AtMost)),
    ("nearly", w().q(Bound::Nearly)),
    ("almost", w().q(Bound::Nearly)),
    ("close to", w().q(Bound::Nearly)),
    ("about", w().q(Bound::About)),
    ("around", w().q(Bound::About)),
    ("roughly", w().q(Bound::About)),
    ("approximately", w().q(Bound::About)),
    ("some", w().q(Bound::About)),
    ("over", w().q(Bound::AtLeast)),
    ("more than", w().q(Bound::AtLeast)),
    ("topped", w().q(Bound::AtLeast)),
    ("exceeding", w().q(Bound::AtLeast)),
    ("exceeded", w().q(Bound::AtLeast)),
    ("surpassed", w().q(Bound::AtLeast)),
    ("at least", w().q(Bound::AtLeast)),
    ("past", w().q(Bound::AtLeast)),
    ("near", w().q(Bound::Nearly)),
    ("under", w().q(Bound::Under)),
    ("less than", w().q(Bound::Under)),
    ("or more", w().pq(Bound::AtLeast)),
    // ── time ────────────────────────────────────────────────────────
    ("首日", FIRST),
    ("上市首日", FIRST),
    ("上市当日", FIRST),
    ("上市当天", FIRST),
    ("挂牌首日", FIRST),
    ("首个交易日", FIRST),
    ("当日", FIRST),
    ("当天", FIRST),
    ("first day", FIRST),
    ("first-day", FIRST),
    ("debut", FIRST),
    ("listing day", FIRST),
    ("首挂", FIRST),
    ("first trading day", FIRST),
    ("此后", LATER),
    ("随后", NEUTRAL),
    ("之后", NEUTRAL),
    ("其后", NEUTRAL),
    ("后来", LATER),
    ("次日", LATER),
    ("第二天", LATER),
    ("第二日", LATER),
    ("第二个交易日", LATER),
    ("隔日", LATER),
    ("截至", LATER),
    ("截止", LATER),
    ("目前", LATER),
    ("如今", LATER),
    ("至今", LATER),
    ("现在", LATER),
    ("最新", LATER),
    ("今年以来", LATER),
    ("上市以来", LATER),
    ("年内", LATER),
    ("区间", LATER),
    ("近日", LATER),
    ("近期", LATER),
    ("最近", LATER),
    ("连续", LATER),
    ("一周", LATER),
    ("上市后", LATER),
    ("去年", LATER),
    ("前三季度", LATER),
    ("上半年", LATER),
    ("下半年", LATER),
    ("全年", LATER),
    ("current", LATER),
    ("申购", w().when(When::Before)),
    ("招股", w().when(When::Before)),
    ("截至发稿", w().at(Intraday)),
    ("截至记者发稿", w().at(Intraday)),
    ("截止发稿", w().at(Intraday)),
    ("个交易日", LATER),
    ("since", LATER),
    ("as of", LATER),
    ("so far", LATER),
    ("later", LATER),
    ("next day", LATER),
    ("following day", LATER),
    ("currently", LATER),
    ("to date", LATER),
    ("subsequently", LATER),
    // ── days of the week, months ────────────────────────────────────
    ("周一", w().role(Role::Weekday(1))),
    ("周二", w().role(Role::Weekday(2))),
    ("周三", w().role(Role::Weekday(3))),
    ("周四", w().role(Role::Weekday(4))),
    ("周五", w().role(Role::Weekday(5))),
    ("周六", w().role(Role::Weekday(6))),
    ("周日", w().role(Role::Weekday(7))),
    ("星期一", w().role(Role::Weekday(1))),
    ("星期二", w().role(Role::Weekday(2))),
    ("星期三", w().role(Role::Weekday(3))),
    ("星期四", w().role(Role::Weekday(4))),
    ("星期五", w().role(Role::Weekday(5))),
    ("星期六", w().role(Role::Weekday(6))),
    ("星期日", w().role(Role::Weekday(7))),
    ("星期天", w().role(Role::Weekday(7))),
    ("monday", w().role(Role::Weekday(1))),
    ("tuesday", w().role(Role::Weekday(2))),
    ("wednesday", w().role(Role::Weekday(3))),
    ("thursday", w().role(Role::Weekday(4))),
    ("friday", w().role(Role::Weekday(5))),
    ("saturday", w().role(Role::Weekday(6))),
    ("sunday", w().role(Role::Weekday(7))),
    ("january", w().role(Role::Month(1))),
    ("february", w().role(Role::Month(2))),
    ("march", w().role(Role::Month(3))),
    ("april", w().role(Role::Month(4))),
    ("may", w().role(Role::Month(5))),
    ("june", w().role(Role::Month(6))),
    ("july", w().role(Role::Month(7))),
    ("august", w().role(Role::Month(8))),
    ("september", w().role(Role::Month(9))),
    ("october", w().role(Role::Month(10))),
    ("november", w().role(Role::Month(11))),
    ("december", w().role(Role::Month(12))),
    ("jan.", w().role(Role::Month(1))),
    ("feb.", w().role(Role::Month(2))),
    ("aug.", w().role(Role::Month(8))),
    ("sept.", w().role(Role::Month(9))),
    ("sep.", w().role(Role::Month(9))),
    ("oct.", w().role(Role::Month(10))),
    ("nov.", w().role(Role::Month(11))),
    ("dec.", w().role(Role::Month(12))),
    // ── other companies, indexes, aggregates ────────────────────────
    ("英伟达", ENTITY),
    ("辉达", ENTITY),
    ("nvidia", ENTITY),
    ("amd", ENTITY),
    ("超威", ENTITY),
    ("英特尔", ENTITY),
    ("intel", ENTITY),
    ("苹果", ENTITY),
    ("apple", ENTITY),
    ("微软", ENTITY),
    ("microsoft", ENTITY),
    ("台积电", ENTITY),
    ("tsmc", ENTITY),
    ("谷歌", ENTITY),
    ("google", ENTITY),
    ("alphabet", ENTITY),
    ("亚马逊", ENTITY),
    ("amazon", ENTITY),
    ("特斯拉", ENTITY),
    ("tesla", ENTITY),
    ("华为", ENTITY),
    ("huawei", ENTITY),
    ("阿里巴巴", ENTITY),
    ("alibaba", ENTITY),
    ("腾讯", ENTITY),
    ("tencent", ENTITY),
    ("小米", ENTITY),
    ("xiaomi", ENTITY),
    ("比亚迪", ENTITY),
    ("宁德时代", ENTITY),
    ("贵州茅台", ENTITY),
    ("茅台", ENTITY),
    ("工业富联", ENTITY),
    ("博通", ENTITY),
    ("broadcom", ENTITY),
    ("高通", ENTITY),
    ("qualcomm", ENTITY),
    ("三星", ENTITY),
    ("samsung", ENTITY),
    ("海力士", ENTITY),
    ("美光", ENTITY),
    ("micron", ENTITY),
    ("百度", ENTITY),
    ("baidu", ENTITY),
    ("京东", ENTITY),
    ("h股", ENTITY),
    ("china's nvidia", NEUTRAL),
    ("nasdaq-style", NEUTRAL),
    ("港股收盘", ENTITY),
    ("港股收盘价", ENTITY),
    ("排名第二", AGGREGATE),
    ("排在第二位", ENTITY),
    ("第二名", AGGREGATE),
    ("第三名", AGGREGATE),
    ("分别", w().role(Role::Respectively)),
    ("分列", w().role(Role::Respectively)),
    ("软件", w().role(Role::EntitySuffix)),
    ("中国英伟达", NEUTRAL),
    ("中国版英伟达", NEUTRAL),
    ("国产英伟达", NEUTRAL),
    ("上证指数", ENTITY),
    ("沪指", ENTITY),
    ("深证成指", ENTITY),
    ("深成指", ENTITY),
    ("创业板指", ENTITY),
    ("科创50", ENTITY),
    ("恒生指数", ENTITY),
    ("恒指", ENTITY),
    ("恒生科技指数", ENTITY),
    ("纳斯达克", ENTITY),
    ("纳指", ENTITY),
    ("标普", ENTITY),
    ("道指", ENTITY),
    ("道琼斯", ENTITY),
    ("nasdaq", ENTITY),
    ("s&p", ENTITY),
    ("dow jones", ENTITY),
    ("hang seng", ENTITY),
    ("平均", AGGREGATE),
    ("均值", AGGREGATE),
    ("板块", AGGREGATE),
    ("大盘", AGGREGATE),
    ("同行", AGGREGATE),
    ("可比公司", AGGREGATE),
    ("竞争对手", ENTITY),
    ("average", AGGREGATE),
    ("科技", w().role(Role::EntitySuffix)),
    ("股份", w().role(Role::EntitySuffix)),
    ("集团", w().role(Role::EntitySuffix)),
    ("半导体", w().role(Role::EntitySuffix)),
    ("控股", w().role(Role::EntitySuffix)),
    ("科技股", NEUTRAL),
    ("科技巨头", ENTITY),
    ("科技公司", NEUTRAL),
    ("科技创新", NEUTRAL),
    ("硬科技", NEUTRAL),
    ("股份有限公司", NEUTRAL),
    ("该股", NEUTRAL),
    ("公司", NEUTRAL),
    // ── currencies written before a figure ──────────────────────────
    ("hk$", w().role(Role::Currency(super::Money::Hkd))),
    ("us$", w().role(Role::Currency(super::Money::Usd))),
    ("$", w().role(Role::Currency(super::Money::Usd))),
    ("¥", w().role(Role::Currency(super::Money::Cny))),
    ("￥", w().role(Role::Currency(super::Money::Cny))),
    ("rmb", w().role(Role::Currency(super::Money::Cny))),
    ("cny", w().role(Role::Currency(super::Money::Cny))),
    ("hkd", w().role(Role::Currency(super::Money::Hkd))),
    ("usd", w().role(Role::Currency(super::Money::Usd))),
    ("人民币", w().role(Role::Currency(super::Money::Cny))),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_twice_and_no_digits() {
        let mut seen = std::collections::HashSet::new();
        for (text, _) in WORDS {
            assert!(seen.insert(text.to_lowercase()), "{text} twice");
            // figures are read by the lexer, not the vocabulary (科创50 is a name)
            assert!(
                *text == "科创50" || !text.chars().any(|c| c.is_ascii_digit()),
                "{text}"
            );
            assert_eq!(
                super::super::text::normalize(text),
                *text,
                "{text} must be written as normalised text"
            );
        }
    }
}
