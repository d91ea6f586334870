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
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Language of labels and sentences: zh or en.
    #[arg(long, global = true, default_value = "zh")]
    pub lang: String,

    /// Show each formula with its numbers put in.
    #[arg(long, global = true)]
    pub explain: bool,

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
}
