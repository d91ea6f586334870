//! Check the press: find the IPO figures an article states, work out every
//! figure the data supports at each price, and say which price — if any —
//! makes each claim true under the wording rules of [`crate::headline`].
//!
//! The extraction is rule-based and explainable:
//! 1. the text is normalised (full-width digits and punctuation to ASCII,
//!    the traditional characters of the vocabulary to simplified);
//! 2. it is split into sentences (。！？；, `. ` and blank lines — a single
//!    line break does not end a sentence);
//! 3. IPOs are found by name, short name (a four-character name's first
//!    two), English name, alias or code; a claim belongs to the last IPO
//!    named before it;
//! 4. each number with its unit (%, 元, 万, 亿, 港元, HK$, billion …) and
//!    the words before it gives a claim: a gain (涨幅, 高开, soared …), a
//!    per-lot profit (中一签, 一手, per lot …), a market value (市值,
//!    market value …) or a price (报, 开盘价, opened at …), with its
//!    qualifier (近, 约, 超, 逾, 突破, 冲破, 以上, 达, nearly, over, about …);
//! 5. the claim is compared with the figure of its kind at every price the
//!    data has (open, high, low, close, average, exit, grey; issue-time
//!    figures for market value and price):
//!    - exact wording fits when the figure rounds half-up, at the claim's
//!      own last digit, to the claim;
//!    - 近 / nearly fits a figure below the claim within 1.5 %;
//!    - 逾, 超, 突破, 冲破, 以上, over, topped … fit a figure at or above it;
//!    - 约 / about fits a figure within 1.5 % either side.
//!
//! Verdicts: **confirmed** (a price fits the words — named), **approximate**
//! (none fits; the nearest is within 5 %), **contradicted** (none within
//! 5 %), **unverifiable** (the data lacks the figure, or the claim is about a
//! later day). A sentence whose confirmed claims need different prices is
//! flagged **mixed bases**.

mod decode;

pub use decode::{decode, Decoded};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::data::Dataset;
use crate::headline::Lang;
use crate::input;
use crate::ipo::{Basis, Ipo};
use crate::num;
use crate::returns;

/// What a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A gain over the issue price, in percent.
    GainPct,
    /// Profit per winning lot.
    ProfitPerLot,
    /// Market value.
    MarketCap,
    /// A share price.
    Price,
}

/// How the words bound the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As printed (达, 报, or no word).
    Exact,
    /// Just under (近, nearly, almost).
    Nearly,
    /// At or over (逾, 超, 突破, 冲破, 以上, over, topped, more than).
    AtLeast,
    /// Either side (约, about, around).
    About,
}

/// The verdict on one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A price makes the claim true under its words.
    Confirmed,
    /// None does; the nearest figure is within 5 %.
    Approximate,
    /// No figure within 5 %.
    Contradicted,
    /// The data lacks the figure, or the claim is about a later day.
    Unverifiable,
}

/// One candidate figure tried for a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The price basis (`issue` for issue-time figures).
    pub basis: String,
    /// The figure, unrounded.
    pub value: Decimal,
    /// Whether the claim's words allow it.
    pub fits: bool,
}

/// A claim found in the text, and its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The IPO's code.
    pub ipo: String,
    /// The sentence the claim is in.
    pub sentence: String,
    /// The span: the words before the number, the number and its unit.
    pub text: String,
    /// What it is about.
    pub kind: ClaimKind,
    /// The value in base units (percent, yuan, HK dollars).
    pub value: Decimal,
    /// The step the printed digits stand for.
    pub step: Decimal,
    /// The qualifier word, as written (empty for none).
    pub qualifier: String,
    /// Its meaning.
    pub bound: Bound,
    /// The price the sentence names, if any (收盘, opened …).
    pub stated_basis: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// The best-fitting (or nearest) basis.
    pub basis: Option<String>,
    /// The figure at that basis.
    pub computed: Option<Decimal>,
    /// True when this claim's sentence is true only at more than one price.
    pub mixed_bases: bool,
    /// What the verdict rests on ([`Note::text`] words it).
    pub note: Note,
    /// Every figure tried.
    pub candidates: Vec<Candidate>,
}

/// What a verdict rests on, worded in either language by [`Note::text`].
/// Figures are kept as shown (`692.95%`, `362,620.00`, `3320.43亿`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Note {
    /// The claim is about a later day; the data has first-day prices.
    LaterDay,
    /// The data has no figure of the claim's kind for the IPO.
    NoFigure {
        /// The kind of figure.
        kind: ClaimKind,
        /// The IPO's name.
        ipo: String,
    },
    /// Not true at the price the sentence names, true at another.
    NotAtStated {
        /// The named price.
        stated: String,
        /// The figure there.
        stated_value: String,
        /// The price where the claim holds.
        fits: String,
        /// The figure there.
        fits_value: String,
    },
    /// True at this basis (at this price, when the basis is a price).
    TrueAt {
        /// The basis.
        basis: String,
        /// Its price.
        price: Option<String>,
    },
    /// No price fits; the nearest figure and how far off it is.
    Nearest {
        /// The basis.
        basis: String,
        /// The figure there.
        value: String,
        /// How far off, in percent of the claim.
        off_pct: String,
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
    /// let n = Note::TrueAt { basis: "close".into(), price: Some("829.90".into()) };
    /// assert_eq!(n.text(Lang::En), "true at the closing price, 829.90");
    /// assert_eq!(n.text(Lang::Zh), "按收盘价 829.90 计算成立");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Note::LaterDay if zh => "说的是上市后的某一天；数据只有首日价格".into(),
            Note::LaterDay => {
                "the claim is about a later day; the data has first-day prices".into()
            }
            Note::NoFigure { kind, ipo } if zh => {
                format!("数据中没有{ipo}的{}", kind_name_zh(*kind))
            }
            Note::NoFigure { kind, ipo } => {
                format!("the data has no {} figure for {ipo}", kind_name(*kind))
            }
            Note::NotAtStated {
                stated,
                stated_value,
                fits,
                fits_value,
            } if zh => format!(
                "按{}（{stated_value}）不成立；按{}（{fits_value}）成立",
                basis_zh(stated),
                basis_zh(fits)
            ),
            Note::NotAtStated {
                stated,
                stated_value,
                fits,
                fits_value,
            } => format!(
                "not true at the {stated} ({stated_value}); true at the {fits} ({fits_value})"
            ),
            Note::TrueAt { basis, price } if zh => match price {
                Some(p) => format!("按{} {p} 计算成立", basis_zh(basis)),
                None => format!("按{}计算成立", basis_zh(basis)),
            },
            Note::TrueAt { basis, price } => format!(
                "true at the {}{}",
                basis_label(basis),
                price
                    .as_ref()
                    .map(|p| format!(" price, {p}"))
                    .unwrap_or_default()
            ),
            Note::Nearest {
                basis,
                value,
                off_pct,
            } if zh => format!(
                "最接近的是按{}：{value}（相差 {off_pct}%）",
                basis_zh(basis)
            ),
            Note::Nearest {
                basis,
                value,
                off_pct,
            } => format!("nearest: the {basis} gives {value} ({off_pct}% off)"),
            Note::None => String::new(),
        }
    }
}

/// A sentence with numbers that gave no claim, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The sentence.
    pub text: String,
    /// Why.
    pub reason: SkipReason,
}

/// Why a sentence with numbers gave no claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// It names no IPO of the data (and follows none).
    NoIpo,
    /// None of its numbers reads as a gain, profit, market value or price.
    NoFigure,
}

impl SkipReason {
    /// The reason in words.
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SkipReason::NoIpo, Lang::Zh) => "有数字，但没有提到数据中的新股",
            (SkipReason::NoIpo, Lang::En) => "numbers, but no IPO from the data is named",
            (SkipReason::NoFigure, Lang::Zh) => "有数字，但都不是涨幅、每签盈利、市值或价格",
            (SkipReason::NoFigure, Lang::En) => {
                "numbers, but none reads as a gain, a per-lot profit, a market value or a price"
            }
        }
    }
}

/// The audit of one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// Sentences with numbers and no claim.
    pub skipped: Vec<Skipped>,
}

const TRAD: &[(char, char)] = &[
    ('漲', '涨'),
    ('億', '亿'),
    ('萬', '万'),
    ('開', '开'),
    ('盤', '盘'),
    ('簽', '签'),
    ('價', '价'),
    ('額', '额'),
    ('賺', '赚'),
    ('虧', '亏'),
    ('衝', '冲'),
    ('約', '约'),
    ('達', '达'),
    ('報', '报'),
    ('總', '总'),
    ('單', '单'),
    ('紀', '纪'),
    ('國', '国'),
    ('際', '际'),
    ('資', '资'),
    ('訊', '讯'),
    ('東', '东'),
    ('門', '门'),
    ('場', '场'),
    ('點', '点'),
    ('現', '现'),
    ('幾', '几'),
    ('從', '从'),
    ('線', '线'),
    ('爾', '尔'),
    ('長', '长'),
    ('貨', '货'),
    ('錢', '钱'),
    ('買', '买'),
    ('賣', '卖'),
    ('權', '权'),
    ('較', '较'),
    ('於', '于'),
    ('發', '发'),
    ('時', '时'),
    ('個', '个'),
    ('後', '后'),
    ('將', '将'),
    ('幣', '币'),
    ('僅', '仅'),
    ('產', '产'),
    ('業', '业'),
    ('華', '华'),
    ('電', '电'),
    ('導', '导'),
    ('關', '关'),
    ('號', '号'),
    ('機', '机'),
    ('會', '会'),
    ('為', '为'),
    ('與', '与'),
    ('這', '这'),
    ('計', '计'),
    ('倉', '仓'),
    ('數', '数'),
    ('贏', '赢'),
    ('獲', '获'),
    ('檔', '档'),
    ('掛', '挂'),
    ('牌', '牌'),
    ('錄', '录'),
    ('創', '创'),
    ('輪', '轮'),
    ('週', '周'),
    ('詢', '询'),
    ('證', '证'),
    ('買', '买'),
];

/// Folds full-width forms and the traditional characters of the vocabulary,
/// and joins lines (a line break inside a sentence becomes nothing between
/// Chinese characters, a space elsewhere).
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let c = TRAD
            .iter()
            .find(|(t, _)| *t == c)
            .map(|(_, s)| *s)
            .unwrap_or(c);
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '％' => '%',
            '＄' => '$',
            '　' => ' ',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            other => other,
        };
        out.push(c);
        i += 1;
    }
    out
}

fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = cur.trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
        cur.clear();
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        match c {
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => {
                cur.push(c);
                flush(&mut cur, &mut out);
            }
            '.' if next.is_none_or(|n| n.is_whitespace())
                && !prev.is_some_and(|p| {
                    p.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                }) =>
            {
                cur.push(c);
                flush(&mut cur, &mut out);
            }
            '\n' => {
                // a blank line (or a Markdown heading/list line) ends a sentence
                let blank = next == Some('\n') || next.is_none();
                let block = matches!(next, Some('#') | Some('-') | Some('*') | Some('>'));
                if blank || block {
                    flush(&mut cur, &mut out);
                } else {
                    let cjk = |ch: Option<char>| ch.is_some_and(|x| x as u32 >= 0x2E80);
                    if !(cjk(prev) && cjk(next)) {
                        cur.push(' ');
                    }
                }
            }
            '\r' => {}
            _ => cur.push(c),
        }
        i += 1;
    }
    flush(&mut cur, &mut out);
    out
}

struct Mention<'a> {
    pos: usize,
    end: usize,
    ipo: &'a Ipo,
}

fn find_mentions<'a>(s: &str, data: &'a Dataset) -> Vec<Mention<'a>> {
    let lower = s.to_lowercase();
    let mut found: Vec<Mention<'a>> = Vec::new();
    for ipo in data.ipos() {
        let mut names: Vec<String> = vec![ipo.name_zh.clone()];
        if ipo.name_zh.chars().count() >= 4 {
            names.push(ipo.name_zh.chars().take(2).collect());
        }
        names.extend(ipo.name_en.iter().map(|n| n.to_lowercase()));
        names.extend(ipo.aliases.iter().map(|n| n.to_lowercase()));
        let code = ipo.code.to_lowercase();
        names.push(code.clone());
        if let Some(digits) = code.strip_suffix(".hk") {
            names.push(format!("0{digits}"));
        }
        for n in names.iter().filter(|n| n.chars().count() >= 2) {
            let mut from = 0;
            while let Some(p) = lower[from..].find(n.as_str()) {
                let pos = from + p;
                let end = pos + n.len();
                // a code must not be part of a longer number
                let is_code = n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
                let bounded = !is_code
                    || (!lower[..pos].ends_with(|c: char| c.is_ascii_digit())
                        && !lower[end..].starts_with(|c: char| c.is_ascii_digit()));
                if bounded && !found.iter().any(|m| m.pos <= pos && end <= m.end) {
                    found.retain(|m| !(pos <= m.pos && m.end <= end));
                    found.push(Mention { pos, end, ipo });
                }
                from = end;
            }
        }
    }
    found.sort_by_key(|m| m.pos);
    found
}

struct Number {
    start: usize,
    end: usize,
    value: Decimal,
    step: Decimal,
    unit: Unit,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Percent,
    Money,
    Times,
}

fn parse_number_at(s: &str, start: usize) -> Option<Number> {
    let bytes = s.as_bytes();
    let mut end = start;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit() || bytes[end] == b',' || bytes[end] == b'.')
    {
        end += 1;
    }
    while end > start && matches!(bytes[end - 1], b',' | b'.') {
        end -= 1;
    }
    let raw = &s[start..end];
    let mut clean = raw.to_string();
    if clean.contains(',') {
        let ok = input::parse_decimal("n", &clean).is_ok();
        if !ok {
            // a comma that is punctuation, not grouping: stop at it
            let cut = clean.find(',').unwrap_or(clean.len());
            clean.truncate(cut);
            end = start + cut;
        }
    }
    let number = input::parse_decimal("n", &clean).ok()?;
    let digits_scale = number.scale();
    let rest = &s[end..];
    let rest_trim = rest.trim_start();
    let skipped = rest.len() - rest_trim.len();
    let units: [(&str, Decimal, Unit); 19] = [
        ("万亿元", Decimal::from(1_000_000_000_000u64), Unit::Money),
        ("万亿", Decimal::from(1_000_000_000_000u64), Unit::Money),
        ("亿港元", Decimal::from(100_000_000u64), Unit::Money),
        ("亿元", Decimal::from(100_000_000u64), Unit::Money),
        ("亿", Decimal::from(100_000_000u64), Unit::Money),
        ("万港元", Decimal::from(10_000u64), Unit::Money),
        ("万元", Decimal::from(10_000u64), Unit::Money),
        ("万", Decimal::from(10_000u64), Unit::Money),
        ("港元", Decimal::ONE, Unit::Money),
        ("元", Decimal::ONE, Unit::Money),
        ("%", Decimal::ONE, Unit::Percent),
        ("倍", Decimal::ONE, Unit::Times),
        ("percent", Decimal::ONE, Unit::Percent),
        ("per cent", Decimal::ONE, Unit::Percent),
        ("billion", Decimal::from(1_000_000_000u64), Unit::Money),
        ("bn", Decimal::from(1_000_000_000u64), Unit::Money),
        ("million", Decimal::from(1_000_000u64), Unit::Money),
        ("yuan", Decimal::ONE, Unit::Money),
        ("hong kong dollars", Decimal::ONE, Unit::Money),
    ];
    let before = &s[..start];
    let money_prefix = ["HK$", "hk$", "¥", "￥", "RMB", "US$"]
        .iter()
        .any(|p| before.trim_end().ends_with(p));
    let lower_rest = rest_trim.to_lowercase();
    for (u, mult, kind) in units {
        if lower_rest.starts_with(u) {
            let mut consumed = end + skipped + u.len();
            // "1.6 billion yuan", "3,220 港元"
            let after = &s[consumed..];
            for tail in [" yuan", " hong kong dollars", " HK dollars", "元", "港元"] {
                if after.starts_with(tail) {
                    consumed += tail.len();
                }
            }
            return Some(Number {
                start,
                end: consumed,
                // a number no decimal holds once scaled is not a figure
                value: number.checked_mul(mult)?,
                step: Decimal::new(1, digits_scale).checked_mul(mult)?,
                unit: kind,
            });
        }
    }
    if money_prefix {
        return Some(Number {
            start,
            end,
            value: number,
            step: Decimal::new(1, digits_scale),
            unit: Unit::Money,
        });
    }
    None
}

fn has_any(window: &str, words: &[&str]) -> bool {
    let lower = window.to_lowercase();
    words.iter().any(|w| lower.contains(w))
}

fn last_of(window: &str, words: &[(&'static str, Basis)]) -> Option<Basis> {
    let lower = window.to_lowercase();
    words
        .iter()
        .filter_map(|(w, b)| lower.rfind(w).map(|p| (p, *b)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, b)| b)
}

const BASIS_WORDS: &[(&str, Basis)] = &[
    ("开盘", Basis::Open),
    ("高开", Basis::Open),
    ("开盘价", Basis::Open),
    ("opened", Basis::Open),
    ("at the open", Basis::Open),
    ("opening", Basis::Open),
    ("收盘", Basis::Close),
    ("收涨", Basis::Close),
    ("收报", Basis::Close),
    ("收跌", Basis::Close),
    ("closed", Basis::Close),
    ("at the close", Basis::Close),
    ("closing", Basis::Close),
    ("最高", Basis::High),
    ("as much as", Basis::High),
    ("as high as", Basis::High),
    ("intraday high", Basis::High),
    ("最低", Basis::Low),
    ("均价", Basis::Avg),
    ("暗盘", Basis::Grey),
    ("grey", Basis::Grey),
    ("开板", Basis::Exit),
];

fn qualifier_before(window: &str) -> (String, Bound) {
    let w = window.trim_end().to_lowercase();
    let table: [(&str, Bound); 22] = [
        ("高达", Bound::Exact),
        ("突破", Bound::AtLeast),
        ("冲破", Bound::AtLeast),
        ("站上", Bound::AtLeast),
        ("超过", Bound::AtLeast),
        ("逾", Bound::AtLeast),
        ("超", Bound::AtLeast),
        ("近", Bound::Nearly),
        ("约", Bound::About),
        ("达", Bound::Exact),
        ("nearly", Bound::Nearly),
        ("almost", Bound::Nearly),
        ("close to", Bound::Nearly),
        ("more than", Bound::AtLeast),
        ("over", Bound::AtLeast),
        ("above", Bound::AtLeast),
        ("topped", Bound::AtLeast),
        ("exceeding", Bound::AtLeast),
        ("about", Bound::About),
        ("around", Bound::About),
        ("roughly", Bound::About),
        ("some", Bound::About),
    ];
    for (word, b) in table {
        // the qualifier sits right before the number (a currency sign between)
        let stripped = w
            .trim_end_matches(['$', '¥', ' '])
            .trim_end_matches("hk")
            .trim_end_matches("rmb")
            .trim_end();
        if stripped.ends_with(word) {
            return (word.to_string(), b);
        }
    }
    (String::new(), Bound::Exact)
}

fn classify(window: &str, after: &str, unit: Unit) -> Option<ClaimKind> {
    let lower = window.to_lowercase();
    match unit {
        Unit::Percent => {
            if has_any(
                &lower,
                &[
                    "中签率",
                    "换手率",
                    "振幅",
                    "市盈率",
                    "市销率",
                    "占",
                    "比例",
                    "turnover",
                    "rate",
                    "stake",
                    "share of",
                ],
            ) {
                return None;
            }
            has_any(
                &lower,
                &[
                    "涨", "高开", "低开", "跌", "溢价", "gain", "soar", "jump", "rose", "rise",
                    "surge", "climb", "up", "above", "higher", "opened", "closed",
                ],
            )
            .then_some(ClaimKind::GainPct)
        }
        Unit::Times => None,
        Unit::Money => {
            // the nearest keyword wins
            let kinds: [(&[&str], ClaimKind); 3] = [
                (
                    &[
                        "市值",
                        "market value",
                        "market cap",
                        "valuing",
                        "valued",
                        "valuation",
                    ],
                    ClaimKind::MarketCap,
                ),
                (
                    &[
                        "中一签",
                        "一签",
                        "单签",
                        "每签",
                        "中签一手",
                        "一手",
                        "每手",
                        "per lot",
                        "a lot",
                        "one lot",
                        "winning lot",
                        "board lot",
                        "paper profit",
                    ],
                    ClaimKind::ProfitPerLot,
                ),
                (
                    &[
                        "股价",
                        "开盘价",
                        "收盘价",
                        "收报",
                        "报",
                        "至",
                        "price",
                        "opened at",
                        "closed at",
                        "to hk$",
                        "at hk$",
                    ],
                    ClaimKind::Price,
                ),
            ];
            if has_any(
                &lower,
                &[
                    "缴款",
                    "入场费",
                    "需缴",
                    "缴纳",
                    "payment",
                    "entry fee",
                    "募资",
                    "集资",
                    "成交额",
                    "proceeds",
                    "raised",
                    "turnover",
                ],
            ) {
                return None;
            }
            let mut best: Option<(usize, ClaimKind)> = None;
            for (words, kind) in kinds {
                for w in words {
                    if let Some(p) = lower.rfind(w) {
                        if best.is_none_or(|(bp, _)| p + w.len() > bp) {
                            best = Some((p + w.len(), kind));
                        }
                    }
                }
            }
            if after.trim_start().starts_with("/股") || after.trim_start().starts_with("per share")
            {
                return Some(ClaimKind::Price);
            }
            best.map(|(_, k)| k)
        }
    }
}

fn candidates(ipo: &Ipo, kind: ClaimKind) -> Vec<(String, Decimal)> {
    let Ok(s) = returns::compute(ipo) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in &s.figures {
        let v = match kind {
            ClaimKind::GainPct => Some(f.gain_pct),
            ClaimKind::ProfitPerLot => Some(f.profit_per_lot),
            ClaimKind::MarketCap => f.market_cap,
            ClaimKind::Price => Some(f.price),
        };
        if let Some(v) = v {
            out.push((f.basis.id().to_string(), v));
        }
    }
    match kind {
        ClaimKind::MarketCap => {
            if let Some(c) = s.market_cap_at_issue {
                out.push(("issue".into(), c));
            }
        }
        ClaimKind::Price => out.push(("issue".into(), s.issue_price)),
        _ => {}
    }
    out
}

fn fits(value: Decimal, step: Decimal, bound: Bound, c: Decimal) -> bool {
    let tol = value.abs() * Decimal::new(15, 3); // 1.5 %
    match bound {
        Bound::Exact => crate::published::round_to_step(c, step).is_ok_and(|r| r == value),
        // a difference too large for a decimal is no fit
        Bound::Nearly => c < value && value.checked_sub(c).is_some_and(|d| d <= tol.max(step)),
        Bound::AtLeast => c >= value,
        Bound::About => c
            .checked_sub(value)
            .is_some_and(|d| d.abs() <= tol.max(step / Decimal::TWO)),
    }
}

/// Audits `text` against the IPOs of `data`.
pub fn audit(text: &str, data: &Dataset) -> Audit {
    let norm = normalize_text(text);
    let mut claims = Vec::new();
    let mut skipped = Vec::new();
    let mut current: Option<&Ipo> = None;
    for sentence in split_sentences(&norm) {
        let mentions = find_mentions(&sentence, data);
        let mut found_any = false;
        let mut had_number = false;
        let mut prev_end = 0;
        let mut sentence_claims: Vec<Claim> = Vec::new();
        let bytes = sentence.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let starts_number = bytes[i].is_ascii_digit()
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'));
            if !starts_number {
                i += 1;
                continue;
            }
            // a number inside an IPO's code or name is not a claim
            if mentions.iter().any(|m| m.pos <= i && i < m.end) {
                i += 1;
                continue;
            }
            had_number = true;
            let Some(n) = parse_number_at(&sentence, i) else {
                while i < bytes.len()
                    && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b',')
                {
                    i += 1;
                }
                continue;
            };
            let ipo = mentions
                .iter()
                .rfind(|m| m.end <= n.start)
                .map(|m| m.ipo)
                .or(current);
            // the words since the last claim (at most 90 bytes back)
            let win_start = prev_end.max(n.start.saturating_sub(90));
            let win_start = (win_start..=n.start)
                .find(|p| sentence.is_char_boundary(*p))
                .unwrap_or(n.start);
            let window = &sentence[win_start..n.start];
            let after_end = (n.end..=sentence.len().min(n.end + 12))
                .rev()
                .find(|p| sentence.is_char_boundary(*p))
                .unwrap_or(n.end);
            let after = &sentence[n.end..after_end];
            let kind = classify(window, after, n.unit);
            let (Some(ipo), Some(kind)) = (ipo, kind) else {
                i = n.end.max(i + 1);
                continue;
            };
            let (mut qualifier, mut bound) = qualifier_before(window);
            let after_trim = after.trim_start();
            for (w, b) in [
                ("以上", Bound::AtLeast),
                ("之上", Bound::AtLeast),
                ("多", Bound::AtLeast),
                ("+", Bound::AtLeast),
            ] {
                if after_trim.starts_with(w) {
                    qualifier = w.to_string();
                    bound = b;
                }
            }
            // the price the claim's own words name (since the previous claim)
            let issue_words = [
                "发行价",
                "招股价",
                "offer price",
                "issue price",
                "ipo price",
            ];
            let stated_issue = has_any(window, &issue_words) && kind == ClaimKind::Price;
            let stated = if stated_issue {
                None
            } else {
                last_of(window, BASIS_WORDS)
            };
            let later_day = has_any(
                window,
                &[
                    "截至",
                    "目前",
                    "此后",
                    "累计",
                    "今年以来",
                    "as of",
                    "since",
                    "a week later",
                    "so far",
                    "交易日",
                ],
            );
            // the span: up to 28 characters before the number, from a word start
            let chars: Vec<(usize, char)> = window.char_indices().collect();
            let from = chars.len().saturating_sub(28);
            let mut span_start = chars
                .get(from)
                .map(|(p, _)| win_start + p)
                .unwrap_or(win_start);
            if from > 0 {
                if let Some(sp) = sentence[span_start..n.start].find(' ') {
                    if sentence[span_start..n.start].is_ascii() {
                        span_start += sp + 1;
                    }
                }
            }
            let text = sentence[span_start..n.end]
                .trim()
                .trim_start_matches([',', '，', '、', ' '])
                .to_string();
            let cands = candidates(ipo, kind);
            let mut tried: Vec<Candidate> = cands
                .iter()
                .map(|(b, v)| Candidate {
                    basis: b.clone(),
                    value: *v,
                    fits: fits(n.value, n.step, bound, *v),
                })
                .collect();
            let stated_id = if stated_issue {
                Some("issue".to_string())
            } else {
                stated.map(|b| b.id().to_string())
            };
            let (verdict, basis, computed, note) = if later_day {
                (Verdict::Unverifiable, None, None, Note::LaterDay)
            } else if tried.is_empty() {
                (
                    Verdict::Unverifiable,
                    None,
                    None,
                    Note::NoFigure {
                        kind,
                        ipo: ipo.name_zh.clone(),
                    },
                )
            } else {
                let fitting: Vec<&Candidate> = tried.iter().filter(|c| c.fits).collect();
                let at_stated = stated_id
                    .as_ref()
                    .and_then(|s| tried.iter().find(|c| &c.basis == s));
                match (fitting.first(), at_stated) {
                    (Some(_), Some(st)) if !st.fits => {
                        let f = fitting[0];
                        (
                            Verdict::Contradicted,
                            Some(f.basis.clone()),
                            Some(f.value),
                            Note::NotAtStated {
                                stated: st.basis.clone(),
                                stated_value: show(kind, st.value),
                                fits: f.basis.clone(),
                                fits_value: show(kind, f.value),
                            },
                        )
                    }
                    (Some(f), _) => {
                        let f = at_stated.filter(|c| c.fits).unwrap_or(f);
                        let price = price_at(ipo, &f.basis);
                        (
                            Verdict::Confirmed,
                            Some(f.basis.clone()),
                            Some(f.value),
                            Note::TrueAt {
                                basis: f.basis.clone(),
                                price,
                            },
                        )
                    }
                    (None, _) => {
                        let nearest = tried
                            .iter()
                            .min_by_key(|c| {
                                c.value
                                    .checked_sub(n.value)
                                    .map_or(Decimal::MAX, |d| d.abs())
                            })
                            .cloned();
                        let nearest = stated_id
                            .as_ref()
                            .and_then(|s| tried.iter().find(|c| &c.basis == s).cloned())
                            .or(nearest);
                        match nearest {
                            Some(c) => {
                                let off = if n.value.is_zero() {
                                    Decimal::ZERO
                                } else {
                                    // off by more than a decimal holds: contradicted
                                    c.value
                                        .checked_sub(n.value)
                                        .and_then(|d| d.abs().checked_mul(Decimal::ONE_HUNDRED))
                                        .and_then(|d| d.checked_div(n.value.abs()))
                                        .unwrap_or(Decimal::MAX)
                                };
                                let v = if off <= Decimal::from(5) {
                                    Verdict::Approximate
                                } else {
                                    Verdict::Contradicted
                                };
                                (
                                    v,
                                    Some(c.basis.clone()),
                                    Some(c.value),
                                    Note::Nearest {
                                        basis: c.basis.clone(),
                                        value: show(kind, c.value),
                                        off_pct: num::fixed(off, 2),
                                    },
                                )
                            }
                            None => (Verdict::Unverifiable, None, None, Note::None),
                        }
                    }
                }
            };
            if verdict == Verdict::Unverifiable {
                for c in &mut tried {
                    c.fits = false;
                }
            }
            found_any = true;
            sentence_claims.push(Claim {
                ipo: ipo.code.clone(),
                sentence: sentence.clone(),
                text,
                kind,
                value: n.value,
                step: n.step,
                qualifier,
                bound,
                stated_basis: stated_id,
                verdict,
                basis,
                computed,
                mixed_bases: false,
                note,
                candidates: tried,
            });
            prev_end = n.end;
            i = n.end.max(i + 1);
        }
        if let Some(m) = mentions.last() {
            current = Some(m.ipo);
        }
        // mixed bases: confirmed claims of one IPO with no trading price common
        // to all (issue-time figures are facts of every price, so they are left out)
        let confirmed: Vec<usize> = (0..sentence_claims.len())
            .filter(|k| {
                sentence_claims[*k].verdict == Verdict::Confirmed
                    && sentence_claims[*k].basis.as_deref() != Some("issue")
            })
            .collect();
        if confirmed.len() >= 2 {
            let sets: Vec<Vec<String>> = confirmed
                .iter()
                .map(|k| {
                    sentence_claims[*k]
                        .candidates
                        .iter()
                        .filter(|c| c.fits)
                        .map(|c| c.basis.clone())
                        .collect()
                })
                .collect();
            let common = sets[0].iter().any(|b| sets.iter().all(|s| s.contains(b)));
            let same_ipo = confirmed
                .iter()
                .all(|k| sentence_claims[*k].ipo == sentence_claims[confirmed[0]].ipo);
            if !common && same_ipo {
                for k in &confirmed {
                    sentence_claims[*k].mixed_bases = true;
                }
            }
        }
        claims.extend(sentence_claims);
        if had_number && !found_any {
            let reason = if mentions.is_empty() && current.is_none() {
                SkipReason::NoIpo
            } else {
                SkipReason::NoFigure
            };
            skipped.push(Skipped {
                text: sentence.clone(),
                reason,
            });
        }
    }
    Audit { claims, skipped }
}

fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::GainPct => "gain",
        ClaimKind::ProfitPerLot => "per-lot profit",
        ClaimKind::MarketCap => "market value (no share count)",
        ClaimKind::Price => "price",
    }
}

fn kind_name_zh(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::GainPct => "涨幅",
        ClaimKind::ProfitPerLot => "每签盈利",
        ClaimKind::MarketCap => "市值（缺总股本）",
        ClaimKind::Price => "价格",
    }
}

/// A basis in Chinese: `close` → 收盘价.
fn basis_zh(b: &str) -> String {
    match b {
        "open" => "开盘价".into(),
        "close" => "收盘价".into(),
        "high" => "最高价".into(),
        "low" => "最低价".into(),
        "avg" => "均价".into(),
        "exit" => "开板日收盘价".into(),
        "grey" => "暗盘收盘价".into(),
        "issue" => "发行价".into(),
        "price" => "给定价格".into(),
        other => other.into(),
    }
}

fn basis_label(b: &str) -> String {
    match b {
        "open" => "opening".into(),
        "close" => "closing".into(),
        "high" => "intraday high".into(),
        "low" => "intraday low".into(),
        "avg" => "average".into(),
        "issue" => "issue".into(),
        other => other.into(),
    }
}

fn price_at(ipo: &Ipo, basis: &str) -> Option<String> {
    if basis == "issue" {
        return Some(num::fixed(ipo.issue_price.get(), 2));
    }
    let b: Basis = basis.parse().ok()?;
    ipo.quote(b)
        .map(|q| num::fixed(q.price.get(), num::price_dp(q.price.get())))
}

/// A figure as the audit prints it.
pub fn show(kind: ClaimKind, v: Decimal) -> String {
    match kind {
        ClaimKind::GainPct => format!("{}%", num::fixed(v, 2)),
        ClaimKind::Price => num::fixed(v, 2),
        ClaimKind::ProfitPerLot => num::group(v, 2),
        ClaimKind::MarketCap => format!("{}亿", num::fixed(v / Decimal::from(100_000_000u64), 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn numbers_and_units() {
        let n = parse_number_at("近30万元", 3).unwrap();
        assert_eq!((n.value, n.step), (d("300000"), d("10000")));
        let n = parse_number_at("达2822.52亿元", 3).unwrap();
        assert_eq!(n.value, d("282252000000"));
        let n = parse_number_at("HK$3,220 on", 3).unwrap();
        assert_eq!(n.value, d("3220"));
        let n = parse_number_at("468.78%,", 0).unwrap();
        assert_eq!((n.value, n.step), (d("468.78"), d("0.01")));
        assert!(parse_number_at("2025年", 0).is_none());
    }

    #[test]
    fn sentences_keep_decimals_and_join_lines() {
        let s = split_sentences("上涨468.78%。随后\n回落. Next one");
        assert_eq!(s, vec!["上涨468.78%。", "随后回落.", "Next one"]);
    }

    #[test]
    fn fitting_rules() {
        // 近30万 fits 297,670 (0.78% under) but not 310,000
        assert!(fits(d("300000"), d("10000"), Bound::Nearly, d("297670")));
        assert!(!fits(d("300000"), d("10000"), Bound::Nearly, d("310000")));
        // 逾24万 fits 243,110
        assert!(fits(d("240000"), d("10000"), Bound::AtLeast, d("243110")));
        // 118.78% does not make "达120%"
        assert!(!fits(d("120"), d("1"), Bound::Exact, d("118.78")));
        assert!(fits(d("119"), d("1"), Bound::Exact, d("118.78")));
    }
}
