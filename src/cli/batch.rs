//! `daxin batch`: read the IPO tables investors already have and write
//! every row recomputed. Reading files and writing the output live here;
//! the rows — split, recomputed and encoded, on as many threads as asked —
//! are `daxin::import::batch`'s.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

use daxin::import::batch::{self as engine, BlockEnd, Encoder, Encoding, RowSink, Tally};
use daxin::import::split::{self, Splitter, Step};
use daxin::import::{
    self, Layout, Rows, SourceFormat, Unit, UnitEvidence, UnitReason, UnitsReport,
};
use daxin::{Lang, Why};

use super::args::{BatchArgs, Format};
use super::output::{cannot_write_output, write_error, AtomicFile};
use super::CliError;

fn io_err(name: &str, e: io::Error) -> CliError {
    CliError::cannot_read(name, &e)
}

/// `NAME: what is wrong` (exit 2).
fn in_file(name: &str, why: &Why) -> CliError {
    CliError::user(Why::labelled(&Why::name(name), why))
}

/// Opens a source: a spreadsheet's sheet as the CSV of that sheet; else
/// sniffs the encoding from its first 64 KiB, strips a BOM, and decodes
/// GB18030 to UTF-8 on the fly.
fn open_source(path: &Path, sheet: Option<&str>) -> Result<(Box<dyn Read>, u64, u8), CliError> {
    let name = path.display().to_string();
    if import::sheet::is_spreadsheet(&name) {
        let bytes = std::fs::read(path).map_err(|e| io_err(&name, e))?;
        let csv = import::sheet::sheet_csv(&bytes, sheet, &name)?;
        let size = csv.len() as u64;
        return Ok((Box::new(io::Cursor::new(csv)), size, b','));
    }
    let (mut inner, size): (Box<dyn Read>, u64) = if name == "-" {
        (Box::new(io::stdin().lock()), 0)
    } else {
        let f = File::open(path).map_err(|e| {
            CliError::io(&daxin::why!("{name}: cannot open", "{name}：无法打开"), &e)
        })?;
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        (Box::new(f), size)
    };
    let mut head = vec![0u8; 64 * 1024];
    let mut n = 0;
    while n < head.len() {
        let k = inner.read(&mut head[n..]).map_err(|e| io_err(&name, e))?;
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
        rest.read_exact(&mut bom).map_err(|e| io_err(&name, e))?;
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
    pub(super) from: Option<SourceFormat>,
    sheet: Option<&'a str>,
    units: Option<Unit>,
    lang: Lang,
    jobs: usize,
}

impl<'a> Opts<'a> {
    /// The options `a` gives, validated.
    pub(super) fn of(
        a: &'a BatchArgs,
        sheet: Option<&'a str>,
        lang: Lang,
    ) -> Result<Opts<'a>, CliError> {
        Ok(Opts {
            from: a.from.as_deref().map(str::parse).transpose()?,
            sheet,
            units: a.units.as_deref().map(str::parse).transpose()?,
            lang,
            jobs: match &a.jobs {
                Some(j) => daxin::input::parse_whole(
                    "--jobs",
                    j,
                    1..=u64::from(u32::MAX),
                    daxin::why!(
                        "a whole number of threads, at least 1",
                        "线程数，至少为 1 的整数"
                    ),
                )?
                .min(256) as usize,
                None => std::thread::available_parallelism().map_or(1, |n| n.get()),
            },
        })
    }
}

/// Where a run's rows go: encoded onto a writer (on `jobs` threads), or
/// to a sink that keeps them (a page's table).
pub(super) enum Target<'a> {
    /// Encoded bytes.
    Encoded {
        /// The encoding.
        enc: Encoder,
        /// The writer.
        w: &'a mut dyn Write,
        /// Threads.
        jobs: usize,
        /// Whether a row has been written (JSON's commas).
        any: bool,
    },
    /// Rows kept.
    Rows(&'a mut dyn RowSink, Lang),
}

impl Target<'_> {
    /// Rows from here on come from `name` (told only when several files
    /// are read: then each row names its file).
    fn begin_file(&mut self, name: &str) {
        if let Target::Encoded { enc, .. } = self {
            *enc = enc.for_file(name);
        }
    }

    /// One row made outside the splitter (a record of a daxin file).
    fn row(&mut self, line: u64, source: SourceFormat, r: &import::RowOut) -> io::Result<()> {
        match self {
            Target::Encoded { enc, w, any, .. } => {
                let mut out = Vec::new();
                enc.row(&mut out, line, source, r);
                write_bytes(w, any, enc, &out)
            }
            Target::Rows(sink, _) => {
                sink.row(line, source, r);
                Ok(())
            }
        }
    }

    /// The records of a block.
    fn block(
        &mut self,
        layout: &Layout,
        delim: u8,
        block: &[u8],
        eof: bool,
        line: u64,
        tally: &mut Tally,
    ) -> io::Result<BlockEnd> {
        match self {
            Target::Encoded { enc, w, jobs, any } => {
                let p = engine::run_parallel(layout, delim, block, eof, line, *jobs, enc);
                for out in &p.outputs {
                    write_bytes(w, any, enc, out)?;
                }
                tally.add(&p.tally);
                Ok(p.end.unwrap_or(BlockEnd {
                    consumed: 0,
                    lines: 0,
                    need_more: true,
                }))
            }
            Target::Rows(sink, lang) => Ok(engine::run_block(
                &mut Rows::new(layout).in_lang(*lang),
                &mut Splitter::new(delim),
                block,
                eof,
                line,
                usize::MAX,
                *sink,
                tally,
            )),
        }
    }
}

/// Writes encoded rows; the first JSON row of the output drops its comma.
fn write_bytes(w: &mut dyn Write, any: &mut bool, enc: &Encoder, out: &[u8]) -> io::Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let bytes = if *any {
        out
    } else {
        engine::strip_first_comma(out)
    };
    *any = true;
    let _ = enc;
    w.write_all(bytes)
}

/// How many bytes a block of the table holds: enough for each thread to
/// have a few megabytes, little enough to keep memory flat.
const BLOCK: usize = 8 << 20;

pub(super) fn run_file(
    path: &Path,
    opts: &Opts<'_>,
    target: &mut Target<'_>,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let name = path.display().to_string();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        return run_records(path, &name, opts.lang, target, tally);
    }
    let (mut reader, size, delim) = open_source(path, opts.sheet)?;
    let read_err = |e: io::Error| io_err(&name, e);
    let werr = |e: io::Error| write_error(cannot_write_output(), e);
    let mut src = Window::new();
    let mut layout = read_header(&mut src, &mut reader, delim, opts.from, &name)?;
    // the rate columns' units, settled on the table's first rows
    src.fill_to(&mut reader, UNIT_SAMPLE).map_err(read_err)?;
    let evidence = match opts.units {
        Some(_) => UnitEvidence::default(),
        None => unit_evidence(&layout, src.bytes(), src.eof, delim),
    };
    let report = layout.settle_units_with(&evidence, opts.units);
    if let Some(line) = units_line(&name, &report, opts.lang) {
        eprintln!("{line}");
    }
    let progress = progress_bar(size);
    loop {
        src.fill_to(&mut reader, BLOCK).map_err(read_err)?;
        let end = target
            .block(&layout, delim, src.bytes(), src.eof, src.line, tally)
            .map_err(werr)?;
        src.take(end.consumed, end.lines);
        if let Some(pb) = &progress {
            pb.set_position(src.offset);
        }
        if src.eof && (src.bytes().is_empty() || end.need_more || end.consumed == 0) {
            break;
        }
        if end.need_more {
            // a record longer than the window: read more before going on
            src.fill(&mut reader).map_err(read_err)?;
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(())
}

/// daxin's own record files (TOML, JSON): small, read whole; each record
/// on its own, so that a bad one is its row's error.
fn run_records(
    path: &Path,
    name: &str,
    lang: Lang,
    target: &mut Target<'_>,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| io_err(name, e))?;
    let records = daxin::data::Dataset::records_from_file_text(&text, name)?;
    for rec in &records {
        let row = import::row_from_record(rec, lang);
        tally.count(&row);
        target
            .row(rec.line, SourceFormat::Daxin, &row)
            .map_err(|e| write_error(cannot_write_output(), e))?;
    }
    Ok(())
}

/// The table's layout, from its first line that is not blank or a comment.
fn read_header(
    src: &mut Window,
    reader: &mut dyn Read,
    delim: u8,
    from: Option<SourceFormat>,
    name: &str,
) -> Result<Layout, CliError> {
    let mut splitter = Splitter::new(delim);
    loop {
        match splitter.next(src.bytes(), src.eof) {
            Step::NeedMore => src.fill(reader).map_err(|e| io_err(name, e))?,
            Step::Skip { consumed, lines } => src.take(consumed, lines),
            Step::End => {
                let why = daxin::why!("empty file: no header row", "空文件：没有表头行");
                return Err(in_file(name, &why));
            }
            Step::Row {
                row,
                consumed,
                lines,
                error,
            } => {
                let first = row.fields().next().unwrap_or(&[]);
                if let Some(e) = error {
                    let head = daxin::why!("cannot read the header", "无法读取表头");
                    return Err(in_file(name, &Why::labelled(&head, &e)));
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
                let l = Layout::detect(&refs, from).map_err(|e| in_file(name, &Why::of(&e)))?;
                src.take(consumed, lines);
                return Ok(l);
            }
        }
    }
}

/// A progress bar on stderr for a large file when stderr is a terminal.
fn progress_bar(size: u64) -> Option<indicatif::ProgressBar> {
    (io::stderr().is_terminal() && size > (32 << 20)).then(|| {
        let pb = indicatif::ProgressBar::new(size);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bytes}/{total_bytes} {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    })
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
            buf: vec![0; BLOCK + 1],
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

/// Writes every file's rows to `w` in `fmt`.
fn write_rows(
    w: &mut dyn Write,
    a: &BatchArgs,
    fmt: Format,
    explain: bool,
    opts: &Opts<'_>,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let werr = |e: io::Error| write_error(cannot_write_output(), e);
    // like grep: each row names its file when there are several
    let with_file = a.files.len() > 1;
    let encoding = match fmt {
        Format::Csv => Encoding::Csv,
        Format::Json => Encoding::Json,
        Format::Md | Format::Table => Encoding::Md,
    };
    let enc = Encoder::new(encoding, explain, None).in_lang(opts.lang);
    let mut head = Vec::new();
    enc.header(&mut head, with_file);
    w.write_all(&head).map_err(werr)?;
    let jobs = opts.jobs;
    let mut target = Target::Encoded {
        enc: enc.clone(),
        w: &mut *w,
        jobs,
        any: false,
    };
    for f in &a.files {
        if with_file {
            target.begin_file(&f.display().to_string());
        }
        run_file(f, opts, &mut target, tally)?;
    }
    let any = matches!(target, Target::Encoded { any: true, .. });
    let mut foot = Vec::new();
    enc.footer(&mut foot, any);
    w.write_all(&foot).map_err(werr)?;
    w.flush().map_err(werr)
}

/// Runs `daxin batch`; returns the exit code (0 every row read — computed,
/// pending, ambiguous or without a price; 1 some rows had errors).
pub fn batch(
    a: &BatchArgs,
    sheet: Option<&str>,
    fmt: Format,
    explain: bool,
    lang: Lang,
) -> Result<u8, CliError> {
    let opts = Opts::of(a, sheet, lang)?;
    // every input can be read before a byte of output is written
    check_sources(&a.files, a.output.as_deref(), opts.from)?;
    let mut tally = Tally::default();
    match &a.output {
        Some(p) => {
            let mut f = AtomicFile::create("-o", p)?;
            write_rows(&mut f, a, fmt, explain, &opts, &mut tally)?;
            f.commit()?;
        }
        None => {
            let mut w = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
            match write_rows(&mut w, a, fmt, explain, &opts, &mut tally) {
                // `daxin batch … | head`: the reader left; nothing is wrong
                Err(e) if e.why().en().contains("Broken pipe") => return Ok(0),
                r => r?,
            }
        }
    }
    eprintln!("{}", summary(&tally, lang));
    Ok(u8::from(tally.errors > 0))
}

/// Refuses, before anything is written, an input that cannot be opened or
/// is a directory (stdin, `-`, is read as it comes).
pub(super) fn check_sources(
    files: &[std::path::PathBuf],
    output: Option<&Path>,
    from: Option<SourceFormat>,
) -> Result<(), CliError> {
    // `-o` onto one of the inputs would replace the table with its results
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if let Some(o) = output {
        if let Some(input) = files.iter().find(|f| same(f, o)) {
            let name = input.display().to_string();
            return Err(CliError::user(daxin::why!(
                "-o {name}: that is an input of this run; write the results to another file",
                "-o {name}：这是本次读取的输入文件；请把结果写到另一个文件"
            )));
        }
    }
    for path in files.iter().filter(|p| p.as_os_str() != "-") {
        let name = path.display().to_string();
        let f = File::open(path).map_err(|e| {
            CliError::io(&daxin::why!("{name}: cannot open", "{name}：无法打开"), &e)
        })?;
        match f.metadata() {
            Ok(m) if m.is_dir() => {
                return Err(in_file(
                    &name,
                    &daxin::why!(
                        "is a directory; give the table's file (CSV, TSV, .xlsx, .xls, .ods, TOML or JSON)",
                        "这是一个目录；请给出表格文件（CSV、TSV、.xlsx、.xls、.ods、TOML 或 JSON）"
                    ),
                ))
            }
            Ok(m) if m.is_file() && m.len() == 0 => {
                let why = daxin::why!("empty file: no header row", "空文件：没有表头行");
                return Err(in_file(&name, &why));
            }
            _ => {}
        }
        // a header of no known layout is refused before any output (a
        // spreadsheet and daxin's own files are read whole, later)
        let lower = name.to_ascii_lowercase();
        let whole = lower.ends_with(".toml")
            || lower.ends_with(".json")
            || import::sheet::is_spreadsheet(&name);
        if !whole {
            let (mut reader, _, delim) = open_source(path, None)?;
            read_header(&mut Window::new(), &mut reader, delim, from, &name)?;
        }
    }
    Ok(())
}

/// The run's summary line: how many rows, and of what status.
pub(super) fn summary(t: &Tally, lang: Lang) -> String {
    let computed = t.computed();
    if t.rows == 0 {
        return match lang {
            Lang::Zh => "daxin batch：表中没有数据行（只有表头，或文件在表头处被截断）".into(),
            Lang::En => "daxin batch: the table has no rows (a header alone, or a file cut off in its header)".into(),
        };
    }
    if t.errors + t.pending + t.ambiguous + t.no_price == 0 {
        return match lang {
            Lang::Zh => format!("daxin batch：共 {} 行，全部已计算", t.rows),
            Lang::En => format!("daxin batch: {} rows, all computed", t.rows),
        };
    }
    let head = match (lang, t.errors) {
        (Lang::Zh, 0) => format!("daxin batch：共 {} 行，无错误", t.rows),
        (Lang::Zh, e) => format!("daxin batch：{} 行中 {e} 行出错（见 error 列）", t.rows),
        (Lang::En, 0) => format!("daxin batch: {} rows, none with errors", t.rows),
        (Lang::En, e) => format!(
            "daxin batch: {e} of {} rows had errors (see the error column)",
            t.rows
        ),
    };
    match lang {
        Lang::Zh => format!(
            "{head}；{computed} 行已计算，{} 行待定（尚未定价或上市），{} 行有两种读法（见 check 列），{} 行无价格",
            t.pending, t.ambiguous, t.no_price
        ),
        Lang::En => format!(
            "{head}; {computed} computed, {} pending (not yet priced or listed), {} ambiguous (see the check column), {} without a price",
            t.pending, t.ambiguous, t.no_price
        ),
    }
}
