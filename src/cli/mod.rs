//! The CLI layer: turn flags into validated values (once, here), call the
//! library, and hand the results to `render`.

mod args;
mod audit;
mod batch;
mod chances;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use daxin::board::{self, Board};
use daxin::data::Dataset;
use daxin::input::{self, Price};
use daxin::ipo::{Basis, Quote};
use daxin::{Currency, Ipo, Lang};

use args::{Cli, Command, FeeArgs, LotArgs};
use daxin::config::Config;
use daxin::fees::{self, Schedule};
use daxin::margin::{self, Loan};
use daxin::net::NetOptions;

/// An error with the exit code it ends the program with: 2 for anything the
/// user gave (flags, files, names), 1 for failures of the machine.
pub struct CliError {
    msg: String,
    code: u8,
}

impl From<daxin::Error> for CliError {
    fn from(e: daxin::Error) -> Self {
        CliError {
            msg: e.to_string(),
            code: 2,
        }
    }
}

/// What a command prints: the result on stdout, remarks on stderr.
#[derive(Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    if let Command::Batch(a) = &cli.command {
        let fmt = cli.common.format.unwrap_or(args::Format::Csv);
        return match batch::batch(a, fmt, cli.common.explain) {
            Ok(code) => ExitCode::from(code),
            Err(e) => {
                eprintln!("daxin: {}", e.msg);
                ExitCode::from(e.code)
            }
        };
    }
    match run(&cli) {
        Ok(out) => {
            if !out.stderr.is_empty() {
                eprint!("{}", out.stderr);
            }
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.stdout.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // `daxin list | head`: the reader left; nothing is wrong.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("daxin: cannot write the output: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            eprintln!("daxin: {}", e.msg);
            ExitCode::from(e.code)
        }
    }
}

fn load_data(files: &[std::path::PathBuf]) -> Result<Dataset, CliError> {
    let mut data = Dataset::builtin()?;
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| CliError {
            msg: format!("--data {}: cannot read: {e}", f.display()),
            code: 2,
        })?;
        let user = Dataset::from_file_text(&text, &f.display().to_string())?;
        data.merge(user);
    }
    Ok(data)
}

/// Reads the broker terms: `--config`, else `$DAXIN_CONFIG`, else
/// `./daxin.toml`, else `$XDG_CONFIG_HOME/daxin/daxin.toml` (or
/// `~/.config/daxin/daxin.toml`); none found means the documented defaults.
fn load_config(flag: Option<&std::path::Path>) -> Result<Config, CliError> {
    let read = |p: &std::path::Path, why: &str| -> Result<Config, CliError> {
        let text = std::fs::read_to_string(p).map_err(|e| CliError {
            msg: format!("{why} {}: cannot read: {e}", p.display()),
            code: 2,
        })?;
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
            return read(&c, "config");
        }
    }
    Ok(Config::default())
}

fn opt_date(flag: &str, raw: &Option<String>) -> Result<Option<chrono::NaiveDate>, CliError> {
    Ok(raw
        .as_deref()
        .map(|d| input::parse_date(flag, d))
        .transpose()?)
}

/// Validates the fee and financing flags against the config's terms.
fn fee_setup(
    ipo: &Ipo,
    a: &FeeArgs,
    config: &Config,
) -> Result<(NetOptions, Option<render::MarginSpec>), CliError> {
    let terms = config.terms(ipo.currency);
    let mut broker = terms.broker;
    if let Some(c) = &a.commission {
        broker.commission_rate = fees::parse_rate("--commission", c)?;
    }
    if let Some(m) = &a.min_commission {
        broker.min_commission = input::parse_fee("--min-commission", m)?;
    }
    if let Some(h) = &a.handling_fee {
        broker.handling_fee = input::parse_fee("--handling-fee", h)?;
    }
    let pay = opt_date("--pay-date", &a.pay_date)?;
    let deadline = opt_date("--deadline", &a.deadline)?;
    let results = opt_date("--results-date", &a.results_date)?;
    let sale = opt_date("--sell-date", &a.sell_date)?;
    let opts = NetOptions {
        broker,
        application_date: deadline.or(pay),
        cash_out_date: pay.or(deadline),
        sale_date: sale,
    };
    let Some(lots_raw) = &a.margin_lots else {
        let stray = [&a.loan_pct, &a.leverage, &a.margin_rate, &a.margin_days]
            .iter()
            .any(|x| x.is_some())
            || results.is_some();
        if stray {
            return Err(daxin::Error::missing(
                "--margin-lots",
                "margin flags need the number of lots applied for",
            )
            .into());
        }
        return Ok((opts, None));
    };
    if ipo.currency != Currency::Hkd {
        return Err(daxin::Error::invalid(
            "--margin-lots",
            lots_raw,
            "margin applications are a Hong Kong practice; this IPO is not in HKD",
        )
        .into());
    }
    let lots = input::parse_shares("--margin-lots", lots_raw)?.get();
    let loan = match (&a.loan_pct, &a.leverage) {
        (Some(_), Some(_)) => {
            return Err(daxin::Error::invalid(
                "--leverage",
                a.leverage.as_deref().unwrap_or(""),
                "give --loan-pct or --leverage, not both",
            )
            .into())
        }
        (Some(p), None) => {
            let pct = input::parse_percent("--loan-pct", p)?;
            Loan::Share(pct / rust_decimal::Decimal::ONE_HUNDRED)
        }
        (None, Some(x)) => Loan::Leverage(input::parse_decimal("--leverage", x)?),
        (None, None) => {
            return Err(daxin::Error::missing("--loan-pct", "give --loan-pct or --leverage").into())
        }
    };
    let rate = match &a.margin_rate {
        Some(r) => fees::parse_rate("--margin-rate", r)?,
        None => terms.margin_rate.ok_or_else(|| {
            daxin::Error::missing(
                "--margin-rate",
                "give the annual rate, or margin_rate in daxin.toml",
            )
        })?,
    };
    let days = match (&a.margin_days, deadline, results) {
        (Some(n), _, _) => {
            let x = input::parse_decimal("--margin-days", n)?;
            i64::try_from(x)
                .ok()
                .filter(|d| (0..=366).contains(d) && x.fract().is_zero())
                .ok_or_else(|| {
                    daxin::Error::invalid("--margin-days", n, "a whole number of days, 0 to 366")
                })?
        }
        (None, Some(d), Some(r)) => margin::interest_days(d, r)?,
        _ => {
            return Err(daxin::Error::missing(
                "--margin-days",
                "give --margin-days, or --deadline and --results-date",
            )
            .into())
        }
    };
    let handling_fee = match (&a.handling_fee, terms.margin_handling_fee) {
        (Some(_), _) => broker.handling_fee,
        (None, Some(h)) => h,
        (None, None) => broker.handling_fee,
    };
    Ok((
        opts,
        Some(render::MarginSpec {
            lots,
            loan,
            annual_rate: rate,
            days,
            handling_fee,
        }),
    ))
}

fn report_for(
    ipo: &Ipo,
    a: &FeeArgs,
    common: &args::Common,
    warnings: Vec<String>,
    working: Vec<String>,
) -> Result<Output, CliError> {
    let lang: Lang = common.lang.parse()?;
    let config = load_config(common.config.as_deref())?;
    let schedule = Schedule::builtin()?;
    let (mut opts, margin) = fee_setup(ipo, a, &config)?;
    if margin.is_some() {
        // the margin handling fee replaces the cash one in the lot's net
        if let Some(m) = &margin {
            opts.broker.handling_fee = m.handling_fee;
        }
    }
    let wanted = a.fees || margin.is_some();
    let report = render::Report::new(ipo, warnings, working, &schedule, &opts, margin, wanted)?;
    if wanted {
        if let Some(e) = &report.net_error {
            return Err(CliError {
                msg: e.clone(),
                code: 2,
            });
        }
    }
    Ok(render::report(
        &report,
        common.format.unwrap_or(args::Format::Table),
        lang,
        common.explain,
    ))
}

fn run(cli: &Cli) -> Result<Output, CliError> {
    let lang: Lang = cli.common.lang.parse()?;
    let fmt = cli.common.format.unwrap_or(args::Format::Table);
    let explain = cli.common.explain;
    match &cli.command {
        Command::Show { ipo, fees } => {
            let data = load_data(&cli.common.data)?;
            let ipo = data.find(ipo)?;
            report_for(ipo, fees, &cli.common, Vec::new(), Vec::new())
        }
        Command::Lot(a) => {
            let (ipo, warnings, working) = build_lot(a)?;
            report_for(&ipo, &a.fees, &cli.common, warnings, working)
        }
        Command::Rules { board, date } => chances::rules_cmd(board, date, fmt, lang, explain),
        Command::Limits(a) => chances::limits_cmd(a, fmt, lang, explain),
        Command::Path(a) => chances::path_cmd(a, fmt, lang, explain),
        Command::Odds(a) => {
            let data = load_data(&cli.common.data)?;
            chances::odds_cmd(a, &data, fmt, lang, explain)
        }
        Command::Audit { file } => {
            let data = load_data(&cli.common.data)?;
            audit::audit_cmd(file.as_deref(), &data, fmt, lang, explain)
        }
        Command::Batch(_) => Err(CliError {
            msg: "batch is run by main".into(),
            code: 1,
        }),
        Command::Fees { board, date } => {
            let board: Board = board.parse()?;
            let day = match date {
                Some(d) => input::parse_date("--date", d)?,
                None => chrono::Local::now().date_naive(),
            };
            let config = load_config(cli.common.config.as_deref())?;
            let schedule = Schedule::builtin()?;
            Ok(render::fee_schedule(
                &schedule, board, day, &config, fmt, lang, explain,
            )?)
        }
        Command::Headline { ipo, basis } => {
            let data = load_data(&cli.common.data)?;
            let ipo = data.find(ipo)?;
            let basis: Option<Basis> = basis.as_deref().map(str::parse).transpose()?;
            let summary = daxin::returns::compute(ipo)?;
            if summary.figures.is_empty() {
                return Err(daxin::Error::missing(
                    "prices",
                    format!(
                        "{} has no traded prices in the data; nothing to headline",
                        ipo.name_zh
                    ),
                )
                .into());
            }
            let mut lines = daxin::headline::headlines(ipo, &summary, lang);
            if let Some(b) = basis {
                lines.retain(|h| h.basis == b);
                if lines.is_empty() {
                    return Err(daxin::Error::missing(
                        "--basis",
                        format!("{} has no {} price in the data", ipo.name_zh, b.id()),
                    )
                    .into());
                }
            }
            Ok(render::headlines(ipo, &lines, fmt, explain))
        }
        Command::List { board, year } => {
            let data = load_data(&cli.common.data)?;
            let board: Option<Board> = board.as_deref().map(str::parse).transpose()?;
            let year = year
                .as_deref()
                .map(|y| {
                    let n = input::parse_decimal("--year", y)?;
                    i32::try_from(n)
                        .ok()
                        .filter(|n| (1986..=2100).contains(n) && y.trim().len() == 4)
                        .ok_or_else(|| {
                            daxin::Error::invalid("--year", y, "expected a year such as 2025")
                        })
                })
                .transpose()?;
            use chrono::Datelike;
            let keep = |i: &Ipo| {
                board.is_none_or(|b| i.board == Some(b))
                    && year.is_none_or(|y| i.listing_date.is_some_and(|d| d.year() == y))
            };
            // csv and json export the records themselves, in daxin's formats
            match fmt {
                args::Format::Csv => {
                    return Ok(Output {
                        stdout: data.subset(keep).to_csv()?,
                        stderr: String::new(),
                    })
                }
                args::Format::Json => {
                    return Ok(Output {
                        stdout: format!("{}\n", data.subset(keep).to_json()?),
                        stderr: String::new(),
                    })
                }
                _ => {}
            }
            let ipos: Vec<&Ipo> = data.ipos().iter().filter(|i| keep(i)).collect();
            render::list(&ipos, fmt, lang, explain).map_err(Into::into)
        }
    }
}

/// Validates `daxin lot` flags into an IPO record, with the warnings and
/// the working (which rule gave the lot) to show.
fn build_lot(a: &LotArgs) -> Result<(Ipo, Vec<String>, Vec<String>), CliError> {
    let mut warnings = Vec::new();
    let mut working = Vec::new();
    let issue = input::parse_price("--issue-price", &a.issue_price)?;
    let board: Option<Board> = a.board.as_deref().map(str::parse).transpose()?;
    // The subscription day: --date, else the HK application deadline or the
    // payment day when those are given.
    let date = match (&a.date, &a.fees.deadline, &a.fees.pay_date) {
        (Some(d), _, _) => Some(input::parse_date("--date", d)?),
        (None, Some(d), _) => Some(input::parse_date("--deadline", d)?),
        (None, None, Some(d)) => Some(input::parse_date("--pay-date", d)?),
        (None, None, None) => None,
    };
    let given_lot = a
        .lot_size
        .as_deref()
        .map(|l| input::parse_shares("--lot-size", l))
        .transpose()?;

    let rule = match board {
        Some(b) => {
            let on = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            let r = board::lot_rule(b, on)?;
            warnings.extend(board::lot_rule_warnings(r, on));
            Some((b, on, r))
        }
        None => None,
    };
    let lot = match (given_lot, rule) {
        (Some(l), Some((b, _, r))) => {
            if let Some(unit) = r.shares {
                if unit != l.get() {
                    warnings.push(format!(
                        "--lot-size {} differs from the {} unit of {} shares in force then",
                        l.get(),
                        b.name_en(),
                        unit
                    ));
                }
            }
            working.push(format!("lot: {} shares (--lot-size)", l.get()));
            l
        }
        (Some(l), None) => {
            working.push(format!("lot: {} shares (--lot-size)", l.get()));
            l
        }
        (None, Some((b, on, r))) => {
            let n = r.shares.ok_or_else(|| {
                daxin::Error::missing(
                    "--lot-size",
                    format!(
                        "{} has no fixed lot; each IPO sets its board lot (每手股数)",
                        b.name_en()
                    ),
                )
            })?;
            let when = if date.is_some() {
                on.to_string()
            } else {
                format!("{on} (today; give --date for another day)")
            };
            working.push(format!(
                "lot: {n} shares — {} rule in force on {when}: {} [{}]",
                b.name_en(),
                r.note,
                r.source
            ));
            input::Shares::new("--lot-size", n)?
        }
        (None, None) => {
            return Err(daxin::Error::missing(
                "--lot-size",
                "give --lot-size, or --board (and --date) to use the board's unit",
            )
            .into())
        }
    };
    let currency: Currency = match (&a.currency, board) {
        (Some(c), _) => c.parse()?,
        (None, Some(b)) => b.currency(),
        (None, None) => Currency::Cny,
    };
    let mut ipo = Ipo::new("-", &a.name, board, currency, issue, lot);
    // Without --date, today's rules and fees apply; the working says so.
    let today = chrono::Local::now().date_naive();
    if date.is_none() {
        working.push(format!(
            "date: {today} (today) for the lot unit and fee schedules; give --date for the day of the subscription"
        ));
    }
    ipo.subscription_date = Some(date.unwrap_or(today));

    let exit_date = a
        .exit_date
        .as_deref()
        .map(|d| input::parse_date("--exit-date", d))
        .transpose()?;
    let mut push = |basis: Basis, flag: &str, raw: &Option<String>, label: Option<String>| {
        raw.as_deref()
            .map(|r| -> Result<(), CliError> {
                let price: Price = input::parse_price(flag, r)?;
                ipo.quotes.push(Quote::new(basis, price, exit_date, label));
                Ok(())
            })
            .transpose()
            .map(|_| ())
    };
    push(Basis::Open, "--open", &a.open, None)?;
    push(Basis::High, "--high", &a.high, None)?;
    push(Basis::Low, "--low", &a.low, None)?;
    push(Basis::Close, "--close", &a.close, None)?;
    push(Basis::Avg, "--avg", &a.avg, None)?;
    push(Basis::Exit, "--exit", &a.exit, None)?;
    push(Basis::Grey, "--grey", &a.grey, None)?;
    for (i, p) in a.price.iter().enumerate() {
        push(
            Basis::Price,
            "--price",
            &Some(p.clone()),
            Some(format!("price {}", i + 1)),
        )?;
    }
    if a.exit.is_none() && a.exit_date.is_some() {
        warnings.push("--exit-date given without --exit; ignored".into());
    }
    ipo.total_shares = a
        .shares
        .as_deref()
        .map(|s| input::parse_shares("--shares", s))
        .transpose()?;
    ipo.float_shares = a
        .float_shares
        .as_deref()
        .map(|s| input::parse_shares("--float-shares", s))
        .transpose()?;
    ipo.net_profit = a
        .net_profit
        .as_deref()
        .map(|s| input::parse_amount("--net-profit", s))
        .transpose()?;
    ipo.revenue = a
        .revenue
        .as_deref()
        .map(|s| input::parse_money("--revenue", s))
        .transpose()?;
    ipo.eps = a
        .eps
        .as_deref()
        .map(|s| input::parse_decimal("--eps", s))
        .transpose()?;
    ipo.revenue_per_share = a
        .revenue_per_share
        .as_deref()
        .map(|s| input::parse_money("--revenue-per-share", s))
        .transpose()?;
    if let (Some(t), Some(f)) = (ipo.total_shares, ipo.float_shares) {
        if f > t {
            return Err(daxin::Error::invalid(
                "--float-shares",
                &f.get().to_string(),
                format!("more than the total shares ({})", t.get()),
            )
            .into());
        }
    }
    if ipo
        .net_profit
        .or(ipo.eps)
        .is_some_and(|p| p <= rust_decimal::Decimal::ZERO)
    {
        warnings.push("earnings are not positive: no P/E is shown".into());
    }
    Ok((ipo, warnings, working))
}
