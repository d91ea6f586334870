//! The 中签号 checker: which of one's subscription numbers (配号) won.
//!
//! An A-share lottery result is published as lists of tails by length —
//! `末"三"位数：479`, `末“4”位数: 4312, 6812`, `末"五"位数 66531 79031` — and
//! a number wins when its last k digits equal a listed k-digit tail. The
//! count of winning numbers in a range `[N, N+K)` is arithmetic on each
//! tail (how many numbers in the range are congruent to it modulo 10^k),
//! so it is exact and instant for any K; the winners themselves are
//! listed by stepping 10^k from the first one.
//!
//! The same lists give the implied winning rate, Σ (tails of length k) ÷
//! 10^k, which is compared with the announced 中签率; with the total of
//! numbers issued (配号总数) the exact count of winners is compared with the
//! announced count of winning numbers, so a mistyped list is caught.
//!
//! ```
//! use daxin::wins::numbers::{check, parse_tails};
//! let list = parse_tails("末\"三\"位数：479\n末“4”位数: 4312, 6812").unwrap();
//! let r = check(&list, 1_000_000, 2_000, 0).unwrap();
//! // 1000479 and 1001479 end in 479; no number in the range ends in 4312 or 6812
//! assert_eq!(r.wins, 2);
//! assert_eq!(r.winning[0].number, "1000479");
//! assert_eq!(r.implied_rate_pct.to_string(), "0.1200"); // 1/1000 + 2/10000
//! assert_eq!(r.summary(daxin::Lang::En),
//!     "numbers 1000000–1001999 (2000): 2 winning; implied winning rate 0.12%");
//! // as `daxin numbers` gives it: no working unless asked for
//! let c = daxin::wins::numbers::Checked { report: r, working: Vec::new() };
//! let json = serde_json::to_value(&c).unwrap();
//! assert_eq!(json["wins"], 2);
//! assert!(json.get("working").is_none());
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::num;
use crate::report::ser;

/// The longest tail accepted (a 配号 has 12 digits; tails stay below 10^18).
pub const MAX_TAIL_DIGITS: u32 = 18;

/// How many winning numbers [`check`] lists at most by default; the count
/// is exact whatever the limit.
pub const DEFAULT_LIST_LIMIT: usize = 100_000;

/// One tail as published: its digits (leading zeros kept) and where it
/// stood in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tail {
    /// The digits, e.g. `"07480"`.
    pub digits: String,
    /// The line of the text it was read on (1-based).
    pub line: usize,
}

impl Tail {
    fn len(&self) -> u32 {
        // at most MAX_TAIL_DIGITS, checked when parsed
        self.digits.len() as u32
    }

    fn value(&self) -> u64 {
        self.digits.parse().unwrap_or(0)
    }
}

/// Something about a list the reader should know; rendered by [`note_text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    /// The same tail is listed twice; it counts once.
    Duplicate {
        /// The tail.
        tail: String,
    },
    /// A tail ends with a shorter listed tail, so every number it matches
    /// already wins; it adds nothing.
    Covered {
        /// The longer tail.
        tail: String,
        /// The shorter tail it ends with.
        by: String,
    },
    /// The listing stopped at the limit; the count is exact.
    ListCut {
        /// How many were listed.
        listed: usize,
    },
}

/// The published tail lists, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TailList {
    /// Every tail in the order read.
    pub tails: Vec<Tail>,
    /// Duplicates and tails covered by shorter ones.
    pub notes: Vec<Note>,
    /// The tails that decide (no duplicate, none ending with another).
    #[serde(skip)]
    effective: Vec<Tail>,
}

impl TailList {
    /// The tails that decide: duplicates and tails ending with a shorter
    /// listed tail removed. Their sets of numbers are disjoint.
    pub fn effective(&self) -> &[Tail] {
        &self.effective
    }

    /// The implied winning rate in percent, Σ count_k ÷ 10^k × 100, exact.
    pub fn implied_rate_pct(&self) -> Decimal {
        let mut r = Decimal::ZERO;
        for t in &self.effective {
            // 10^-k with k ≤ 18 is exact in a decimal
            r += Decimal::new(1, t.len());
        }
        r * Decimal::ONE_HUNDRED
    }
}

/// Maps the text's digits, colons and quotes to plain forms.
fn plain(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '：' => ':',
        '，' | '、' | '；' | ';' => ',',
        '　' => ' ',
        other => other,
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '″'
            | '〝'
            | '〞'
            | '＂'
    )
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads a length written in Arabic digits or Chinese numerals (`三`,
/// `十二`); returns the value and the characters used.
fn read_length(cs: &[char]) -> Option<(u32, usize)> {
    let digits = cs.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let s: String = cs[..digits].iter().collect();
        return s.parse().ok().map(|n| (n, digits));
    }
    match cs {
        ['十', rest @ ..] => match rest.first().and_then(|c| cn_digit(*c)) {
            Some(d) => Some((10 + d, 2)),
            None => Some((10, 1)),
        },
        [d, '十', rest @ ..] => {
            let tens = cn_digit(*d)?;
            match rest.first().and_then(|c| cn_digit(*c)) {
                Some(u) => Some((tens * 10 + u, 3)),
                None => Some((tens * 10, 2)),
            }
        }
        [d, ..] => cn_digit(*d).map(|n| (n, 1)),
        [] => None,
    }
}

/// A heading `末"三"位数：` at `cs[i]` (which is `末`): its length and the
/// index after it.
fn heading(cs: &[char], i: usize) -> Option<(u32, usize)> {
    let mut j = i + 1;
    while j < cs.len() && (is_quote(cs[j]) || cs[j] == ' ') {
        j += 1;
    }
    let (k, used) = read_length(&cs[j..])?;
    j += used;
    while j < cs.len() && (is_quote(cs[j]) || cs[j] == ' ') {
        j += 1;
    }
    if cs.get(j) != Some(&'位') {
        return None;
    }
    j += 1;
    if cs.get(j) == Some(&'数') || cs.get(j) == Some(&'數') {
        j += 1;
    }
    while j < cs.len() && matches!(cs[j], ' ' | '\t' | ':' | '|') {
        j += 1;
    }
    Some((k, j))
}

/// Reads the published tail lists: headings `末"三"位数`, `末“4”位数`,
/// `末「五」位数` (any quotes, Chinese or Arabic lengths, with or without a
/// colon), each followed by tails separated by commas, 、, semicolons,
/// spaces or line breaks; a tail broken over two lines is joined when the
/// parts make up the heading's length. Text around the lists (the rest of
/// an announcement) is ignored: a list ends at the first character that is
/// not a digit, separator or space. Futu's `winning_num_data`
/// (`末"五"位数:12345,12346` lines) reads the same way.
///
/// Errors name the heading, the line and the tail: a tail whose length is
/// not its heading's, a heading with no tails, or no heading at all.
///
/// ```
/// use daxin::wins::numbers::parse_tails;
/// let e = parse_tails("末“五”位数：08531365").unwrap_err(); // 8 digits under 五
/// assert!(e.to_string().contains("08531365"), "{e}");
/// let l = parse_tails("末\"八\"位数 0853\n1365").unwrap(); // one tail over two lines
/// assert_eq!(l.tails[0].digits, "08531365");
/// ```
pub fn parse_tails(text: &str) -> Result<TailList> {
    let cs: Vec<char> = text.chars().map(plain).collect();
    let mut tails: Vec<Tail> = Vec::new();
    let mut line = 1usize;
    let mut i = 0usize;
    let mut headings = 0usize;
    while i < cs.len() {
        if cs[i] == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if cs[i] != '末' {
            i += 1;
            continue;
        }
        let Some((k, mut j)) = heading(&cs, i) else {
            i += 1;
            continue;
        };
        headings += 1;
        let head_line = line;
        let label: String = cs[i..j]
            .iter()
            .collect::<String>()
            .trim_end_matches([' ', '\t', ':', '|'])
            .to_string();
        if k == 0 || k > MAX_TAIL_DIGITS {
            return Err(Error::invalid_at(
                crate::why!("tails", "中签尾号"),
                &label,
                crate::why!(
                    "line {head_line}: a tail length must be 1 to {MAX_TAIL_DIGITS} digits",
                    "第 {head_line} 行：尾号长度须为 1 到 {MAX_TAIL_DIGITS} 位"
                ),
            ));
        }
        // the section: digits, separators and white space
        let mut current = String::new();
        let mut current_line = line;
        let mut gap_is_space = false;
        let mut found = 0usize;
        let push = |t: &mut String, at: usize, out: &mut Vec<Tail>| -> Result<()> {
            if t.is_empty() {
                return Ok(());
            }
            if t.len() as u32 != k {
                return Err(Error::invalid_at(
                    crate::why!("tails", "中签尾号"),
                    t,
                    crate::why!(
                        "line {at}: {} digits under the heading {label} (line {head_line}), which says {k}", "第 {at} 行：标题 {label}（第 {head_line} 行）写明 {k} 位，此处却是 {} 位数字",
                        t.len()
                    ),
                ));
            }
            out.push(Tail {
                digits: std::mem::take(t),
                line: at,
            });
            Ok(())
        };
        while j < cs.len() {
            let c = cs[j];
            if c.is_ascii_digit() {
                // digits run on; after white space, a short tail goes on
                // (one broken over two lines), a full one ends
                if gap_is_space && (current.len() as u32) >= k {
                    push(&mut current, current_line, &mut tails)?;
                    found += 1;
                }
                if current.is_empty() {
                    current_line = line;
                }
                current.push(c);
                gap_is_space = false;
                j += 1;
                // a run of digits stays together
                continue;
            }
            match c {
                ',' | '|' => {
                    if !current.is_empty() {
                        push(&mut current, current_line, &mut tails)?;
                        found += 1;
                    }
                    gap_is_space = false;
                }
                ' ' | '\t' | '\r' => {
                    if !current.is_empty() && !gap_is_space {
                        gap_is_space = true;
                    }
                }
                '\n' => {
                    line += 1;
                    if !current.is_empty() && !gap_is_space {
                        gap_is_space = true;
                    }
                }
                _ => break,
            }
            j += 1;
        }
        if !current.is_empty() {
            push(&mut current, current_line, &mut tails)?;
            found += 1;
        }
        if found == 0 {
            return Err(Error::invalid_at(
                crate::why!("tails", "中签尾号"),
                &label,
                crate::why!(
                    "line {head_line}: a heading with no tails after it",
                    "第 {head_line} 行：标题之后没有尾号"
                ),
            ));
        }
        i = j;
    }
    if headings == 0 {
        return Err(Error::invalid_at(
            crate::why!("tails", "中签尾号"),
            text.lines().next().unwrap_or(""),
            crate::why!(
                "no heading such as 末\"三\"位数 found; paste the result list as published",
                "没有找到 末\"三\"位数 这样的标题；请按公布的原样粘贴中签号码"
            ),
        ));
    }
    Ok(resolve(tails))
}

/// A tail list from tails given directly (digits only, leading zeros kept).
///
/// ```
/// use daxin::wins::numbers::from_digits;
/// let l = from_digits(&["479", "1479"]).unwrap();
/// assert_eq!(l.effective().len(), 1); // 1479 ends in 479
/// ```
pub fn from_digits(tails: &[&str]) -> Result<TailList> {
    let mut out = Vec::with_capacity(tails.len());
    for (i, t) in tails.iter().enumerate() {
        let d = t.trim();
        if d.is_empty()
            || d.len() as u32 > MAX_TAIL_DIGITS
            || !d.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(Error::invalid_at(
                crate::why!("tails", "中签尾号"),
                t,
                crate::why!(
                    "tail {}: 1 to {MAX_TAIL_DIGITS} digits",
                    "第 {} 个尾号：须为 1 到 {MAX_TAIL_DIGITS} 位",
                    i + 1
                ),
            ));
        }
        out.push(Tail {
            digits: d.to_string(),
            line: i + 1,
        });
    }
    Ok(resolve(out))
}

/// Removes duplicates and tails that end with a shorter listed tail, with
/// a note for each.
fn resolve(tails: Vec<Tail>) -> TailList {
    let mut notes = Vec::new();
    let mut sorted: Vec<&Tail> = tails.iter().collect();
    sorted.sort_by_key(|t| t.len());
    let mut effective: Vec<Tail> = Vec::new();
    for t in sorted {
        if effective.iter().any(|e| e.digits == t.digits) {
            notes.push(Note::Duplicate {
                tail: t.digits.clone(),
            });
            continue;
        }
        if let Some(e) = effective.iter().find(|e| t.digits.ends_with(&e.digits)) {
            notes.push(Note::Covered {
                tail: t.digits.clone(),
                by: e.digits.clone(),
            });
            continue;
        }
        effective.push(t.clone());
    }
    TailList {
        tails,
        notes,
        effective,
    }
}

/// Numbers `x` in `[0, n)` with `x mod m == t` (`t < m`).
fn below(n: u128, m: u128, t: u128) -> u128 {
    n / m + u128::from(n % m > t)
}

/// Numbers in `[lo, hi)` that end in `tail`.
fn count_tail(tail: &Tail, lo: u128, hi: u128) -> u128 {
    let m = 10u128.pow(tail.len());
    let t = u128::from(tail.value());
    below(hi, m, t) - below(lo, m, t)
}

/// How many numbers in `[start, start + count)` win: exact, by arithmetic.
///
/// ```
/// use daxin::wins::numbers::{count_winners, from_digits};
/// let l = from_digits(&["479"]).unwrap();
/// assert_eq!(count_winners(&l, 0, 1_000_000_000_000), 1_000_000_000);
/// ```
pub fn count_winners(list: &TailList, start: u64, count: u64) -> u128 {
    let lo = u128::from(start);
    let hi = lo + u128::from(count);
    list.effective.iter().map(|t| count_tail(t, lo, hi)).sum()
}

/// One winning number and the tail it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Winner {
    /// The number, padded with zeros to the width of the range's start as
    /// typed (a 配号 such as `000000123479`).
    pub number: String,
    /// The tail it ends with.
    pub tail: String,
    #[serde(skip)]
    value: u128,
}

/// How the announced figures compare with the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Check {
    /// The announced 中签率 against the implied rate.
    Rate {
        /// Announced, in percent.
        #[serde(serialize_with = "ser::exact")]
        announced_pct: Decimal,
        /// Implied by the list, in percent.
        #[serde(serialize_with = "ser::exact")]
        implied_pct: Decimal,
        /// The largest gap the list can show against a true rate, in
        /// percent: (number of tails) ÷ (numbers issued), or, without the
        /// numbers issued, ÷ 10^(L−1) for the longest tail length L.
        #[serde(serialize_with = "ser::exact")]
        tolerance_pct: Decimal,
        /// Whether the gap is within the tolerance.
        agrees: bool,
    },
    /// The announced count of winning numbers against the exact count
    /// over all numbers issued.
    Winners {
        /// Announced.
        announced: u64,
        /// Counted over `[first, first + numbers)`.
        counted: u64,
        /// The first number issued.
        first: u64,
        /// Numbers issued (配号总数).
        numbers: u64,
        /// Whether they are equal.
        agrees: bool,
    },
}

/// The result of checking one range of numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumbersReport {
    /// The first number of the range.
    pub start: String,
    /// How many numbers the range holds.
    pub count: String,
    /// The winning numbers in the range, ascending (up to the limit).
    pub winning: Vec<Winner>,
    /// How many numbers in the range win (exact, whatever the limit).
    pub wins: u64,
    /// The implied winning rate, in percent.
    #[serde(serialize_with = "ser::exact")]
    pub implied_rate_pct: Decimal,
    /// The tails that decide, by length.
    pub tails: Vec<Tail>,
    /// Comparisons with the announced figures.
    pub checks: Vec<Check>,
    /// Duplicates, covered tails, a cut listing.
    pub notes: Vec<Note>,
}

impl NumbersReport {
    /// The last number of the range, as wide as its start was typed.
    pub fn last(&self) -> String {
        let (start, count) = (self.start.parse::<u128>(), self.count.parse::<u128>());
        let last = start
            .ok()
            .zip(count.ok())
            .and_then(|(s, c)| (s + c).checked_sub(1));
        last.map(|l| format!("{l:0w$}", w = self.start.len()))
            .unwrap_or_default()
    }

    /// Whether every announced figure agrees with the list.
    pub fn all_agree(&self) -> bool {
        self.checks.iter().all(|c| match c {
            Check::Rate { agrees, .. } | Check::Winners { agrees, .. } => *agrees,
        })
    }

    /// The range, how many of it win, and the rate the list implies.
    pub fn summary(&self, lang: Lang) -> String {
        let (start, last, count, wins) = (&self.start, self.last(), &self.count, self.wins);
        let rate = num::trim(self.implied_rate_pct);
        match lang {
            Lang::Zh => {
                format!("配号 {start}–{last}（{count} 个）：中签 {wins} 个；尾号推算中签率 {rate}%")
            }
            Lang::En => format!(
                "numbers {start}–{last} ({count}): {wins} winning; implied winning rate {rate}%"
            ),
        }
    }
}

/// A report as `daxin numbers` gives it: with the working, when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    /// The check of the range.
    #[serde(flatten)]
    pub report: NumbersReport,
    /// The working, numbers put in (absent when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub working: Vec<String>,
}

/// The winning numbers in `[start, start + count)` and their count, listing
/// at most `limit` of them (the count is exact whatever the limit). `width`
/// pads the numbers with zeros (0 for none).
pub fn check(list: &TailList, start: u64, count: u64, width: usize) -> Result<NumbersReport> {
    check_limited(list, start, count, width, DEFAULT_LIST_LIMIT)
}

/// [`check`] with a listing limit.
pub fn check_limited(
    list: &TailList,
    start: u64,
    count: u64,
    width: usize,
    limit: usize,
) -> Result<NumbersReport> {
    if count == 0 {
        return Err(Error::invalid(
            "--count",
            "0",
            crate::why!(
                "a range holds at least one number",
                "一个号段至少包含一个号码"
            ),
        ));
    }
    if start.checked_add(count - 1).is_none() {
        return Err(Error::invalid(
            "--count",
            &count.to_string(),
            crate::why!(
                "the range runs past the largest number that can be held",
                "号段超出了可表示的最大号码"
            ),
        ));
    }
    let lo = u128::from(start);
    let hi = lo + u128::from(count);
    let wins = count_winners(list, start, count);
    // every tail is a run lo', lo' + 10^k, …: merge the runs in order, up
    // to the limit, with a heap of each run's next number
    let mut heap = std::collections::BinaryHeap::new();
    for (i, t) in list.effective.iter().enumerate() {
        let m = 10u128.pow(t.len());
        let v = u128::from(t.value());
        let first = lo + (v + m - lo % m) % m;
        if first < hi {
            heap.push(std::cmp::Reverse((first, i)));
        }
    }
    let mut found: Vec<Winner> = Vec::new();
    while found.len() < limit {
        let Some(std::cmp::Reverse((x, i))) = heap.pop() else {
            break;
        };
        let t = &list.effective[i];
        // at least as wide as its tail: 31000 wins on 031000 as 031000
        let w = width.max(t.digits.len());
        found.push(Winner {
            number: format!("{x:0w$}"),
            tail: t.digits.clone(),
            value: x,
        });
        let next = x + 10u128.pow(t.len());
        if next < hi {
            heap.push(std::cmp::Reverse((next, i)));
        }
    }
    let mut notes = list.notes.clone();
    if (found.len() as u128) < wins {
        notes.push(Note::ListCut {
            listed: found.len(),
        });
    }
    let mut tails = list.effective.clone();
    tails.sort_by(|a, b| a.len().cmp(&b.len()).then(a.digits.cmp(&b.digits)));
    Ok(NumbersReport {
        start: format!("{start:0width$}"),
        count: count.to_string(),
        winning: found,
        wins: u64::try_from(wins).unwrap_or(u64::MAX),
        implied_rate_pct: list.implied_rate_pct(),
        tails,
        checks: Vec::new(),
        notes,
    })
}

/// Compares the implied rate with an announced 中签率 (percent). With the
/// numbers issued, the tolerance is the list's true bound, (tails) ÷
/// numbers; without, (tails) ÷ 10^(L−1), which holds when at least
/// 10^(L−1) numbers were issued (as they must be for L-digit tails to
/// mean anything).
///
/// ```
/// use daxin::wins::numbers::{parse_tails, rate_check, Check};
/// use rust_decimal::Decimal;
/// // 中机认检 (301508), 2023: 中签率 0.0278785227%; its 32 tails imply 0.027878%
/// let l = parse_tails(
///     "末“4”位数 1409,6409 末“5”位数 07480,22592,27480,47480,67480,72592,87480 \
///      末“6”位数 063614,188614,313614,438614,563614,688614,813614,938614 \
///      末“7”位数 1385500,3385500,3449516,5385500,7385500,8449516,9385500 \
///      末“8”位数 08531365,21031365,33531365,46031365,58531365,71031365,83531365,96031365",
/// )
/// .unwrap();
/// let c = rate_check(&l, Decimal::from_str_exact("0.0278785227").unwrap(), None);
/// assert!(matches!(c, Check::Rate { agrees: true, .. }));
/// // a list that says 0.0279% where 0.0339% was announced is caught
/// let c = rate_check(&l, Decimal::from_str_exact("0.0339034978").unwrap(), None);
/// assert!(matches!(c, Check::Rate { agrees: false, .. }));
/// ```
pub fn rate_check(list: &TailList, announced_pct: Decimal, numbers: Option<u64>) -> Check {
    let implied = list.implied_rate_pct();
    let n_tails = Decimal::from(list.effective.len() as u64);
    let longest = list.effective.iter().map(|t| t.len()).max().unwrap_or(1);
    let tolerance = match numbers.filter(|n| *n > 0) {
        Some(n) => n_tails * Decimal::ONE_HUNDRED / Decimal::from(n),
        None => n_tails * Decimal::ONE_HUNDRED * Decimal::new(1, longest - 1),
    };
    let gap = (implied - announced_pct).abs();
    Check::Rate {
        announced_pct,
        implied_pct: implied,
        // a bound: rounded up, to 12 places of a percent
        tolerance_pct: tolerance
            .round_dp_with_strategy(12, rust_decimal::RoundingStrategy::AwayFromZero)
            .normalize(),
        agrees: gap <= tolerance,
    }
}

/// Compares the announced count of winning numbers with the exact count
/// over `[first, first + numbers)`.
pub fn winners_check(list: &TailList, announced: u64, first: u64, numbers: u64) -> Result<Check> {
    if numbers == 0 {
        return Err(Error::invalid(
            "--numbers",
            "0",
            crate::why!("at least one number was issued", "至少发放了一个配号"),
        ));
    }
    if first.checked_add(numbers - 1).is_none() {
        return Err(Error::invalid(
            "--numbers",
            &numbers.to_string(),
            crate::why!(
                "the numbers run past the largest that can be held",
                "配号超出了可表示的最大号码"
            ),
        ));
    }
    let counted = u64::try_from(count_winners(list, first, numbers)).unwrap_or(u64::MAX);
    Ok(Check::Winners {
        announced,
        counted,
        first,
        numbers,
        agrees: counted == announced,
    })
}

/// A note in the reader's language.
pub fn note_text(n: &Note, lang: Lang) -> String {
    match (n, lang) {
        (Note::Duplicate { tail }, Lang::Zh) => format!("尾号 {tail} 重复列出，只计一次"),
        (Note::Duplicate { tail }, Lang::En) => {
            format!("tail {tail} is listed twice; it counts once")
        }
        (Note::Covered { tail, by }, Lang::Zh) => {
            format!("尾号 {tail} 以已列出的 {by} 结尾，不另增中签号")
        }
        (Note::Covered { tail, by }, Lang::En) => {
            format!("tail {tail} ends with the listed {by}; it adds no winning number")
        }
        (Note::ListCut { listed }, Lang::Zh) => {
            format!("仅列出前 {listed} 个中签号；中签数量为精确计数")
        }
        (Note::ListCut { listed }, Lang::En) => {
            format!("only the first {listed} winning numbers are listed; the count is exact")
        }
    }
}

/// A check in the reader's language, with its numbers.
pub fn check_text(c: &Check, lang: Lang) -> String {
    match c {
        Check::Rate {
            announced_pct,
            implied_pct,
            tolerance_pct,
            agrees,
        } => {
            let gap = num::trim((*implied_pct - *announced_pct).abs());
            let (a, i, t) = (
                num::trim(*announced_pct),
                num::trim(*implied_pct),
                num::trim(*tolerance_pct),
            );
            match (lang, agrees) {
                (Lang::Zh, true) => format!(
                    "✓ 中签率：公布 {a}%，尾号推算 {i}%，相差 {gap}%，在容差 {t}% 之内"
                ),
                (Lang::Zh, false) => format!(
                    "✗ 中签率：公布 {a}%，尾号推算 {i}%，相差 {gap}%，超出容差 {t}%：尾号列表可能有误或不全"
                ),
                (Lang::En, true) => format!(
                    "✓ winning rate: announced {a}%, implied by the tails {i}%, {gap}% apart, within the tolerance {t}%"
                ),
                (Lang::En, false) => format!(
                    "✗ winning rate: announced {a}%, implied by the tails {i}%, {gap}% apart, beyond the tolerance {t}%: the list may be mistyped or incomplete"
                ),
            }
        }
        Check::Winners {
            announced,
            counted,
            first,
            numbers,
            agrees,
        } => {
            let last = first.saturating_add(numbers.saturating_sub(1));
            match (lang, agrees) {
                (Lang::Zh, true) => format!(
                    "✓ 中签号数量：公布 {announced} 个，在配号 {first}–{last}（共 {numbers} 个）中按尾号计得 {counted} 个"
                ),
                (Lang::Zh, false) => format!(
                    "✗ 中签号数量：公布 {announced} 个，在配号 {first}–{last}（共 {numbers} 个）中按尾号计得 {counted} 个：尾号列表可能有误或不全"
                ),
                (Lang::En, true) => format!(
                    "✓ winning numbers: announced {announced}; the tails give {counted} among numbers {first}–{last} ({numbers} issued)"
                ),
                (Lang::En, false) => format!(
                    "✗ winning numbers: announced {announced}; the tails give {counted} among numbers {first}–{last} ({numbers} issued): the list may be mistyped or incomplete"
                ),
            }
        }
    }
}

/// The working: each length's tails and its share of the rate, and each
/// tail's count in the range.
pub fn explain(list: &TailList, start: u64, count: u64, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut by_len: Vec<(u32, Vec<&Tail>)> = Vec::new();
    for t in &list.effective {
        match by_len.iter_mut().find(|(k, _)| *k == t.len()) {
            Some((_, v)) => v.push(t),
            None => by_len.push((t.len(), vec![t])),
        }
    }
    by_len.sort_by_key(|(k, _)| *k);
    let lo = u128::from(start);
    let hi = lo + u128::from(count);
    let mut parts = Vec::new();
    for (k, ts) in &by_len {
        parts.push(format!("{}/10^{k}", ts.len()));
        for t in ts {
            let n = count_tail(t, lo, hi);
            let (b_hi, b_lo) = (
                below(hi, 10u128.pow(*k), u128::from(t.value())),
                below(lo, 10u128.pow(*k), u128::from(t.value())),
            );
            let formula = format!(
                "(⌊{hi}/10^{k}⌋ + [{hi} mod 10^{k} > {v}]) − (⌊{lo}/10^{k}⌋ + [{lo} mod 10^{k} > {v}]) = {b_hi} − {b_lo} = {n}",
                v = t.value()
            );
            out.push(match lang {
                Lang::Zh => format!(
                    "尾号 {}：[{lo}, {hi}) 中末 {k} 位为 {} 的号码数 = {formula}",
                    t.digits, t.digits
                ),
                Lang::En => format!(
                    "tail {}: numbers in [{lo}, {hi}) ending in {}: {formula}",
                    t.digits, t.digits
                ),
            });
        }
    }
    out.push(match lang {
        Lang::Zh => format!(
            "推算中签率 = ({}) × 100 = {}%",
            parts.join(" + "),
            num::trim(list.implied_rate_pct())
        ),
        Lang::En => format!(
            "implied rate = ({}) × 100 = {}%",
            parts.join(" + "),
            num::trim(list.implied_rate_pct())
        ),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(list: &TailList, start: u64, count: u64) -> Vec<u64> {
        (start..start + count)
            .filter(|x| {
                list.tails.iter().any(|t| {
                    let m = 10u64.pow(t.len());
                    x % m == t.value()
                })
            })
            .collect()
    }

    #[test]
    fn headings_in_every_style() {
        let text = "末\"三\"位数：479\n末“4”位数: 4312, 6812\n末\"五\"位数 66531 79031\n末「六」位数:123456\n末“7”位数；\n1234567";
        let l = parse_tails(text).unwrap();
        let d: Vec<&str> = l.tails.iter().map(|t| t.digits.as_str()).collect();
        assert_eq!(
            d,
            ["479", "4312", "6812", "66531", "79031", "123456", "1234567"]
        );
        assert_eq!(l.tails[6].line, 6);
    }

    #[test]
    fn full_width_and_chinese_lengths() {
        let l = parse_tails("末“十二”位数：０００１２３４５６７８９").unwrap();
        assert_eq!(l.tails[0].digits, "000123456789");
        let l = parse_tails("末\"十\"位数:1234567890").unwrap();
        assert_eq!(l.tails[0].digits.len(), 10);
    }

    #[test]
    fn text_around_the_list_is_ignored() {
        let text = "现将中签结果公告如下:\n末尾位数中签号码\n末“4”位数5295,0295;\n凡参与…中签号码共有16,629个，每个中签号码只能认购500股。";
        let l = parse_tails(text).unwrap();
        assert_eq!(l.tails.len(), 2);
    }

    #[test]
    fn a_merged_tail_is_caught_with_its_line() {
        // 京北方's list as one page printed it: two 6-digit tails run together
        let e = parse_tails("末“六”位数:110194,980262230262,480262").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("980262230262") && m.contains("12 digits"), "{m}");
        assert!(parse_tails("no list here 123").is_err());
        assert!(parse_tails("末“四”位数：").is_err());
        assert!(parse_tails("末“十九”位数：1").is_err());
    }

    #[test]
    fn duplicates_and_covered_tails_count_once() {
        let l = from_digits(&["479", "479", "1479", "2480"]).unwrap();
        assert_eq!(l.effective().len(), 2);
        assert_eq!(l.notes.len(), 2);
        assert_eq!(count_winners(&l, 0, 10_000), 10 + 1);
        assert_eq!(brute(&l, 0, 10_000).len(), 11);
    }

    #[test]
    fn listing_matches_brute_force_and_stops_at_the_limit() {
        let l = from_digits(&["7", "13", "000"]).unwrap();
        let r = check_limited(&l, 95, 1000, 0, 1_000_000).unwrap();
        let want = brute(&l, 95, 1000);
        let got: Vec<u64> = r
            .winning
            .iter()
            .map(|w| w.number.parse().unwrap())
            .collect();
        assert_eq!(got, want);
        assert_eq!(r.wins as usize, want.len());
        let r = check_limited(&l, 95, 1000, 0, 5).unwrap();
        assert_eq!(r.winning.len(), 5);
        assert_eq!(r.wins as usize, want.len());
        assert!(r.notes.contains(&Note::ListCut { listed: 5 }));
    }

    #[test]
    fn zero_padding_to_the_start_width() {
        let l = from_digits(&["01"]).unwrap();
        let r = check(&l, 100, 10, 12).unwrap();
        assert_eq!(r.start, "000000000100");
        assert_eq!(r.winning[0].number, "000000000101");
    }

    #[test]
    fn ranges_at_the_edge() {
        let l = from_digits(&["5"]).unwrap();
        assert!(check(&l, 0, 0, 0).is_err());
        assert!(check(&l, u64::MAX, 2, 0).is_err());
        let r = check(&l, u64::MAX - 9, 10, 0).unwrap();
        assert_eq!(r.wins, 1); // 18446744073709551615 ends in 5
    }
}
