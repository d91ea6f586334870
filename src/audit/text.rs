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

/// Traditional characters of the vocabulary and of the IPOs' names, with
/// their simplified forms; sorted by the traditional character.
const TRAD: &[(char, char)] = &[
    ('於', '于'),
    ('亞', '亚'),
    ('來', '来'),
    ('個', '个'),
    ('們', '们'),
    ('偉', '伟'),
    ('備', '备'),
    ('價', '价'),
    ('僅', '仅'),
    ('億', '亿'),
    ('優', '优'),
    ('兩', '两'),
    ('內', '内'),
    ('創', '创'),
    ('動', '动'),
    ('勢', '势'),
    ('區', '区'),
    ('參', '参'),
    ('單', '单'),
    ('報', '报'),
    ('場', '场'),
    ('壓', '压'),
    ('增', '增'),
    ('將', '将'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('巨', '巨'),
    ('幣', '币'),
    ('幾', '几'),
    ('廣', '广'),
    ('張', '张'),
    ('後', '后'),
    ('從', '从'),
    ('恆', '恒'),
    ('惡', '恶'),
    ('態', '态'),
    ('應', '应'),
    ('戶', '户'),
    ('掛', '挂'),
    ('換', '换'),
    ('據', '据'),
    ('搶', '抢'),
    ('擊', '击'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('極', '极'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('權', '权'),
    ('歷', '历'),
    ('歸', '归'),
    ('滬', '沪'),
    ('淨', '净'),
    ('測', '测'),
    ('準', '准'),
    ('溫', '温'),
    ('漲', '涨'),
    ('潤', '润'),
    ('點', '点'),
    ('為', '为'),
    ('無', '无'),
    ('爾', '尔'),
    ('現', '现'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('盤', '盘'),
    ('確', '确'),
    ('種', '种'),
    ('積', '积'),
    ('穩', '稳'),
    ('簽', '签'),
    ('紀', '纪'),
    ('約', '约'),
    ('紙', '纸'),
    ('納', '纳'),
    ('級', '级'),
    ('終', '终'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('經', '经'),
    ('綜', '综'),
    ('網', '网'),
    ('線', '线'),
    ('總', '总'),
    ('績', '绩'),
    ('縮', '缩'),
    ('繳', '缴'),
    ('續', '续'),
    ('義', '义'),
    ('聯', '联'),
    ('股', '股'),
    ('與', '与'),
    ('舉', '举'),
    ('華', '华'),
    ('萬', '万'),
    ('蒸', '蒸'),
    ('蘋', '苹'),
    ('虧', '亏'),
    ('號', '号'),
    ('衝', '冲'),
    ('複', '复'),
    ('規', '规'),
    ('見', '见'),
    ('視', '视'),
    ('觸', '触'),
    ('計', '计'),
    ('訊', '讯'),
    ('記', '记'),
    ('設', '设'),
    ('詢', '询'),
    ('認', '认'),
    ('說', '说'),
    ('調', '调'),
    ('證', '证'),
    ('譜', '谱'),
    ('議', '议'),
    ('讓', '让'),
    ('豐', '丰'),
    ('貨', '货'),
    ('費', '费'),
    ('資', '资'),
    ('賬', '账'),
    ('賣', '卖'),
    ('賺', '赚'),
    ('購', '购'),
    ('贏', '赢'),
    ('軟', '软'),
    ('較', '较'),
    ('輝', '辉'),
    ('輪', '轮'),
    ('這', '这'),
    ('進', '进'),
    ('達', '达'),
    ('遠', '远'),
    ('選', '选'),
    ('還', '还'),
    ('邊', '边'),
    ('醫', '医'),
    ('針', '针'),
    ('銀', '银'),
    ('銷', '销'),
    ('錄', '录'),
    ('錢', '钱'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('際', '际'),
    ('隨', '随'),
    ('險', '险'),
    ('雖', '虽'),
    ('電', '电'),
    ('頭', '头'),
    ('額', '额'),
    ('風', '风'),
    ('飆', '飙'),
    ('馬', '马'),
    ('體', '体'),
    ('高', '高'),
    ('麼', '么'),
    ('週', '周'),
    ('檔', '档'),
    ('獲', '获'),
    ('倉', '仓'),
    ('買', '买'),
    ('國', '国'),
    ('錯', '错'),
    ('擬', '拟'),
    ('籌', '筹'),
    ('項', '项'),
    ('驗', '验'),
    ('營', '营'),
    ('員', '员'),
    ('戰', '战'),
    ('術', '术'),
    ('陸', '陆'),
    ('陽', '阳'),
    ('籤', '签'),
    ('帳', '账'),
    ('蝕', '蚀'),
    ('勁', '劲'),
    ('請', '请'),
    ('潛', '潜'),
    ('諾', '诺'),
    ('藥', '药'),
    ('範', '范'),
    ('圍', '围'),
    ('內', '内'),
    ('晶', '晶'),
    ('鉅', '巨'),
    ('啟', '启'),
    ('動', '动'),
    ('紅', '红'),
    ('礎', '础'),
    ('輸', '输'),
    ('區', '区'),
    ('週', '周'),
    ('圓', '圆'),
    ('寶', '宝'),
    ('島', '岛'),
    ('銳', '锐'),
    ('鋼', '钢'),
    ('鐵', '铁'),
    ('雲', '云'),
    ('車', '车'),
    ('軍', '军'),
    ('農', '农'),
    ('藝', '艺'),
    ('飛', '飞'),
    ('龍', '龙'),
    ('黃', '黄'),
    ('齊', '齐'),
    ('樂', '乐'),
    ('聖', '圣'),
    ('麗', '丽'),
    ('團', '团'),
    ('衛', '卫'),
    ('環', '环'),
    ('億', '亿'),
];

/// The traditional table, sorted once for binary search.
fn trad_table() -> &'static [(char, char)] {
    static SORTED: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut v: Vec<(char, char)> = TRAD.iter().copied().filter(|(t, s)| t != s).collect();
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
        c if (c as u32) >= 0x4E00 => {
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

/// Cuts normalised text into sentences: at 。！？!?, at a `.` before a
/// space (not inside a number, nor after Co./Inc./Ltd. …), at blank lines
/// and at Markdown block lines. A single line break inside a sentence is
/// dropped between Chinese characters and read as a space elsewhere.
pub fn sentences(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '。' | '！' | '？' | '!' | '?' => {
                cur.push(c);
                flush(&mut cur, &mut out);
            }
            '.' if next.is_none_or(char::is_whitespace) && !abbreviation(&cur) => {
                cur.push(c);
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
            _ => cur.push(c),
        }
        if c != '\r' {
            prev = Some(c);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Words after which a full stop does not end the sentence.
fn abbreviation(cur: &str) -> bool {
    let last = cur
        .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.')
        .next()
        .unwrap_or("");
    matches!(
        last,
        "Co" | "Inc" | "Ltd" | "Corp" | "Mr" | "Ms" | "Mrs" | "Dr" | "No" | "vs" | "U.S" | "St"
    )
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
    while let Some(c) = chars.next() {
        clause.push(c);
        clause_chars += 1;
        let next_digit = chars.peek().is_some_and(char::is_ascii_digit);
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
