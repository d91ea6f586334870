//! The report of one IPO: what `daxin show` and `daxin lot` print.
//!
//! [`IpoReport::build`] computes every figure of an [`Ipo`] at every price it
//! has, the net figures and a margin application when asked, the checks of
//! the figures the press printed, the warnings, and (with `explain`) the
//! working. The report serialises to the JSON the CLI prints; its fields
//! are what a table, a page or a script draws.
//!
//! ```
//! use daxin::data::Dataset;
//! use daxin::report::ipo::{IpoReport, Request};
//! use daxin::Lang;
//!
//! let data = Dataset::builtin().unwrap();
//! let ipo = data.find("沐曦股份").unwrap();
//! let r = IpoReport::build(ipo, &Request::new(Lang::En)).unwrap();
//! let open = r.figures.iter().find(|f| f.basis == daxin::Basis::Open).unwrap();
//! assert_eq!(open.profit_per_lot.to_string(), "297670.00"); // (700 − 104.66) × 500
//! let json = serde_json::to_value(&r).unwrap();
//! assert_eq!(json["figures"][0]["gain_pct"], "568.83");
//! // each printed figure checked, as the line a front end shows
//! assert_eq!(r.published[0].line(Lang::En),
//!     "✓ 568.83% (gain_pct @ open) — http://www.xiuzhengliangxinyao.com/zixun/138770.html");
//! ```

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::board::Currency;
use crate::error::Result;
use crate::explain::{self, Step};
use crate::fees::{Charges, Schedule};
use crate::headline::Lang;
use crate::ipo::{Basis, FieldNote, FigureKind, Ipo, Provenance};
use crate::margin::{self, Loan, MarginInput};
use crate::message::{Warning, Warnings};
use crate::net::{self, NetOptions, NetSummary};
use crate::num::{self, fixed, group};
use crate::published::{self, Check, Verdict};
use crate::report::ser;
use crate::report::terms::TermsStep;
use crate::returns::{self, Figure, Summary};
use crate::valuation::Ratio;

/// A margin application, validated, before its entry fee is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarginSpec {
    /// Lots applied for.
    pub lots: u64,
    /// The loan.
    pub loan: Loan,
    /// Annual interest rate, as a fraction.
    pub annual_rate: Decimal,
    /// Interest days.
    pub days: i64,
    /// The broker's margin-application handling fee.
    pub handling_fee: Decimal,
}

/// What to put in the report besides the gross figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Language of the warnings and the working.
    pub lang: Lang,
    /// Include the working.
    pub explain: bool,
    /// Show the net figures (`--fees`; implied by a margin application).
    /// Net figures are computed in any case when the fee schedule covers
    /// the dates; when asked for, a schedule that does not is an error.
    pub fees: bool,
    /// Dates and broker terms for the net figures.
    pub net: NetOptions,
    /// A Hong Kong margin application.
    pub margin: Option<MarginSpec>,
    /// Warnings from building the IPO (`daxin lot`'s terms).
    pub warnings: Vec<Warning>,
    /// Which rule gave the lot and the date (`daxin lot`'s terms).
    pub working: Vec<TermsStep>,
}

impl Request {
    /// Gross figures only, with the default broker terms.
    pub fn new(lang: Lang) -> Self {
        Request {
            lang,
            explain: false,
            fees: false,
            net: NetOptions {
                broker: crate::fees::Broker::default_for(Currency::Cny),
                application_date: None,
                cash_out_date: None,
                sale_date: None,
            },
            margin: None,
            warnings: Vec::new(),
            working: Vec::new(),
        }
    }
}

/// The figures at one price, with the net ones when the fee schedule
/// covers the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureRow {
    /// Which price.
    pub basis: Basis,
    /// Label of a user-given price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Trading day of the price when not the listing day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The price.
    #[serde(serialize_with = "ser::price")]
    pub price: Decimal,
    /// Price × lot.
    #[serde(serialize_with = "ser::money")]
    pub lot_value: Decimal,
    /// (price − issue) × lot.
    #[serde(serialize_with = "ser::money")]
    pub profit_per_lot: Decimal,
    /// Gain over the issue price, percent.
    #[serde(serialize_with = "ser::pct")]
    pub gain_pct: Decimal,
    /// Profit over cost per lot, percent.
    #[serde(serialize_with = "ser::pct")]
    pub return_on_cost_pct: Decimal,
    /// Price × total shares.
    #[serde(serialize_with = "ser::opt::money")]
    pub market_cap: Option<Decimal>,
    /// Price × float shares.
    #[serde(serialize_with = "ser::opt::money")]
    pub float_market_cap: Option<Decimal>,
    /// P/E.
    #[serde(serialize_with = "ratio")]
    pub pe: Option<Ratio>,
    /// P/S.
    #[serde(serialize_with = "ratio")]
    pub ps: Option<Ratio>,
    /// Net of fees, when computed.
    #[serde(flatten)]
    pub net: Option<NetRow>,
}

impl FigureRow {
    /// The price's full name in `lang`, with its label or date
    /// (`收盘价 (2025-12-18)`).
    pub fn name(&self, lang: Lang) -> String {
        let base = self.basis.name(lang);
        match (&self.label, self.date) {
            (Some(l), _) => format!("{base} ({l})"),
            (None, Some(d)) => format!("{base} ({d})"),
            (None, None) => base.to_string(),
        }
    }
}

fn ratio<S: Serializer>(r: &Option<Ratio>, s: S) -> std::result::Result<S::Ok, S::Error> {
    ser::opt::ratio(&r.map(|r| r.value), s)
}

/// One fee item of a sale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SellFee {
    /// The item id.
    pub item: String,
    /// Its Chinese name.
    #[serde(skip)]
    pub name_zh: String,
    /// Its English name.
    #[serde(skip)]
    pub name_en: String,
    /// The amount, rounded as the schedule says.
    #[serde(serialize_with = "ser::money")]
    pub amount: Decimal,
}

/// The net figures at one price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetRow {
    /// The sale day whose schedule priced the selling costs.
    pub sale_date: NaiveDate,
    /// Selling costs, itemised.
    pub fees: Vec<SellFee>,
    /// Allotment charge + handling fee + selling costs.
    #[serde(serialize_with = "ser::money")]
    pub total_fees: Decimal,
    /// Profit per lot after every fee.
    #[serde(serialize_with = "ser::money")]
    pub net_profit_per_lot: Decimal,
    /// The lowest tick with a net profit of zero or more.
    #[serde(serialize_with = "ser::price")]
    pub break_even_price: Decimal,
    /// Net profit ÷ cash paid, percent.
    #[serde(serialize_with = "ser::pct")]
    pub return_on_cash_pct: Decimal,
    /// Calendar days the cash was tied up.
    pub days: Option<i64>,
    /// Simple annualised return, ACT/365, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub annualised_pct: Option<Decimal>,
}

/// One item of the Hong Kong allotment charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllotmentFee {
    /// The item id.
    pub item: String,
    /// Its Chinese name.
    #[serde(skip)]
    pub name_zh: String,
    /// Its English name.
    #[serde(skip)]
    pub name_en: String,
    /// The amount, unrounded: the items are summed, then rounded once.
    #[serde(serialize_with = "ser::exact")]
    pub amount: Decimal,
}

/// The fee figures common to every price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeesRow {
    /// Hong Kong entry fee per lot: issue × lot + allotment charge.
    #[serde(
        serialize_with = "ser::opt::money",
        skip_serializing_if = "Option::is_none"
    )]
    pub entry_fee: Option<Decimal>,
    /// The allotment charge's items.
    pub allotment_fees: Vec<AllotmentFee>,
    /// The allotment charge, rounded once.
    #[serde(serialize_with = "ser::money")]
    pub allotment_total: Decimal,
    /// The allotment charge as a percentage of the cost per lot.
    #[serde(skip)]
    pub allotment_rate_pct: Decimal,
    /// The day whose schedule priced the allotment charge.
    #[serde(rename = "fee_schedule_date")]
    pub allotment_date: NaiveDate,
    /// The broker's application handling fee.
    #[serde(serialize_with = "ser::money")]
    pub handling_fee: Decimal,
    /// Cash paid per lot.
    #[serde(serialize_with = "ser::money")]
    pub cash_paid: Decimal,
    /// How returns are annualised, in the report's language.
    pub annualised_convention: &'static str,
    /// The income-tax position, in the report's language.
    pub tax_note: &'static str,
}

/// Net figures, or why there are none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Fees {
    /// The schedule covers the dates.
    Net(FeesRow),
    /// It does not.
    Unavailable {
        /// Why.
        fees_error: String,
    },
}

/// A margin application's outcome at one price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarginOutcome {
    /// The price basis.
    pub basis: Basis,
    /// Net if one lot is allotted.
    #[serde(rename = "if_one_lot_allotted", serialize_with = "ser::money")]
    pub if_allotted: Decimal,
    /// Net if none is.
    #[serde(rename = "if_not_allotted", serialize_with = "ser::money")]
    pub if_not: Decimal,
    /// The one-lot rate (percent) at which the application breaks even.
    #[serde(
        rename = "break_even_one_lot_rate_pct",
        serialize_with = "ser::opt::dp4"
    )]
    pub break_even_rate_pct: Option<Decimal>,
}

/// A Hong Kong margin application worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MarginRow {
    /// Lots applied for.
    pub lots: u64,
    /// Lots × entry fee.
    #[serde(serialize_with = "ser::money")]
    pub application_amount: Decimal,
    /// The entry fee per lot.
    #[serde(skip)]
    pub entry_fee: Decimal,
    /// The loan.
    #[serde(serialize_with = "ser::money")]
    pub loan: Decimal,
    /// The applicant's own cash.
    #[serde(serialize_with = "ser::money")]
    pub own_cash: Decimal,
    /// Annual rate, percent.
    #[serde(serialize_with = "ser::exact")]
    pub annual_rate_pct: Decimal,
    /// Interest days.
    pub days: i64,
    /// Interest, half-up to the cent.
    #[serde(serialize_with = "ser::money")]
    pub interest: Decimal,
    /// The broker's handling fee.
    #[serde(serialize_with = "ser::money")]
    pub handling_fee: Decimal,
    /// −(interest + handling fee).
    #[serde(rename = "if_not_allotted", serialize_with = "ser::money")]
    pub if_none: Decimal,
    /// At each price.
    pub outcomes: Vec<MarginOutcome>,
}

impl MarginRow {
    /// The application in a line: lots, amount, loan, own cash, the
    /// interest with its rate and days, and the handling fee; `cur` is the
    /// currency as the line shows it (`港元`, `HKD`).
    pub fn line(&self, cur: &str, lang: Lang) -> String {
        let m = |x: Decimal| format!("{}{cur}", group(x, 2));
        let (amount, loan, own) = (m(self.application_amount), m(self.loan), m(self.own_cash));
        let (interest, fee) = (m(self.interest), m(self.handling_fee));
        let (n, rate, days) = (self.lots, num::trim(self.annual_rate_pct), self.days);
        match lang {
            Lang::Zh => format!(
                "孖展认购: {n} 手 · 申购金额 {amount} · 融资 {loan} · 自有资金 {own} · {rate}% × {days}天 → 利息 {interest} · 手续费 {fee}"
            ),
            Lang::En => format!(
                "Margin application: {n} lots · amount {amount} · loan {loan} · own cash {own} · {rate}% × {days} days → interest {interest} · handling fee {fee}"
            ),
        }
    }
}

/// A printed figure checked against the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckRow {
    /// What it is.
    pub kind: FigureKind,
    /// At which price the source computed it.
    pub basis: Option<Basis>,
    /// As printed.
    pub printed: String,
    /// In base units.
    #[serde(serialize_with = "ser::exact")]
    pub value: Decimal,
    /// Computed from the data.
    #[serde(serialize_with = "ser::opt::dp4")]
    pub computed: Option<Decimal>,
    /// The computed value the way the figure was printed (same unit and
    /// digits), or to 2 places for prices, percentages and multiples.
    #[serde(skip)]
    pub computed_shown: Option<String>,
    /// Reproduces, differs, or cannot be checked.
    pub verdict: Verdict,
    /// Another price at which it reproduces.
    pub fits_basis: Option<Basis>,
    /// Why the data marks it as conflicting, in the report's language.
    pub conflict: Option<String>,
    /// The page.
    pub source: String,
    /// A quote to find the passage.
    pub quote: String,
}

impl CheckRow {
    fn of(c: &Check, lang: Lang) -> CheckRow {
        let p = &c.published;
        let shape = published::Printed {
            value: p.value,
            step: p.step,
            unit: p.unit,
        };
        CheckRow {
            kind: p.kind,
            basis: p.basis,
            printed: p.printed.clone(),
            value: p.value,
            computed: c.computed,
            computed_shown: c.computed.map(|x| match p.kind {
                // a price or a percentage reads best in full
                FigureKind::Price | FigureKind::GainPct | FigureKind::Pe | FigureKind::Ps => {
                    fixed(x, 2)
                }
                _ => shape.show_in(x, lang),
            }),
            verdict: c.verdict,
            fits_basis: c.fits_basis,
            conflict: p.conflict(lang).map(str::to_string),
            source: p.source.clone(),
            quote: p.quote.clone(),
        }
    }
}

impl CheckRow {
    /// What the printed figure is, in `lang`: `开盘价·涨幅`,
    /// `gain_pct @ open` (`发行时` / no basis for a figure at issue).
    pub fn what(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => {
                let basis = self.basis.map(Basis::name_zh).unwrap_or("发行时");
                format!("{basis}·{}", self.kind.name_zh())
            }
            Lang::En => {
                let basis = self.basis.map(|b| format!(" @ {}", b.id()));
                format!("{}{}", self.kind.id(), basis.unwrap_or_default())
            }
        }
    }

    /// The check as a line: ✓, ✗ or ?, the figure as printed, what it is,
    /// the value computed (and the price it fits, or the data's conflict)
    /// when it differs, and the source.
    pub fn line(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let what = match lang {
            Lang::Zh => format!("（{}）", self.what(lang)),
            Lang::En => format!(" ({})", self.what(lang)),
        };
        let colon = if zh { "：" } else { ": " };
        let (printed, source) = (&self.printed, &self.source);
        match self.verdict {
            Verdict::Reproduces => format!("✓ {printed}{what} — {source}"),
            Verdict::Differs => {
                let computed = self.computed_shown.as_deref().unwrap_or_default();
                let label = if zh { "计算得" } else { "computed" };
                let mut s = format!("✗ {printed}{what}{colon}{label} {computed}");
                if let Some(b) = self.fits_basis {
                    s.push_str(&match lang {
                        Lang::Zh => format!(" — 与此价格相符： {}", b.name_zh()),
                        Lang::En => format!(" — matches the price at {}", b.id()),
                    });
                }
                if let Some(why) = &self.conflict {
                    s.push_str(&format!(" — {why}"));
                }
                format!("{s} — {source}")
            }
            Verdict::Unverifiable => {
                let why = if zh {
                    "数据缺少所需数值，无法核对"
                } else {
                    "the data lacks what it needs; not checked"
                };
                format!("? {printed}{what}{colon}{why} — {source}")
            }
        }
    }
}

/// A provenance note of the record, in the report's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteRow {
    /// The field's id (`prices.low`, `market_cap@issue`).
    pub field: String,
    /// Stated, derived, conflict or missing.
    pub status: Provenance,
    /// The note.
    pub text: String,
    /// Where.
    pub sources: Vec<String>,
    /// The note as a line: tag, the field's name and the text.
    #[serde(skip)]
    pub line: String,
}

impl NoteRow {
    fn of(n: &FieldNote, lang: Lang) -> NoteRow {
        NoteRow {
            field: n.field.clone(),
            status: n.status,
            text: n.text(lang).to_string(),
            sources: n.sources.clone(),
            line: n.line(lang),
        }
    }
}

/// Everything `show` and `lot` print about one IPO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpoReport {
    /// Exchange code (`-` for an IPO typed in).
    pub code: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: Option<String>,
    /// Board id.
    pub board: Option<crate::Board>,
    /// First trading day.
    pub listing_date: Option<NaiveDate>,
    /// Quote currency.
    #[serde(serialize_with = "currency_code")]
    pub currency: Currency,
    /// Issue price.
    #[serde(serialize_with = "ser::price")]
    pub issue_price: Decimal,
    /// Shares per lot.
    pub lot_shares: u64,
    /// Issue price × lot.
    #[serde(serialize_with = "ser::money")]
    pub cost_per_lot: Decimal,
    /// Total shares after the IPO.
    pub total_shares: Option<u64>,
    /// Float shares.
    pub float_shares: Option<u64>,
    /// Shares offered.
    pub shares_offered: Option<u64>,
    /// Issue price × total shares.
    #[serde(serialize_with = "ser::opt::money")]
    pub market_cap_at_issue: Option<Decimal>,
    /// P/E at issue.
    #[serde(serialize_with = "ratio")]
    pub pe_at_issue: Option<Ratio>,
    /// P/S at issue.
    #[serde(serialize_with = "ratio")]
    pub ps_at_issue: Option<Ratio>,
    /// Online winning rates in percent, labelled.
    #[serde(rename = "win_rates_pct", serialize_with = "rates")]
    pub win_rates: Vec<(String, Decimal)>,
    /// One row per price.
    pub figures: Vec<FigureRow>,
    /// Net figures common to every price, or why there are none.
    #[serde(flatten)]
    pub fees: Fees,
    /// A margin application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<MarginRow>,
    /// The figures the press printed, checked.
    pub published: Vec<CheckRow>,
    /// Provenance notes of the record.
    pub notes: Vec<NoteRow>,
    /// The record's sources.
    pub sources: Vec<String>,
    /// What the reader should know.
    pub warnings: Warnings,
    /// Whether the fee tables are to be shown.
    #[serde(skip)]
    pub show_fees: bool,
    /// The warnings that concern only the net figures (fees, annualising):
    /// the JSON carries them with the net figures; a page or table that
    /// shows no fees leaves them out ([`IpoReport::shown_warnings`]).
    #[serde(skip)]
    pub fee_warnings: Vec<crate::message::Warning>,
    /// The working, when asked for.
    #[serde(rename = "explain", skip_serializing_if = "Option::is_none")]
    pub working: Option<Vec<Step>>,
}

fn currency_code<S: Serializer>(c: &Currency, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(c.code())
}

fn rates<S: Serializer>(r: &[(String, Decimal)], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_map(r.iter().map(|(k, v)| (k, num::trim(*v))))
}

impl IpoReport {
    /// Computes the report of `ipo`.
    ///
    /// Errors: a figure past a decimal's range; with `req.fees` (or a
    /// margin application), a fee schedule that does not cover the dates.
    pub fn build(ipo: &Ipo, req: &Request) -> Result<IpoReport> {
        let summary = returns::compute(ipo)?;
        let checks = published::check_all(&ipo.published, &summary);
        let show_fees = req.fees || req.margin.is_some();
        let schedule = Schedule::builtin()?;
        let mut opts = req.net;
        if let Some(m) = &req.margin {
            // the margin handling fee replaces the cash one in the lot's net
            opts.broker.handling_fee = m.handling_fee;
        }
        let net = match net::compute(ipo, &summary, &schedule, &opts) {
            Ok(n) => Ok(n),
            Err(e) if show_fees => return Err(e),
            Err(e) => Err(e.to_string()),
        };
        let mut warnings = Warnings::new(req.lang);
        warnings.extend(req.warnings.iter().cloned());
        if let (Some(b), Some(listed)) = (ipo.board, ipo.listing_date) {
            let prices: Vec<(&str, Decimal)> = summary
                .figures
                .iter()
                .filter(|f| {
                    matches!(
                        f.basis,
                        Basis::Open | Basis::High | Basis::Low | Basis::Close | Basis::Avg
                    )
                })
                .map(|f| (f.basis.id(), f.price))
                .collect();
            warnings.extend(crate::rules::first_day_band_warnings(
                b,
                listed,
                summary.issue_price,
                &prices,
            ));
        }
        let mut fee_warnings = Vec::new();
        if let Ok(n) = &net {
            fee_warnings = n
                .warnings
                .iter()
                .filter(|w| !warnings.items().contains(w))
                .cloned()
                .collect();
            warnings.extend(n.warnings.iter().cloned());
        }
        let margin = match (&req.margin, &net) {
            (Some(spec), Ok(n)) => Some(margin_row(spec, n)?),
            _ => None,
        };
        let working = req.explain.then(|| {
            working(
                ipo,
                &summary,
                net.as_ref().ok(),
                margin.as_ref(),
                req,
                show_fees,
            )
        });
        let figures = summary
            .figures
            .iter()
            .map(|f| figure_row(f, net.as_ref().ok()))
            .collect();
        let fees = match &net {
            Ok(n) => Fees::Net(fees_row(n, &summary, req.lang)?),
            Err(e) => Fees::Unavailable {
                fees_error: e.clone(),
            },
        };
        Ok(IpoReport {
            code: ipo.code.clone(),
            name_zh: ipo.name_zh.clone(),
            name_en: ipo.name_en.clone(),
            board: ipo.board,
            listing_date: ipo.listing_date,
            currency: summary.currency,
            issue_price: summary.issue_price,
            lot_shares: summary.lot_shares,
            cost_per_lot: summary.cost_per_lot,
            total_shares: ipo.total_shares.map(|x| x.get()),
            float_shares: ipo.float_shares.map(|x| x.get()),
            shares_offered: ipo.shares_offered.map(|x| x.get()),
            market_cap_at_issue: summary.market_cap_at_issue,
            pe_at_issue: summary.pe_at_issue,
            ps_at_issue: summary.ps_at_issue,
            win_rates: ipo.win_rates.clone(),
            figures,
            fees,
            margin,
            published: checks.iter().map(|c| CheckRow::of(c, req.lang)).collect(),
            notes: ipo.notes.iter().map(|n| NoteRow::of(n, req.lang)).collect(),
            sources: ipo.sources.clone(),
            warnings,
            show_fees,
            fee_warnings,
            working,
        })
    }

    /// The warnings for a reader of what is shown: all of them with the
    /// fees, else those the gross figures need.
    pub fn shown_warnings(&self) -> Vec<String> {
        let lang = self.warnings.lang();
        self.warnings
            .items()
            .iter()
            .filter(|w| self.show_fees || !self.fee_warnings.contains(w))
            .map(|w| w.text(lang))
            .collect()
    }

    /// The net figures common to every price, when computed.
    pub fn net(&self) -> Option<&FeesRow> {
        match &self.fees {
            Fees::Net(n) => Some(n),
            Fees::Unavailable { .. } => None,
        }
    }
}

fn figure_row(f: &Figure, net: Option<&NetSummary>) -> FigureRow {
    let n = net.and_then(|n| n.figures.iter().find(|x| x.basis == f.basis));
    FigureRow {
        basis: f.basis,
        label: f.label.clone(),
        date: f.date,
        price: f.price,
        lot_value: f.lot_value,
        profit_per_lot: f.profit_per_lot,
        gain_pct: f.gain_pct,
        return_on_cost_pct: f.return_on_cost_pct,
        market_cap: f.market_cap,
        float_market_cap: f.float_market_cap,
        pe: f.pe,
        ps: f.ps,
        net: n.map(|n| NetRow {
            sale_date: n.sale_date,
            fees: sell_fees(&n.sell),
            total_fees: n.total_fees,
            net_profit_per_lot: n.net_profit_per_lot,
            break_even_price: n.break_even_price,
            return_on_cash_pct: n.return_on_cash_pct,
            days: n.days,
            annualised_pct: n.annualised_pct,
        }),
    }
}

fn sell_fees(c: &Charges) -> Vec<SellFee> {
    c.lines
        .iter()
        .map(|l| SellFee {
            item: l.item.clone(),
            name_zh: l.name_zh.clone(),
            name_en: l.name_en.clone(),
            amount: l.amount,
        })
        .collect()
}

fn fees_row(n: &NetSummary, summary: &Summary, lang: Lang) -> Result<FeesRow> {
    let cost_per_lot = summary.cost_per_lot;
    let items = n.allotment.lines.iter().try_fold(Decimal::ZERO, |a, l| {
        num::add(a, l.amount, "allotment charge")
    })?;
    Ok(FeesRow {
        entry_fee: n.entry_fee,
        allotment_fees: n
            .allotment
            .lines
            .iter()
            .map(|l| AllotmentFee {
                item: l.item.clone(),
                name_zh: l.name_zh.clone(),
                name_en: l.name_en.clone(),
                amount: l.amount,
            })
            .collect(),
        allotment_total: n.allotment.total,
        allotment_rate_pct: num::div(
            num::mul(items, Decimal::ONE_HUNDRED, "allotment charge")?,
            cost_per_lot,
            "allotment charge",
        )?,
        allotment_date: n.allotment_date,
        handling_fee: n.handling_fee,
        cash_paid: n.cash_paid,
        annualised_convention: t(lang, "单利，实际天数/365", "simple, ACT/365"),
        tax_note: net::tax_note(summary.currency, lang),
    })
}

fn margin_row(spec: &MarginSpec, n: &NetSummary) -> Result<MarginRow> {
    let entry_fee = n.entry_fee.unwrap_or(n.cash_paid);
    let m = margin::margin(&MarginInput {
        lots: spec.lots,
        entry_fee,
        loan: spec.loan,
        annual_rate: spec.annual_rate,
        days: spec.days,
        handling_fee: spec.handling_fee,
    })?;
    let outcomes = n
        .figures
        .iter()
        .map(|f| {
            let o = margin::outcome(&m, f.net_profit_per_lot)?;
            Ok(MarginOutcome {
                basis: f.basis,
                if_allotted: o.if_allotted,
                if_not: o.if_not,
                break_even_rate_pct: o.break_even_rate_pct,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(MarginRow {
        lots: spec.lots,
        application_amount: m.application_amount,
        entry_fee,
        loan: m.loan,
        own_cash: m.own_cash,
        annual_rate_pct: num::mul(spec.annual_rate, Decimal::ONE_HUNDRED, "margin rate")?,
        days: m.days,
        interest: m.interest,
        handling_fee: m.handling_fee,
        if_none: -m.cost_if_not_allotted,
        outcomes,
    })
}

fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn price(p: Decimal) -> String {
    fixed(p, num::price_dp(p))
}

/// The working: the rule that gave the lot, every gross figure, and the
/// fees when shown.
fn working(
    ipo: &Ipo,
    summary: &Summary,
    net: Option<&NetSummary>,
    margin: Option<&MarginRow>,
    req: &Request,
    show_fees: bool,
) -> Vec<Step> {
    let lang = req.lang;
    let mut s: Vec<Step> = req
        .working
        .iter()
        .map(|w| Step {
            label: t(lang, "规则", "rule").into(),
            formula: w.text(lang),
        })
        .collect();
    s.extend(explain::steps(ipo, summary, lang));
    if show_fees {
        if let Some(n) = net {
            fee_steps(summary, n, margin, lang, &mut s);
        }
    }
    s
}

fn fee_steps(
    summary: &Summary,
    n: &NetSummary,
    margin: Option<&MarginRow>,
    lang: Lang,
    s: &mut Vec<Step>,
) {
    let name = |l: &crate::fees::FeeLine| match lang {
        Lang::Zh => l.name_zh.clone(),
        Lang::En => l.name_en.clone(),
    };
    for l in &n.allotment.lines {
        s.push(Step {
            label: format!("{} ({})", t(lang, "中签费用", "allotment"), name(l)),
            formula: format!("{} [{}]", l.formula.text(lang), l.source),
        });
    }
    if !n.allotment.lines.is_empty() {
        s.push(Step {
            label: t(lang, "中签费用合计", "allotment charge").into(),
            formula: format!(
                "{} ({})",
                group(n.allotment.total, 2),
                t(
                    lang,
                    "各项合计后一次四舍五入至分",
                    "items summed, rounded once half-up to the cent"
                )
            ),
        });
    }
    if let Some(e) = n.entry_fee {
        s.push(Step {
            label: t(lang, "入场费", "entry fee").into(),
            formula: format!(
                "{} + {} = {}",
                group(summary.cost_per_lot, 2),
                group(n.allotment.total, 2),
                group(e, 2)
            ),
        });
    }
    for f in &n.figures {
        let b = f.basis.word(lang);
        for l in &f.sell.lines {
            s.push(Step {
                label: format!("{b}: {} {}", t(lang, "卖出", "sell"), name(l)),
                formula: l.formula.text(lang),
            });
        }
        let gross = summary
            .at(f.basis)
            .map(|g| g.profit_per_lot)
            .unwrap_or_default();
        s.push(Step {
            label: format!("{b}: {}", t(lang, "每签净收益", "net profit per lot")),
            formula: format!(
                "{} − {} − {} − {} = {}",
                group(gross, 2),
                group(n.allotment.total, 2),
                group(n.handling_fee, 2),
                group(f.sell.total, 2),
                group(f.net_profit_per_lot, 2)
            ),
        });
        s.push(Step {
            label: format!("{b}: {}", t(lang, "保本卖价", "break-even price")),
            formula: format!(
                "{} ({})",
                price(f.break_even_price),
                t(
                    lang,
                    "净收益不为负的最低价位",
                    "the lowest tick with a net profit of zero or more"
                )
            ),
        });
        let mut r = format!(
            "{} ÷ {} × 100 = {}%",
            group(f.net_profit_per_lot, 2),
            group(n.cash_paid, 2),
            fixed(f.return_on_cash_pct, num::PCT_DP)
        );
        match (f.days, f.annualised_pct) {
            (Some(d), Some(a)) => r.push_str(&format!(
                "; × 365 ÷ {d} {} = {}% ({})",
                t(lang, "天", "days"),
                fixed(a, num::PCT_DP),
                t(lang, "单利, 实际天数/365", "simple, ACT/365")
            )),
            (Some(d), None) => r.push_str(&match lang {
                Lang::Zh => format!("；{d} 天：不计年化"),
                Lang::En => format!("; {d} days: not annualised"),
            }),
            _ => r.push_str(t(
                lang,
                "；未给出缴款日，不计年化",
                "; no payment date given, so not annualised",
            )),
        }
        s.push(Step {
            label: format!("{b}: {}", t(lang, "资金收益率", "return on cash")),
            formula: r,
        });
    }
    if let Some(m) = margin {
        s.push(Step {
            label: t(lang, "孖展申购金额", "margin application").into(),
            formula: format!(
                "{} × {} = {}",
                m.lots,
                group(m.entry_fee, 2),
                group(m.application_amount, 2)
            ),
        });
        s.push(Step {
            label: t(lang, "融资利息", "interest").into(),
            formula: format!(
                "{} × {}% × {} ÷ 365 = {}",
                group(m.loan, 2),
                num::trim(m.annual_rate_pct),
                m.days,
                group(m.interest, 2)
            ),
        });
        for o in &m.outcomes {
            if let Some(r) = o.break_even_rate_pct {
                s.push(Step {
                    label: format!(
                        "{}: {}",
                        o.basis.word(lang),
                        t(lang, "保本一手中签率", "break-even one-lot rate")
                    ),
                    formula: format!(
                        "({} + {}) ÷ ({} + {}) × 100 = {}%",
                        group(m.interest, 2),
                        group(m.handling_fee, 2),
                        group(o.if_allotted + m.interest, 2),
                        group(m.handling_fee, 2),
                        fixed(r, 2)
                    ),
                });
            }
        }
    }
}
