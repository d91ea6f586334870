//! `--format html`: `show`, `lot`, `batch` and `audit` write one
//! self-contained HTML file (inline CSS and SVG, no external assets) drawn
//! by `daxin::web` from the same report the other formats draw.

use std::io::Write;
use std::process::ExitCode;

use daxin::import::{RowOut, SourceFormat};
use daxin::report::headlines::HeadlineReport;
use daxin::report::ipo::Request;
use daxin::web::{self, BatchTable};
use daxin::Lang;

use super::args::{BatchArgs, Cli, Command};
use super::batch::{self, run_file, Opts, Target};
use super::output::{self, write_error, AtomicFile};
use super::{load_config, load_data, read_article, show, today, CliError};
use daxin::import::batch::{RowSink, Tally};

/// Runs a command whose `--format` is html.
pub fn main(cli: &Cli) -> ExitCode {
    let done = run(cli).and_then(|(page, code)| match page {
        Some(p) => output::to_stdout(&p).map(|()| code),
        None => Ok(code),
    });
    match done {
        Ok(code) => ExitCode::from(code),
        Err(e) => e.report(super::run_lang(cli)),
    }
}

/// The page to print (none when written to `-o`) and the exit code.
fn run(cli: &Cli) -> Result<(Option<String>, u8), CliError> {
    let lang: Lang = cli.common.lang.parse()?;
    let explain = cli.common.explain;
    match &cli.command {
        Command::Show { ipo, fees } => {
            let data = load_data(&cli.common)?;
            let ipo = data.find(ipo)?;
            let config = load_config(cli.common.config.as_deref())?;
            let mut req = Request::new(lang);
            // the working goes in a collapsed section of the page
            req.explain = true;
            let r = show::build(ipo, fees, &config, req)?;
            let heads = HeadlineReport::build(ipo, None, lang, false).ok();
            Ok((Some(web::ipo_document(&r, heads.as_ref(), lang)), 0))
        }
        Command::Lot(a) => {
            let built = show::lot_terms(a)?.build(today())?;
            let config = load_config(cli.common.config.as_deref())?;
            let mut req = Request::new(lang);
            req.explain = true;
            req.warnings = built.warnings;
            req.working = built.working;
            let r = show::build(&built.ipo, &a.fees, &config, req)?;
            Ok((Some(web::ipo_document(&r, None, lang)), 0))
        }
        Command::Audit { file } => {
            let data = load_data(&cli.common)?;
            let text = read_article(file.as_deref())?;
            let a = daxin::audit::audit(&text, &data);
            Ok((Some(web::audit_document(&text, &a, lang)), 0))
        }
        Command::Batch(a) => batch(a, cli.common.sheet.as_deref(), lang, explain),
        _ => Err(CliError::user(daxin::why!(
            "--format html is for show, lot, batch and audit (daxin serve shows the rest)",
            "--format html 只用于 show、lot、batch 与 audit（其余请用 daxin serve 查看）"
        ))),
    }
}

/// Collects the rows for the page.
struct HtmlSink {
    table: BatchTable,
}

impl RowSink for HtmlSink {
    fn row(&mut self, line: u64, source: SourceFormat, r: &RowOut) {
        self.table.push(line, source, r.clone());
    }
}

fn batch(
    a: &BatchArgs,
    sheet: Option<&str>,
    lang: Lang,
    explain: bool,
) -> Result<(Option<String>, u8), CliError> {
    let opts = Opts::of(a, sheet, lang)?;
    batch::check_sources(&a.files, a.output.as_deref(), opts.from)?;
    let mut sink = HtmlSink {
        table: BatchTable::new(),
    };
    let mut tally = Tally::default();
    for f in &a.files {
        run_file(f, &opts, &mut Target::Rows(&mut sink, lang), &mut tally)?;
    }
    let page = web::batch_document(&sink.table, lang, explain);
    eprintln!("{}", batch::summary(&tally, lang));
    let code = u8::from(tally.errors > 0);
    match &a.output {
        Some(p) => {
            let mut f = AtomicFile::create("-o", p)?;
            f.write_all(page.as_bytes())
                .map_err(|e| write_error(output::cannot_write_output(), e))?;
            f.commit()?;
            Ok((None, code))
        }
        None => Ok((Some(page), code)),
    }
}
