//! Command-line flags, as raw text: validation into domain values happens
//! in one place (`cli::build`), through `daxin::input`, so that every error
//! names the flag and the value as typed.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// What an IPO subscription (打新) really earned, exact to the fen.
#[derive(Debug, Parser)]
#[command(name = "daxin", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub common: Common,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Output format (default: table; csv for `batch`). html: one
    /// self-contained page (show, lot, batch, audit).
    #[arg(long, global = true, value_enum)]
    pub format: Option<FormatArg>,

    /// Language of labels and sentences: zh or en.
    #[arg(long, global = true, default_value = "zh")]
    pub lang: String,

    /// Show each formula with its numbers put in.
    #[arg(long, global = true)]
    pub explain: bool,

    /// Broker terms (commission, handling fees, margin rate). Default: the
    /// file named by $DAXIN_CONFIG, else ./daxin.toml, else
    /// $XDG_CONFIG_HOME/daxin/daxin.toml (~/.config/daxin/daxin.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,

    /// Extra IPO records (TOML, the format of fixtures/ipos.toml); they
    /// replace built-in records with the same code. Repeatable.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Vec<std::path::PathBuf>,

    /// The sheet to read of every spreadsheet (.xlsx, .xls, .ods) given as
    /// a table (`batch`, `strategy`, `--data`, `--allotment`); default: the first.
    #[arg(long, global = true, value_name = "NAME")]
    pub sheet: Option<String>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// One JSON object; decimals are strings.
    Json,
    /// CSV with a header row.
    Csv,
    /// Markdown.
    Md,
}

/// `--format` as typed: the formats every command draws, and HTML, which
/// `show`, `lot`, `batch` and `audit` write (`cli::html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A table for the terminal.
    Table,
    /// One JSON object; decimals are strings.
    Json,
    /// CSV with a header row.
    Csv,
    /// Markdown.
    Md,
    /// One self-contained HTML file: inline CSS and SVG charts.
    Html,
}

impl FormatArg {
    /// The format drawn by the commands' renderers (`None` for HTML).
    pub fn drawn(self) -> Option<Format> {
        match self {
            FormatArg::Table => Some(Format::Table),
            FormatArg::Json => Some(Format::Json),
            FormatArg::Csv => Some(Format::Csv),
            FormatArg::Md => Some(Format::Md),
            FormatArg::Html => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every figure of one IPO in the data, at every price the data has.
    #[command(
        after_help = "Examples:\n  daxin show 沐曦股份\n  daxin show MetaX --lang en --explain\n  daxin show 688802 --fees --pay-date 2025-12-10 --commission 万2.5"
    )]
    Show {
        /// Code or name: 688802, 沐曦, MetaX, 6082.HK.
        ipo: String,
        #[command(flatten)]
        fees: Box<FeeArgs>,
    },
    /// The same figures for an IPO given by its numbers.
    #[command(
        after_help = "Examples:\n  daxin lot --issue-price 104.66 --board star --date 2025-12-08 --open 700 --close 829.90\n  daxin lot --issue-price 19.60 --board hkex --lot-size 200 --open 35.70 --lang en\n  daxin lot --issue-price 13.77 --board sse-main --date 2018-05-28 --close 19.83 --fees --pay-date 2018-05-30 --sell-date 2018-06-08"
    )]
    Lot(Box<LotArgs>),
    /// The figures in the words of the financial press.
    #[command(
        after_help = "Examples:\n  daxin headline 沐曦\n  daxin headline MetaX --lang en --basis open\n  daxin headline 摩尔线程 --explain"
    )]
    Headline {
        /// Code or name.
        ipo: String,
        /// Only this price basis (open, high, low, close, avg, exit, grey).
        #[arg(long)]
        basis: Option<String>,
    },
    /// The fee schedule in force on a day, item by item, with sources.
    #[command(
        after_help = "Examples:\n  daxin fees --board star --date 2025-12-17\n  daxin fees --board hkex --date 2025-12-29 --lang en\n  daxin fees --board sse-main --date 2023-08-27 --explain"
    )]
    Fees {
        /// Board: sse-main, star, szse-main, chinext, bse, hkex.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// The rules of a board on a day: lot, quota, cap, price limits, halts.
    #[command(
        after_help = "Examples:\n  daxin rules --board star --date 2025-12-05\n  daxin rules --board sse-main --date 2022-06-01 --lang en\n  daxin rules --board bse --explain"
    )]
    Rules {
        /// Board: sse-main, star, szse-main, chinext, bse, hkex.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// A day's up and down limit prices.
    #[command(
        after_help = "Examples:\n  daxin limits --board sse-main --date 2018-06-08 --issue-price 13.77\n  daxin limits --board star --date 2025-12-17 --day 6 --prev-close 829.90 --explain"
    )]
    Limits(LimitsArgs),
    /// The closes of a run of limit-up days (一字板) from the listing day.
    #[command(
        after_help = "Examples:\n  daxin path --issue-price 13.77 --board sse-main --date 2018-06-08 --days 3\n  daxin path --issue-price 10 --board chinext --date 2019-06-03 --days 5 --explain --lang en"
    )]
    Path(PathArgs),
    /// The odds of winning: A-share quota and numbers, BSE allotment, HK tiers.
    #[command(
        after_help = "Examples:\n  daxin odds 沐曦 --sh 500000\n  daxin odds --board star --sh 500000 --cap 4500 --win-rate 0.0335% --date 2025-12-05 --explain\n  daxin odds --allotment fixtures/hk/jd-2020-allotment.csv --lot-size 50 --issue-price 226"
    )]
    Odds(Box<OddsArgs>),
    /// Check the IPO figures an article states (text or Markdown; - for stdin).
    #[command(
        after_help = "Examples:\n  daxin audit article.md\n  pbpaste | daxin audit --lang en\n  daxin audit article.txt --format json --explain"
    )]
    Audit {
        /// The article; standard input when absent or -.
        file: Option<std::path::PathBuf>,
    },
    /// Recompute every row of IPO tables (AKShare/Eastmoney, 同花顺, daxin CSV).
    #[command(
        after_help = "Examples:\n  daxin batch stock_xgsglb_em.csv -o checked.csv\n  daxin batch dxsyl.csv --format md\n  daxin batch a.csv b.csv --format json --explain"
    )]
    Batch(BatchArgs),
    /// A completion script for a shell, on standard output.
    #[command(
        after_help = "Examples:\n  daxin completions bash > ~/.local/share/bash-completion/completions/daxin\n  daxin completions zsh > ~/.zfunc/_daxin\n  daxin completions fish > ~/.config/fish/completions/daxin.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Which of your subscription numbers (配号) won, from the published tail lists.
    #[command(
        after_help = "Examples:\n  daxin numbers --start 100000 --count 12 --tails '末\"三\"位数：479'\n  daxin numbers --start 1 --count 1000000 --tails fixtures/wins/numbers/301269-huadajiutian-2022.txt --rate 0.028765293%\n  daxin numbers --start 1 --count 10 --tails - < result.txt"
    )]
    Numbers(NumbersArgs),
    /// Your own wins: a ledger of 中签 and their sales, what each really earned.
    #[command(
        after_help = "Examples:\n  daxin wins add 688802 --account 华泰 --date 2025-12-05 --paid 2025-12-09 --lots 1\n  daxin wins sell 688802 --date 2025-12-17 --price 829.90\n  daxin wins report --by year --mv-sh 1000000"
    )]
    Wins(Box<WinsArgs>),
    /// What a 市值 is worth in the IPO lottery: expectation, marginal return, best split, spread.
    #[command(
        after_help = "Examples:\n  daxin strategy fixtures/strategy/gpu-wave-2025.csv --sh 100000 --sz 100000\n  daxin strategy fixtures/strategy/gpu-wave-2025.csv --total 200000 --explain --lang en\n  daxin strategy stock_xgsglb_em.csv --sh 300000 --sz 200000 --from 2025-01-01 --to 2025-12-31 --fees"
    )]
    Strategy(Box<StrategyArgs>),
    /// A local page on 127.0.0.1 and ::1: the IPOs, the calculator, the
    /// odds, the audit box and your wins, with charts.
    #[command(
        after_help = "Examples:\n  daxin serve\n  daxin serve --port 8080 --open\n  daxin serve --ledger ~/.config/daxin/wins.toml"
    )]
    Serve(ServeArgs),
    /// The IPOs in the data, one line each.
    #[command(
        after_help = "Examples:\n  daxin list\n  daxin list --board star --year 2025\n  daxin list --format csv > records.csv"
    )]
    List {
        /// Only this board (sse-main, star, szse-main, chinext, bse, hkex).
        #[arg(long)]
        board: Option<String>,
        /// Only IPOs listed in this year.
        #[arg(long)]
        year: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port on 127.0.0.1 and ::1 (0: any free port).
    #[arg(long, default_value = "8421", allow_hyphen_values = true)]
    pub port: String,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// The wins ledger the My wins page reports on (read only; default:
    /// $DAXIN_LEDGER, else the config directory's wins.toml).
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<std::path::PathBuf>,
}

/// Shells `daxin completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

#[derive(Debug, Args)]
pub struct LotArgs {
    /// Issue (offer) price per share.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub issue_price: String,
    /// Shares per winning lot (中签单位) or board lot (每手股数).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub lot_size: Option<String>,
    /// Board, to take its lot unit and currency: sse-main, star, szse-main, chinext, bse, hkex.
    #[arg(long)]
    pub board: Option<String>,
    /// Subscription date, for the board's rules of that day (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// First-day open.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub open: Option<String>,
    /// First-day high.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub high: Option<String>,
    /// First-day low.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub low: Option<String>,
    /// First-day close.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub close: Option<String>,
    /// First-day average price (成交均价).
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub avg: Option<String>,
    /// Close of a later exit day (开板日).
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub exit: Option<String>,
    /// Date of the exit day.
    #[arg(long, value_name = "DATE")]
    pub exit_date: Option<String>,
    /// Hong Kong grey-market (暗盘) close.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub grey: Option<String>,
    /// Any other price; repeatable.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub price: Vec<String>,
    /// Total shares after the IPO (units allowed: 4.001亿).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub shares: Option<String>,
    /// Shares free to trade on the first day.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub float_shares: Option<String>,
    /// Net profit of the base year, in currency units (units allowed: 3.2亿).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub net_profit: Option<String>,
    /// Revenue of the base year, in currency units.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub revenue: Option<String>,
    /// Earnings per share of the base year (instead of --net-profit).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub eps: Option<String>,
    /// Revenue per share of the base year (instead of --revenue).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub revenue_per_share: Option<String>,
    /// Currency: CNY or HKD (default: the board's, else CNY).
    #[arg(long)]
    pub currency: Option<String>,
    /// A name to print.
    #[arg(long, default_value = "")]
    pub name: String,
    #[command(flatten)]
    pub fees: FeeArgs,
}

/// Fees, dates and financing for net figures.
#[derive(Debug, Args, Default)]
pub struct FeeArgs {
    /// Show fees, taxes and net figures (the JSON always has them).
    #[arg(long)]
    pub fees: bool,
    /// Broker commission on the sale, with its unit: 0.025%, 0.25‰ or 万2.5.
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    pub commission: Option<String>,
    /// Minimum commission per trade.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub min_commission: Option<String>,
    /// Hong Kong: the broker's handling fee per application.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub handling_fee: Option<String>,
    /// The day the cash left the account: A-shares the payment day (T+2),
    /// Hong Kong the application day. Needed for the annualised return.
    #[arg(long, value_name = "DATE")]
    pub pay_date: Option<String>,
    /// Sell at every price on this day (default: each price's own day).
    #[arg(long, value_name = "DATE")]
    pub sell_date: Option<String>,
    /// Hong Kong margin: lots applied for.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub margin_lots: Option<String>,
    /// Margin: the share of the application borrowed, with its unit (90%).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    pub loan_pct: Option<String>,
    /// Margin: leverage (10 = nine tenths borrowed), instead of --loan-pct.
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub leverage: Option<String>,
    /// Margin: annual interest rate, with its unit (3.99%).
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    pub margin_rate: Option<String>,
    /// Margin: the application deadline.
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// Margin: the day the results are published.
    #[arg(long, value_name = "DATE")]
    pub results_date: Option<String>,
    /// Margin: interest days, instead of --deadline and --results-date.
    #[arg(long, value_name = "DAYS", allow_hyphen_values = true)]
    pub margin_days: Option<String>,
}

#[derive(Debug, Args)]
pub struct OddsArgs {
    /// An IPO in the data (its board, date, rate, cap and profit).
    pub ipo: Option<String>,
    /// Board, for raw numbers.
    #[arg(long)]
    pub board: Option<String>,
    /// Subscription day (default: the IPO's, else today).
    #[arg(long)]
    pub date: Option<String>,
    /// Average Shanghai market value, yuan (for SSE main board and STAR).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub sh: Option<String>,
    /// Average Shenzhen market value, yuan (for SZSE main board and ChiNext).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub sz: Option<String>,
    /// Per-account cap in shares (申购上限).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub cap: Option<String>,
    /// Winning rate (中签率), with its unit: 0.0335%.
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    pub win_rate: Option<String>,
    /// Price basis for the expected profit (default: close).
    #[arg(long)]
    pub basis: Option<String>,
    /// Profit per lot for the expected profit, when the IPO is not in the data.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub profit_per_lot: Option<String>,
    /// BSE: shares applied for.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub apply: Option<String>,
    /// BSE: shares offered online.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub online_shares: Option<String>,
    /// BSE: valid shares applied for online.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub valid_shares: Option<String>,
    /// Issue price (BSE cash, HK application value).
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub issue_price: Option<String>,
    /// Hong Kong: the allotment results table as the announcement prints it
    /// (CSV/TSV from a spreadsheet, text copied from the PDF, or lots,applications,basis).
    #[arg(long, value_name = "FILE")]
    pub allotment: Option<std::path::PathBuf>,
    /// Hong Kong: board lot.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub lot_size: Option<String>,
    /// Hong Kong: the broker's handling fee per application.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub handling_fee: Option<String>,
    /// Hong Kong: money for one application; the sizes within it with the best
    /// chance of a lot and the best expected profit.
    #[arg(long, value_name = "HKD", allow_hyphen_values = true)]
    pub budget: Option<String>,
    /// Hong Kong: the announcement's number of valid applications, to check the table.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub valid_applications: Option<String>,
    /// Hong Kong: the announcement's number of successful applications.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub successful: Option<String>,
    /// Hong Kong: the final number of offer shares in the public offering.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub offer_shares: Option<String>,
}

#[derive(Debug, Args)]
pub struct LimitsArgs {
    /// Board.
    #[arg(long)]
    pub board: String,
    /// The stock's listing date, which sets its rules (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Trading day since listing, 1 = the listing day (default: 1 with
    /// --issue-price alone, else the first day with a daily limit).
    #[arg(long, allow_hyphen_values = true)]
    pub day: Option<String>,
    /// Previous close.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub prev_close: Option<String>,
    /// Issue price, for the first-day band.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub issue_price: Option<String>,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// Issue price.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub issue_price: String,
    /// Board.
    #[arg(long)]
    pub board: String,
    /// Listing date.
    #[arg(long)]
    pub date: String,
    /// Days in the run.
    #[arg(long, allow_hyphen_values = true)]
    pub days: String,
    /// Shares per lot (default: the board's unit).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub lot_size: Option<String>,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Input files (CSV or TSV: UTF-8 with or without BOM, or GB18030; .xlsx, .xls, .ods); - for stdin.
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Source format (default: told from the header): em-xgsglb, em-xgsglb-bse, em-dxsyl, ths.
    #[arg(long)]
    pub from: Option<String>,
    /// Write to this file (atomically: a temporary file renamed into place).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Read every rate column (涨幅, 首日涨幅, 开盘溢价, 中签率) in this unit:
    /// percent (43.98) or fraction (0.4398); default: settled per column.
    #[arg(long, value_name = "UNIT")]
    pub units: Option<String>,
    /// Threads for the rows (default: all cores); the output is in input
    /// order whatever the number.
    #[arg(long, value_name = "N")]
    pub jobs: Option<String>,
}

#[derive(Debug, Args)]
pub struct NumbersArgs {
    /// Your first subscription number (起始配号).
    #[arg(long, value_name = "N")]
    pub start: String,
    /// How many numbers you were given (配号数量).
    #[arg(long, value_name = "K")]
    pub count: String,
    /// The published result lists: a file, - for standard input, or the text itself.
    #[arg(long, value_name = "FILE|-|TEXT")]
    pub tails: String,
    /// The announced winning rate (中签率), in percent, to compare with the lists.
    #[arg(long, value_name = "PCT")]
    pub rate: Option<String>,
    /// The announced number of winning numbers (中签号码共有 … 个); needs --numbers.
    #[arg(long, value_name = "COUNT")]
    pub winners: Option<String>,
    /// The numbers issued (配号总数).
    #[arg(long, value_name = "TOTAL")]
    pub numbers: Option<String>,
    /// The first number issued (default 1; SSE issues from 100000000000).
    #[arg(long, value_name = "N")]
    pub first: Option<String>,
    /// List at most this many winning numbers (the count is exact regardless).
    #[arg(long, value_name = "N")]
    pub limit: Option<String>,
}

#[derive(Debug, Args)]
pub struct WinsArgs {
    /// The ledger (default: $DAXIN_LEDGER, else $XDG_CONFIG_HOME/daxin/wins.toml,
    /// ~/.config/daxin/wins.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub ledger: Option<std::path::PathBuf>,
    /// As of this day (default: today): no date in the ledger may be later.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,
    #[command(subcommand)]
    pub cmd: WinsCmd,
}

#[derive(Debug, Subcommand)]
pub enum WinsCmd {
    /// Record a win.
    Add(WinAddArgs),
    /// Record a sale of won shares (whole or partial).
    Sell(WinSellArgs),
    /// Record a win given up (弃购): not paid for.
    Drop(WinDropArgs),
    /// The wins in the ledger.
    List,
    /// What each win earned, after fees; totals by year, account or board.
    Report(WinReportArgs),
    /// Read a broker statement (交割单) into the ledger.
    Import(WinImportArgs),
}

/// The IPO's facts for a win the data does not have.
#[derive(Debug, Args, Default)]
pub struct WinFacts {
    /// Name.
    #[arg(long)]
    pub name: Option<String>,
    /// Board: sse-main, star, szse-main, chinext, bse, hkex.
    #[arg(long)]
    pub board: Option<String>,
    /// Issue price.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub issue_price: Option<String>,
    /// Shares per lot (Hong Kong: the board lot).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub lot_size: Option<String>,
    /// Listing day.
    #[arg(long, value_name = "DATE")]
    pub listed: Option<String>,
    /// What was won: share (default), depositary_receipt, convertible_bond, exchangeable_bond.
    #[arg(long)]
    pub kind: Option<String>,
    /// Shares won.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub shares: Option<String>,
    /// Lots won (instead of --shares).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub lots: Option<String>,
    /// The day the cash was paid (A-shares T+2).
    #[arg(long, value_name = "DATE")]
    pub paid: Option<String>,
    /// A remark kept with the win.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct WinAddArgs {
    /// The IPO's code (688802, 6082.HK).
    pub code: String,
    /// The account's label.
    #[arg(long)]
    pub account: Option<String>,
    /// The subscription day (T).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub facts: WinFacts,
}

#[derive(Debug, Args)]
pub struct WinSellArgs {
    /// The code of the won shares.
    pub code: String,
    /// The account (needed when two accounts won the same IPO).
    #[arg(long)]
    pub account: Option<String>,
    /// The trading day.
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Price per share.
    #[arg(long, value_name = "PRICE", allow_hyphen_values = true)]
    pub price: String,
    /// Shares sold (default: all still held).
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub shares: Option<String>,
    /// The commission your broker charged, if you have it (else your terms price it).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub commission_paid: Option<String>,
    /// The stamp duty charged.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub stamp_duty_paid: Option<String>,
    /// The transfer fee charged.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub transfer_fee_paid: Option<String>,
    /// Other fees charged.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub other_fees_paid: Option<String>,
}

#[derive(Debug, Args)]
pub struct WinDropArgs {
    /// The code of the win given up.
    pub code: String,
    /// The account.
    #[arg(long)]
    pub account: Option<String>,
    /// The day it was given up: the day your broker reported it (usually T+3).
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// For a win not in the ledger yet: its subscription day (T).
    #[arg(long, value_name = "DATE")]
    pub won: Option<String>,
    #[command(flatten)]
    pub facts: WinFacts,
}

#[derive(Debug, Args)]
pub struct WinReportArgs {
    /// Totals by year, account or board.
    #[arg(long, value_name = "year|account|board")]
    pub by: Option<String>,
    /// Only wins from this day.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only wins up to this day.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Your average Shanghai market value (市值), for the return on it.
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub mv_sh: Option<String>,
    /// Your average Shenzhen market value.
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub mv_sz: Option<String>,
    /// Value shares still held at this price: CODE=PRICE (repeatable).
    #[arg(long, value_name = "CODE=PRICE")]
    pub price: Vec<String>,
    /// Commission rate for sales without the broker's actual fees.
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    pub commission: Option<String>,
    /// Minimum commission per trade.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub min_commission: Option<String>,
    /// Hong Kong: the handling fee per application.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub handling_fee: Option<String>,
}

#[derive(Debug, Args)]
pub struct WinImportArgs {
    /// The statement (交割单): tab- or comma-separated text, UTF-8 or GBK, often named .xls.
    pub file: std::path::PathBuf,
    /// Show what would be added, and the rows left out, without writing.
    #[arg(long)]
    pub dry_run: bool,
    /// The account's label for the imported wins.
    #[arg(long)]
    pub account: Option<String>,
}

#[derive(Debug, Args)]
pub struct StrategyArgs {
    /// IPO tables (AKShare/Eastmoney stock_xgsglb_em, 同花顺, daxin CSV, TOML or JSON).
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Average Shanghai market value, yuan (SSE main board and STAR).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub sh: Option<String>,
    /// Average Shenzhen market value, yuan (SZSE main board and ChiNext).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub sz: Option<String>,
    /// First day of the period (by subscription day, else listing day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Profit per winning lot: published (每中一签获利), open, close, avg (default close).
    #[arg(long)]
    pub basis: Option<String>,
    /// Leave STAR IPOs out (no STAR access).
    #[arg(long)]
    pub no_star: bool,
    /// Leave ChiNext IPOs out (no ChiNext access).
    #[arg(long)]
    pub no_chinext: bool,
    /// Take selling costs off each lot (the listing day's schedule, your broker terms).
    #[arg(long)]
    pub fees: bool,
    /// Broker commission on the sale (with --fees).
    #[arg(long, value_name = "RATE", allow_hyphen_values = true)]
    pub commission: Option<String>,
    /// Minimum commission per trade (with --fees).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub min_commission: Option<String>,
    /// Step of the marginal return, yuan (default 10,000).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub step: Option<String>,
    /// A total market value to split across the exchanges (and accounts).
    #[arg(long, value_name = "YUAN", allow_hyphen_values = true)]
    pub total: Option<String>,
    /// Accounts of different investors the total is split across (default 1).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub accounts: Option<String>,
    /// Monte Carlo samples when the exact percentiles are too big (default 20,000).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub samples: Option<String>,
    /// Monte Carlo seed (default 1).
    #[arg(long, value_name = "N")]
    pub seed: Option<String>,
    /// The table format, when the header does not tell: em-xgsglb, ths, daxin, ….
    #[arg(long, value_name = "FORMAT")]
    pub layout: Option<String>,
    /// List every IPO and every row not counted in the table output.
    #[arg(long)]
    pub rows: bool,
}
