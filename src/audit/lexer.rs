//! Sentence → tokens: the words of [`super::lexicon`], the IPOs of the data
//! (by name, English name, alias or code), figures with their units and
//! currency, dates, and clause breaks.
//!
//! One pass from left to right. At each place a figure is read if one
//! starts there; otherwise the longest vocabulary word or IPO name that
//! starts there is taken (an Aho–Corasick automaton, anchored, so each
//! attempt looks at no more characters than the longest word has).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rust_decimal::Decimal;

use super::lexicon::{Role, Word, OTHER_COMPANY, WORDS};
use super::text::normalize;
use super::{Direction, Money};
use crate::data::{normalize_code, Dataset};

/// What a figure is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Percent (`%`, percent).
    Percent,
    /// Percentage points (个百分点): a difference, not a gain.
    Points,
    /// An amount of money (a currency, or 万 / 亿 / billion).
    Amount,
    /// A count of something.
    Count(CountUnit),
    /// A number with no unit.
    Bare,
}

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountUnit {
    /// Accounts or people (户, 人, applicants).
    People,
    /// Shares (股).
    Shares,
    /// A multiple (倍, times).
    Times,
    /// Anything else (手, 天, 家 …).
    Other,
}

/// A figure as printed, read into base units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The value in base units (percent, yuan, HK dollars), with its sign
    /// as printed.
    pub value: Decimal,
    /// The step of the printed digits, in base units (`近30万` → 10,000).
    pub step: Decimal,
    /// Its unit.
    pub unit: Unit,
    /// The currency printed with it, before or after.
    pub currency: Option<Money>,
    /// Priced per share (`元/股`, per share).
    pub per_share: bool,
    /// Scaled by 万, 亿, billion ….
    pub scaled: bool,
    /// Followed by 多 / 余 (`30多万`).
    pub more: bool,
    /// A sign written before the digits.
    pub sign: Option<Direction>,
    /// A whole amount ending in zeros (`300,000`): the zeros may be rounding.
    pub round_zeros: bool,
}

/// A calendar day as printed, with the parts it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The year, when printed.
    pub year: Option<i32>,
    /// The month.
    pub month: Option<u32>,
    /// The day of the month.
    pub day: Option<u32>,
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A vocabulary word.
    Word(&'static Word),
    /// An IPO of the data, by its index.
    Ipo(usize),
    /// A figure.
    Num(Number),
    /// A number too large to hold, or otherwise unreadable.
    BadNum,
    /// A date.
    Date(Day),
    /// A time of day (10:45, 13：38).
    Clock,
    /// Clause punctuation (`,` `;` `:`-less breaks).
    Break,
}

/// A token and where it stands in the sentence (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub tok: Tok,
}

enum Pattern {
    Word(usize),
    Ipo(usize),
}

/// The automaton of one dataset: the vocabulary and the IPOs' names.
pub struct Lexer {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    codes: HashMap<String, usize>,
}

impl Lexer {
    /// Builds the automaton for `data`'s IPOs.
    pub fn new(data: &Dataset) -> Lexer {
        let mut texts: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut codes = HashMap::new();
        // names first: at equal length a name wins over a word
        for (i, ipo) in data.ipos().iter().enumerate() {
            let mut names = vec![ipo.name_zh.clone()];
            if ipo.name_zh.chars().count() >= 4 {
                names.push(ipo.name_zh.chars().take(2).collect());
            }
            names.extend(ipo.name_en.iter().cloned());
            // the press's short English name: Moore (Threads)
            if let Some(first) = ipo.name_en.as_deref().and_then(|n| {
                let mut words = n.split_whitespace();
                let first = words.next()?;
                words.next()?;
                Some(first)
            }) {
                if first.len() >= 5 && first.chars().all(|c| c.is_ascii_alphabetic()) {
                    names.push(first.to_string());
                }
            }
            names.extend(ipo.aliases.iter().cloned());
            for n in names {
                let n = normalize(n.trim());
                if n.chars().count() >= 2 && !n.chars().all(|c| c.is_ascii_digit()) {
                    texts.push(n);
                    patterns.push(Pattern::Ipo(i));
                }
            }
            codes.insert(normalize_code(&ipo.code), i);
        }
        for (i, (w, _)) in WORDS.iter().enumerate() {
            texts.push((*w).to_string());
            patterns.push(Pattern::Word(i));
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&texts)
            // the patterns are a few hundred short strings: within every limit
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"));
        Lexer {
            ac,
            patterns,
            codes,
        }
    }

    /// The tokens of one (normalised) sentence.
    pub fn lex(&self, s: &str) -> Vec<Token> {
        let b = s.as_bytes();
        let mut out: Vec<Token> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            let prev = if i > 0 { b[i - 1] } else { b' ' };
            // a figure (or a date, or an IPO's code)
            let signed = matches!(c, b'-' | b'+')
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !prev.is_ascii_alphanumeric()
                && prev != b'.';
            // digits right after a currency code are a figure (HKD753)
            let after_currency = out.last().is_some_and(|t| {
                t.end == i && matches!(&t.tok, Tok::Word(w) if matches!(w.role, Role::Currency(_)))
            });
            if (c.is_ascii_digit()
                && (!prev.is_ascii_alphabetic() || after_currency)
                && prev != b'.')
                || signed
            {
                let (tok, end) = self.figure(s, i, &out);
                // 辽宁成大(600739): a name followed by another company's code
                // is that company, whatever name it shares with the IPO
                if tok == Tok::Word(&OTHER_COMPANY) {
                    if let Some(last) = out.last_mut() {
                        if matches!(last.tok, Tok::Ipo(_)) && s[last.end..i].trim() == "(" {
                            last.tok = Tok::Word(&OTHER_COMPANY);
                        }
                    }
                }
                out.push(Token { start: i, end, tok });
                i = end;
                continue;
            }
            // 千亿 / 百亿 / 万亿 with no digits: a round amount
            if !prev.is_ascii_digit() {
                if let Some(w) = ["千亿", "百亿", "万亿"]
                    .iter()
                    .find(|w| s[i..].starts_with(**w))
                {
                    let mut n = Number {
                        value: Decimal::ONE,
                        step: Decimal::ONE,
                        unit: Unit::Bare,
                        currency: None,
                        per_share: false,
                        scaled: false,
                        more: false,
                        sign: None,
                        round_zeros: false,
                    };
                    let end = unit_after(s, i, &mut n);
                    if n.scaled && end >= i + w.len() {
                        out.push(Token {
                            start: i,
                            end,
                            tok: Tok::Num(n),
                        });
                        i = end;
                        continue;
                    }
                }
            }
            if c.is_ascii_digit() {
                // digits inside a word (H20, A100): not a figure
                while i < b.len() && (b[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
                continue;
            }
            if matches!(c, b',' | b';' | b'|') {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    tok: Tok::Break,
                });
                i += 1;
                continue;
            }
            if s[i..].starts_with('；') {
                out.push(Token {
                    start: i,
                    end: i + '；'.len_utf8(),
                    tok: Tok::Break,
                });
                i += '；'.len_utf8();
                continue;
            }
            let at_word_start = !(c.is_ascii_alphabetic() && prev.is_ascii_alphanumeric());
            if at_word_start {
                if let Some(m) = self
                    .ac
                    .find(Input::new(s).range(i..).anchored(Anchored::Yes))
                {
                    let end = m.end();
                    let ends_word = !(b[end - 1].is_ascii_alphanumeric()
                        && b.get(end).is_some_and(u8::is_ascii_alphabetic));
                    if ends_word {
                        let mut tok = match self.patterns[m.pattern().as_usize()] {
                            Pattern::Word(k) => Tok::Word(&WORDS[k].1),
                            Pattern::Ipo(k) => Tok::Ipo(k),
                        };
                        let mut end = end;
                        // December 17, 2025
                        if let Tok::Word(Word {
                            role: Role::Month(m),
                            ..
                        }) = tok
                        {
                            if let Some((day, e)) = english_day(s, end, *m) {
                                tok = Tok::Date(day);
                                end = e;
                            }
                        }
                        out.push(Token { start: i, end, tok });
                        i = end;
                        continue;
                    }
                }
            }
            // one character of plain text
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    /// Reads the figure, date or code starting at `i`.
    fn figure(&self, s: &str, i: usize, before: &[Token]) -> (Tok, usize) {
        let b = s.as_bytes();
        let mut j = i;
        let sign = match b[j] {
            b'-' => {
                j += 1;
                Some(Direction::Down)
            }
            b'+' => {
                j += 1;
                Some(Direction::Up)
            }
            _ => None,
        };
        let digits_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let int_end = j;
        // dates and times of day
        if sign.is_none() {
            if let Some((day, end)) = date_at(s, digits_start, int_end) {
                return (Tok::Date(day), end);
            }
            if b.get(j) == Some(&b':') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                let mut e = j + 1;
                while e < b.len() && b[e].is_ascii_digit() {
                    e += 1;
                }
                return (Tok::Clock, e);
            }
        }
        // thousands groups: a comma and exactly three digits
        while b.get(j) == Some(&b',')
            && b.get(j + 1..j + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            j += 4;
        }
        let mut frac_digits = 0u32;
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
                frac_digits += 1;
            }
        }
        let raw: String = s[digits_start..j].chars().filter(|c| *c != ',').collect();
        // an IPO's code: six digits, or a Hong Kong code with .HK or a leading 0
        if sign.is_none() && frac_digits == 0 && int_end == j {
            let rest = &s[j..];
            let suffix = [".hk", ".sh", ".sz", ".ss", ".bj"]
                .iter()
                .find(|x| rest.get(..3).is_some_and(|r| r.eq_ignore_ascii_case(x)))
                .map(|x| x.len());
            let before = s[..digits_start].trim_end();
            let bracketed = before.ends_with('(')
                || before.ends_with('[')
                || before.to_ascii_lowercase().ends_with("hkg:");
            let looks_like_code = raw.len() == 6
                || suffix.is_some()
                || (raw.len() == 5 && raw.starts_with('0'))
                || (bracketed && (4..=5).contains(&raw.len()));
            if looks_like_code {
                if let Some(&k) = self.codes.get(&normalize_code(&raw)) {
                    return (Tok::Ipo(k), j + suffix.unwrap_or(0));
                }
                // another listed company's code: (600739.SH), (01347)
                let strong = raw.len() == 6 || suffix.is_some() || raw.starts_with('0');
                if bracketed && strong {
                    return (Tok::Word(&OTHER_COMPANY), j + suffix.unwrap_or(0));
                }
            }
        }
        let Ok(number) = Decimal::from_str_exact(&raw) else {
            return (Tok::BadNum, j);
        };
        let mut n = Number {
            value: number,
            step: Decimal::new(1, frac_digits),
            unit: Unit::Bare,
            currency: currency_before(s, before, i),
            per_share: false,
            scaled: false,
            more: false,
            sign,
            round_zeros: false,
        };
        let end = unit_after(s, j, &mut n);
        if n.sign == Some(Direction::Down) {
            n.value = -n.value;
        }
        // whole amounts ending in zeros (English writes amounts out in full)
        if frac_digits == 0 && raw.len() >= 4 && raw.ends_with('0') && n.unit == Unit::Amount {
            n.round_zeros = true;
        }
        if n.step.is_zero() {
            (Tok::BadNum, end)
        } else {
            (Tok::Num(n), end)
        }
    }
}

/// The currency written just before position `i` (`HK$`, `¥`, `US$`),
/// possibly with spaces between.
fn currency_before(s: &str, before: &[Token], i: usize) -> Option<Money> {
    let last = before.last()?;
    if !s[last.end..i].trim().is_empty() {
        return None;
    }
    match last.tok {
        Tok::Word(w) => match w.role {
            super::lexicon::Role::Currency(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

/// The day after a month's name ending at `e`: ` 17` or ` 17, 2025`.
fn english_day(s: &str, e: usize, month: u8) -> Option<(Day, usize)> {
    let b = s.as_bytes();
    let mut j = e;
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    let a = j;
    while j < b.len() && b[j].is_ascii_digit() && j - a < 2 {
        j += 1;
    }
    if j == a || b.get(j).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let day = s[a..j]
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let mut end = j;
    let mut year = None;
    let rest = &s[j..];
    if let Some(r) = rest.strip_prefix(", ") {
        if r.len() >= 4 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            year = r[..4].parse::<i32>().ok();
            end = j + 2 + 4;
        }
    }
    Some((
        Day {
            year,
            month: Some(u32::from(month)),
            day: Some(day),
        },
        end,
    ))
}

/// Reads a date that starts with the digits `s[start..int_end]`:
/// `2025年12月17日`, `12月17日`, `17日`, `2025年`, `2025-12-17`, `2025/12/17`.
fn date_at(s: &str, start: usize, int_end: usize) -> Option<(Day, usize)> {
    let num = |a: usize, e: usize| s[a..e].parse::<u32>().ok();
    let digits_from = |mut e: usize| {
        let b = s.as_bytes();
        let a = e;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        (a, e)
    };
    let first = num(start, int_end)?;
    let rest = &s[int_end..];
    let b = s.as_bytes();
    // ISO and slashed dates
    if int_end - start == 4 && matches!(b.get(int_end), Some(b'-' | b'/')) {
        let sep = b[int_end];
        let (ma, me) = digits_from(int_end + 1);
        if (1..=2).contains(&(me - ma)) && b.get(me) == Some(&sep) {
            let (da, de) = digits_from(me + 1);
            if (1..=2).contains(&(de - da)) {
                return Some((
                    Day {
                        year: i32::try_from(first).ok(),
                        month: num(ma, me),
                        day: num(da, de),
                    },
                    de,
                ));
            }
        }
        return None;
    }
    let mut day = Day {
        year: None,
        month: None,
        day: None,
    };
    let mut e = int_end;
    if rest.starts_with('年') && int_end - start == 4 {
        day.year = i32::try_from(first).ok();
        e += '年'.len_utf8();
        let (ma, me) = digits_from(e);
        if me > ma && s[me..].starts_with('月') {
            day.month = num(ma, me);
            e = me + '月'.len_utf8();
            let (da, de) = digits_from(e);
            if de > da && (s[de..].starts_with('日') || s[de..].starts_with('号')) {
                day.day = num(da, de);
                e = de + '日'.len_utf8();
            }
        }
        return Some((day, e));
    }
    if rest.starts_with('月') && (1..=12).contains(&first) {
        day.month = Some(first);
        e += '月'.len_utf8();
        let (da, de) = digits_from(e);
        if de > da && (s[de..].starts_with('日') || s[de..].starts_with('号')) {
            day.day = num(da, de);
            e = de + '日'.len_utf8();
        }
        return Some((day, e));
    }
    if (rest.starts_with('日') || rest.starts_with('号')) && (1..=31).contains(&first) {
        day.day = Some(first);
        return Some((day, e + '日'.len_utf8()));
    }
    None
}

/// A cursor over the text after a figure's digits.
struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl Cursor<'_> {
    /// Takes `w` if the text continues with it (ASCII case ignored; an
    /// English word must end there).
    fn eat(&mut self, w: &str) -> bool {
        let hit = self
            .s
            .get(self.at..self.at + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
            && !(w.as_bytes()[w.len() - 1].is_ascii_alphabetic()
                && self
                    .s
                    .as_bytes()
                    .get(self.at + w.len())
                    .is_some_and(u8::is_ascii_alphabetic));
        if hit {
            self.at += w.len();
        }
        hit
    }

    /// Takes the first of `table`'s words the text continues with.
    fn eat_any<T: Copy>(&mut self, table: &[(&str, T)]) -> Option<T> {
        table.iter().find(|(w, _)| self.eat(w)).map(|(_, v)| *v)
    }

    /// Takes up to two spaces.
    fn spaces(&mut self) {
        for _ in 0..2 {
            if !self.eat(" ") {
                break;
            }
        }
    }
}

const POINTS: &[(&str, Unit)] = &[
    ("个百分点", Unit::Points),
    ("百分点", Unit::Points),
    ("percentage points", Unit::Points),
    ("percentage point", Unit::Points),
    ("ppt", Unit::Points),
    ("%", Unit::Percent),
    ("percent", Unit::Percent),
    ("per cent", Unit::Percent),
    ("pct", Unit::Percent),
];

/// Multipliers: the power of ten.
const MULTIPLIERS: &[(&str, u32)] = &[
    ("万亿", 12),
    ("千亿", 11),
    ("百亿", 10),
    ("亿", 8),
    ("千万", 7),
    ("百万", 6),
    ("万", 4),
    ("trillion", 12),
    ("billion", 9),
    ("bn", 9),
    ("million", 6),
    ("mln", 6),
    ("mn", 6),
];

const COUNTS: &[(&str, CountUnit)] = &[
    ("散户", CountUnit::People),
    ("户", CountUnit::People),
    ("人次", CountUnit::People),
    ("人", CountUnit::People),
    ("名", CountUnit::People),
    ("位", CountUnit::People),
    ("股", CountUnit::Shares),
    ("倍", CountUnit::Times),
    ("手", CountUnit::Other),
    ("签", CountUnit::Other),
    ("家", CountUnit::Other),
    ("只", CountUnit::Other),
    ("个", CountUnit::Other),
    ("笔", CountUnit::Other),
    ("次", CountUnit::Other),
    ("天", CountUnit::Other),
    ("交易日", CountUnit::Other),
    ("accounts", CountUnit::People),
    ("applicants", CountUnit::People),
    ("investors", CountUnit::People),
    ("people", CountUnit::People),
    ("shares", CountUnit::Shares),
    ("times", CountUnit::Times),
    ("lots", CountUnit::Other),
    ("days", CountUnit::Other),
];

const CURRENCIES: &[(&str, Money)] = &[
    ("元港币", Money::Hkd),
    ("港元", Money::Hkd),
    ("港币", Money::Hkd),
    ("美元", Money::Usd),
    ("元人民币", Money::Cny),
    ("人民币", Money::Cny),
    ("元", Money::Cny),
    ("yuan", Money::Cny),
    ("-yuan", Money::Cny),
    ("renminbi", Money::Cny),
    ("hong kong dollars", Money::Hkd),
    ("hk dollars", Money::Hkd),
    ("hong kong", Money::Hkd),
    ("us dollars", Money::Usd),
    ("dollars", Money::Usd),
    ("hkd", Money::Hkd),
    ("usd", Money::Usd),
    ("rmb", Money::Cny),
    ("cny", Money::Cny),
];

const PER_SHARE: &[(&str, ())] = &[
    ("/股", ()),
    ("每股", ()),
    ("per share", ()),
    ("a share", ()),
    ("/share", ()),
    ("each", ()),
];

/// Reads the unit after the digits ending at `j` into `n` (scaling its value
/// and step), and returns where the figure ends: `%` or 个百分点; then
/// 多/余, a multiplier (万, 亿, billion), 多/余, a count (户, 股, 倍) or a
/// currency (元, 港元, yuan), and 元/股 or per share. Chinese units follow
/// the digits directly; English ones may follow a space.
fn unit_after(s: &str, j: usize, n: &mut Number) -> usize {
    let mut c = Cursor { s, at: j };
    c.spaces();
    if let Some(u) = c.eat_any(POINTS) {
        n.unit = u;
        return c.at;
    }
    c.at = j;
    let more = |c: &mut Cursor, n: &mut Number| {
        if c.eat("多") || c.eat("余") {
            n.more = true;
        }
    };
    more(&mut c, n);
    if !s[c.at..].starts_with(|ch: char| !ch.is_ascii()) {
        c.spaces();
    }
    if let Some(p) = c.eat_any(MULTIPLIERS) {
        let f = Decimal::from(10u64.pow(p));
        match (n.value.checked_mul(f), n.step.checked_mul(f)) {
            (Some(v), Some(st)) => {
                n.value = v;
                n.step = st;
            }
            // past what a decimal holds: no figure (the caller sees a zero step)
            _ => n.step = Decimal::ZERO,
        }
        n.scaled = true;
        n.unit = Unit::Amount;
        more(&mut c, n);
    }
    let before_word = c.at;
    c.spaces();
    if let Some(k) = c.eat_any(COUNTS) {
        n.unit = Unit::Count(k);
        return c.at;
    }
    if let Some(m) = c.eat_any(CURRENCIES) {
        // HK$ or US$ before the digits and 元 after: the sign before names it
        if n.currency.is_none() || m != Money::Cny {
            n.currency = Some(m);
        }
        n.unit = Unit::Amount;
    } else {
        c.at = before_word;
    }
    let before_share = c.at;
    c.spaces();
    if c.eat_any(PER_SHARE).is_some() {
        n.per_share = true;
        n.unit = Unit::Amount;
    } else {
        c.at = before_share;
    }
    if n.currency.is_some() {
        n.unit = Unit::Amount;
    }
    c.at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn lexer() -> Lexer {
        Lexer::new(&Dataset::builtin().unwrap())
    }

    fn nums(s: &str) -> Vec<Number> {
        lexer()
            .lex(&normalize(s))
            .into_iter()
            .filter_map(|t| match t.tok {
                Tok::Num(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn figures_and_units() {
        let n = &nums("近30万元")[0];
        assert_eq!(
            (n.value, n.step, n.unit),
            (d("300000"), d("10000"), Unit::Amount)
        );
        assert_eq!(n.currency, Some(Money::Cny));
        let n = &nums("达2822.52亿元")[0];
        assert_eq!(n.value, d("282252000000"));
        let n = &nums("HK$3,220 on")[0];
        assert_eq!((n.value, n.currency), (d("3220"), Some(Money::Hkd)));
        let n = &nums("468.78%,")[0];
        assert_eq!(
            (n.value, n.step, n.unit),
            (d("468.78"), d("0.01"), Unit::Percent)
        );
        let n = &nums("超5万亿美元")[0];
        assert_eq!(
            (n.value, n.currency),
            (d("5000000000000"), Some(Money::Usd))
        );
        let n = &nums("收涨-692.95%")[0];
        assert_eq!((n.value, n.sign), (d("-692.95"), Some(Direction::Down)));
        let n = &nums("825.71亿港元")[0];
        assert_eq!(n.currency, Some(Money::Hkd));
        let n = &nums("100 billion yuan")[0];
        assert_eq!((n.value, n.currency), (d("100000000000"), Some(Money::Cny)));
        let n = &nums("300,000 yuan")[0];
        assert!(n.round_zeros);
        let n = &nums("829.90元/股")[0];
        assert!(n.per_share);
        let n = &nums("517.52万户")[0];
        assert_eq!(
            (n.value, n.unit),
            (d("5175200"), Unit::Count(CountUnit::People))
        );
        let n = &nums("1.22个百分点")[0];
        assert_eq!(n.unit, Unit::Points);
        let n = &nums("３６万多元")[0];
        assert!(n.more);
    }

    #[test]
    fn dates_codes_and_names() {
        let toks = lexer().lex(&normalize("2025年12月17日,沐曦股份(688802)和6082.HK"));
        let kinds: Vec<String> = toks
            .iter()
            .map(|t| match &t.tok {
                Tok::Date(d) => format!("date {:?}-{:?}-{:?}", d.year, d.month, d.day),
                Tok::Ipo(i) => format!("ipo {i}"),
                Tok::Break => "break".into(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                "date Some(2025)-Some(12)-Some(17)",
                "break",
                "ipo 1",
                "ipo 1",
                "ipo 2"
            ]
        );
        // digits inside a word are no figure; a name is a whole word
        assert!(nums("H20 chips").is_empty());
        let toks = lexer().lex("Metaxy rose");
        assert!(!toks.iter().any(|t| matches!(t.tok, Tok::Ipo(_))));
    }
}
