//! `daxin batch`: stream every row of the IPO tables investors already
//! have through the calculator. The reading and writing live here; the
//! row work is `daxin::import::process`.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use daxin::import::{self, Layout, RowOut, SourceFormat, OUT_HEADER};

use super::args::{BatchArgs, Format};
use super::CliError;

/// A file written to a temporary name beside its target and renamed over
/// it when complete, so that a reader never sees half a file.
struct AtomicFile {
    tmp: PathBuf,
    target: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    fn create(target: &Path) -> io::Result<AtomicFile> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let tmp = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&tmp)?;
        Ok(AtomicFile {
            tmp,
            target: target.to_path_buf(),
            file: Some(BufWriter::with_capacity(1 << 16, file)),
        })
    }

    fn commit(mut self) -> io::Result<()> {
        if let Some(w) = self.file.take() {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            std::fs::rename(&self.tmp, &self.target)?;
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// One output row, in whichever format.
trait Sink {
    fn row(&mut self, line: u64, fmt_id: &str, r: &RowOut) -> io::Result<()>;
    fn finish(&mut self) -> io::Result<()>;
}

/// CSV output written by hand: numbers never need quoting, and text
/// fields are quoted only when they hold a comma, quote or line break. The
/// hot path of `daxin batch`.
struct CsvSink<W: Write> {
    w: W,
    out: Vec<u8>,
    buf: String,
    explain: bool,
}

impl<W: Write> CsvSink<W> {
    fn new(w: W, explain: bool) -> io::Result<Self> {
        let mut s = CsvSink {
            w,
            out: Vec::with_capacity(1 << 17),
            buf: String::with_capacity(48),
            explain,
        };
        s.out.extend_from_slice(OUT_HEADER.join(",").as_bytes());
        if explain {
            s.out.extend_from_slice(b",working");
        }
        s.out.push(b'\n');
        Ok(s)
    }

    fn text(&mut self, s: &str) {
        let b = s.as_bytes();
        if b.iter().any(|c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
            self.out.push(b'"');
            for &c in b {
                if c == b'"' {
                    self.out.push(b'"');
                }
                self.out.push(c);
            }
            self.out.push(b'"');
        } else {
            self.out.extend_from_slice(b);
        }
        self.out.push(b',');
    }

    fn raw(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
        self.out.push(b',');
    }

    fn dec(&mut self, x: Option<rust_decimal::Decimal>, dp: Option<u32>) {
        if let Some(v) = x {
            match dp {
                Some(dp) => import::write_fixed(&mut self.buf, v, dp),
                None => import::write_plain(&mut self.buf, v),
            }
            self.out.extend_from_slice(self.buf.as_bytes());
        }
        self.out.push(b',');
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn row(&mut self, line: u64, fmt_id: &str, r: &RowOut) -> io::Result<()> {
        let mut itoa = [0u8; 20];
        self.raw(u64_bytes(line, &mut itoa));
        self.text(&r.code);
        self.text(&r.name);
        self.raw(r.board.map(|b| b.id()).unwrap_or("").as_bytes());
        match r.listing_date {
            Some(d) => {
                let mut b = [0u8; 10];
                self.raw(date_bytes(d, &mut b))
            }
            None => self.raw(b""),
        }
        self.dec(r.issue_price, Some(2));
        match r.lot_shares {
            Some(l) => self.raw(u64_bytes(l, &mut itoa)),
            None => self.raw(b""),
        }
        self.raw(r.basis.as_bytes());
        self.dec(r.price, Some(2));
        self.dec(r.profit_per_lot, Some(2));
        self.dec(r.gain_pct, Some(2));
        self.dec(r.published_profit, None);
        self.dec(r.published_gain, None);
        self.text(&r.check);
        self.text(r.error.as_deref().unwrap_or(""));
        self.out.extend_from_slice(fmt_id.as_bytes());
        if self.explain {
            self.out.push(b',');
            let w = import::working(r);
            self.text(&w);
            self.out.pop(); // text() ends with a separator
        }
        self.out.push(b'\n');
        if self.out.len() >= 1 << 16 {
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

fn u64_bytes(mut n: u64, b: &mut [u8; 20]) -> &[u8] {
    let mut i = b.len();
    loop {
        i -= 1;
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &b[i..]
}

fn date_bytes(d: chrono::NaiveDate, b: &mut [u8; 10]) -> &[u8] {
    use chrono::Datelike;
    let (y, m, day) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        m / 10,
        m % 10,
        10,
        day / 10,
        day % 10,
    ];
    for (slot, v) in b.iter_mut().zip(digits) {
        *slot = if v == 10 { b'-' } else { b'0' + v as u8 };
    }
    &b[..]
}

struct JsonSink<W: Write> {
    w: W,
    first: bool,
    explain: bool,
}

impl<W: Write> Sink for JsonSink<W> {
    fn row(&mut self, line: u64, fmt_id: &str, r: &RowOut) -> io::Result<()> {
        let s = |x: Option<rust_decimal::Decimal>, dp| x.map(|v| daxin::num::fixed(v, dp));
        let mut v = serde_json::json!({
            "line": line, "code": r.code, "name": r.name, "board": r.board.map(|b| b.id()),
            "listing_date": r.listing_date.map(|d| d.to_string()),
            "issue_price": s(r.issue_price, 2), "lot_shares": r.lot_shares, "basis": r.basis,
            "price": s(r.price, 2), "profit_per_lot": s(r.profit_per_lot, 2), "gain_pct": s(r.gain_pct, 2),
            "published_profit": r.published_profit.map(|p| p.normalize().to_string()),
            "published_gain": r.published_gain.map(|p| p.normalize().to_string()),
            "check": r.check, "error": r.error, "source_format": fmt_id,
        });
        if self.explain {
            v["working"] = serde_json::Value::String(import::working(r));
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
}

impl<W: Write> MdSink<W> {
    fn new(mut w: W, explain: bool) -> io::Result<Self> {
        let extra = if explain { " | working" } else { "" };
        writeln!(w, "| {}{extra} |", OUT_HEADER.join(" | "))?;
        writeln!(
            w,
            "|{}",
            "---|".repeat(OUT_HEADER.len() + usize::from(explain))
        )?;
        Ok(MdSink { w, explain })
    }
}

impl<W: Write> Sink for MdSink<W> {
    fn row(&mut self, line: u64, fmt_id: &str, r: &RowOut) -> io::Result<()> {
        let s = |x: Option<rust_decimal::Decimal>, dp| {
            x.map(|v| daxin::num::fixed(v, dp)).unwrap_or_default()
        };
        let mut cells = vec![
            line.to_string(),
            r.code.clone(),
            r.name.clone(),
            r.board.map(|b| b.id().to_string()).unwrap_or_default(),
            r.listing_date.map(|d| d.to_string()).unwrap_or_default(),
            s(r.issue_price, 2),
            r.lot_shares.map(|l| l.to_string()).unwrap_or_default(),
            r.basis.to_string(),
            s(r.price, 2),
            s(r.profit_per_lot, 2),
            s(r.gain_pct, 2),
            r.published_profit
                .map(|p| p.normalize().to_string())
                .unwrap_or_default(),
            r.published_gain
                .map(|p| p.normalize().to_string())
                .unwrap_or_default(),
            r.check.clone(),
            r.error.clone().unwrap_or_default(),
            fmt_id.to_string(),
        ];
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

/// Opens a source: sniffs the encoding from its first 64 KiB, strips a BOM,
/// and decodes GB18030 to UTF-8 on the fly.
fn open_source(path: &Path) -> Result<(Box<dyn Read>, u64, u8), CliError> {
    let name = path.display().to_string();
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

/// A csv record seen as `daxin::import::Record`.
struct Rec<'a>(&'a csv::ByteRecord);

impl import::Record for Rec<'_> {
    fn field(&self, i: usize) -> Option<&[u8]> {
        self.0.get(i)
    }
    fn count(&self) -> usize {
        self.0.len()
    }
}

/// Counts of one run.
#[derive(Default)]
struct Tally {
    rows: u64,
    errors: u64,
}

fn run_file(
    path: &Path,
    from: Option<SourceFormat>,
    sink: &mut dyn Sink,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let name = path.display().to_string();
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        // daxin's own record files: small, read whole
        let text = std::fs::read_to_string(path)
            .map_err(|e| io_err(&format!("{name}: cannot read"), e))?;
        let data = daxin::data::Dataset::from_file_text(&text, &name)?;
        for (i, ipo) in data.ipos().iter().enumerate() {
            let row = import::row_from_ipo(ipo);
            tally.rows += 1;
            if row.error.is_some() {
                tally.errors += 1;
            }
            sink.row(i as u64 + 1, "daxin", &row)
                .map_err(|e| io_err("cannot write the output", e))?;
        }
        return Ok(());
    }
    let (reader, size, delim) = open_source(path)?;
    // Records end at '\n' (a '\r' before it is trimmed with the field's
    // white space): csv's CRLF handling miscounts line numbers, and every
    // row's line number is reported.
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .delimiter(delim)
        .buffer_capacity(1 << 16)
        .from_reader(reader);
    let mut rec = csv::ByteRecord::new();
    // header: the first non-comment, non-empty record
    let layout = loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => return Err(io_err(&name, "empty file: no header row")),
            Ok(true) => {
                let first = rec.get(0).unwrap_or(&[]);
                if rec.len() <= 1 && first.is_empty() || first.starts_with(b"#") {
                    continue;
                }
                let cells: Vec<String> = rec
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect();
                let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
                break Layout::detect(&refs, from).map_err(|e| io_err(&name, e))?;
            }
            Err(e) => return Err(io_err(&format!("{name}: cannot read the header"), e)),
        }
    };
    let fmt_id = layout.format.id();
    let progress = (io::stderr().is_terminal() && size > (32 << 20)).then(|| {
        let pb = indicatif::ProgressBar::new(size);
        pb.set_style(
            indicatif::ProgressStyle::with_template("{bytes}/{total_bytes} {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    });
    let mut row = RowOut::default();
    loop {
        let line = rdr.position().line();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {
                let line = rec.position().map(|p| p.line()).unwrap_or(line);
                if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
                    continue; // blank line
                }
                import::process_into(&layout, &Rec(&rec), &mut row);
                if row.error.is_some() {
                    tally.errors += 1;
                }
                tally.rows += 1;
                sink.row(line, fmt_id, &row)
                    .map_err(|e| io_err("cannot write the output", e))?;
            }
            Err(e) => {
                // a malformed row (bad quoting) keeps its place in the output
                tally.rows += 1;
                tally.errors += 1;
                let out = RowOut {
                    check: "error".to_string(),
                    error: Some(format!("malformed CSV: {e}")),
                    ..RowOut::default()
                };
                sink.row(line, fmt_id, &out)
                    .map_err(|e| io_err("cannot write the output", e))?;
            }
        }
        if let Some(pb) = &progress {
            if tally.rows % 65_536 == 0 {
                pb.set_position(rdr.position().byte());
            }
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(())
}

fn write_rows(
    w: &mut dyn Write,
    a: &BatchArgs,
    fmt: Format,
    explain: bool,
    from: Option<SourceFormat>,
    tally: &mut Tally,
) -> Result<(), CliError> {
    let werr = |e: io::Error| io_err("cannot write the output", e);
    let mut sink: Box<dyn Sink + '_> = match fmt {
        Format::Csv => Box::new(CsvSink::new(w, explain).map_err(werr)?),
        Format::Json => Box::new(JsonSink {
            w,
            first: true,
            explain,
        }),
        Format::Md | Format::Table => Box::new(MdSink::new(w, explain).map_err(werr)?),
    };
    for f in &a.files {
        run_file(f, from, sink.as_mut(), tally)?;
    }
    sink.finish().map_err(werr)
}

/// Runs `daxin batch`; returns the exit code (0 all rows computed, 1 some
/// rows had errors).
pub fn batch(a: &BatchArgs, fmt: Format, explain: bool) -> Result<u8, CliError> {
    let from: Option<SourceFormat> = a.from.as_deref().map(str::parse).transpose()?;
    let mut tally = Tally::default();
    match &a.output {
        Some(p) => {
            let mut f =
                AtomicFile::create(p).map_err(|e| io_err(&format!("-o {}", p.display()), e))?;
            write_rows(&mut f, a, fmt, explain, from, &mut tally)?;
            f.commit()
                .map_err(|e| io_err(&format!("-o {}", p.display()), e))?;
        }
        None => {
            let mut w = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            match write_rows(&mut w, a, fmt, explain, from, &mut tally) {
                // `daxin batch … | head`: the reader left; nothing is wrong
                Err(e) if e.msg.contains("Broken pipe") => return Ok(0),
                r => r?,
            }
        }
    }
    if tally.errors > 0 {
        eprintln!(
            "daxin batch: {} of {} rows had errors (see the error column)",
            tally.errors, tally.rows
        );
        return Ok(1);
    }
    Ok(0)
}
