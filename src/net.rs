//! What a winning lot really earned: fees and taxes itemised by the
//! schedule of the day, net profit, the break-even sell price, and the
//! return on the cash paid — annualised only with its days and base stated.
//!
//! Conventions:
//! - cash paid = issue price × lot (A-shares: paid on T+2, no fees on the
//!   allotment); Hong Kong adds the allotment charge (1 % brokerage and the
//!   levies) and the broker's application handling fee.
//! - net profit = (price − issue) × lot − allotment charge − handling fee −
//!   selling costs (stamp duty, exchange fees, commission).
//! - break-even price = the lowest price on the tick grid at which the net
//!   profit is not negative.
//! - return on cash = net profit ÷ cash paid; annualised (simple, ACT/365)
//!   = return × 365 ÷ calendar days from the day the cash left the account to
//!   the sale. Individuals owe no income tax on these gains (A-shares:
//!   财税字〔1998〕61号; Hong Kong: no capital-gains tax unless trading is a
//!   business).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::board::{Board, Currency};
use crate::error::{Error, Result};
use crate::fees::{self, Broker, Charges, Exchange, Schedule};
use crate::ipo::{Basis, Ipo};
use crate::message::Warning;
use crate::num;
use crate::returns::Summary;
use crate::tick;

/// Dates and broker terms for net figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetOptions {
    /// The broker's commission and handling fee.
    pub broker: Broker,
    /// The application day, for the allotment charge's schedule (default:
    /// the IPO's subscription date, else its listing date).
    pub application_date: Option<NaiveDate>,
    /// The day the cash left the account (A-shares: the T+2 payment day;
    /// Hong Kong: the application day). Without it no annualised figure.
    pub cash_out_date: Option<NaiveDate>,
    /// Sell every basis on this day (default: each price's own day — the
    /// listing day, the exit day, the grey-market day).
    pub sale_date: Option<NaiveDate>,
}

/// The net figures at one price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetFigure {
    /// The price basis.
    pub basis: Basis,
    /// The price.
    pub price: Decimal,
    /// The sale day whose schedule priced the selling costs.
    pub sale_date: NaiveDate,
    /// Selling costs, itemised.
    pub sell: Charges,
    /// All fees: allotment charge + handling fee + selling costs.
    pub total_fees: Decimal,
    /// Profit per lot after every fee.
    pub net_profit_per_lot: Decimal,
    /// Lowest tick price with a non-negative net profit.
    pub break_even_price: Decimal,
    /// Net profit ÷ cash paid, in percent, unrounded.
    pub return_on_cash_pct: Decimal,
    /// Calendar days the cash was tied up, when the dates are known.
    pub days: Option<i64>,
    /// Simple annualised return (ACT/365), in percent, when `days` > 0.
    pub annualised_pct: Option<Decimal>,
}

/// Net figures for every price basis of an IPO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetSummary {
    /// The allotment charge per lot (Hong Kong; zero lines for A-shares).
    pub allotment: Charges,
    /// The day whose schedule priced the allotment charge.
    pub allotment_date: NaiveDate,
    /// Hong Kong entry fee per lot: issue × lot + allotment charge.
    pub entry_fee: Option<Decimal>,
    /// The broker's application handling fee.
    pub handling_fee: Decimal,
    /// Cash paid per lot.
    pub cash_paid: Decimal,
    /// One entry per price.
    pub figures: Vec<NetFigure>,
    /// What the income-tax position is (English).
    pub tax_note: &'static str,
    /// Warnings from unclear rows and missing dates.
    pub warnings: Vec<Warning>,
}

/// The income-tax note for a currency, in `lang`.
pub fn tax_note(currency: Currency, lang: crate::Lang) -> &'static str {
    use crate::Lang::{En, Zh};
    match (currency, lang) {
        (Currency::Cny, Zh) => "个人投资者买卖A股所得暂免征收个人所得税（财税字〔1998〕61号）；网上申购所得股份不属于限售股",
        (Currency::Cny, En) => "individuals pay no income tax on A-share trading gains (财税字〔1998〕61号); online IPO allotments are not restricted shares",
        (Currency::Hkd, Zh) => "香港对个人不征收资本利得税（以证券买卖为业者除外）",
        (Currency::Hkd, En) => "Hong Kong levies no capital-gains tax on individuals unless trading is their business",
    }
}

fn board_or_default(ipo: &Ipo) -> Board {
    ipo.board.unwrap_or(match ipo.currency {
        Currency::Hkd => Board::Hkex,
        Currency::Cny => Board::Star,
    })
}

fn sale_day(ipo: &Ipo, basis: Basis, opts: &NetOptions) -> Result<NaiveDate> {
    if let Some(d) = opts.sale_date {
        return Ok(d);
    }
    let quote_date = ipo.quote(basis).and_then(|q| q.date);
    let day = match basis {
        Basis::Exit => quote_date,
        Basis::Grey => quote_date.or(ipo.listing_date.and_then(|d| d.pred_opt())),
        _ => ipo.listing_date,
    };
    day.or(ipo.subscription_date).ok_or_else(|| {
        Error::missing(
            "--sell-date",
            crate::why!(
                "the sale day sets the fees of the day",
                "卖出日决定当日适用的费用"
            ),
        )
    })
}

/// Net profit per lot if sold at `price` on `day`, with the fixed costs
/// (allotment charge and handling fee) already known.
fn net_at(
    ipo: &Ipo,
    schedule: &Schedule,
    broker: &Broker,
    day: NaiveDate,
    price: Decimal,
    fixed_costs: Decimal,
) -> Result<(Decimal, Charges)> {
    let lot = ipo.lot_shares.dec();
    let amount = num::mul(price, lot, "sale amount")?;
    let exchange = Exchange::of(board_or_default(ipo));
    let sell = fees::sell_costs(
        schedule,
        exchange,
        day,
        amount,
        ipo.lot_shares.get(),
        broker,
    )?;
    let what = "net profit per lot";
    let gross = num::mul(num::sub(price, ipo.issue_price.get(), what)?, lot, what)?;
    let net = num::sub(num::sub(gross, fixed_costs, what)?, sell.total, what)?;
    Ok((net, sell))
}

fn break_even(
    ipo: &Ipo,
    schedule: &Schedule,
    broker: &Broker,
    day: NaiveDate,
    fixed_costs: Decimal,
) -> Result<Decimal> {
    let board = board_or_default(ipo);
    let lot = ipo.lot_shares.dec();
    let issue = ipo.issue_price.get();
    let net = |p: Decimal| net_at(ipo, schedule, broker, day, p, fixed_costs).map(|r| r.0);
    // Start where the costs at the issue price are recovered, then walk the
    // tick grid: up until the net is not negative, down while it stays so.
    let mut p = tick::ceil_to_tick(board, issue, day)?;
    for _ in 0..200 {
        let n = net(p)?;
        if n >= Decimal::ZERO {
            break;
        }
        let step = tick::tick(board, p, day)?;
        let jump = tick::ceil_to_tick(board, p + (-n) / lot, day)?;
        p = if jump > p { jump } else { p + step };
    }
    for _ in 0..200 {
        let step = tick::tick(board, p, day)?;
        let lower = p - step;
        if lower <= Decimal::ZERO || net(lower)? < Decimal::ZERO {
            break;
        }
        p = lower;
    }
    Ok(p)
}

/// Net figures at every price of `summary`.
pub fn compute(
    ipo: &Ipo,
    summary: &Summary,
    schedule: &Schedule,
    opts: &NetOptions,
) -> Result<NetSummary> {
    let board = board_or_default(ipo);
    let exchange = Exchange::of(board);
    let hk = board == Board::Hkex;
    let mut warnings = Vec::new();

    let allotment_date = opts
        .application_date
        .or(ipo.subscription_date)
        .or(ipo.listing_date)
        .ok_or_else(|| {
            Error::missing(
                "--date",
                crate::why!(
                    "the application day sets the allotment charge",
                    "申购日决定配售费用"
                ),
            )
        })?;
    let allotment =
        fees::allotment_charges(schedule, exchange, allotment_date, summary.cost_per_lot)?;
    warnings.extend(allotment.warnings.iter().cloned());
    let handling_fee = if hk {
        opts.broker.handling_fee
    } else {
        Decimal::ZERO
    };
    let fixed_costs = num::add(allotment.total, handling_fee, "fees")?;
    let cash_paid = num::add(summary.cost_per_lot, fixed_costs, "cash paid")?;
    let entry_fee = match hk {
        true => Some(num::add(
            summary.cost_per_lot,
            allotment.total,
            "entry fee",
        )?),
        false => None,
    };
    let cash_out = opts.cash_out_date.or(ipo.payment_date);
    if cash_out.is_none() {
        warnings.push(Warning::NotAnnualised);
    }

    let mut figures = Vec::with_capacity(summary.figures.len());
    for f in &summary.figures {
        let day = sale_day(ipo, f.basis, opts)?;
        if let Some(listed) = ipo.listing_date {
            if day < listed && f.basis != Basis::Grey {
                return Err(Error::invalid(
                    "--sell-date",
                    &day.to_string(),
                    crate::why!("before the listing date {listed}", "早于上市日 {listed}"),
                ));
            }
        }
        if let Some(c) = cash_out {
            if day < c {
                return Err(Error::invalid(
                    "--sell-date",
                    &day.to_string(),
                    crate::why!("before the day the cash was paid, {c}", "早于缴款日 {c}"),
                ));
            }
        }
        let (net, sell) = net_at(ipo, schedule, &opts.broker, day, f.price, fixed_costs)?;
        for w in &sell.warnings {
            if !warnings.contains(w) {
                warnings.push(w.clone());
            }
        }
        let roc = num::div(
            num::mul(net, Decimal::ONE_HUNDRED, "return")?,
            cash_paid,
            "return",
        )?;
        let days = cash_out.map(|c| (day - c).num_days());
        let annualised = match days {
            Some(n) if n > 0 => Some(num::div(
                num::mul(roc, Decimal::from(365), "annualised return")?,
                Decimal::from(n),
                "annualised return",
            )?),
            _ => None,
        };
        figures.push(NetFigure {
            basis: f.basis,
            price: f.price,
            sale_date: day,
            total_fees: num::add(fixed_costs, sell.total, "fees")?,
            sell,
            net_profit_per_lot: net,
            break_even_price: break_even(ipo, schedule, &opts.broker, day, fixed_costs)?,
            return_on_cash_pct: roc,
            days,
            annualised_pct: annualised,
        });
    }
    Ok(NetSummary {
        allotment,
        allotment_date,
        entry_fee,
        handling_fee,
        cash_paid,
        figures,
        tax_note: tax_note(summary.currency, crate::Lang::En),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;
    use crate::input::ymd;
    use crate::returns;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn opts(currency: Currency) -> NetOptions {
        NetOptions {
            broker: Broker::default_for(currency),
            application_date: None,
            cash_out_date: None,
            sale_date: None,
        }
    }

    #[test]
    fn metax_close_net_of_fees() {
        let data = Dataset::builtin().unwrap();
        let ipo = data.find("688802").unwrap();
        let s = returns::compute(ipo).unwrap();
        let mut o = opts(Currency::Cny);
        // 沐曦: payment day assumed 2025-12-10 for this test; sold on the listing day
        o.cash_out_date = Some(ymd(2025, 12, 10));
        let n = compute(ipo, &s, &Schedule::builtin().unwrap(), &o).unwrap();
        let close = n.figures.iter().find(|f| f.basis == Basis::Close).unwrap();
        // gross 362,620 − selling costs 337.82 (see fees::tests::a_share_sale_worked)
        assert_eq!(close.net_profit_per_lot, d("362282.18"));
        assert_eq!(close.days, Some(7));
        assert_eq!(n.cash_paid, d("52330.00"));
        assert!(n.entry_fee.is_none());
    }

    #[test]
    fn break_even_is_the_lowest_tick_that_pays() {
        let data = Dataset::builtin().unwrap();
        let ipo = data.find("688802").unwrap();
        let s = returns::compute(ipo).unwrap();
        let sched = Schedule::builtin().unwrap();
        let o = opts(Currency::Cny);
        let n = compute(ipo, &s, &sched, &o).unwrap();
        let be = n.figures[0].break_even_price;
        let day = n.figures[0].sale_date;
        let at = |p: Decimal| {
            net_at(ipo, &sched, &o.broker, day, p, Decimal::ZERO)
                .unwrap()
                .0
        };
        assert!(at(be) >= Decimal::ZERO);
        assert!(at(be - d("0.01")) < Decimal::ZERO);
        // 104.66 × 500 = 52,330: commission minimum ¥13.08 (万2.5) plus
        // stamp duty etc. → a few fen above the issue price
        assert!(be > d("104.66") && be < d("104.80"), "{be}");
    }

    #[test]
    fn biren_entry_fee_and_net() {
        let data = Dataset::builtin().unwrap();
        let ipo = data.find("6082.HK").unwrap();
        let s = returns::compute(ipo).unwrap();
        let mut o = opts(Currency::Hkd);
        o.application_date = Some(ymd(2025, 12, 23));
        let n = compute(ipo, &s, &Schedule::builtin().unwrap(), &o).unwrap();
        assert_eq!(n.entry_fee, Some(d("3959.53")));
        let open = n.figures.iter().find(|f| f.basis == Basis::Open).unwrap();
        // 3,220 − 39.53 allotment − selling 7,140: stamp 8 + trading 0.40 +
        // SFC 0.19 + AFRC 0.01 + settlement 0.30 + commission 7 (min)
        assert_eq!(open.sell.total, d("15.90"));
        assert_eq!(open.net_profit_per_lot, d("3164.57"));
    }

    #[test]
    fn sale_before_listing_is_an_error() {
        let data = Dataset::builtin().unwrap();
        let ipo = data.find("688795").unwrap();
        let s = returns::compute(ipo).unwrap();
        let mut o = opts(Currency::Cny);
        o.sale_date = Some(ymd(2025, 12, 4));
        let e = compute(ipo, &s, &Schedule::builtin().unwrap(), &o).unwrap_err();
        assert!(e.to_string().contains("before the listing date"), "{e}");
    }
}
