//! `daxin batch`: stream every row of the IPO tables investors already
//! have through the calculator. The reading and writing live here; the
//! row work is `daxin::import::process`.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::Path;

use daxin::import::split::{self, Splitter, Step};
use daxin::import::{
    self, Layout, RowOut, SourceFormat, Status, Unit, UnitEvidence, UnitReason, UnitsReport,
    OUT_HEADER,
};
use daxin::Lang;

use super::args::{BatchArgs, Format};
use super::output::{write_error, AtomicFile};
use super::CliError;

/// One output row, in whichever format.
pub(super) trait Sink {
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) -> io::Result<()>;
    /// Rows from here on come from `name` (told only when several files are
    /// read: then each row names its file).
    fn begin_file(&mut self, name: &str);
    /// The CSV bytes not yet written, for the fast path to append rows to,
    /// and what each row starts with (`None` for the other formats and with
    /// `--explain`).
    fn fast_target(&mut self) -> Option<(&mut Vec<u8>, &[u8])> {
        None
    }
    /// Writes the buffer out once it is full.
    fn spill(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()>;
}

/// How many bytes of output are gathered before they are written: fewer,
/// larger writes (1 MiB took about 5 % off the 1,000,000-row benchmark
/// against 64 KiB, in one A/B run of seven each).
const SPILL: usize = 1 << 20;

/// CSV output: rows encoded by `daxin::import::write` into a buffer that
/// is handed to the writer every `SPILL` bytes. The hot path of `daxin batch`.
struct CsvSink<W: Write> {
    w: W,
    out: Vec<u8>,
    explain: bool,
    /// The `file` cell and its comma, when several files are read.
    prefix: Vec<u8>,
}

impl<W: Write> CsvSink<W> {
    fn new(w: W, explain: bool, with_file: bool) -> Self {
        let mut out = Vec::with_capacity(SPILL + (1 << 12));
        if with_file {
            out.extend_from_slice(b"file,");
        }
        import::write::csv_header(&mut out, explain);
        CsvSink {
            w,
            out,
            explain,
            prefix: Vec::new(),
        }
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn begin_file(&mut self, name: &str) {
        self.prefix.clear();
        import::write::push_text(&mut self.prefix, name);
    }
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) -> io::Result<()> {
        self.out.extend_from_slice(&self.prefix);
        import::write::csv_row(&mut self.out, line, source, r, self.explain);
        self.spill()
    }
    fn fast_target(&mut self) -> Option<(&mut Vec<u8>, &[u8])> {
        (!self.explain).then_some((&mut self.out, &self.prefix))
    }
    fn spill(&mut self) -> io::Result<()> {
        if self.out.len() >= SPILL {
            self.w.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.w.write_all(&self.out)?;
        self.out.clear();
        self.w.flush()
    }
}

struct JsonSink<W: Write> {
    w: W,
    first: bool,
    explain: bool,
    file: Option<String>,
}

impl<W: Write> Sink for JsonSink<W> {
    fn begin_file(&mut self, name: &str) {
        self.file = Some(name.to_string());
    }
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) -> io::Result<()> {
        use serde_json::Value;
        let mut v = serde_json::Map::new();
        if let Some(f) = &self.file {
            v.insert("file".into(), Value::String(f.clone()));
        }
        for (col, text) in import::write::cells(line, source, r) {
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
            v.insert("working".into(), Value::String(import::working(r)));
        }
        self.w.write_all(if self.first { b"[\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(&mut self.w, &v)?;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        self.w
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.w.flush()
    }
}

struct MdSink<W: Write> {
    w: W,
    explain: bool,
    file: Option<String>,
}

impl<W: Write> MdSink<W> {
    fn new(mut w: W, explain: bool, with_file: bool) -> io::Result<Self> {
        let first = if with_file { "file | " } else { "" };
        let extra = if explain { " | working" } else { "" };
        writeln!(w, "| {first}{}{extra} |", OUT_HEADER.join(" | "))?;
        writeln!(
            w,
            "|{}",
            "---|".repeat(OUT_HEADER.len() + usize::from(explain) + usize::from(with_file))
        )?;
        Ok(MdSink {
            w,
            explain,
            file: None,
        })
    }
}

impl<W: Write> Sink for MdSink<W> {
    fn begin_file(&mut self, name: &str) {
        self.file = Some(name.to_string());
    }
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) -> io::Result<()> {
        let mut cells: Vec<String> = self.file.iter().cloned().collect();
        cells.extend(
            import::write::cells(line, source, r)
                .into_iter()
                .map(|(_, t)| t.unwrap_or_default()),
        );
        if self.explain {
            cells.push(import::working(r));
        }
        let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        writeln!(self.w, "| {} |", cells.join(" | "))
    }
    fn finish(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

fn io_err(what: &str, e: impl std::fmt::Display) -> CliError {
    CliError {
        msg: format!("{what}: {e}"),
        code: 2,
    }
}

/// Opens a source: a spreadsheet's sheet as the CSV of that sheet; else
/// sniffs the encoding from its first 64 KiB, strips a BOM, and decodes
/// GB18030 to UTF-8 on the fly.
fn open_source(path: &Path, sheet: Option<&str>) -> Result<(Box<dyn Read>, u64, u8), CliError> {
    let name = path.display().to_string();
    if import::sheet::is_spreadsheet(&name) {
        let bytes = std::fs::read(path).map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
        let csv = import::sheet::sheet_csv(&bytes, sheet, &name)?;
        let size = csv.len() as u64;
        return Ok((Box::new(io::Cursor::new(csv)), size, b','));
    }
    let (mut inner, size): (Box<dyn Read>, u64) = if name == "-" {
        (Box::new(io::stdin().lock()), 0)
    } else {
        let f = File::open(path).map_err(|e| io_err(&format!("{name}: cannot open"), e))?;
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        (Box::new(f), size)
    };
    let mut head = vec![0u8; 64 * 1024];
    let mut n = 0;
    while n < head.len() {
        let k = inner
            .read(&mut head[n..])
            .map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
        if k == 0 {
            break;
        }
        n += k;
    }
    head.truncate(n);
    let (enc, skip) = import::sniff_encoding(&head);
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let tabs = first_line.iter().filter(|b| **b == b'\t').count();
    let commas = first_line.iter().filter(|b| **b == b',').count();
    let delim = if tabs > commas { b'\t' } else { b',' };
    let rest = io::Cursor::new(head).chain(inner);
    let mut rest: Box<dyn Read> = Box::new(rest);
    if skip > 0 {
        let mut bom = vec![0u8; skip];
        rest.read_exact(&mut bom)
            .map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
    }
    let reader: Box<dyn Read> = if enc == encoding_rs::UTF_8 {
        rest
    } else {
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(enc))
                .build(rest),
        )
    };
    Ok((reader, size, delim))
}

/// Counts of one run.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) rows: u64,
    pub(super) errors: u64,
    pending: u64,
    ambiguous: u64,
    no_price: u64,
}

impl Tally {
    fn count(&mut self, r: &RowOut) {
        self.rows += 1;
        match r.status {
            Status::Error => self.errors += 1,
            Status::Pending => self.pending += 1,
            Status::Ambiguous => self.ambiguous += 1,
            Status::NoPrice => self.no_price += 1,
            Status::Computed => {}
        }
    }

    /// The run's summary line, when some row was not simply computed.
    fn summary(&self, lang: Lang) -> Option<String> {
        if self.errors + self.pending + self.ambiguous + self.no_price == 0 {
            return None;
        }
        let computed = self.rows - self.errors - self.pending - self.ambiguous - self.no_price;
        let head = match (lang, self.errors) {
            (Lang::Zh, 0) => format!("daxin batch：共 {} 行，无错误", self.rows),
            (Lang::Zh, e) => format!("daxin batch：{} 行中 {e} 行出错（见 error 列）", self.rows),
            (Lang::En, 0) => format!("daxin batch: {} rows, none with errors", self.rows),
            (Lang::En, e) => format!(
                "daxin batch: {e} of {} rows had errors (see the error column)",
                self.rows
            ),
        };
        Some(match lang {
            Lang::Zh => format!(
                "{head}；{computed} 行已计算，{} 行待定（尚未定价或上市），{} 行有两种读法（见 check 列），{} 行无价格",
                self.pending, self.ambiguous, self.no_price
            ),
            Lang::En => format!(
                "{head}; {computed} computed, {} pending (not yet priced or listed), {} ambiguous (see the check column), {} without a price",
                self.pending, self.ambiguous, self.no_price
            ),
        })
    }
}

/// The units a file's rate columns are read in, as one stderr line.
fn units_line(name: &str, r: &UnitsReport, lang: Lang) -> Option<String> {
    if r.columns.is_empty() {
        return None;
    }
    let parts: Vec<String> = r
        .columns
        .iter()
        .map(|c| {
            let unit = match (lang, c.unit) {
                (Lang::Zh, Unit::Percent) => "百分数（43.98 即 43.98%）",
                (Lang::Zh, Unit::Fraction) => "小数（0.4398 即 43.98%）",
                (Lang::En, Unit::Percent) => "percentages (43.98 = 43.98 %)",
                (Lang::En, Unit::Fraction) => "fractions (0.4398 = 43.98 %)",
            };
            let why = match (lang, c.reason) {
                (Lang::Zh, UnitReason::Forced) => "由 --units 指定".to_string(),
                (Lang::En, UnitReason::Forced) => "as --units says".to_string(),
                (Lang::Zh, UnitReason::Values) => format!(
                    "{} 行只合小数、{} 行只合百分数",
                    c.fraction_only, c.percent_only
                ),
                (Lang::En, UnitReason::Values) => format!(
                    "{} rows fit only fractions, {} only percentages",
                    c.fraction_only, c.percent_only
                ),
                (Lang::Zh, UnitReason::Version) => "按该表版本（数值无从判断）".to_string(),
                (Lang::En, UnitReason::Version) => {
                    "by the table's version (no value told)".to_string()
                }
                (Lang::Zh, UnitReason::Mixed) => format!(
                    "各行不一致（{} 行只合小数、{} 行只合百分数），按该表版本读，不合的行标为 ambiguous",
                    c.fraction_only, c.percent_only
                ),
                (Lang::En, UnitReason::Mixed) => format!(
                    "rows disagree ({} fit only fractions, {} only percentages): read by the table's version, the rows that do not fit marked ambiguous",
                    c.fraction_only, c.percent_only
                ),
            };
            match lang {
                Lang::Zh => format!("{} 读作{}，{}", c.column, unit, why),
                Lang::En => format!("{} read as {} — {}", c.column, unit, why),
            }
        })
        .collect();
    Some(match lang {
        Lang::Zh => format!("daxin batch：{name}：{}", parts.join("；")),
        Lang::En => format!("daxin batch: {name}: {}", parts.join("; ")),
    })
}

/// How much of a table settles its columns' units: its first rows, up to
/// this many bytes — what the read window holds without growing.
const UNIT_SAMPLE: usize = (1 << 20) - 1;

/// What a run reads its files with.
pub(super) struct Opts<'a> {
    from: Option<SourceFormat>,
    sheet: Option<&'a str>,
    units: Option<Unit>,
    lang: Lang,
}

impl<'a> Opts<'a> {
    /// The options `a` gives, validated.
    pub(super) fn of(a: &'a BatchArgs, lang: Lang) -> Result<Opts<'a>, CliError> {
        Ok(Opts {
            from: a.from.as_deref().map(str::parse).transpose()?,
            sheet: a.sheet.as_deref(),
            units: a.units.as_deref().map(str::parse).transpose()?,
            lang,
        })
    }
}

pub(super) fn run_file(
    path: &Path,
    opts: &Opts<'_>,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let from = opts.from;
    let name = path.display().to_string();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        // daxin's own record files: small, read whole
        let text = std::fs::read_to_string(path)
            .map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
        // each record on its own: a bad one is its row's error
        let records = daxin::data::Dataset::records_from_file_text(&text, &name)?;
        for rec in &records {
            let row = import::row_from_record(rec);
            tally.count(&row);
            sink.row(rec.line, SourceFormat::Daxin, &row)
                .map_err(|e| write_error("cannot write the output", e))?;
        }
        return Ok(());
    }
    let (mut reader, size, delim) = open_source(path, opts.sheet)?;
    let read_err = |e: io::Error| io_err(&format!("{name}: cannot read"), e);
    let mut src = Window::new();
    let mut splitter = Splitter::new(delim);
    // header: the first non-blank, non-comment line
    let layout = loop {
        match splitter.next(src.bytes(), src.eof) {
            Step::NeedMore => src.fill(&mut reader).map_err(read_err)?,
            Step::Skip { consumed, lines } => src.take(consumed, lines),
            Step::End => return Err(io_err(&name, "empty file: no header row")),
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                let first = row.fields().next().unwrap_or(&[]);
                if let Some(e) = error {
                    return Err(io_err(&format!("{name}: cannot read the header"), e));
                }
                if row.is_blank() || first.starts_with(b"#") {
                    src.take(consumed, lines);
                    continue;
                }
                let cells: Vec<String> = row
                    .fields()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect();
                let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                let l = Layout::detect(&refs, from).map_err(|e| io_err(&name, e))?;
                src.take(consumed, lines);
                break l;
            }
        }
    };
    // the rate columns' units, settled on the table's first rows
    let mut layout = layout;
    while !src.eof && src.bytes().len() < UNIT_SAMPLE {
        let before = src.bytes().len();
        src.fill_to(&mut reader, UNIT_SAMPLE).map_err(read_err)?;
        if src.bytes().len() == before && !src.eof {
            break;
        }
    }
    let evidence = match opts.units {
        Some(_) => UnitEvidence::default(),
        None => unit_evidence(&layout, src.bytes(), src.eof, delim),
    };
    let report = layout.settle_units_with(&evidence, opts.units);
    if let Some(line) = units_line(&name, &report, opts.lang) {
        eprintln!("{line}");
    }
    let progress = (io::stderr().is_terminal() && size > (32 << 20)).then(|| {
        let pb = indicatif::ProgressBar::new(size);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bytes}/{total_bytes} {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    });
    let mut out = RowOut::default();
    let mut fast = import::fast::FastPath::new(&layout)
        .filter(|_| std::env::var_os("DAXIN_NO_FAST").is_none());
    let mut rows = import::Rows::new(&layout);
    loop {
        let line = src.line;
        // the fast path first: a whole line it takes is done
        if let (Some(f), Some((buf, prefix))) = (&mut fast, sink.fast_target()) {
            if let Some((text, consumed)) = split::first_line(src.bytes(), src.eof) {
                let mark = buf.len();
                buf.extend_from_slice(prefix);
                if text.is_empty() || !f.line(text, line, delim, buf) {
                    buf.truncate(mark);
                } else {
                    src.take(consumed, 1);
                    tally.rows += 1; // the fast path takes computed rows only
                    sink.spill()
                        .map_err(|e| write_error("cannot write the output", e))?;
                    if tally.rows % 65_536 == 0 {
                        if let Some(pb) = &progress {
                            pb.set_position(src.offset);
                        }
                    }
                    continue;
                }
            }
        }
        match splitter.next(src.bytes(), src.eof) {
            Step::NeedMore => {
                src.fill(&mut reader).map_err(read_err)?;
                continue;
            }
            Step::Skip { consumed, lines } => {
                src.take(consumed, lines);
                continue;
            }
            Step::End => break,
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                if row.is_blank() && error.is_none() {
                    src.take(consumed, lines);
                    continue;
                }
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
                src.take(consumed, lines);
            }
        }
        tally.count(&out);
        sink.row(line, layout.format, &out)
            .map_err(|e| write_error("cannot write the output", e))?;
        if let Some(pb) = &progress {
            if tally.rows % 65_536 == 0 {
                pb.set_position(src.offset);
            }
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(())
}

/// How many rows at most settle the units: a whole `stock_dxsyl_em`
/// export has some 3,500.
const UNIT_SAMPLE_ROWS: usize = 4_000;

/// The evidence of the complete lines in `bytes` (a table's first rows, up
/// to [`UNIT_SAMPLE_ROWS`]) for its rate columns' units; blank and comment
/// lines and malformed rows tell nothing.
fn unit_evidence(layout: &Layout, bytes: &[u8], eof: bool, delim: u8) -> UnitEvidence {
    let mut ev = UnitEvidence::default();
    let mut splitter = Splitter::new(delim);
    let mut at = 0;
    let mut rows = 0;
    while at < bytes.len() && rows < UNIT_SAMPLE_ROWS {
        rows += 1;
        match splitter.next(&bytes[at..], eof) {
            Step::Row {
                row,
                consumed,
                error,
                ..
            } => {
                if error.is_none() && !row.is_blank() {
                    ev.add(layout, &row);
                }
                at += consumed;
            }
            Step::Skip { consumed, .. } => at += consumed,
            Step::NeedMore | Step::End => break,
        }
    }
    ev
}

/// The unread part of an input, refilled in large reads; grows only for a
/// record longer than itself (up to the splitter's limit).
struct Window {
    buf: Vec<u8>,
    lo: usize,
    hi: usize,
    eof: bool,
    /// The line the window starts on.
    line: u64,
    /// Bytes taken so far (for the progress bar).
    offset: u64,
}

impl Window {
    fn new() -> Window {
        Window {
            buf: vec![0; 1 << 20],
            lo: 0,
            hi: 0,
            eof: false,
            line: 1,
            offset: 0,
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[self.lo..self.hi]
    }

    fn take(&mut self, n: usize, lines: u64) {
        self.lo += n;
        self.offset += n as u64;
        self.line += lines;
    }

    /// Reads until the window holds `want` unread bytes or the input ends.
    fn fill_to(&mut self, r: &mut dyn Read, want: usize) -> io::Result<()> {
        // never past what the window holds: growing it is the splitter's
        // call alone (a record over its limit is that row's error)
        let want = want.min(self.buf.len() - 1);
        while !self.eof && self.hi - self.lo < want {
            let before = self.hi;
            self.fill(r)?;
            if self.hi == before && !self.eof {
                break;
            }
        }
        Ok(())
    }

    /// Moves the unread bytes to the front and reads more; sets `eof` when
    /// the input has ended.
    fn fill(&mut self, r: &mut dyn Read) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        self.buf.copy_within(self.lo..self.hi, 0);
        self.hi -= self.lo;
        self.lo = 0;
        if self.hi == self.buf.len() {
            let grown = (self.buf.len() * 2).max(split::MAX_RECORD + 1);
            self.buf.resize(grown, 0);
        }
        loop {
            match r.read(&mut self.buf[self.hi..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(k) => {
                    self.hi += k;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

fn write_rows(
    w: &mut dyn Write,
    a: &BatchArgs,
    fmt: Format,
    explain: bool,
    opts: &Opts<'_>,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let werr = |e: io::Error| write_error("cannot write the output", e);
    // like grep: each row names its file when there are several
    let with_file = a.files.len() > 1;
    let mut sink: Box<dyn Sink + '_> = match fmt {
        Format::Csv => Box::new(CsvSink::new(w, explain, with_file)),
        Format::Json => Box::new(JsonSink {
            w,
            first: true,
            explain,
            file: None,
        }),
        Format::Md | Format::Table => Box::new(MdSink::new(w, explain, with_file).map_err(werr)?),
    };
    for f in &a.files {
        if with_file {
            sink.begin_file(&f.display().to_string());
        }
        run_file(f, opts, sink.as_mut(), tally)?;
    }
    sink.finish().map_err(werr)
}

/// Runs `daxin batch`; returns the exit code (0 every row read — computed,
/// pending, ambiguous or without a price; 1 some rows had errors).
pub fn batch(a: &BatchArgs, fmt: Format, explain: bool, lang: Lang) -> Result<u8, CliError> {
    let opts = Opts::of(a, lang)?;
    let mut tally = Tally::default();
    match &a.output {
        Some(p) => {
            let mut f = AtomicFile::create("-o", p)?;
            write_rows(&mut f, a, fmt, explain, &opts, &mut tally)?;
            f.commit()?;
        }
        None => {
            let mut w = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            match write_rows(&mut w, a, fmt, explain, &opts, &mut tally) {
                // `daxin batch … | head`: the reader left; nothing is wrong
                Err(e) if e.msg.contains("Broken pipe") => return Ok(0),
                r => r?,
            }
        }
    }
    if let Some(line) = tally.summary(lang) {
        eprintln!("{line}");
    }
    Ok(u8::from(tally.errors > 0))
}
