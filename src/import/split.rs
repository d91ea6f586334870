//! Splitting CSV text into records, without I/O: the caller hands over a
//! window of bytes and gets back the first record in it and how many bytes
//! it took, or word that the window holds no whole record yet.
//!
//! The rules are RFC 4180's, read leniently where spreadsheets are lenient
//! and strictly where a row would otherwise be misread:
//!
//! - a record ends at `\n`; a `\r` before it is dropped;
//! - a field that starts with `"` is quoted: it may hold the delimiter, line
//!   breaks and `""` for a quote, and ends at the closing `"`;
//! - a `"` inside an unquoted field is an ordinary character;
//! - text after a closing quote (`"ab"c`) is an error of that row;
//! - a quote that is never closed (or not within [`MAX_RECORD`] bytes) is an
//!   error of the line it opened on, and splitting resumes on the next line,
//!   so that the rows after it are not swallowed;
//! - a record longer than [`MAX_RECORD`] is an error row of the line it
//!   starts on, and its bytes up to the next line break are skipped
//!   ([`Step::Skip`]) without being held, so memory stays bounded.
//!
//! Why not the `csv` crate, which the rest of daxin uses: on the batch's
//! hot path it took a fifth of the run (its state machine looks at every
//! byte). Nearly every row of a real table has no quote at all; this
//! splitter finds the line's end and any quote with `memchr`, then the
//! delimiters eight bytes at a time. Rows with quotes take a field-by-field
//! path.
//!
//! ```
//! use daxin::import::split::{Splitter, Step};
//! let mut s = Splitter::new(b',');
//! let text = b"a,\"b,\"\"c\"\"\",d\r\nnext";
//! match s.next(text, true) {
//!     Step::Row { row, consumed, lines, error } => {
//!         assert_eq!(row.fields().collect::<Vec<_>>(), [&b"a"[..], b"b,\"c\"", b"d"]);
//!         assert_eq!((consumed, lines, error), (15, 1, None));
//!     }
//!     other => panic!("{other:?}"),
//! }
//! ```

use memchr::{memchr, memchr2, memchr_iter};

use super::Record;
use crate::error::Why;

/// The longest record the splitter waits for: a quote still open after
/// this many bytes is taken as never closed.
pub const MAX_RECORD: usize = 1 << 20;

/// `b` in every byte of a word.
#[inline]
const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The high bit of each byte of `w` that equals the byte of `pattern` (a
/// splat): exact per byte, with no borrow between bytes.
const fn eq_bytes(w: u64, pattern: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = w ^ pattern; // zero bytes where equal
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Calls `f` with the position of each `delim` in `line` (which must be
/// shorter than 4 GiB), in order, until `f` returns false. Eight bytes at a
/// time: bit tricks rather than `memchr` per field, because the fields of
/// these tables are a few bytes long, too short for `memchr` to pay for its
/// call.
#[inline]
pub fn each_delimiter(line: &[u8], delim: u8, mut f: impl FnMut(u32) -> bool) {
    let d = splat(delim);
    let mut words = line.chunks_exact(8);
    let mut base = 0u32;
    for w in &mut words {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        let mut m = eq_bytes(u64::from_le_bytes(word), d);
        while m != 0 {
            if !f(base + m.trailing_zeros() / 8) {
                return;
            }
            m &= m - 1;
        }
        base += 8;
    }
    for (k, &b) in words.remainder().iter().enumerate() {
        if b == delim && !f(base + k as u32) {
            return;
        }
    }
}

/// The first line of `window` without its line break (`\n` or `\r\n`), and
/// the bytes it takes with the break; `None` when the window holds no whole
/// line (at `eof` the window's end ends one).
#[inline]
pub fn first_line(window: &[u8], eof: bool) -> Option<(&[u8], usize)> {
    let (end, consumed) = match memchr(b'\n', window) {
        Some(i) => (i, i + 1),
        None if eof && !window.is_empty() => (window.len(), window.len()),
        None => return None,
    };
    let line = &window[..end];
    Some(match line {
        [rest @ .., b'\r'] => (rest, consumed),
        _ => (line, consumed),
    })
}

fn too_long_message() -> Why {
    crate::why!(
        "a record longer than {} MiB: not read (a broken file, or not CSV?)",
        "一条记录超过 {} MiB：未读取（文件损坏，或不是 CSV？）",
        MAX_RECORD >> 20
    )
}

/// Splits records; keeps its buffers between records so that a clean row
/// allocates nothing.
#[derive(Debug, Clone)]
pub struct Splitter {
    delim: u8,
    /// Field bounds into the row's bytes.
    bounds: Vec<(u32, u32)>,
    /// The unquoted bytes of a row that had quotes.
    scratch: Vec<u8>,
    /// Inside an over-long record, skipping to the next line break.
    skipping: bool,
}

/// A record's fields, borrowed from the input window or the splitter.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    data: &'a [u8],
    bounds: &'a [(u32, u32)],
}

impl<'a> Row<'a> {
    /// The fields in order.
    pub fn fields(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        let data = self.data;
        self.bounds
            .iter()
            .map(move |&(a, b)| &data[a as usize..b as usize])
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// True for a record with no fields (an error row).
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// True for a blank line: one empty field.
    pub fn is_blank(&self) -> bool {
        matches!(self.bounds, [(a, b)] if a == b)
    }
}

impl Record for Row<'_> {
    #[inline]
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.bounds
            .get(i)
            .map(|&(a, b)| &self.data[a as usize..b as usize])
    }
    fn count(&self) -> usize {
        self.bounds.len()
    }
    fn utf8(&self) -> Option<bool> {
        // the fields lie in `data` (the line, or the unquoted bytes of a
        // quoted record): one pass over it
        Some(std::str::from_utf8(self.data).is_ok())
    }
}

/// What [`Splitter::next`] found at the start of the window.
#[derive(Debug)]
pub enum Step<'a> {
    /// A record (possibly an error row, with no fields).
    Row {
        /// Its fields.
        row: Row<'a>,
        /// Bytes of the window it took, terminator included.
        consumed: usize,
        /// Line breaks it took: the next record starts this many lines on.
        lines: u64,
        /// Why the row is malformed, if it is.
        error: Option<Why>,
    },
    /// Bytes of an over-long record already reported as an error row: drop
    /// them and go on.
    Skip {
        /// Bytes to drop.
        consumed: usize,
        /// Line breaks among them.
        lines: u64,
    },
    /// The window holds no whole record: read more, or pass `eof`.
    NeedMore,
    /// The window is empty and the input has ended.
    End,
}

impl Splitter {
    /// A splitter for `delim` (`b','` or `b'\t'`).
    pub fn new(delim: u8) -> Splitter {
        Splitter {
            delim,
            bounds: Vec::with_capacity(32),
            scratch: Vec::new(),
            skipping: false,
        }
    }

    /// The first record of `window`. With `eof` false a record must end
    /// with `\n` inside the window; with `eof` true the window's end also
    /// ends a record.
    pub fn next<'s>(&'s mut self, window: &'s [u8], eof: bool) -> Step<'s> {
        if window.is_empty() {
            return if eof { Step::End } else { Step::NeedMore };
        }
        if self.skipping {
            return match memchr(b'\n', window) {
                Some(i) => {
                    self.skipping = false;
                    Step::Skip {
                        consumed: i + 1,
                        lines: 1,
                    }
                }
                None => Step::Skip {
                    consumed: window.len(),
                    lines: 0,
                },
            };
        }
        let Some((line, consumed)) = first_line(window, eof) else {
            return if window.len() >= MAX_RECORD {
                self.too_long(window.len(), 0)
            } else {
                Step::NeedMore
            };
        };
        if line.len() > MAX_RECORD {
            // a whole line past the limit (a window larger than the limit
            // holds it): the same error row, whatever the window's size
            self.bounds.clear();
            return Step::Row {
                row: Row {
                    data: &[],
                    bounds: &self.bounds,
                },
                consumed,
                lines: 1,
                error: Some(too_long_message()),
            };
        }
        if line.len() < u32::MAX as usize && self.cut(line) {
            return Step::Row {
                row: Row {
                    data: line,
                    bounds: &self.bounds,
                },
                consumed,
                lines: 1,
                error: None,
            };
        }
        self.quoted(window, eof, consumed)
    }

    /// The error row of a record longer than [`MAX_RECORD`]: the bytes so
    /// far are taken, and the rest of its line is skipped.
    fn too_long(&mut self, consumed: usize, lines: u64) -> Step<'_> {
        self.skipping = true;
        self.bounds.clear();
        Step::Row {
            row: Row {
                data: &[],
                bounds: &self.bounds,
            },
            consumed,
            lines,
            error: Some(too_long_message()),
        }
    }

    /// Fast path: cuts a line with no quote at its delimiters; false (and
    /// nothing cut) when the line holds a quote.
    fn cut(&mut self, line: &[u8]) -> bool {
        if memchr(b'"', line).is_some() {
            return false;
        }
        self.bounds.clear();
        let mut start = 0u32;
        let bounds = &mut self.bounds;
        each_delimiter(line, self.delim, |at| {
            bounds.push((start, at));
            start = at + 1;
            true
        });
        self.bounds.push((start, line.len() as u32));
        true
    }

    /// Slow path: a record with quotes, unquoted into `scratch`.
    /// `line_consumed` is the length of the first line, which an unclosed
    /// quote's error row takes.
    fn quoted<'s>(&'s mut self, w: &'s [u8], eof: bool, line_consumed: usize) -> Step<'s> {
        self.bounds.clear();
        self.scratch.clear();
        let d = self.delim;
        let mut i = 0;
        let mut lines = 0u64;
        let mut error = None;
        loop {
            // start of a field
            let start = self.scratch.len() as u32;
            if w.get(i) == Some(&b'"') {
                i += 1;
                loop {
                    match memchr(b'"', &w[i..]) {
                        Some(k) => {
                            let chunk = &w[i..i + k];
                            lines += memchr_iter(b'\n', chunk).count() as u64;
                            self.scratch.extend_from_slice(chunk);
                            i += k + 1;
                            if w.get(i) == Some(&b'"') {
                                self.scratch.push(b'"');
                                i += 1;
                                continue;
                            }
                            if i == w.len() && !eof && w.len() < MAX_RECORD {
                                return Step::NeedMore; // `""` may be cut in two
                            }
                            break;
                        }
                        None if !eof && w.len() < MAX_RECORD => return Step::NeedMore,
                        None => {
                            // never closed: an error of the line it opened
                            // on; the next line is read afresh
                            let field = self.bounds.len() + 1;
                            self.bounds.clear();
                            return Step::Row {
                                row: Row {
                                    data: &[],
                                    bounds: &self.bounds,
                                },
                                consumed: line_consumed,
                                lines: 1,
                                error: Some(crate::why!(
                                    "malformed CSV: a quote opens a field (field {field}) and is never closed",
                                    "CSV 格式有误：第 {field} 个字段以引号开头，但引号没有闭合"
                                )),
                            };
                        }
                    }
                }
                // after the closing quote: a delimiter, the end, or stray
                // text (kept, and the row marked malformed)
                let stop = memchr2(d, b'\n', &w[i..]).map_or(w.len(), |k| i + k);
                let mut stray = &w[i..stop];
                if let [rest @ .., b'\r'] = stray {
                    if w.get(stop) == Some(&b'\n') {
                        stray = rest;
                    }
                }
                if !stray.is_empty() && error.is_none() {
                    error = Some(crate::why!(
                        "malformed CSV: text {:?} after the closing quote of field {}",
                        "CSV 格式有误：第 {1} 个字段的闭合引号后还有文字 {0:?}",
                        String::from_utf8_lossy(stray),
                        self.bounds.len() + 1
                    ));
                }
                self.scratch.extend_from_slice(stray);
                i = stop;
            } else {
                let stop = memchr2(d, b'\n', &w[i..]).map_or(w.len(), |k| i + k);
                let mut field = &w[i..stop];
                if let [rest @ .., b'\r'] = field {
                    if w.get(stop) == Some(&b'\n') {
                        field = rest;
                    }
                }
                self.scratch.extend_from_slice(field);
                i = stop;
            }
            self.bounds.push((start, self.scratch.len() as u32));
            match w.get(i) {
                Some(&b) if b == d => i += 1,
                Some(_) => {
                    // '\n'
                    return Step::Row {
                        row: Row {
                            data: &self.scratch,
                            bounds: &self.bounds,
                        },
                        consumed: i + 1,
                        lines: lines + 1,
                        error,
                    };
                }
                None if eof => {
                    return Step::Row {
                        row: Row {
                            data: &self.scratch,
                            bounds: &self.bounds,
                        },
                        consumed: w.len(),
                        lines: lines + 1,
                        error,
                    };
                }
                None if w.len() >= MAX_RECORD => return self.too_long(w.len(), lines),
                None => return Step::NeedMore,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits a whole text; each row as (line, fields, error).
    fn all(text: &[u8]) -> Vec<(u64, Vec<String>, Option<String>)> {
        let mut s = Splitter::new(b',');
        let mut at = 0;
        let mut line = 1;
        let mut out = Vec::new();
        loop {
            match s.next(&text[at..], true) {
                Step::Row {
                    row,
                    consumed,
                    lines,
                    error,
                } => {
                    let f = row
                        .fields()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect();
                    out.push((line, f, error.map(|e| e.en().to_string())));
                    at += consumed;
                    line += lines;
                }
                Step::Skip { consumed, lines } => {
                    at += consumed;
                    line += lines;
                }
                Step::End => return out,
                Step::NeedMore => panic!("NeedMore at eof"),
            }
        }
    }

    fn v(x: &[&str]) -> Vec<String> {
        x.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn plain_and_quoted_rows() {
        let rows = all(b"a,b,c\r\n1,\"x,y\",3\n\n\"multi\nline\",\"q\"\"q\"\nlast");
        assert_eq!(rows[0], (1, v(&["a", "b", "c"]), None));
        assert_eq!(rows[1], (2, v(&["1", "x,y", "3"]), None));
        assert_eq!(rows[2], (3, v(&[""]), None));
        assert_eq!(rows[3], (4, v(&["multi\nline", "q\"q"]), None));
        assert_eq!(rows[4], (6, v(&["last"]), None));
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn quotes_inside_unquoted_fields_are_text() {
        assert_eq!(all(b"ab\"c,d")[0].1, v(&["ab\"c", "d"]));
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error_of_its_row() {
        let rows = all(b"\"ab\"c,d\r\nnext");
        assert_eq!(rows[0].1, v(&["abc", "d"]));
        assert!(rows[0].2.as_deref().unwrap().contains("\"c\""));
        assert_eq!(rows[1], (2, v(&["next"]), None));
    }

    #[test]
    fn an_unclosed_quote_spoils_one_line_only() {
        let rows = all(b"h\n1,\"open,2\n3,4\n5,6");
        assert_eq!(rows[1].0, 2);
        assert!(rows[1].2.as_deref().unwrap().contains("never closed"));
        assert_eq!(rows[2], (3, v(&["3", "4"]), None));
        assert_eq!(rows[3], (4, v(&["5", "6"]), None));
    }

    #[test]
    fn a_window_without_a_whole_record_asks_for_more() {
        let mut s = Splitter::new(b',');
        assert!(matches!(s.next(b"1,2", false), Step::NeedMore));
        assert!(matches!(s.next(b"1,\"2\n", false), Step::NeedMore));
        assert!(matches!(s.next(b"1,\"2\"", false), Step::NeedMore));
        assert!(matches!(s.next(b"", false), Step::NeedMore));
        assert!(matches!(s.next(b"", true), Step::End));
        assert!(matches!(s.next(b"1,2\n", false), Step::Row { .. }));
    }

    #[test]
    fn an_over_long_line_is_one_error_row_and_is_skipped() {
        let mut s = Splitter::new(b',');
        let mut text = vec![b'x'; MAX_RECORD + 10];
        text.extend_from_slice(b"\nnext,row\n");
        // the window holds 1 MiB and no line break
        let Step::Row {
            consumed,
            lines,
            error,
            ..
        } = s.next(&text[..MAX_RECORD], false)
        else {
            panic!()
        };
        assert_eq!((consumed, lines), (MAX_RECORD, 0));
        let e = error.unwrap();
        assert!(e.en().contains("longer than 1 MiB"));
        assert!(e.zh().contains("超过 1 MiB"));
        let Step::Skip { consumed, lines } = s.next(&text[MAX_RECORD..], false) else {
            panic!()
        };
        assert_eq!((consumed, lines), (11, 1));
        let Step::Row { row, .. } = s.next(&text[MAX_RECORD + 11..], false) else {
            panic!()
        };
        assert_eq!(row.fields().collect::<Vec<_>>(), [&b"next"[..], b"row"]);
    }

    #[test]
    fn tabs() {
        let mut s = Splitter::new(b'\t');
        let Step::Row { row, .. } = s.next(b"a,b\tc\n", false) else {
            panic!()
        };
        assert_eq!(row.fields().collect::<Vec<_>>(), [&b"a,b"[..], b"c"]);
    }
}
