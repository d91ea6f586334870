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
    /// Output format (default: table; csv for `batch`).
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,

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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every figure of one IPO in the data, at every price the data has.
    Show {
        /// Code or name: 688802, 沐曦, MetaX, 6082.HK.
        ipo: String,
        #[command(flatten)]
        fees: Box<FeeArgs>,
    },
    /// The same figures for an IPO given by its numbers.
    Lot(Box<LotArgs>),
    /// The figures in the words of the financial press.
    Headline {
        /// Code or name.
        ipo: String,
        /// Only this price basis (open, high, low, close, avg, exit, grey).
        #[arg(long)]
        basis: Option<String>,
    },
    /// The fee schedule in force on a day, item by item, with sources.
    Fees {
        /// Board: sse-main, star, szse-main, chinext, bse, hkex.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// The rules of a board on a day: lot, quota, cap, price limits, halts.
    Rules {
        /// Board: sse-main, star, szse-main, chinext, bse, hkex.
        #[arg(long)]
        board: String,
        /// The day (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// A day's up and down limit prices.
    Limits(LimitsArgs),
    /// The closes of a run of limit-up days (一字板) from the listing day.
    Path(PathArgs),
    /// The odds of winning: A-share quota and numbers, BSE allotment, HK tiers.
    Odds(Box<OddsArgs>),
    /// Check the IPO figures an article states (text or Markdown; - for stdin).
    Audit {
        /// The article; standard input when absent or -.
        file: Option<std::path::PathBuf>,
    },
    /// Recompute every row of IPO tables (AKShare/Eastmoney, 同花顺, daxin CSV).
    Batch(BatchArgs),
    /// The IPOs in the data, one line each.
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
    /// Broker commission on the sale: 0.025% (or a fraction, 0.00025).
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
    /// Margin: the share of the application borrowed, in percent (90).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
    pub loan_pct: Option<String>,
    /// Margin: leverage (10 = nine tenths borrowed), instead of --loan-pct.
    #[arg(long, value_name = "X", allow_hyphen_values = true)]
    pub leverage: Option<String>,
    /// Margin: annual interest rate (3.99%).
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
    /// Winning rate (中签率) in percent, with or without %.
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
    /// Hong Kong: allotment basis CSV (lots,applications,basis).
    #[arg(long, value_name = "FILE")]
    pub allotment: Option<std::path::PathBuf>,
    /// Hong Kong: board lot.
    #[arg(long, value_name = "SHARES", allow_hyphen_values = true)]
    pub lot_size: Option<String>,
    /// Hong Kong: the broker's handling fee per application.
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub handling_fee: Option<String>,
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
    /// The sheet of a spreadsheet (.xlsx, .xls, .ods) to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Read every rate column (涨幅, 首日涨幅, 开盘溢价, 中签率) in this unit:
    /// percent (43.98) or fraction (0.4398); default: settled per column.
    #[arg(long, value_name = "UNIT")]
    pub units: Option<String>,
}
