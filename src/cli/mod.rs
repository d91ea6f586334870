//! The CLI layer: turn flags into validated values (once, here), call the
//! library, and hand the results to `render`.

mod allotment;
mod args;
mod audit;
mod batch;
mod chances;
mod clap_zh;
mod draw;
mod html;
mod numbers;
mod output;
mod render;
mod serve;
mod show;
mod store;
mod strategy;
mod wins;

use std::process::ExitCode;

use clap::Parser;
use daxin::config::Config;
use daxin::data::Dataset;
use daxin::report::ipo::Request;
use daxin::{Lang, Why};

use args::{Cli, Command, Common};

/// Today, for the commands whose rules default to the day they run.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// An error with the exit code it ends the program with: 2 for anything the
/// user gave (flags, files, names), 1 for failures of the machine. The
/// message is kept in both languages and printed once, by `main`, in the
/// run's language.
pub struct CliError {
    msg: Why,
    code: u8,
}

impl From<daxin::Error> for CliError {
    fn from(e: daxin::Error) -> Self {
        CliError {
            msg: Why::of(&e),
            code: 2,
        }
    }
}

impl CliError {
    /// An error of what the user gave (exit 2).
    pub fn user(msg: Why) -> CliError {
        CliError { msg, code: 2 }
    }

    /// `what: the system's error` (exit 2), e.g. a file that cannot be read.
    pub fn io(what: &Why, e: &std::io::Error) -> CliError {
        CliError::user(Why::labelled(what, &Why::io(e)))
    }

    /// `NAME: cannot read: the system's error` (exit 2).
    pub fn cannot_read(name: &str, e: &std::io::Error) -> CliError {
        CliError::io(&cannot_read_why(name), e)
    }

    /// The message in both languages.
    pub fn why(&self) -> &Why {
        &self.msg
    }

    /// Prints the message on stderr in `lang`; the exit code.
    fn report(&self, lang: Lang) -> ExitCode {
        eprintln!("daxin: {}", self.msg.text(lang));
        ExitCode::from(self.code)
    }
}

/// `NAME: cannot read` / `NAME：无法读取`.
pub fn cannot_read_why(name: &str) -> Why {
    daxin::why!("{name}: cannot read", "{name}：无法读取")
}

/// The language of the run: `--lang`, else Chinese (an unknown `--lang` is
/// reported in Chinese, the default).
fn run_lang(cli: &Cli) -> Lang {
    cli.common.lang.parse().unwrap_or_default()
}

/// What a command prints: the result on stdout, remarks on stderr.
#[derive(Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The exit code when the output is written (0, or 1 when a check the
    /// user asked for failed).
    pub code: u8,
}

pub fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&argv) {
        Ok(c) => c,
        Err(e) => {
            // a Chinese run reads clap's own errors in Chinese too
            match (clap_zh::prescan(&argv), clap_zh::message(&e)) {
                (Lang::Zh, Some(m)) if e.use_stderr() => eprintln!("{m}"),
                _ => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = run_lang(&cli);
    if let Command::Serve(a) = &cli.command {
        return match serve::serve(a, &cli.common) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => e.report(lang),
        };
    }
    if cli.common.format == Some(args::FormatArg::Html) {
        return html::main(&cli);
    }
    if let Command::Batch(a) = &cli.command {
        let fmt = cli
            .common
            .format
            .and_then(|f| f.drawn())
            .unwrap_or(args::Format::Csv);
        if let Err(e) = cli.common.lang.parse::<Lang>() {
            return CliError::from(e).report(lang);
        }
        return match batch::batch(
            a,
            cli.common.sheet.as_deref(),
            fmt,
            cli.common.explain,
            lang,
        ) {
            Ok(code) => ExitCode::from(code),
            Err(e) => e.report(lang),
        };
    }
    match run(&cli) {
        Ok(out) => {
            if !out.stderr.is_empty() {
                eprint!("{}", out.stderr);
            }
            match output::to_stdout(&out.stdout) {
                Ok(()) => ExitCode::from(out.code),
                Err(e) => e.report(lang),
            }
        }
        Err(e) => e.report(lang),
    }
}

pub(crate) fn load_data(common: &Common) -> Result<Dataset, CliError> {
    let mut data = Dataset::builtin()?;
    for f in &common.data {
        let origin = f.display().to_string();
        let shown = format!("--data {origin}");
        let user = if daxin::import::sheet::is_spreadsheet(&origin) {
            // a sheet reads as the CSV of the same sheet
            let csv = read_table(f, &shown, common.sheet.as_deref())?;
            let text = String::from_utf8(csv).map_err(|e| {
                let e = std::io::Error::new(std::io::ErrorKind::InvalidData, e);
                CliError::cannot_read(&shown, &e)
            })?;
            Dataset::from_csv(&text, &origin)?
        } else {
            let text = std::fs::read_to_string(f).map_err(|e| CliError::cannot_read(&shown, &e))?;
            Dataset::from_file_text(&text, &origin)?
        };
        data.merge(user);
    }
    Ok(data)
}

/// The bytes of a table file; a spreadsheet (.xlsx, .xls, .ods) as the CSV
/// of its sheet `sheet` (`--sheet`, default the first). `shown` names the
/// file in messages (with its flag, where it came from one).
pub(crate) fn read_table(
    path: &std::path::Path,
    shown: &str,
    sheet: Option<&str>,
) -> Result<Vec<u8>, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError::cannot_read(shown, &e))?;
    match daxin::import::sheet::is_spreadsheet(&path.display().to_string()) {
        true => Ok(daxin::import::sheet::sheet_csv(&bytes, sheet, shown)?),
        false => Ok(bytes),
    }
}

/// Reads the broker terms: `--config`, else `$DAXIN_CONFIG`, else
/// `./daxin.toml`, else `$XDG_CONFIG_HOME/daxin/daxin.toml` (or
/// `~/.config/daxin/daxin.toml`); none found means the documented defaults.
pub(crate) fn load_config(flag: Option<&std::path::Path>) -> Result<Config, CliError> {
    let read = |p: &std::path::Path, why: &str| -> Result<Config, CliError> {
        let text = std::fs::read_to_string(p)
            .map_err(|e| CliError::cannot_read(format!("{why} {}", p.display()).trim(), &e))?;
        Ok(Config::from_toml(&text, &p.display().to_string())?)
    };
    if let Some(p) = flag {
        return read(p, "--config");
    }
    if let Some(p) = std::env::var_os("DAXIN_CONFIG").filter(|v| !v.is_empty()) {
        return read(std::path::Path::new(&p), "$DAXIN_CONFIG");
    }
    let mut candidates = vec![std::path::PathBuf::from("daxin.toml")];
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        candidates.push(std::path::Path::new(&x).join("daxin").join("daxin.toml"));
    } else if let Some(h) = std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        candidates.push(std::path::Path::new(&h).join(".config/daxin/daxin.toml"));
    }
    for c in candidates {
        if c.is_file() {
            // a file found, not named: the path alone names it
            return read(&c, "");
        }
    }
    Ok(Config::default())
}

/// The article `audit` reads: a file, or standard input for none or `-`.
pub(crate) fn read_article(file: Option<&std::path::Path>) -> Result<String, CliError> {
    // the encodings `daxin audit` reads: UTF-8, GBK/GB18030, UTF-16 with a BOM
    let bytes = match file.filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            std::fs::read(p).map_err(|e| CliError::cannot_read(&p.display().to_string(), &e))?
        }
        None => {
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).map_err(|e| {
                CliError::io(
                    &daxin::why!("standard input: cannot read", "标准输入：无法读取"),
                    &e,
                )
            })?;
            b
        }
    };
    Ok(daxin::audit::decode(&bytes).text)
}

fn run(cli: &Cli) -> Result<Output, CliError> {
    let lang: Lang = cli.common.lang.parse()?;
    let fmt = cli
        .common
        .format
        .and_then(|f| f.drawn())
        .unwrap_or(args::Format::Table);
    let explain = cli.common.explain;
    match &cli.command {
        Command::Show { ipo, fees } => {
            let data = load_data(&cli.common)?;
            let ipo = data.find(ipo)?;
            let config = load_config(cli.common.config.as_deref())?;
            let mut req = Request::new(lang);
            req.explain = explain;
            show::report(ipo, fees, &config, req, fmt)
        }
        Command::Lot(a) => {
            let built = show::lot_terms(a)?.build(today())?;
            let config = load_config(cli.common.config.as_deref())?;
            let mut req = Request::new(lang);
            req.explain = explain;
            req.warnings = built.warnings;
            req.working = built.working;
            show::report(&built.ipo, &a.fees, &config, req, fmt)
        }
        Command::Rules { board, date } => chances::rules_cmd(board, date, fmt, lang, explain),
        Command::Limits(a) => chances::limits_cmd(a, fmt, lang, explain),
        Command::Path(a) => chances::path_cmd(a, fmt, lang, explain),
        Command::Odds(a) => {
            let data = load_data(&cli.common)?;
            chances::odds_cmd(a, &data, cli.common.sheet.as_deref(), fmt, lang, explain)
        }
        Command::Audit { file } => {
            let data = load_data(&cli.common)?;
            audit::audit_cmd(file.as_deref(), &data, fmt, lang, explain)
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            use clap_complete::Shell as S;
            let sh = match shell {
                args::Shell::Bash => S::Bash,
                args::Shell::Zsh => S::Zsh,
                args::Shell::Fish => S::Fish,
                args::Shell::Powershell => S::PowerShell,
            };
            let mut buf = Vec::new();
            clap_complete::generate(sh, &mut Cli::command(), "daxin", &mut buf);
            Ok(Output {
                stdout: String::from_utf8_lossy(&buf).into_owned(),
                ..Output::default()
            })
        }
        Command::Numbers(a) => numbers::numbers_cmd(a, fmt, lang, explain),
        Command::Wins(w) => {
            let data = load_data(&cli.common)?;
            wins::wins_cmd(w, &data, cli.common.config.as_deref(), fmt, lang, explain)
        }
        Command::Strategy(a) => strategy::strategy_cmd(a, &cli.common, fmt, lang, explain),
        Command::Batch(_) | Command::Serve(_) => Err(CliError {
            msg: daxin::why!(
                "batch and serve are run by main",
                "batch 与 serve 由 main 运行"
            ),
            code: 1,
        }),
        Command::Fees { board, date } => {
            render::fees_cmd(&cli.common, board, date, fmt, lang, explain)
        }
        Command::Headline { ipo, basis } => {
            render::headline_cmd(&cli.common, ipo, basis, fmt, lang, explain)
        }
        Command::List { board, year } => {
            render::list_cmd(&cli.common, board, year, fmt, lang, explain)
        }
    }
}
