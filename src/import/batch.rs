//! The batch's one row path, without I/O: the records of a block of a
//! table's bytes are split, recomputed ([`Rows`]) and handed to a sink —
//! encoded as CSV, JSON or Markdown bytes ([`Encoder`]), or kept as rows
//! (a page's table) — in input order, on as many threads as asked.
//!
//! A block is cut for the threads at line breaks. A quoted field may hold
//! a line break, so a cut is checked after the fact: the thread before it
//! must have ended its last record exactly there, else the rest of the
//! block is done again on one thread from where that record ended. Output
//! order, line numbers and results are those of one thread.
//!
//! ```
//! use daxin::import::batch::{run_block, Encoder, Encoding, Tally};
//! use daxin::import::split::Splitter;
//! use daxin::import::{Layout, Rows};
//!
//! let header = ["股票代码", "股票简称", "发行价格", "首日收盘价", "上市日期", "每中一签获利"];
//! let layout = Layout::detect(&header, None).unwrap();
//! let block = "688802,沐曦股份,104.66,829.90,2025-12-17,362620\n".as_bytes();
//! let enc = Encoder::new(Encoding::Csv, false, None);
//! let mut out = Vec::new();
//! let mut tally = Tally::default();
//! let end = run_block(&mut Rows::new(&layout), &mut Splitter::new(b','), block, true, 2,
//!                     usize::MAX, &mut enc.sink(&mut out), &mut tally);
//! assert_eq!(end.consumed, block.len());
//! assert!(String::from_utf8(out).unwrap().starts_with("2,688802,沐曦股份,star,2025-12-17,104.66,500,,close,829.90,362620.00,692.95,"));
//! ```

use super::split::{Splitter, Step};
use super::{write, Layout, RowOut, Rows, SourceFormat, Status};
use crate::Lang;

/// Counts of a run, by what became of each row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows read.
    pub rows: u64,
    /// Rows with an error.
    pub errors: u64,
    /// Rows not yet priced or listed.
    pub pending: u64,
    /// Rows that fit two readings.
    pub ambiguous: u64,
    /// Listed rows without a price.
    pub no_price: u64,
}

impl Tally {
    /// Counts one row.
    pub fn count(&mut self, r: &RowOut) {
        self.rows += 1;
        match r.status {
            Status::Error => self.errors += 1,
            Status::Pending => self.pending += 1,
            Status::Ambiguous => self.ambiguous += 1,
            Status::NoPrice => self.no_price += 1,
            Status::Computed => {}
        }
    }

    /// Adds another run's counts.
    pub fn add(&mut self, o: &Tally) {
        self.rows += o.rows;
        self.errors += o.errors;
        self.pending += o.pending;
        self.ambiguous += o.ambiguous;
        self.no_price += o.no_price;
    }

    /// Rows computed without a remark.
    pub fn computed(&self) -> u64 {
        self.rows - self.errors - self.pending - self.ambiguous - self.no_price
    }
}

/// Where the rows of a run go.
pub trait RowSink {
    /// One row, with the line it starts on.
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut);
}

/// The output encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// CSV with a header row.
    Csv,
    /// A JSON array of objects: counts as numbers, decimals as strings.
    Json,
    /// A Markdown table.
    Md,
}

/// How rows are written: the encoding, the working column, and the file
/// each row names when several files are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoder {
    encoding: Encoding,
    explain: bool,
    /// The language of the working (with `explain`) and of the `error`
    /// cells.
    lang: Lang,
    /// The `file` cell and its delimiter (CSV), or the file's name.
    file: Option<String>,
}

impl Encoder {
    /// An encoder; `file` names the input when several are read.
    pub fn new(encoding: Encoding, explain: bool, file: Option<&str>) -> Encoder {
        Encoder {
            encoding,
            explain,
            lang: Lang::En,
            file: file.map(str::to_string),
        }
    }

    /// The same encoder with the working (`explain`) and the rows' errors
    /// written in `lang` (English by default).
    pub fn in_lang(self, lang: Lang) -> Encoder {
        Encoder { lang, ..self }
    }

    /// The same encoder for rows of another file.
    pub fn for_file(&self, file: &str) -> Encoder {
        Encoder {
            file: Some(file.to_string()),
            ..self.clone()
        }
    }

    /// The output's opening: the CSV or Markdown header (with a `file`
    /// column when `with_file`), or JSON's `[`.
    pub fn header(&self, out: &mut Vec<u8>, with_file: bool) {
        match self.encoding {
            Encoding::Csv => {
                if with_file {
                    out.extend_from_slice(b"file,");
                }
                write::csv_header(out, self.explain);
            }
            Encoding::Json => out.push(b'['),
            Encoding::Md => {
                let first = if with_file { "file | " } else { "" };
                let extra = if self.explain { " | working" } else { "" };
                out.extend_from_slice(
                    format!("| {first}{}{extra} |\n", write::OUT_HEADER.join(" | ")).as_bytes(),
                );
                out.push(b'|');
                let n =
                    write::OUT_HEADER.len() + usize::from(self.explain) + usize::from(with_file);
                for _ in 0..n {
                    out.extend_from_slice(b"---|");
                }
                out.push(b'\n');
            }
        }
    }

    /// The output's close: JSON's `]` (an empty array when `any_rows` is
    /// false), nothing for the others.
    pub fn footer(&self, out: &mut Vec<u8>, any_rows: bool) {
        if self.encoding == Encoding::Json {
            out.extend_from_slice(if any_rows { b"\n]\n" } else { b"]\n" });
        }
    }

    /// Appends one row. A JSON row starts with `,\n`; the caller drops the
    /// comma of the first row of the output ([`strip_first_comma`]).
    pub fn row(&self, out: &mut Vec<u8>, line: u64, source: SourceFormat, r: &RowOut) {
        match self.encoding {
            Encoding::Csv => {
                if let Some(f) = &self.file {
                    write::push_text(out, f);
                }
                write::csv_row(out, line, source, r, self.explain, self.lang);
            }
            Encoding::Json => {
                use serde_json::Value;
                let mut v = serde_json::Map::new();
                if let Some(f) = &self.file {
                    v.insert("file".into(), Value::String(f.clone()));
                }
                for (col, text) in write::cells(line, source, r, self.lang) {
                    // counts are JSON numbers; decimals and text are strings
                    let value = match (col, text) {
                        (_, None) => Value::Null,
                        ("line" | "lot_shares" | "total_shares", Some(t)) => t
                            .parse::<u64>()
                            .map(Value::from)
                            .unwrap_or(Value::String(t)),
                        (_, Some(t)) => Value::String(t),
                    };
                    v.insert(col.to_string(), value);
                }
                if self.explain {
                    v.insert(
                        "working".into(),
                        Value::String(super::working(r, self.lang)),
                    );
                }
                out.extend_from_slice(b",\n");
                // a map of strings and numbers always serialises
                let _ = serde_json::to_writer(&mut *out, &v);
            }
            Encoding::Md => {
                let mut cells: Vec<String> = self.file.iter().cloned().collect();
                cells.extend(
                    write::cells(line, source, r, self.lang)
                        .into_iter()
                        .map(|(_, t)| t.unwrap_or_default()),
                );
                if self.explain {
                    cells.push(super::working(r, self.lang));
                }
                let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
                out.extend_from_slice(format!("| {} |\n", cells.join(" | ")).as_bytes());
            }
        }
    }

    /// A sink that encodes rows onto `out`.
    pub fn sink<'a>(&'a self, out: &'a mut Vec<u8>) -> EncodeSink<'a> {
        EncodeSink { enc: self, out }
    }
}

/// For JSON: drops the `,` that starts the first row of the output (see
/// [`Encoder::row`]). `b` is the first bytes written after the header.
pub fn strip_first_comma(b: &[u8]) -> &[u8] {
    b.strip_prefix(b",").unwrap_or(b)
}

/// A sink that encodes rows onto a byte buffer.
pub struct EncodeSink<'a> {
    enc: &'a Encoder,
    out: &'a mut Vec<u8>,
}

impl RowSink for EncodeSink<'_> {
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) {
        self.enc.row(self.out, line, source, r);
    }
}

/// Where [`run_block`] stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockEnd {
    /// Bytes of the block taken (whole records, and skipped lines).
    pub consumed: usize,
    /// Lines they spanned.
    pub lines: u64,
    /// The block ended inside a record: more bytes are needed.
    pub need_more: bool,
}

/// Splits and recomputes the records of `block` (which starts a record, on
/// line `line`), handing each row to `sink`: every record, blank lines
/// left out, a malformed one as its row's error. Stops at the end of the
/// block (inside a record unless `eof`), or at the first record that would
/// start at or after `stop_at`.
#[allow(clippy::too_many_arguments)]
pub fn run_block(
    rows: &mut Rows,
    splitter: &mut Splitter,
    block: &[u8],
    eof: bool,
    line: u64,
    stop_at: usize,
    sink: &mut dyn RowSink,
    tally: &mut Tally,
) -> BlockEnd {
    let source = rows.layout().format;
    let mut out = RowOut::default();
    let (mut at, mut lines) = (0usize, 0u64);
    while at < stop_at {
        match splitter.next(&block[at..], eof) {
            Step::NeedMore => {
                return BlockEnd {
                    consumed: at,
                    lines,
                    need_more: true,
                }
            }
            Step::End => break,
            Step::Skip { consumed, lines: l } => {
                at += consumed;
                lines += l;
            }
            Step::Row {
                row,
                consumed,
                lines: l,
                error,
            } => {
                if !(row.is_blank() && error.is_none()) {
                    match error {
                        None => rows.process_into(&row, &mut out),
                        Some(e) => {
                            // a malformed row keeps its place in the output
                            out = RowOut {
                                check: "error".to_string(),
                                error: Some(e),
                                status: Status::Error,
                                ..RowOut::default()
                            };
                        }
                    }
                    tally.count(&out);
                    sink.row(line + lines, source, &out);
                }
                at += consumed;
                lines += l;
            }
        }
    }
    BlockEnd {
        consumed: at,
        lines,
        need_more: false,
    }
}

/// A block done on several threads: the encoded output in input order,
/// and where it ended.
#[derive(Debug, Clone, Default)]
pub struct Parallel {
    /// Each thread's output, in order.
    pub outputs: Vec<Vec<u8>>,
    /// The counts of all of them.
    pub tally: Tally,
    /// Where the block ended.
    pub end: Option<BlockEnd>,
}

/// [`run_block`] on `jobs` threads, encoding with `enc`: the block is cut
/// at line breaks, and each cut is checked (see the module's text).
#[allow(clippy::too_many_arguments)]
pub fn run_parallel(
    layout: &Layout,
    delim: u8,
    block: &[u8],
    eof: bool,
    line: u64,
    jobs: usize,
    enc: &Encoder,
) -> Parallel {
    let jobs = jobs.max(1);
    // cuts after the first line break past each share of the block
    let mut cuts = vec![0usize];
    for k in 1..jobs {
        let target = (block.len() * k / jobs).max(*cuts.last().unwrap_or(&0));
        match memchr::memchr(b'\n', &block[target..]) {
            Some(i) if target + i + 1 < block.len() => cuts.push(target + i + 1),
            _ => break,
        }
    }
    cuts.dedup();
    let n = cuts.len();
    // each piece's first line: the line breaks before it
    let mut first_lines = Vec::with_capacity(n);
    let mut l = line;
    for (k, c) in cuts.iter().enumerate() {
        if k > 0 {
            l += memchr::memchr_iter(b'\n', &block[cuts[k - 1]..*c]).count() as u64;
        }
        first_lines.push(l);
    }
    let piece = |k: usize| -> (Vec<u8>, Tally, BlockEnd) {
        let start = cuts[k];
        let last = k + 1 == n;
        let stop = if last {
            usize::MAX
        } else {
            cuts[k + 1] - start
        };
        let mut out = Vec::with_capacity((block.len() / n) * 2);
        let mut tally = Tally::default();
        let end = run_block(
            &mut Rows::new(layout).in_lang(enc.lang),
            &mut Splitter::new(delim),
            &block[start..],
            eof,
            first_lines[k],
            stop,
            &mut enc.sink(&mut out),
            &mut tally,
        );
        (out, tally, end)
    };
    // a piece whose thread failed is `None`: done again below
    let results: Vec<Option<(Vec<u8>, Tally, BlockEnd)>> = if n == 1 {
        vec![Some(piece(0))]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (1..n).map(|k| s.spawn(move || piece(k))).collect();
            let mut all = vec![Some(piece(0))];
            all.extend(handles.into_iter().map(|h| h.join().ok()));
            all
        })
    };
    let mut par = Parallel::default();
    let mut pos = 0usize; // bytes of the block accounted for
    let mut lines = 0u64;
    for (k, result) in results.into_iter().enumerate() {
        let done = result.filter(|_| cuts[k] == pos);
        let Some((out, tally, end)) = done else {
            // the piece before ran past this cut (a quoted line break) or
            // stopped short of it: the rest, again, on one thread
            let mut out = Vec::new();
            let mut tally = Tally::default();
            let end = run_block(
                &mut Rows::new(layout).in_lang(enc.lang),
                &mut Splitter::new(delim),
                &block[pos..],
                eof,
                line + lines,
                usize::MAX,
                &mut enc.sink(&mut out),
                &mut tally,
            );
            par.outputs.push(out);
            par.tally.add(&tally);
            par.end = Some(BlockEnd {
                consumed: pos + end.consumed,
                lines: lines + end.lines,
                need_more: end.need_more,
            });
            return par;
        };
        par.outputs.push(out);
        par.tally.add(&tally);
        pos += end.consumed;
        lines += end.lines;
        if end.need_more {
            par.end = Some(BlockEnd {
                consumed: pos,
                lines,
                need_more: true,
            });
            return par;
        }
    }
    par.end = Some(BlockEnd {
        consumed: pos,
        lines,
        need_more: false,
    });
    par
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        let header = [
            "股票代码",
            "股票简称",
            "发行价格",
            "首日收盘价",
            "上市日期",
            "每中一签获利",
        ];
        Layout::detect(&header, None).unwrap()
    }

    fn one_thread(block: &[u8]) -> (Vec<u8>, Tally) {
        let l = layout();
        let enc = Encoder::new(Encoding::Csv, false, None);
        let mut out = Vec::new();
        let mut t = Tally::default();
        run_block(
            &mut Rows::new(&l),
            &mut Splitter::new(b','),
            block,
            true,
            2,
            usize::MAX,
            &mut enc.sink(&mut out),
            &mut t,
        );
        (out, t)
    }

    #[test]
    fn threads_give_what_one_thread_gives() {
        let mut block = Vec::new();
        for i in 0..500 {
            let close = 100 + i % 700;
            block.extend_from_slice(
                format!(
                    "688{:03},新股{i},104.66,{close}.90,2025-12-17,{}\n",
                    i % 1000,
                    i * 7
                )
                .as_bytes(),
            );
            if i % 97 == 0 {
                // a quoted name with a line break inside: a cut may land in it
                block.extend_from_slice(b"688001,\"two\nlines\",10.00,12.00,2025-12-17,1000\n");
            }
            if i % 131 == 0 {
                block.extend_from_slice(b"\n688002,bad,-1,12.00,2025-12-17,1000\n");
            }
        }
        let (want, want_t) = one_thread(&block);
        let l = layout();
        let enc = Encoder::new(Encoding::Csv, false, None);
        for jobs in 1..=7 {
            let p = run_parallel(&l, b',', &block, true, 2, jobs, &enc);
            assert_eq!(p.outputs.concat(), want, "{jobs} threads");
            assert_eq!(p.tally, want_t);
            assert_eq!(p.end.unwrap().consumed, block.len());
        }
    }

    #[test]
    fn a_block_that_ends_inside_a_record_asks_for_more() {
        let l = layout();
        let enc = Encoder::new(Encoding::Csv, false, None);
        let block = b"688001,a,10.00,12.00,2025-12-17,1000\n688002,b,10.00,12.";
        let p = run_parallel(&l, b',', block, false, 2, 2, &enc);
        let end = p.end.unwrap();
        assert!(end.need_more);
        assert_eq!(end.consumed, 37);
        assert_eq!(p.tally.rows, 1);
    }
}
