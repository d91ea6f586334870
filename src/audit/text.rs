//! Text before grammar: one spelling for every character the vocabulary
//! knows, and the article cut into sentences.
//!
//! Both passes look at each character once (a sentence past
//! [`MAX_SENTENCE_CHARS`] is cut at its clauses, or skipped), so the work
//! and the memory grow with the length of the article, never faster.

/// The longest sentence read whole, in characters. Longer ones are cut at
/// their clause punctuation into pieces of at most this length; a clause
/// longer than this (a run of text with no punctuation) is skipped with a
/// note. Real sentences in the press stay far below it.
pub const MAX_SENTENCE_CHARS: usize = 1000;

/// How much of a skipped over-long sentence is kept, in characters.
pub const KEPT_CHARS: usize = 80;

/// The traditional → simplified table ([`super::trad`]), read once.
fn trad_table() -> &'static [(char, char)] {
    static SORTED: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v = Vec::new();
        for run in super::trad::PAIRS {
            let mut cs = run.chars();
            while let (Some(t), Some(s)) = (cs.next(), cs.next()) {
                v.push((t, s));
            }
        }
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        v
    })
}

/// One character in the spelling the grammar reads: full-width forms to
/// ASCII (digits, `％`, `，`, `．` …), the ideographic space to a space,
/// the minus sign to `-`, and the traditional characters of the vocabulary
/// to simplified ones.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => ' ',
        '\u{2212}' | '\u{2013}' | '\u{2011}' | '\u{FE63}' => '-',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{FE6A}' => '%',
        c if (c as u32) >= 0x3400 => {
            let t = trad_table();
            t.binary_search_by_key(&c, |p| p.0).map_or(c, |i| t[i].1)
        }
        c => c,
    }
}

/// The text in the spelling the grammar reads (see [`fold`]).
///
/// ```
/// use daxin::audit::normalize_text;
/// assert_eq!(normalize_text("壁仞科技開盤漲８２．１４％"), "壁仞科技开盘涨82.14%");
/// ```
pub fn normalize(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// A piece of the article the grammar reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A sentence (or a piece of an over-long one, cut at a clause).
    Sentence(String),
    /// A run of more than [`MAX_SENTENCE_CHARS`] characters with no clause
    /// punctuation: its first [`KEPT_CHARS`] characters and its length.
    TooLong {
        /// The start of the run.
        start: String,
        /// Its length in characters.
        chars: usize,
    },
}

/// Cuts an article into sentences, as written (the grammar reads each
/// through [`normalize`], which keeps every character in its place): at
/// 。！？!?, at a `.` before a space (not inside a number, nor after
/// Co./Inc./Ltd. …), at blank lines and at Markdown block lines. A single
/// line break inside a sentence is dropped between Chinese characters and
/// read as a space elsewhere.
pub fn sentences(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(raw) = chars.next() {
        let c = fold(raw);
        let next = chars.peek().copied().map(fold);
        match c {
            '。' | '！' | '？' | '!' | '?' => {
                cur.push(raw);
                flush(&mut cur, &mut out);
            }
            '.' if next.is_none_or(char::is_whitespace) && !abbreviation(&cur) => {
                cur.push(raw);
                flush(&mut cur, &mut out);
            }
            '\n' => {
                let blank = matches!(next, Some('\n') | None) || next.is_some_and(|n| n == '\r');
                let block = matches!(next, Some('#' | '-' | '*' | '>' | '|'));
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
            _ => cur.push(raw),
        }
        if c != '\r' {
            prev = Some(c);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Words after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "Co", "Inc", "Ltd", "Corp", "Mr", "Ms", "Mrs", "Dr", "No", "vs", "U.S", "St", "a.m", "p.m",
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

fn abbreviation(cur: &str) -> bool {
    let last = cur
        .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&last)
}

fn flush(cur: &mut String, out: &mut Vec<Piece>) {
    let t = cur.trim();
    if !t.is_empty() {
        if t.chars().count() <= MAX_SENTENCE_CHARS {
            out.push(Piece::Sentence(t.to_string()));
        } else {
            cut(t, out);
        }
    }
    cur.clear();
}

/// Cuts an over-long sentence at its clauses (`,` `;` `|` and their
/// Chinese forms, already folded), gathering clauses into pieces of at most
/// [`MAX_SENTENCE_CHARS`] characters; a clause longer than that is skipped.
fn cut(s: &str, out: &mut Vec<Piece>) {
    let mut piece = String::new();
    let mut piece_chars = 0;
    let mut clause = String::new();
    let mut clause_chars = 0;
    let mut chars = s.chars().peekable();
    let mut prev_digit = false;
    while let Some(raw) = chars.next() {
        let c = fold(raw);
        clause.push(raw);
        clause_chars += 1;
        let next_digit = chars.peek().is_some_and(|n| fold(*n).is_ascii_digit());
        let brk = matches!(c, ';' | '；' | '|' | '、') || (c == ',' && !(prev_digit && next_digit));
        prev_digit = c.is_ascii_digit();
        if brk || chars.peek().is_none() {
            if clause_chars > MAX_SENTENCE_CHARS {
                if !piece.is_empty() {
                    out.push(Piece::Sentence(
                        std::mem::take(&mut piece).trim().to_string(),
                    ));
                    piece_chars = 0;
                }
                out.push(Piece::TooLong {
                    start: clause.chars().take(KEPT_CHARS).collect(),
                    chars: clause_chars,
                });
            } else {
                if piece_chars + clause_chars > MAX_SENTENCE_CHARS && !piece.is_empty() {
                    out.push(Piece::Sentence(
                        std::mem::take(&mut piece).trim().to_string(),
                    ));
                    piece_chars = 0;
                }
                piece.push_str(&clause);
                piece_chars += clause_chars;
            }
            clause.clear();
            clause_chars = 0;
        }
    }
    let t = piece.trim();
    if !t.is_empty() {
        out.push(Piece::Sentence(t.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: Vec<Piece>) -> Vec<String> {
        p.into_iter()
            .map(|p| match p {
                Piece::Sentence(s) => s,
                Piece::TooLong { chars, .. } => format!("<{chars}>"),
            })
            .collect()
    }

    #[test]
    fn sentences_keep_decimals_and_join_lines() {
        let s = sentences("上涨468.78%。随后\n回落. Next one");
        assert_eq!(texts(s), vec!["上涨468.78%。", "随后回落.", "Next one"]);
        // as written: full-width and traditional characters stay
        let s = sentences("開盤漲８２．１４％。收漲");
        assert_eq!(texts(s), vec!["開盤漲８２．１４％。", "收漲"]);
        let s = sentences("Moore Threads Co. Ltd. rose 4.5%. MetaX fell.");
        assert_eq!(
            texts(s),
            vec!["Moore Threads Co. Ltd. rose 4.5%.", "MetaX fell."]
        );
    }

    #[test]
    fn folding() {
        assert_eq!(normalize("開盤漲８２．１４％，億"), "开盘涨82.14%,亿");
        assert_eq!(normalize("−5%"), "-5%");
        // the table has no duplicate that disagrees
        let t = trad_table();
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn long_sentences_are_cut_or_skipped() {
        let clause = "沐曦股份收涨692.95%,";
        let long = clause.repeat(200);
        let pieces = sentences(&long);
        assert!(pieces.len() > 1);
        for p in &pieces {
            match p {
                Piece::Sentence(s) => assert!(s.chars().count() <= MAX_SENTENCE_CHARS),
                Piece::TooLong { .. } => panic!("a clause was short"),
            }
        }
        let run = "涨".repeat(MAX_SENTENCE_CHARS + 1);
        assert_eq!(
            texts(sentences(&run)),
            vec![format!("<{}>", MAX_SENTENCE_CHARS + 1)]
        );
    }
}
