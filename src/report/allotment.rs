//! The report of a Hong Kong allotment results table (`daxin odds
//! --allotment FILE`): the table's bytes and the validated flags in, the
//! figures of every tier, the checks, the notes and (with `explain`) the
//! working out.
//!
//! What the flags leave open is taken from the IPO in the data when one is
//! named: its board lot, its offer price, its application day and the net
//! profit of one lot at the chosen price (after the fees of the day). No
//! file is read here: the caller passes the bytes.
//!
//! ```
//! use daxin::report::allotment::{AllotmentOdds, AllotmentRequest};
//! use daxin::Lang;
//! let table = b"POOL A\n200 174,816 8,741 out of 174,816 applicants to receive 200 H Shares 5.00%\n";
//! let mut req = AllotmentRequest::new(Lang::En, chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
//! req.lot = Some(200);
//! req.explain = true;
//! let r = AllotmentOdds::build(table, "--allotment t.txt", &req).unwrap();
//! assert_eq!(r.report.tiers[0].allotted_pct.to_string(), "5.00");
//! let json = serde_json::to_value(&r).unwrap();
//! assert_eq!(json["tiers"][0]["allotted_pct"], "5.00");
//! assert!(json["working"][0].as_str().unwrap().starts_with("200 shares: P(≥1 lot)"));
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::allotment::parse;
use crate::allotment::tiers::{self, AllotmentReport, Inputs, Stated};
use crate::error::{Error, Result};
use crate::fees::{Broker, Schedule};
use crate::headline::Lang;
use crate::ipo::{Basis, Ipo};
use crate::net::{self, NetOptions};
use crate::returns;

/// What the report is asked for, the flags validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllotmentRequest<'a> {
    /// Language of the working.
    pub lang: Lang,
    /// Include the working.
    pub explain: bool,
    /// The day the request is made (the application day when none is known).
    pub today: NaiveDate,
    /// An IPO in the data: its lot, price, day and profit per lot.
    pub ipo: Option<&'a Ipo>,
    /// The board lot (`--lot-size`).
    pub lot: Option<u64>,
    /// The final offer price (`--issue-price`).
    pub price: Option<Decimal>,
    /// The application day (`--date`).
    pub date: Option<NaiveDate>,
    /// The broker's handling fee per application.
    pub handling_fee: Decimal,
    /// The price an allotted lot is valued at.
    pub basis: Basis,
    /// Net profit of one allotted lot (`--profit-per-lot`).
    pub profit_per_lot: Option<Decimal>,
    /// Money for one application (`--budget`).
    pub budget: Option<Decimal>,
    /// The announcement's totals to check the table against.
    pub stated: Stated,
}

impl<'a> AllotmentRequest<'a> {
    /// A request with nothing given, valued at the close.
    pub fn new(lang: Lang, today: NaiveDate) -> Self {
        AllotmentRequest {
            lang,
            explain: false,
            today,
            ipo: None,
            lot: None,
            price: None,
            date: None,
            handling_fee: Decimal::ZERO,
            basis: Basis::Close,
            profit_per_lot: None,
            budget: None,
            stated: Stated::default(),
        }
    }

    /// Each allotted lot's net at the chosen price: as given, else net of
    /// the day's fees for an IPO in the data.
    fn net_per_lot(&self, sched: &Schedule) -> Result<Option<Decimal>> {
        if self.profit_per_lot.is_some() {
            return Ok(self.profit_per_lot);
        }
        let Some(i) = self.ipo else { return Ok(None) };
        let s = returns::compute(i)?;
        let opts = NetOptions {
            broker: Broker::default_for(i.currency),
            application_date: None,
            cash_out_date: None,
            sale_date: None,
        };
        Ok(net::compute(i, &s, sched, &opts).ok().and_then(|n| {
            n.figures
                .iter()
                .find(|f| f.basis == self.basis)
                .map(|f| f.net_profit_per_lot)
        }))
    }
}

/// The report: the table's figures, and the working when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllotmentOdds {
    /// Every figure of the table.
    #[serde(flatten)]
    pub report: AllotmentReport,
    /// The working of every tier (with `explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<String>>,
    /// The price the expected profit is at.
    #[serde(skip)]
    pub basis: Basis,
    /// The profit per lot was given (`--profit-per-lot`), not computed at
    /// `basis`.
    #[serde(skip)]
    pub profit_given: bool,
}

impl AllotmentOdds {
    /// Reads the table in `bytes` and computes it. Errors in the table are
    /// named after `origin` (the file, as the user gave it).
    pub fn build(bytes: &[u8], origin: &str, req: &AllotmentRequest) -> Result<AllotmentOdds> {
        let in_file = |e: Error| Error::data(origin, crate::Why::of(&e));
        let given_lot = req.lot.or(req.ipo.map(|i| i.lot_shares.get()));
        let table = parse::read(bytes, given_lot).map_err(in_file)?;
        let (lot, lot_inferred) = match given_lot {
            Some(l) => (l, false),
            None => (
                tiers::infer_lot(&table).ok_or_else(|| {
                    Error::missing("--lot-size", crate::why!("the board lot", "每手股数"))
                })?,
                true,
            ),
        };
        let ipo_day = req.ipo.and_then(|i| i.subscription_date.or(i.listing_date));
        let sched = Schedule::builtin()?;
        let inputs = Inputs {
            lot,
            lot_inferred,
            price: req.price.or(req.ipo.map(|i| i.issue_price.get())),
            date: req.date.or(ipo_day).unwrap_or(req.today),
            schedule: Some(&sched),
            net_per_lot: req.net_per_lot(&sched)?,
            handling_fee: req.handling_fee,
            budget: req.budget,
            stated: req.stated,
        };
        let report = tiers::compute(&table, &inputs).map_err(in_file)?;
        let working = req.explain.then(|| report.working(req.lang));
        Ok(AllotmentOdds {
            report,
            working,
            basis: req.basis,
            profit_given: req.profit_per_lot.is_some(),
        })
    }
}
