//! Form fields as typed, validated into the library's terms once, here —
//! the page's edge, as `src/cli` is the command line's. An error names the
//! field and the value.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::fees;
use crate::input;
use crate::ipo::Basis;
use crate::report::terms::{FeeTerms, Terms};

/// A field as sent: empty means not given.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn date(field: &str, v: &Option<String>) -> Result<Option<NaiveDate>> {
    given(v).map(|d| input::parse_date(field, d)).transpose()
}

/// The broker's terms and the dates of a sale (the IPO page's fee form and
/// the calculator's).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct FeeForm {
    /// Page language.
    pub lang: Option<String>,
    /// Commission with its unit.
    pub commission: Option<String>,
    /// Minimum commission.
    pub min_commission: Option<String>,
    /// Hong Kong handling fee.
    pub handling_fee: Option<String>,
    /// Payment day.
    pub pay_date: Option<String>,
    /// Sale day.
    pub sell_date: Option<String>,
    /// Margin: lots.
    pub margin_lots: Option<String>,
    /// Margin: leverage.
    pub leverage: Option<String>,
    /// Margin: annual rate.
    pub margin_rate: Option<String>,
    /// Margin: deadline.
    pub deadline: Option<String>,
    /// Margin: results day.
    pub results_date: Option<String>,
    /// Show the net figures.
    pub fees: Option<String>,
}

impl FeeForm {
    /// Whether any fee field was filled in (the page then shows the net
    /// figures as `--fees` does).
    pub fn any(&self) -> bool {
        [
            &self.commission,
            &self.min_commission,
            &self.handling_fee,
            &self.pay_date,
            &self.sell_date,
            &self.margin_lots,
            &self.fees,
        ]
        .iter()
        .any(|v| given(v).is_some())
    }

    /// The fields validated one by one, as `daxin show`'s flags are.
    pub fn terms(&self) -> Result<FeeTerms> {
        Ok(FeeTerms {
            commission: given(&self.commission)
                .map(|c| fees::parse_rate("commission", c))
                .transpose()?,
            min_commission: given(&self.min_commission)
                .map(|m| input::parse_fee("min_commission", m))
                .transpose()?,
            handling_fee: given(&self.handling_fee)
                .map(|h| input::parse_fee("handling_fee", h))
                .transpose()?,
            pay_date: date("pay_date", &self.pay_date)?,
            deadline: date("deadline", &self.deadline)?,
            results_date: date("results_date", &self.results_date)?,
            sell_date: date("sell_date", &self.sell_date)?,
            margin_lots: given(&self.margin_lots)
                .map(|l| {
                    input::parse_whole(
                        "margin_lots",
                        l,
                        1..=u64::from(u32::MAX),
                        crate::why!(
                            "a whole number of lots, at least 1",
                            "须为整数手，至少 1 手"
                        ),
                    )
                })
                .transpose()?,
            loan_pct: None,
            leverage: given(&self.leverage)
                .map(|x| input::parse_decimal("leverage", x))
                .transpose()?,
            margin_rate: given(&self.margin_rate)
                .map(|r| fees::parse_rate("margin_rate", r))
                .transpose()?,
            margin_days: None,
        })
    }
}

/// The calculator: an IPO by its numbers (what `daxin lot` takes).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct LotForm {
    /// Name to show.
    pub name: Option<String>,
    /// Issue price.
    pub issue_price: Option<String>,
    /// Board id.
    pub board: Option<String>,
    /// Subscription day.
    pub date: Option<String>,
    /// Shares per lot.
    pub lot_size: Option<String>,
    /// Opening price.
    pub open: Option<String>,
    /// High.
    pub high: Option<String>,
    /// Low.
    pub low: Option<String>,
    /// Close.
    pub close: Option<String>,
    /// Total shares after the IPO.
    pub shares: Option<String>,
    /// The fee fields.
    #[serde(flatten)]
    pub fees: FeeForm,
}

impl LotForm {
    /// Whether the form was submitted (an issue price is there).
    pub fn submitted(&self) -> bool {
        self.issue_price.is_some()
    }

    /// The terms, each field validated on its own as `daxin lot`'s flags are.
    pub fn terms(&self) -> Result<Terms> {
        let raw = given(&self.issue_price).ok_or_else(|| {
            Error::missing(
                "issue_price",
                crate::why!("the issue price is needed", "需要发行价"),
            )
        })?;
        let mut t = Terms::new(input::parse_price("issue_price", raw)?);
        t.name = given(&self.name).unwrap_or("").to_string();
        t.board = given(&self.board).map(str::parse).transpose()?;
        // the subscription day: the date, else the HK deadline or the
        // payment day, as `daxin lot` takes it
        t.date = match date("date", &self.date)? {
            Some(d) => Some(d),
            None => match date("deadline", &self.fees.deadline)? {
                Some(d) => Some(d),
                None => date("pay_date", &self.fees.pay_date)?,
            },
        };
        t.lot_size = given(&self.lot_size)
            .map(|l| input::parse_shares("lot_size", l))
            .transpose()?;
        for (basis, field, v) in [
            (Basis::Open, "open", &self.open),
            (Basis::High, "high", &self.high),
            (Basis::Low, "low", &self.low),
            (Basis::Close, "close", &self.close),
        ] {
            if let Some(p) = given(v) {
                t.prices.push((basis, input::parse_price(field, p)?, None));
            }
        }
        t.total_shares = given(&self.shares)
            .map(|s| input::parse_shares("shares", s))
            .transpose()?;
        Ok(t)
    }
}

/// The odds form (what `daxin odds` takes for an A-share board).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct OddsForm {
    /// Page language.
    pub lang: Option<String>,
    /// An IPO in the data.
    pub ipo: Option<String>,
    /// Board, without an IPO.
    pub board: Option<String>,
    /// Subscription day.
    pub date: Option<String>,
    /// Shanghai market value.
    pub sh: Option<String>,
    /// Shenzhen market value.
    pub sz: Option<String>,
    /// Cap in shares.
    pub cap: Option<String>,
    /// 中签率 with its unit.
    pub win_rate: Option<String>,
    /// Profit per lot.
    pub profit_per_lot: Option<String>,
}

/// The validated odds fields.
pub struct OddsTerms {
    /// The IPO's query, when given.
    pub ipo: Option<String>,
    /// Board.
    pub board: Option<crate::Board>,
    /// Day.
    pub date: Option<NaiveDate>,
    /// Shanghai market value.
    pub sh: Option<rust_decimal::Decimal>,
    /// Shenzhen market value.
    pub sz: Option<rust_decimal::Decimal>,
    /// Cap.
    pub cap: Option<u64>,
    /// Rate, percent.
    pub win_rate_pct: Option<rust_decimal::Decimal>,
    /// Profit per lot.
    pub profit_per_lot: Option<rust_decimal::Decimal>,
}

impl OddsForm {
    /// Whether a market value was given.
    pub fn submitted(&self) -> bool {
        given(&self.sh).is_some() || given(&self.sz).is_some()
    }

    /// The fields validated one by one, as `daxin odds`'s flags are.
    pub fn terms(&self) -> Result<OddsTerms> {
        let amount =
            |f: &str, v: &Option<String>| given(v).map(|x| input::parse_amount(f, x)).transpose();
        Ok(OddsTerms {
            ipo: given(&self.ipo).map(str::to_string),
            board: given(&self.board).map(str::parse).transpose()?,
            date: date("date", &self.date)?,
            sh: amount("sh", &self.sh)?,
            sz: amount("sz", &self.sz)?,
            cap: given(&self.cap)
                .map(|c| input::parse_shares("cap", c).map(|s| s.get()))
                .transpose()?,
            win_rate_pct: given(&self.win_rate)
                .map(|r| input::parse_rate("win_rate", r).map(input::Rate::pct))
                .transpose()?,
            profit_per_lot: amount("profit_per_lot", &self.profit_per_lot)?,
        })
    }
}

/// The limit-up run form (what `daxin path` takes).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PathForm {
    /// Page language.
    pub lang: Option<String>,
    /// Issue price.
    pub issue_price: Option<String>,
    /// Board.
    pub board: Option<String>,
    /// Listing day.
    pub date: Option<String>,
    /// Days in the run.
    pub days: Option<String>,
    /// Shares per lot.
    pub lot_size: Option<String>,
}

/// The validated run.
pub struct PathTerms {
    /// Issue price.
    pub issue: input::Price,
    /// Board.
    pub board: crate::Board,
    /// Listing day.
    pub listed: NaiveDate,
    /// Days.
    pub days: u32,
    /// Lot.
    pub lot: Option<input::Shares>,
}

impl PathForm {
    /// Whether the form was submitted.
    pub fn submitted(&self) -> bool {
        self.issue_price.is_some()
    }

    /// The fields validated one by one, as `daxin path`'s flags are.
    pub fn terms(&self) -> Result<PathTerms> {
        let need = |f: &'static str, v: &Option<String>| -> Result<String> {
            given(v)
                .map(str::to_string)
                .ok_or_else(|| Error::missing(f, crate::why!("needed", "必填")))
        };
        let days_raw = need("days", &self.days)?;
        let days = input::parse_whole(
            "days",
            &days_raw,
            1..=u64::MAX,
            crate::why!("give 1 to 250 days", "请给出 1 到 250 天"),
        )?;
        let days = u32::try_from(days)
            .ok()
            .filter(|d| *d <= 250)
            .ok_or_else(|| {
                Error::invalid_at(
                    crate::why!("days", "天数"),
                    &days_raw,
                    crate::why!("give 1 to 250 days", "请给出 1 到 250 天"),
                )
            })?;
        Ok(PathTerms {
            issue: input::parse_price("issue_price", &need("issue_price", &self.issue_price)?)?,
            board: need("board", &self.board)?.parse()?,
            listed: input::parse_date("date", &need("date", &self.date)?)?,
            days,
            lot: given(&self.lot_size)
                .map(|l| input::parse_shares("lot_size", l))
                .transpose()?,
        })
    }
}
