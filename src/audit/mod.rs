//! Check the press: find the claims an article makes about IPOs, work out
//! every figure the data supports at each price, and say which price — if
//! any — makes each claim true under the wording rules of
//! [`crate::headline`].
//!
//! # How a sentence is read
//!
//! The reading is a small grammar, in four steps, each its own module:
//!
//! 1. [`text`]: one spelling (full-width digits and punctuation to ASCII,
//!    the traditional characters of the vocabulary to simplified), then
//!    sentences (。！？ and `. `; a single line break does not end one).
//! 2. [`lexer`]: tokens — the words of the [`lexicon`], the IPOs of the data
//!    (name, short name, English name, alias, code), figures with their
//!    unit and currency (`%`, 个百分点, 元, 港元, 美元, 万, 亿, billion,
//!    HK$), dates, and clause breaks (`,` `;`).
//! 3. [`extract`]: the claims. A claim is a figure with
//!    - a **subject**: the IPO named last (in the sentence, else in an
//!      earlier one); a figure after another company (英伟达, Nvidia), an
//!      index or an average is about that, and left out;
//!    - a **metric**: the nearest word of the figure's kind before it in its
//!      clause (涨幅 for a percentage, 市值 / 中一签 / 股价 for an amount),
//!      or the noun right after it (692.95%的涨幅); verbs between them
//!      (报, 达, 推至, 跌至, 冲破, 定格在, 一度 …) join, they do not change
//!      the kind;
//!    - a **direction** (涨/跌, 破发, 浮盈/浮亏, up/down, higher/lower, a
//!      sign) that gives gains and per-lot profits their sign;
//!    - a **qualifier** right before it (近, 约, 超, 逾, 突破, 不足, nearly,
//!      over, topped …) or after it (以上, 之上, 多, 左右, or more);
//!    - a **basis**: the price its clause names (收涨 → close, 高开 → open,
//!      盘中最高 → high), else a basis the sentence states (按开盘价计算,
//!      at the open), else — only as a preference — the price an earlier
//!      clause named;
//!    - a **time**: the first day unless a later day is named (此后, 截至,
//!      since, a date after the listing).
//! 4. [`judge`]: the verdict.
//!
//! # Verdicts
//!
//! Each figure of the claim's kind is tried at every price the data has
//! (open, high, low, close, average, exit, grey, and the issue price for a
//! price or a market value). Exact wording fits a figure that rounds
//! half-up, at the claim's last digit, to the claim (a whole amount ending
//! in zeros, as English writes amounts out, also fits within 0.1 %); 近 /
//! nearly fits just under (within 1.5 %); 逾, 超, 突破, over, topped at or
//! above, up to twice the claim; 约 / about within 1.5 % either side; 不足 /
//! under below, down to half. A claim's direction must be the figure's.
//!
//! - **confirmed**: true at the basis the sentence states, or — when it
//!   states none — at some price (the preferred one first);
//! - **approximate**: not true, but within 5 % of the figure at that basis
//!   (a percentage's difference is given in points, an amount's relative);
//! - **contradicted**: further off, the other direction, or true only at a
//!   price other than the stated one (a finding of its own);
//! - **unverifiable**: the data lacks the figure or the stated price, the
//!   claim is about a later day (the note names the price that would settle
//!   it), or it is in another currency.
//!
//! A sentence whose claims are true only at different prices is flagged
//! **mixed bases**. Work and memory are linear in the text: every pass looks
//! at each character a bounded number of times, and a sentence longer than
//! [`text::MAX_SENTENCE_CHARS`] is cut at its clauses or skipped with a note.

mod decode;
pub mod extract;
pub mod judge;
pub mod lexer;
pub mod lexicon;
mod note;
pub mod report;
pub mod text;
mod trad;

pub use decode::{decode, Decoded};
pub use note::{basis_name, direction_name, kind_name, show, time_name, Note, Off, SkipReason};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::data::Dataset;
use crate::report::ser;
use crate::returns;

/// What a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
    /// The value of one winning lot (每签市值).
    LotValue,
    /// The cash one winning lot costs (缴款).
    CostPerLot,
    /// An online winning rate (中签率), in percent.
    WinRate,
    /// A count of applicants (申购户数).
    Applicants,
}

impl ClaimKind {
    /// Whether the figure has a sign that the words give (gains, profits).
    pub fn signed(self) -> bool {
        matches!(self, ClaimKind::GainPct | ClaimKind::ProfitPerLot)
    }
    /// Whether it is a percentage (its differences are in points).
    pub fn percent(self) -> bool {
        matches!(self, ClaimKind::GainPct | ClaimKind::WinRate)
    }
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
    /// Below (不足, 不到, under, less than).
    Under,
    /// At most (最多, 以内, up to).
    AtMost,
}

/// Which way the words (or a sign) say the figure went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Up (涨, 浮盈, rose, +).
    Up,
    /// Down (跌, 破发, 浮亏, fell, −).
    Down,
    /// No word says.
    None,
}

/// A currency printed with a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Money {
    /// Renminbi (元, ¥, yuan).
    #[serde(rename = "CNY")]
    Cny,
    /// Hong Kong dollars (港元, HK$).
    #[serde(rename = "HKD")]
    Hkd,
    /// US dollars (美元, US$, $).
    #[serde(rename = "USD")]
    Usd,
}

/// The day a figure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Time {
    /// The listing day: named (首日, a date) or implied by a price of it.
    FirstDay,
    /// A later day (此后, 截至, since, a later date).
    Later,
    /// Not said; judged as the first day.
    Unknown,
}

/// The verdict on one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A price makes the claim true under its words.
    Confirmed,
    /// None does; the figure at the basis (or the nearest) is within 5 %.
    Approximate,
    /// Further off, the wrong direction, or true only at another price than
    /// the stated one.
    Contradicted,
    /// The data lacks the figure, or the claim is about a later day.
    Unverifiable,
}

/// A figure of a kind: serialises at its kind's display precision
/// ([`crate::report::ser`]: percentages and money to 2 places, prices to
/// 2 or 3, rates and counts as they are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// What it is.
    pub kind: ClaimKind,
    /// The value, unrounded.
    pub value: Decimal,
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.kind {
            ClaimKind::GainPct => ser::pct(&self.value, s),
            ClaimKind::Price => ser::price(&self.value, s),
            ClaimKind::ProfitPerLot
            | ClaimKind::MarketCap
            | ClaimKind::LotValue
            | ClaimKind::CostPerLot => ser::money(&self.value, s),
            ClaimKind::WinRate | ClaimKind::Applicants => ser::exact(&self.value, s),
        }
    }
}

/// One figure tried for a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// The price basis (`issue` for issue-time figures; a label such as
    /// `final` for a winning rate).
    pub basis: String,
    /// The figure.
    pub value: Amount,
    /// Whether the claim's words allow it.
    pub fits: bool,
}

/// A claim found in the text, and its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The IPO's code.
    pub ipo: String,
    /// The sentence the claim is in (shared by its claims).
    pub sentence: std::sync::Arc<str>,
    /// The claim's clause, whole.
    pub text: String,
    /// The figure as printed, with its unit (`近30万元` → `30万元`).
    pub printed: String,
    /// What it is about.
    pub kind: ClaimKind,
    /// The value in base units (percent, yuan, HK dollars), signed by its
    /// direction for gains and profits.
    #[serde(serialize_with = "ser::exact")]
    pub value: Decimal,
    /// The step the printed digits stand for.
    #[serde(serialize_with = "ser::exact")]
    pub step: Decimal,
    /// The currency printed with it.
    pub currency: Option<Money>,
    /// The qualifier word, as written (empty for none).
    pub qualifier: String,
    /// Its meaning.
    pub bound: Bound,
    /// The direction the words give.
    pub direction: Direction,
    /// The day the figure belongs to.
    pub time: Time,
    /// The date named for it, when one is.
    pub date: Option<NaiveDate>,
    /// The price the sentence states for this claim (its clause's 收盘,
    /// 高开 …, or a 按…计算 / at the … in force), if any.
    pub stated_basis: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// The basis the verdict names: where it fits, else the one compared.
    pub basis: Option<String>,
    /// The figure at that basis.
    pub computed: Option<Amount>,
    /// Every basis at which the data fits the claim.
    pub fits: Vec<String>,
    /// True when a claim of the same sentence is true only at other prices.
    pub mixed_bases: bool,
    /// What the verdict rests on ([`Note::text`] words it).
    pub note: Note,
    /// Every figure tried.
    pub candidates: Vec<Candidate>,
}

/// A sentence with numbers that gave no claim, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The sentence (its start, when it was too long to read).
    pub text: String,
    /// Why.
    pub reason: SkipReason,
}

/// The audit of one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Audit {
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// Sentences with numbers and no claim.
    pub skipped: Vec<Skipped>,
}

/// Punctuation and spaces trimmed off a clause's ends.
const PUNCT: &[char] = &[
    ',', '，', '、', ' ', '\u{3000}', ';', '；', '|', '.', '。', '!', '?', '！', '？',
];

/// Byte offsets of the folded sentence mapped to the sentence as written
/// (the two have the same characters in the same places).
struct Offsets {
    folded: Vec<usize>,
    written: Vec<usize>,
}

impl Offsets {
    fn new(folded: &str, written: &str) -> Offsets {
        let ends = |s: &str| {
            let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            v.push(s.len());
            v
        };
        Offsets {
            folded: ends(folded),
            written: ends(written),
        }
    }

    fn at(&self, byte: usize) -> usize {
        let i = self.folded.partition_point(|b| *b < byte);
        self.written.get(i).copied().unwrap_or(0)
    }

    fn range(&self, r: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.at(r.start)..self.at(r.end).max(self.at(r.start))
    }
}

/// The text in the spelling the grammar reads: full-width forms to ASCII,
/// the traditional characters of the vocabulary to simplified ones.
pub fn normalize_text(text: &str) -> String {
    text::normalize(text)
}

/// Audits `text` against the IPOs of `data` (see [`Auditor`] to audit
/// many texts against one dataset).
///
/// ```
/// use daxin::audit::{audit, Verdict};
/// use daxin::data::Dataset;
/// let data = Dataset::builtin().unwrap();
/// let a = audit("沐曦股份首日收涨692.95%，市值逾3300亿元。", &data);
/// assert_eq!(a.claims.len(), 2);
/// assert!(a.claims.iter().all(|c| c.verdict == Verdict::Confirmed));
/// // the sentence names the close: the market value is judged there, not at the high
/// assert_eq!(a.claims[1].basis.as_deref(), Some("close"));
/// ```
pub fn audit(text: &str, data: &Dataset) -> Audit {
    Auditor::new(data).audit(text)
}

/// The grammar built for one dataset (its IPOs' names in the automaton),
/// ready to audit any number of texts.
pub struct Auditor<'a> {
    data: &'a Dataset,
    lexer: lexer::Lexer,
    summaries: std::cell::RefCell<Vec<Option<Option<returns::Summary>>>>,
}

impl<'a> Auditor<'a> {
    /// Builds the grammar for `data`.
    pub fn new(data: &'a Dataset) -> Auditor<'a> {
        Auditor {
            data,
            lexer: lexer::Lexer::new(data),
            summaries: std::cell::RefCell::new(vec![None; data.ipos().len()]),
        }
    }

    /// The figures of IPO `i`, computed once.
    fn summary(&self, i: usize) -> Option<returns::Summary> {
        let mut cache = self.summaries.borrow_mut();
        cache[i]
            .get_or_insert_with(|| returns::compute(&self.data.ipos()[i]).ok())
            .clone()
    }

    /// Audits `text`.
    pub fn audit(&self, text: &str) -> Audit {
        let lexer = &self.lexer;
        let ipos = self.data.ipos();
        let mut claims = Vec::new();
        let mut skipped = Vec::new();
        let mut carry = extract::Subject::None;
        for piece in text::sentences(text) {
            let sentence = match piece {
                text::Piece::Sentence(s) => s,
                text::Piece::TooLong { start, chars } => {
                    skipped.push(Skipped {
                        text: format!("{start}…"),
                        reason: SkipReason::TooLong { chars },
                    });
                    continue;
                }
            };
            // the grammar reads the folded sentence; what is shown is quoted
            // from the sentence as written (folding keeps every character)
            let folded = text::normalize(&sentence);
            let at = Offsets::new(&folded, &sentence);
            let tokens = lexer.lex(&folded);
            let shared: std::sync::Arc<str> = sentence.as_str().into();
            let found = extract::extract(&folded, &tokens, &mut carry, ipos);
            let mut here: Vec<Claim> = found
                .claims
                .iter()
                .map(|f| {
                    let ipo = &ipos[f.ipo];
                    let j = judge::judge(f, ipo, self.summary(f.ipo).as_ref());
                    Claim {
                        ipo: ipo.code.clone(),
                        sentence: shared.clone(),
                        text: sentence[at.range(&f.clause)]
                            .trim_matches(PUNCT)
                            .to_string(),
                        printed: sentence[at.range(&f.printed)].to_string(),
                        kind: f.kind,
                        value: f.value,
                        step: f.number.step,
                        currency: f.number.currency,
                        qualifier: f.qualifier.clone(),
                        bound: f.bound,
                        direction: f.direction,
                        time: f.time,
                        date: f.date,
                        stated_basis: f.stated.map(|m| m.to_string()),
                        verdict: j.verdict,
                        basis: j.basis,
                        computed: j.computed,
                        fits: j.fits,
                        mixed_bases: false,
                        note: j.note,
                        candidates: j.candidates,
                    }
                })
                .collect();
            judge::mark_mixed_bases(&mut here);
            if here.is_empty() && found.numbers > 0 {
                let reason = if found.other_subject > 0 {
                    SkipReason::OtherCompany
                } else if found.named_ipo {
                    SkipReason::NoFigure
                } else {
                    SkipReason::NoIpo
                };
                skipped.push(Skipped {
                    text: sentence.clone(),
                    reason,
                });
            }
            claims.extend(here);
        }
        Audit { claims, skipped }
    }
}
