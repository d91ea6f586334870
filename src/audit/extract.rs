//! Tokens → claims: the grammar that ties each figure to its subject,
//! metric, direction, qualifier, basis and time.
//!
//! A sentence is read clause by clause (clauses end at `,` and `;`), left
//! to right, once. What the words so far have said is kept in a few slots —
//! the subject, the last metric word of each kind of figure, the last
//! direction, the last price named, the time — and each figure takes what
//! it needs from them when it is reached. Nothing looks back further than
//! its own clause, and forward only a few tokens, so a sentence costs time
//! in proportion to its length.

use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::lexer::{CountUnit, Day, Number, Tok, Token, Unit};
use super::lexicon::{Class, Mark, Metric, Role, When, Word};
use super::{Bound, ClaimKind, Direction, Time};
use crate::ipo::{Basis, Ipo};

/// Who the figures are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Nobody named yet.
    None,
    /// An IPO of the data, by index.
    Ipo(usize),
    /// Another company, an index, or an aggregate.
    Other,
}

/// A claim read from a sentence, before its verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The IPO, by index into the data.
    pub ipo: usize,
    /// What it is about.
    pub kind: ClaimKind,
    /// The figure as read.
    pub number: Number,
    /// The value, signed by the direction for gains and profits.
    pub value: Decimal,
    /// Where the figure is printed (bytes of the sentence).
    pub printed: Range<usize>,
    /// Its clause (bytes of the sentence).
    pub clause: Range<usize>,
    /// The qualifier word as written.
    pub qualifier: String,
    /// Its meaning.
    pub bound: Bound,
    /// The direction.
    pub direction: Direction,
    /// The basis stated for it (`open`, `issue` …).
    pub stated: Option<&'static str>,
    /// Bases to try first when none is stated (an earlier clause's price,
    /// the moments of 一度).
    pub prefer: Vec<&'static str>,
    /// The day it belongs to.
    pub time: Time,
    /// The date named for it.
    pub date: Option<NaiveDate>,
}

/// What one sentence gave.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The claims.
    pub claims: Vec<Found>,
    /// How many numbers it has (figures, dates aside).
    pub numbers: usize,
    /// How many figures were about another company.
    pub other_subject: usize,
    /// Whether an IPO was the subject anywhere in it.
    pub named_ipo: bool,
}

/// The basis id of a mark (`None` for a moment of the day).
pub fn basis_id(m: Mark) -> Option<&'static str> {
    match m {
        Mark::Open => Some("open"),
        Mark::High => Some("high"),
        Mark::Low => Some("low"),
        Mark::Close => Some("close"),
        Mark::Avg => Some("avg"),
        Mark::Exit => Some("exit"),
        Mark::Grey => Some("grey"),
        Mark::Issue => Some("issue"),
        Mark::Moment => Some("moment"),
        Mark::Extreme => Some("high"),
        Mark::Intraday => None,
    }
}

fn mark_of(b: Basis) -> Option<Mark> {
    Some(match b {
        Basis::Open => Mark::Open,
        Basis::High => Mark::High,
        Basis::Low => Mark::Low,
        Basis::Close => Mark::Close,
        Basis::Avg => Mark::Avg,
        Basis::Exit => Mark::Exit,
        Basis::Grey => Mark::Grey,
        Basis::Price => return None,
    })
}

/// What the sentence has said so far.
struct Sentence {
    subject: Subject,
    /// Where the last IPO name ended (a company suffix right after it
    /// continues the name: 摩尔线程智能科技).
    ipo_end: Option<usize>,
    /// The last time word and where.
    when: Option<(usize, When)>,
    /// The last date and where.
    date: Option<(usize, Day)>,
    /// The last day of the week named and where.
    weekday: Option<(usize, u8)>,
    /// A basis stated for the rest of the sentence.
    explicit: Option<Mark>,
    /// The trading price the last clause named.
    context: Option<Mark>,
    /// A winning lot has been named (浮盈 is then per lot).
    lot_seen: bool,
    /// The last claim's kind, unit and scaling (for 29.77万元、36.26万元).
    prev: Option<(ClaimKind, Unit, bool)>,
    /// The last amount metric named (市值 …，达到3320亿元).
    money: Option<Metric>,
    /// A moment with no price in the data was named (截至午间收盘): a
    /// close named after it is that moment's quote.
    moment: bool,
    /// IPOs listed together (摩尔线程、沐曦股份) and where the list ends.
    list: Vec<Subject>,
    list_end: usize,
    /// After 分别: the list, and the next figure's place in it.
    respectively: Option<(Vec<Subject>, usize)>,
}

/// What the clause has said so far.
#[derive(Default)]
struct Clause {
    pct: Option<Metric>,
    money: Option<Metric>,
    /// The money metric is 市值 right after a lot (每签市值).
    lot_value: bool,
    count: Option<Metric>,
    bare: Option<Metric>,
    dir: Option<Direction>,
    mark: Option<Mark>,
    intraday: bool,
    exit_or_grey: Option<Mark>,
    per: bool,
    per_mark: Option<Mark>,
    per_price: Option<Decimal>,
    explicit: Option<Mark>,
    /// An aggregate or an unnamed company took the clause.
    other: bool,
    /// A range was opened (介乎): its ends are no claims.
    range: bool,
}

/// A figure waiting for its clause to end.
struct Pending {
    found: Found,
    own: Option<Mark>,
    /// The time read before it, if any.
    timed: Option<Time>,
}

/// Reads the claims of one sentence. `carry` is the subject the sentence
/// starts with (the last one of the sentence before), and is left at this
/// sentence's last.
pub fn extract(s: &str, toks: &[Token], carry: &mut Subject, ipos: &[Ipo]) -> Extracted {
    let mut out = Extracted::default();
    // a sentence that follows none starts with the IPO it names first
    // (若以…收盘价80元计算，则参与成大生物打新…)
    let first = toks.iter().find_map(|t| match t.tok {
        Tok::Ipo(i) => Some(Subject::Ipo(i)),
        _ => None,
    });
    let start = match (*carry, first) {
        (Subject::None, Some(f)) => f,
        (c, _) => c,
    };
    let mut st = Sentence {
        subject: start,
        ipo_end: None,
        when: None,
        date: None,
        weekday: None,
        explicit: None,
        context: None,
        lot_seen: false,
        prev: None,
        money: None,
        moment: false,
        list: Vec::new(),
        list_end: 0,
        respectively: None,
    };
    let mut a = 0;
    while a <= toks.len() {
        let e = toks[a..]
            .iter()
            .position(|t| t.tok == Tok::Break)
            .map_or(toks.len(), |p| a + p);
        let from = if a == 0 { 0 } else { toks[a - 1].end };
        let to = if e < toks.len() {
            toks[e].start
        } else {
            s.len()
        };
        clause(s, toks, a, e, from..to, &mut st, &mut out, ipos);
        a = e + 1;
    }
    *carry = st.subject;
    out
}

#[allow(clippy::too_many_arguments)]
fn clause(
    s: &str,
    toks: &[Token],
    a: usize,
    e: usize,
    span: Range<usize>,
    st: &mut Sentence,
    out: &mut Extracted,
    ipos: &[Ipo],
) {
    let mut cl = Clause::default();
    let mut pending: Vec<Pending> = Vec::new();
    for k in a..e {
        let t = &toks[k];
        match &t.tok {
            Tok::Ipo(i) => {
                let joined = st.list_end > 0
                    && st.list_end <= t.start
                    && matches!(s[st.list_end..t.start].trim(), "、" | "和" | "与" | "及");
                if !joined {
                    st.list.clear();
                }
                st.list.push(Subject::Ipo(*i));
                st.list_end = t.end;
                st.subject = Subject::Ipo(*i);
                st.ipo_end = Some(t.end);
                cl.other = false;
                out.named_ipo = true;
            }
            Tok::Word(w) => word(s, t, w, st, &mut cl, ipos),
            Tok::Date(d) => st.date = Some((t.start, *d)),
            Tok::Clock => {
                cl.mark = Some(Mark::Moment);
                st.moment = true;
            }
            Tok::BadNum => out.numbers += 1,
            Tok::Break => {}
            Tok::Num(n) => {
                out.numbers += 1;
                if cl.per && n.unit == Unit::Amount && !n.scaled {
                    cl.per_price = Some(n.value);
                }
                let mut subject = if cl.other { Subject::Other } else { st.subject };
                if let Some((list, at)) = &mut st.respectively {
                    if let Some(s) = list.get(*at) {
                        subject = *s;
                    }
                    *at += 1;
                }
                if cl.range {
                    continue;
                }
                match subject {
                    Subject::Other => {
                        out.other_subject += 1;
                        continue;
                    }
                    Subject::None => continue,
                    Subject::Ipo(i) => {
                        out.named_ipo = true;
                        if let Some(p) = figure(s, toks, k, e, n, i, st, &cl, ipos) {
                            st.prev = Some((p.found.kind, n.unit, n.scaled));
                            pending.push(p);
                            // 发行价 names the price right after it, not the
                            // clause's later figures (priced at … and surged past …)
                            if cl.mark == Some(Mark::Issue) {
                                cl.mark = None;
                            }
                        }
                    }
                }
            }
        }
    }
    // what the whole clause says applies to each of its figures
    let explicit = cl.explicit.or(st.explicit);
    for mut p in pending {
        let ipo = &ipos[p.found.ipo];
        let mut own = p.own;
        if own == Some(Mark::Close) {
            own = cl.exit_or_grey.or(own);
        }
        // 截至午间收盘 … 报收87.98元: the quote of that moment
        if st.moment && matches!(own, None | Some(Mark::Close)) {
            own = Some(Mark::Moment);
        }
        // as much as / 一度 with a direction: the day's high or low
        let intraday_gain = own.is_none() && cl.intraday && p.found.kind.signed();
        if own == Some(Mark::Extreme) || intraday_gain {
            own = match p.found.direction {
                Direction::Down => Some(Mark::Low),
                Direction::Up => Some(Mark::High),
                Direction::None if own == Some(Mark::Extreme) => Some(Mark::High),
                Direction::None => None,
            };
        }
        // a date named later in the clause (on 2025-12-20, the day …)
        let time = p
            .timed
            .or_else(|| st.date.and_then(|(_, d)| day_time(d, ipo)))
            .unwrap_or(Time::Unknown);
        let date = st.date.and_then(|(_, d)| full_date(d, ipo));
        if date.is_some() && exit_date(ipo) == date {
            own = Some(Mark::Exit);
        }
        let issue_figure = matches!(
            p.found.kind,
            ClaimKind::Price | ClaimKind::MarketCap | ClaimKind::CostPerLot
        );
        let own = own.filter(|m| *m != Mark::Issue || issue_figure);
        let stated = own
            .or(explicit.filter(|m| *m != Mark::Issue || issue_figure))
            .and_then(basis_id);
        let mut prefer = Vec::new();
        if let Some(c) = st.context.and_then(basis_id) {
            prefer.push(c);
        }
        if cl.intraday {
            prefer.extend(["open", "high", "low"]);
        }
        p.found.stated = stated;
        p.found.prefer = prefer;
        p.found.time = time;
        p.found.date = date;
        p.found.clause = span.clone();
        out.claims.push(p.found);
    }
    st.explicit = explicit;
    if let Some(m) = cl
        .mark
        .filter(|m| !matches!(m, Mark::Issue | Mark::Intraday))
    {
        st.context = Some(m);
    }
}

/// Takes in what one word says.
fn word(s: &str, t: &Token, w: &Word, st: &mut Sentence, cl: &mut Clause, ipos: &[Ipo]) {
    match w.role {
        Role::Entity => st.subject = Subject::Other,
        Role::Aggregate => cl.other = true,
        Role::EntitySuffix => {
            if names_another_company(s, t, st) {
                cl.other = true;
            }
        }
        Role::Per => {
            cl.per = true;
            cl.per_mark = None;
            cl.per_price = None;
        }
        Role::Calc => {
            if cl.per {
                // 按开盘价计算; or 若以688元/股价格计算, where the price names
                // the basis when it is one of the day's prices
                let by_price = match (cl.per_price, st.subject) {
                    (Some(p), Subject::Ipo(i)) => ipos[i]
                        .quotes
                        .iter()
                        .find(|q| q.price.get() == p)
                        .and_then(|q| mark_of(q.basis)),
                    _ => None,
                };
                cl.explicit = cl.per_mark.or(by_price).or(cl.explicit);
                cl.per = false;
            }
        }
        Role::Explicit => cl.explicit = w.mark,
        Role::Weekday(d) => st.weekday = Some((t.start, d)),
        Role::Range => cl.range = true,
        Role::Respectively => {
            // names after the last IPO of the list, split by 、, are members
            // the data does not know (茂莱光学、百利天恒-U分列…)
            let mut list = st.list.clone();
            if st.list_end > 0 && st.list_end <= t.start {
                let unknown = s[st.list_end..t.start].matches('、').count();
                list.extend(std::iter::repeat_n(Subject::Other, unknown));
            }
            if list.len() >= 2 {
                st.respectively = Some((list, 0));
            }
        }
        Role::Currency(_) | Role::Neutral | Role::Plain | Role::Month(_) => {}
    }
    if let Some(m) = w.metric {
        if matches!(
            m,
            Metric::MarketCap | Metric::Price | Metric::Lot | Metric::Profit
        ) {
            st.money = Some(m);
        }
        match m {
            Metric::Gain | Metric::WinRate => cl.pct = Some(m),
            Metric::Lot => {
                cl.money = Some(m);
                cl.lot_value = false;
                st.lot_seen = true;
            }
            Metric::MarketCap => {
                cl.lot_value = cl.money == Some(Metric::Lot);
                cl.money = Some(m);
            }
            Metric::Profit | Metric::Cost => {
                cl.money = Some(m);
                cl.lot_value = false;
            }
            Metric::Price => {
                cl.money = Some(m);
                cl.bare = Some(m);
                cl.lot_value = false;
            }
            Metric::Applicants => cl.count = Some(m),
            Metric::Applied => {}
            Metric::Other(c) => {
                if matches!(c, Class::Pct | Class::Any) {
                    cl.pct = Some(m);
                }
                if matches!(c, Class::Money | Class::Any) {
                    cl.money = Some(m);
                    cl.bare = Some(m);
                    cl.lot_value = false;
                }
                if matches!(c, Class::Count | Class::Any) {
                    cl.count = Some(m);
                }
            }
        }
    }
    if let Some(d) = w.dir {
        cl.dir = Some(d);
    }
    if let Some(m) = w.mark {
        if cl.per {
            cl.per_mark = Some(m);
        }
        match m {
            Mark::Intraday => cl.intraday = true,
            Mark::Moment => {
                st.moment = true;
                cl.mark = Some(m);
            }
            Mark::Open | Mark::High | Mark::Low | Mark::Avg if w.role != Role::Explicit => {
                // a price of the day named after the moment: the story moved on
                st.moment = false;
                cl.mark = Some(m);
            }
            Mark::Exit | Mark::Grey => {
                cl.exit_or_grey = Some(m);
                cl.mark = Some(m);
            }
            _ => {
                if w.role != Role::Explicit {
                    cl.mark = Some(m);
                }
            }
        }
    }
    if let Some(when) = w.when {
        st.when = Some((t.start, when));
    }
}

/// A company suffix (科技, 股份) after at least two Chinese characters
/// that do not continue the IPO just named.
fn names_another_company(s: &str, t: &Token, st: &Sentence) -> bool {
    let before: Vec<char> = s[..t.start].chars().rev().take(2).collect();
    let name_like = before.len() == 2
        && before
            .iter()
            .all(|c| *c as u32 >= 0x4E00 && !"家的是为和与及该其".contains(*c));
    let continues_ipo = st.ipo_end.is_some_and(|end| {
        end <= t.start && t.start - end <= 12 && s[end..t.start].chars().all(|c| c as u32 >= 0x4E00)
    });
    name_like && !continues_ipo
}

/// Reads one figure into a claim, if it is one.
#[allow(clippy::too_many_arguments)]
fn figure(
    s: &str,
    toks: &[Token],
    k: usize,
    e: usize,
    n: &Number,
    ipo: usize,
    st: &Sentence,
    cl: &Clause,
    ipos: &[Ipo],
) -> Option<Pending> {
    let t = &toks[k];
    let ahead = forward(s, toks, k, e);
    // 涨超2倍, 大升2.06倍: a gain of so many times, in percent
    let times_gain = n.unit == Unit::Count(CountUnit::Times)
        && cl.pct == Some(Metric::Gain)
        && k > 0
        && (matches!(&toks[k - 1].tok, Tok::Word(w) if w.metric == Some(Metric::Gain) || w.qual.is_some())
            // 高55.32元或2.96倍
            || s[toks[k - 1].end..toks[k].start].trim() == "或");
    let mut n = n.clone();
    if times_gain {
        n.value *= Decimal::ONE_HUNDRED;
        n.step *= Decimal::ONE_HUNDRED;
        n.unit = Unit::Percent;
    }
    let n = &n;
    let back = match n.unit {
        Unit::Percent => cl.pct.or(
            // peaking at 755%, opened 468%: a price of the day names a gain
            cl.mark
                .filter(|m| matches!(m, Mark::Open | Mark::High | Mark::Low | Mark::Close))
                .map(|_| Metric::Gain),
        ),
        Unit::Amount if changed(s, toks, k) && !n.per_share => return None,
        Unit::Amount => cl.money,
        Unit::Count(CountUnit::People) => cl.count,
        Unit::Bare => cl.bare,
        Unit::Points | Unit::Count(_) => return None,
    };
    let fwd = ahead.metric.filter(|m| fits_unit(*m, n.unit));
    let (metric, lot_value) = match (fwd, back) {
        (Some(m), _) if ahead.binds => (Some(m), false),
        (_, Some(b)) => (Some(b), cl.lot_value),
        (f, None) => (f, false),
    };
    // 达到 3320 亿元 after 市值…: the amount metric named before
    let metric = match (metric, n.unit) {
        (None, Unit::Amount) if n.scaled == (st.money == Some(Metric::MarketCap)) => st.money,
        (m, _) => m,
    };
    let (qualifier, mut bound) = qualifier_before(s, toks, k);
    let joined = joined_before(toks, k);
    let kind = match (n.unit, metric) {
        (Unit::Percent, Some(Metric::Gain)) => Some(ClaimKind::GainPct),
        (Unit::Percent, Some(Metric::WinRate)) => Some(ClaimKind::WinRate),
        // a price per share, unless it is a range's or a maximum's
        (Unit::Amount, Some(Metric::Other(Class::Any))) => None,
        (Unit::Amount, _) if n.per_share => Some(ClaimKind::Price),
        (Unit::Amount, Some(Metric::Other(_))) => None,
        (Unit::Amount, Some(Metric::MarketCap)) if lot_value => Some(ClaimKind::LotValue),
        (Unit::Amount, Some(Metric::MarketCap)) => Some(ClaimKind::MarketCap),
        (Unit::Amount, Some(Metric::Lot)) => Some(ClaimKind::ProfitPerLot),
        (Unit::Amount, Some(Metric::Profit)) if st.lot_seen => Some(ClaimKind::ProfitPerLot),
        (Unit::Amount, Some(Metric::Cost)) => Some(ClaimKind::CostPerLot),
        (Unit::Amount, Some(Metric::Price)) => Some(ClaimKind::Price),
        (Unit::Amount, None) if joined && !n.scaled => Some(ClaimKind::Price),
        (Unit::Count(CountUnit::People), Some(Metric::Applicants)) => Some(ClaimKind::Applicants),
        // 9291人申请: a verb of applying right after the count
        (Unit::Count(CountUnit::People), Some(Metric::Applied))
            if ahead.binds && ahead.gap_empty =>
        {
            Some(ClaimKind::Applicants)
        }
        (Unit::Bare, Some(Metric::Price)) if joined || adjacent_price(toks, k) => {
            Some(ClaimKind::Price)
        }
        (_, Some(_)) => None,
        // 29.77万元、36.26万元: the figure before it names the kind
        (_, None) => st
            .prev
            .filter(|(_, u, scaled)| *u == n.unit && *scaled == n.scaled)
            .map(|(kind, _, _)| kind),
    }?;
    if n.more && bound == Bound::Exact {
        bound = Bound::AtLeast;
    }
    let (post, post_word) = post_qualifier(s, toks, k, e);
    let qualifier = match post {
        Some(b) if bound == Bound::Exact => {
            bound = b;
            post_word
        }
        _ => qualifier,
    };
    let direction = n
        .sign
        .or(if ahead.binds { ahead.dir } else { None })
        .or(cl.dir)
        .or(ahead.dir)
        .unwrap_or(Direction::None);
    let value = if kind.signed() && n.sign.is_none() && direction == Direction::Down {
        -n.value
    } else {
        n.value
    };
    let own = cl.mark;
    let mut timed = time_before(st, &ipos[ipo]);
    // 跌到33.95元以后: a later day named right after the figure
    if ahead.when == Some(When::Later) {
        timed = Some(Time::Later);
    }
    Some(Pending {
        found: Found {
            ipo,
            kind,
            number: n.clone(),
            value,
            printed: t.start..t.end,
            clause: 0..0,
            qualifier,
            bound,
            direction,
            stated: None,
            prefer: Vec::new(),
            time: Time::Unknown,
            date: None,
        },
        own,
        timed,
    })
}

fn fits_unit(m: Metric, u: Unit) -> bool {
    match u {
        Unit::Percent => matches!(
            m,
            Metric::Gain | Metric::WinRate | Metric::Other(Class::Pct | Class::Any)
        ),
        Unit::Amount => matches!(
            m,
            Metric::Lot
                | Metric::Profit
                | Metric::Cost
                | Metric::MarketCap
                | Metric::Price
                | Metric::Other(Class::Money | Class::Any)
        ),
        Unit::Count(CountUnit::People) => matches!(
            m,
            Metric::Applicants | Metric::Applied | Metric::Other(Class::Count | Class::Any)
        ),
        Unit::Bare => matches!(m, Metric::Price),
        _ => false,
    }
}

/// What the few tokens after a figure say, up to the next figure or break.
struct Ahead {
    /// A metric word after it (692.95%的涨幅, a 693% gain).
    metric: Option<Metric>,
    /// Its direction, or a direction word after the figure (94.44% higher).
    dir: Option<Direction>,
    /// The metric is the figure's own noun: right after it or after 的.
    binds: bool,
    /// Nothing at all between the figure and that noun.
    gap_empty: bool,
    /// A time word right after the figure.
    when: Option<When>,
}

fn forward(s: &str, toks: &[Token], k: usize, e: usize) -> Ahead {
    let mut ahead = Ahead {
        metric: None,
        dir: None,
        binds: false,
        gap_empty: false,
        when: None,
    };
    let mut from = toks[k].end;
    // a parenthesis right after the figure is stepped over:
    // 24.31万元(最高28.69万元)单签浮盈, 114.28元(人民币.下同)/股的发行价
    let mut skip_to = 0;
    if s[from..].trim_start().starts_with('(') {
        if let Some(close) = s[from..].find(')') {
            skip_to = from + close + 1;
            from = skip_to;
        }
    }
    let mut looked = 0;
    let mut j = k + 1;
    while j < e && looked < 4 {
        let t = &toks[j];
        j += 1;
        if t.start < skip_to {
            continue;
        }
        looked += 1;
        let gap = &s[from..t.start];
        // 425.46%和692.95%的涨幅: the second figure's noun is the first's too
        if let Tok::Num(_) = t.tok {
            if matches!(gap.trim(), "和" | "、" | "与" | "及" | "or" | "and") {
                from = t.end;
                continue;
            }
            break;
        }
        let Tok::Word(w) = &t.tok else { break };
        if t.start - from > 24 {
            break;
        }
        if gap
            .chars()
            .any(|c| c.is_ascii_digit() || "。,;".contains(c))
        {
            break;
        }
        if ahead.dir.is_none() {
            ahead.dir = w.dir;
        }
        if ahead.when.is_none() && gap.trim().is_empty() {
            ahead.when = w.when;
        }
        if let Some(m) = w.metric {
            let g = gap.trim();
            let g = g.strip_prefix("/股").unwrap_or(g);
            // only modifiers between: 的, 单日, 首日, first-day
            let short = g.is_empty()
                || g.starts_with('的')
                || (g.chars().count() <= 4 && g.chars().all(|c| c as u32 >= 0x4E00));
            ahead.metric = Some(m);
            ahead.binds = short;
            ahead.gap_empty = g.is_empty();
            break;
        }
    }
    ahead
}

/// The qualifier right before the figure (a currency sign or 了 may stand
/// between).
fn qualifier_before(s: &str, toks: &[Token], k: usize) -> (String, Bound) {
    let mut j = k;
    let mut end = toks[k].start;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        let gap = s[t.end..end].trim();
        if !(gap.is_empty() || gap == "了" || gap == "了近") {
            break;
        }
        match &t.tok {
            Tok::Word(w) if matches!(w.role, Role::Currency(_)) => {
                end = t.start;
                continue;
            }
            Tok::Word(w) => {
                if let Some(b) = w.qual {
                    return (s[t.start..t.end].to_string(), b);
                }
            }
            _ => {}
        }
        break;
    }
    (String::new(), Bound::Exact)
}

/// A qualifier right after the figure (以上, 左右, or more).
fn post_qualifier(s: &str, toks: &[Token], k: usize, e: usize) -> (Option<Bound>, String) {
    if let Some(t) = toks.get(k + 1).filter(|_| k + 1 < e) {
        if let Tok::Word(w) = &t.tok {
            if s[toks[k].end..t.start].trim().is_empty() {
                if let Some(b) = w.post_qual {
                    return (Some(b), s[t.start..t.end].to_string());
                }
            }
        }
    }
    (None, String::new())
}

/// A verb that joins a price to its figure right before it (报, 至, 收于,
/// at), a qualifier or currency sign aside.
fn joined_before(toks: &[Token], k: usize) -> bool {
    toks[..k]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| matches!(t.tok, Tok::Word(_)))
        .any(|t| matches!(&t.tok, Tok::Word(w) if w.joins))
}

/// An amount right after a rise or fall word (市值暴涨超2900亿元, 高0.8元,
/// 股价暴跌30元) is the change, not the level; a verb of level (涨至) or an
/// English qualifier (surged past 835 yuan) keeps it a level.
fn changed(s: &str, toks: &[Token], k: usize) -> bool {
    let word = |j: usize| match toks.get(j).map(|t| &t.tok) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    let gain = |w: &Word| w.metric == Some(Metric::Gain) && !w.joins;
    let Some(j) = k.checked_sub(1) else {
        return false;
    };
    match word(j) {
        Some(w) if gain(w) => true,
        Some(w) if w.qual.is_some() && !w.joins => {
            let t = &toks[j];
            !s[t.start..t.end].is_ascii() && j >= 1 && word(j - 1).is_some_and(gain)
        }
        _ => false,
    }
}

/// A price word right before a bare number (开盘价700).
fn adjacent_price(toks: &[Token], k: usize) -> bool {
    k > 0
        && toks[k - 1].end == toks[k].start
        && matches!(&toks[k - 1].tok, Tok::Word(w) if w.metric == Some(Metric::Price))
}

/// The time the words before the figure give: the later of the last time
/// word and the last date that tells.
fn time_before(st: &Sentence, ipo: &Ipo) -> Option<Time> {
    let from_word = st.when.map(|(p, w)| {
        (
            p,
            match w {
                When::FirstDay => Time::FirstDay,
                When::Later => Time::Later,
                When::Before => Time::Unknown,
            },
        )
    });
    let from_date = st.date.and_then(|(p, d)| day_time(d, ipo).map(|t| (p, t)));
    let from_weekday = st.weekday.and_then(|(p, d)| {
        use chrono::Datelike;
        let listed = ipo.listing_date?.weekday().number_from_monday();
        Some((
            p,
            if u32::from(d) == listed {
                Time::FirstDay
            } else {
                Time::Later
            },
        ))
    });
    [from_word, from_date, from_weekday]
        .into_iter()
        .flatten()
        .max_by_key(|(p, _)| *p)
        .map(|x| x.1)
}

/// What a printed day says about an IPO's figures: the listing day, a later
/// one, or nothing (a day before the listing, a month alone).
fn day_time(d: Day, ipo: &Ipo) -> Option<Time> {
    use chrono::Datelike;
    let listed = ipo.listing_date?;
    if let (None, None, Some(day)) = (d.year, d.month, d.day) {
        // （28日）: a day of the month alone
        return Some(if day == listed.day() {
            Time::FirstDay
        } else {
            Time::Later
        });
    }
    let date = full_date(d, ipo)?;
    use std::cmp::Ordering::*;
    match date.cmp(&listed) {
        Equal => Some(Time::FirstDay),
        Greater => Some(Time::Later),
        Less => None,
    }
}

/// The full date a printed day names, taking a missing year from the
/// listing.
fn full_date(d: Day, ipo: &Ipo) -> Option<NaiveDate> {
    use chrono::Datelike;
    let listed = ipo.listing_date?;
    match d.year {
        Some(y) => NaiveDate::from_ymd_opt(y, d.month?, d.day?),
        None => {
            // no year: the listing's, or the next one for a day well before
            // the listing (June 30 of an IPO listed in July is a year on)
            let date = NaiveDate::from_ymd_opt(listed.year(), d.month?, d.day?)?;
            if (listed - date).num_days() > 7 {
                NaiveDate::from_ymd_opt(listed.year() + 1, d.month?, d.day?)
            } else {
                Some(date)
            }
        }
    }
}

fn exit_date(ipo: &Ipo) -> Option<NaiveDate> {
    ipo.quote(Basis::Exit).and_then(|q| q.date)
}
