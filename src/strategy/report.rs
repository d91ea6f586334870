//! The strategy report: every figure of a run as data, for any front end.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::curve::PoolCurve;
use super::dist::{self, Distribution, Draw};
use super::input::{CapSource, Excluded, Pool, ProfitBasis, RuleDay, Subscription, Why};
use super::note::{why_text, Note, WorkLabel};
use super::split::{self, BestSplit};
use crate::board::Board;
use crate::error::{Error, Result};
use crate::headline::Lang;
use crate::num;
use crate::odds::{self, OddsInput};
use crate::report::ser;

/// What to compute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Average Shanghai market value, yuan.
    pub sh: Decimal,
    /// Average Shenzhen market value, yuan.
    pub sz: Decimal,
    /// The step of the marginal return, yuan.
    pub step: Decimal,
    /// First day of the period (by subscription day, else listing day).
    pub from: Option<NaiveDate>,
    /// Last day of the period.
    pub to: Option<NaiveDate>,
    /// A total to split, with the number of accounts.
    pub total: Option<Decimal>,
    /// Accounts (separate investors).
    pub accounts: u32,
    /// Monte Carlo samples, when the exact percentiles are too big.
    pub samples: u64,
    /// Its seed.
    pub seed: u64,
    /// The basis (for the notes).
    pub basis: ProfitBasis,
    /// Whether fees were taken off (for the notes).
    pub fees: bool,
    /// STAR counted (for the notes).
    pub star: bool,
    /// ChiNext counted (for the notes).
    pub chinext: bool,
}

/// One IPO at the account's market value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Line in its file.
    pub line: Option<u64>,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Board.
    pub board: Board,
    /// Pool.
    pub pool: Pool,
    /// The day its rules were taken from.
    pub date: NaiveDate,
    /// Which day that is.
    pub rule_day: RuleDay,
    /// 中签率, percent.
    #[serde(serialize_with = "ser::exact")]
    pub win_rate_pct: Decimal,
    /// The cap, shares; `None` (JSON `null`) when no cap is known at all —
    /// no cap in the row and none in the board's rules (the SSE main board
    /// since 2023). With `cap_source` `rule_max` a number is the rule's
    /// absolute cap (STAR's 99,999,500 shares, 9999.95万股).
    pub cap_shares: Option<u64>,
    /// Where it came from.
    pub cap_source: CapSource,
    /// 顶格: the value that earns the cap; `None` when only the rule's
    /// absolute cap is known.
    #[serde(serialize_with = "ser::opt::money")]
    pub full_quota_mv: Option<Decimal>,
    /// The pool's market value.
    #[serde(serialize_with = "ser::money")]
    pub mv: Decimal,
    /// Units earned (before the cap).
    pub units: u64,
    /// Shares applied for.
    pub quota_shares: u64,
    /// Numbers (配号).
    pub numbers: u64,
    /// The cap bound.
    pub capped: bool,
    /// Below the ¥10,000 minimum.
    pub below_minimum: bool,
    /// numbers × rate.
    #[serde(serialize_with = "ser::exact")]
    pub expected_lots: Decimal,
    /// P(at least one lot) by the model the spread uses, the tail-number
    /// draw: min(1, n·r).
    #[serde(serialize_with = "ser::exact")]
    pub p_at_least_one: Decimal,
    /// The model of `p_at_least_one`: always `tail_number`.
    pub p_at_least_one_model: &'static str,
    /// The same were every number an independent draw: 1 − (1 − r)ⁿ.
    #[serde(serialize_with = "ser::exact")]
    pub p_at_least_one_independent: Decimal,
    /// Profit per lot counted.
    #[serde(serialize_with = "ser::money")]
    pub profit_per_lot: Decimal,
    /// Fees per lot taken off.
    #[serde(serialize_with = "ser::money")]
    pub fees_per_lot: Decimal,
    /// Expected profit.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// The working, numbers put in.
    pub working: String,
}

/// One pool's totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolSummary {
    /// Market value.
    #[serde(serialize_with = "ser::money")]
    pub mv: Decimal,
    /// IPOs counted.
    pub ipos: usize,
    /// Expected lots.
    #[serde(serialize_with = "ser::exact")]
    pub expected_lots: Decimal,
    /// Expected profit.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// Expected profit ÷ market value, percent (`None` without value).
    #[serde(serialize_with = "ser::opt::pct")]
    pub return_pct: Option<Decimal>,
    /// Annualised, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub annualised_pct: Option<Decimal>,
    /// The largest 顶格 in the pool; `None` when an IPO has no known cap.
    #[serde(serialize_with = "ser::opt::money")]
    pub full_quota_mv: Option<Decimal>,
    /// Marginal return of the next step, percent.
    #[serde(serialize_with = "ser::pct")]
    pub marginal_pct: Decimal,
}

/// The marginal return of the next step on one exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marginal {
    /// The exchange.
    pub exchange: Pool,
    /// The step, yuan.
    #[serde(serialize_with = "ser::money")]
    pub step: Decimal,
    /// [E(mv + step) − E(mv)] ÷ step, percent.
    #[serde(serialize_with = "ser::pct")]
    pub return_pct: Decimal,
}

/// A point of a pool's curve: 市值 → expected profit, return, marginal return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurveRow {
    /// The pool.
    pub pool: Pool,
    /// Market value.
    #[serde(serialize_with = "ser::money")]
    pub mv: Decimal,
    /// Expected profit.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// Return, percent.
    #[serde(serialize_with = "ser::pct")]
    pub return_pct: Decimal,
    /// Annualised, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub annualised_pct: Option<Decimal>,
    /// Marginal return of the next step, percent.
    #[serde(serialize_with = "ser::pct")]
    pub marginal_pct: Decimal,
}

/// The period the figures cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Calendar days, both ends counted.
    pub days: i64,
    /// The annualisation convention.
    pub convention: &'static str,
}

/// A line of working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Work {
    /// What it computes.
    pub label: WorkLabel,
    /// The formula with its numbers.
    pub formula: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// IPOs counted.
    pub ipos: usize,
    /// The period.
    pub period: Option<Period>,
    /// The profit basis.
    pub basis: ProfitBasis,
    /// Fees taken off.
    pub fees: bool,
    /// Shanghai.
    pub sh: PoolSummary,
    /// Shenzhen.
    pub sz: PoolSummary,
    /// Both.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// Return on the value held, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub return_pct: Option<Decimal>,
    /// Annualised, percent.
    #[serde(serialize_with = "ser::opt::pct")]
    pub annualised_pct: Option<Decimal>,
    /// Marginal returns.
    pub marginal: Vec<Marginal>,
    /// The spread.
    pub distribution: Distribution,
    /// The best split of `--total`.
    pub best_split: Option<BestSplit>,
    /// 市值 → expected profit, return, marginal return, per pool.
    pub curve: Vec<CurveRow>,
    /// Per IPO.
    pub rows: Vec<Row>,
    /// Rows not counted.
    pub excluded: Vec<Excluded>,
    /// Notes and assumptions.
    pub notes: Vec<Note>,
    /// The working.
    pub working: Vec<Work>,
}

impl Report {
    /// The value held on both exchanges.
    pub fn total_mv(&self) -> Decimal {
        // two validated market values: far inside a decimal
        self.sh.mv.saturating_add(self.sz.mv)
    }

    /// The lots both exchanges are expected to bring.
    pub fn total_expected_lots(&self) -> Decimal {
        self.sh.expected_lots.saturating_add(self.sz.expected_lots)
    }

    /// The report as its JSON document in `lang`: every note in words
    /// (`messages`), every row not counted with its reason in words
    /// (`why_text`), and the working only with `explain` (each line's label
    /// in words, `label_text`).
    pub fn to_json(&self, lang: Lang, explain: bool) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or(Value::Null);
        let Value::Object(m) = &mut v else { return v };
        let messages = self.notes.iter().map(|n| Value::String(n.text(lang)));
        m.insert("messages".into(), Value::Array(messages.collect()));
        if let Some(Value::Array(ex)) = m.get_mut("excluded") {
            for (e, src) in ex.iter_mut().zip(&self.excluded) {
                if let Value::Object(o) = e {
                    o.insert("why_text".into(), Value::String(why_text(&src.why, lang)));
                    if let super::input::Why::RowError(w) = &src.why {
                        o.insert("detail".into(), Value::String(w.text(lang).into()));
                    }
                }
            }
        }
        if explain {
            if let Some(Value::Array(w)) = m.get_mut("working") {
                for (x, src) in w.iter_mut().zip(&self.working) {
                    if let Value::Object(o) = x {
                        o.insert("label_text".into(), Value::String(src.label.text(lang)));
                    }
                }
            }
            return v;
        }
        m.remove("working");
        if let Some(Value::Array(rows)) = m.get_mut("rows") {
            for row in rows.iter_mut() {
                if let Value::Object(o) = row {
                    o.remove("working");
                }
            }
        }
        v
    }
}

fn pct_of(x: Decimal, of: Decimal) -> Result<Option<Decimal>> {
    if of <= Decimal::ZERO {
        return Ok(None);
    }
    Ok(Some(num::div(
        num::mul(x, Decimal::ONE_HUNDRED, "return")?,
        of,
        "return",
    )?))
}

fn annualise(pct: Option<Decimal>, days: Option<i64>) -> Result<Option<Decimal>> {
    match (pct, days) {
        (Some(p), Some(d)) if d > 0 => Ok(Some(num::div(
            num::mul(p, Decimal::from(365), "annualised return")?,
            Decimal::from(d),
            "annualised return",
        )?)),
        _ => Ok(None),
    }
}

/// The 市值 points of a pool's curve table: 1万 … up to the first past the
/// pool's largest 顶格, plus that 顶格 and the account's own value.
fn ladder(full_quota: u64, own: Decimal) -> Vec<Decimal> {
    const WAN: [u64; 24] = [
        1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000,
        2000,
    ];
    let mut v: Vec<Decimal> = Vec::new();
    for w in WAN {
        let x = w * 10_000;
        v.push(Decimal::from(x));
        if x >= full_quota {
            break;
        }
    }
    // a 顶格 within the ladder's reach (not the rule's absolute cap of an
    // IPO whose table gave none)
    if full_quota > 0 && full_quota <= 20_000_000 {
        v.push(Decimal::from(full_quota));
    }
    if own > Decimal::ZERO {
        v.push(own);
    }
    v.sort();
    v.dedup();
    v
}

/// Builds the report of `subs` (the rows that count) at the plan's values.
/// `excluded` are the rows that did not count; `progress` is told the Monte
/// Carlo samples done.
pub fn build(
    subs: &[Subscription],
    mut excluded: Vec<Excluded>,
    plan: &Plan,
    progress: &mut dyn FnMut(u64),
) -> Result<Report> {
    for (flag, v) in [("--sh", plan.sh), ("--sz", plan.sz)] {
        if v < Decimal::ZERO {
            return Err(Error::invalid(
                flag,
                &v.to_string(),
                crate::why!("a market value cannot be negative", "市值不能为负"),
            ));
        }
    }
    if let (Some(f), Some(t)) = (plan.from, plan.to) {
        if t < f {
            return Err(Error::invalid(
                "--to",
                &t.to_string(),
                crate::why!("before --from {f}", "早于 --from {f}"),
            ));
        }
    }
    // each code once: the first row of it counts
    let mut seen = std::collections::HashSet::new();
    let mut unique: Vec<&Subscription> = Vec::with_capacity(subs.len());
    for s in subs {
        if seen.insert(crate::data::normalize_code(&s.code)) {
            unique.push(s);
        } else {
            excluded.push(Excluded {
                line: s.line,
                code: s.code.clone(),
                name: s.name.clone(),
                why: Why::Duplicate,
            });
        }
    }
    // the period
    let mut outside = 0usize;
    let counted: Vec<&Subscription> = unique
        .into_iter()
        .filter(|s| {
            let inside =
                plan.from.is_none_or(|f| s.date >= f) && plan.to.is_none_or(|t| s.date <= t);
            if !inside {
                outside += 1;
            }
            inside
        })
        .collect();
    let from = plan.from.or(counted.iter().map(|s| s.date).min());
    let to = plan.to.or(counted.iter().map(|s| s.date).max());
    let period = match (from, to) {
        (Some(f), Some(t)) => Some(Period {
            from: f,
            to: t,
            days: (t - f).num_days() + 1,
            convention: "simple, ACT/365: return × 365 ÷ calendar days (both ends counted)",
        }),
        _ => None,
    };
    let days = period.as_ref().map(|p| p.days);
    let owned: Vec<Subscription> = counted.iter().map(|s| (*s).clone()).collect();
    let curves = [
        PoolCurve::new(Pool::Sh, &owned)?,
        PoolCurve::new(Pool::Sz, &owned)?,
    ];
    let mv_of = |p: Pool| if p == Pool::Sh { plan.sh } else { plan.sz };

    // per IPO
    let mut rows = Vec::with_capacity(owned.len());
    let mut draws = Vec::with_capacity(owned.len());
    for s in &owned {
        let mv = mv_of(s.pool);
        let o = odds::a_share_odds(&OddsInput {
            board: s.board,
            date: s.date,
            market_value: mv,
            cap_shares: Some(s.cap_shares),
            win_rate_pct: s.win_rate_pct,
        })?;
        let e = num::mul(o.expected_lots, s.profit_per_lot, "expected profit")?;
        let capped = if s.cap_shares >= super::input::NO_CAP {
            // no cap known: the numbers are the units
            format!("min({}, ∞)", o.units)
        } else {
            format!("min({}, {})", o.units, s.cap_numbers)
        };
        let working = format!(
            "⌊{} ÷ {}⌋ = {} → {capped} = {} × {}% = {} × {} = {}",
            num::group(mv, 0),
            num::group(Decimal::from(s.mv_per_unit), 0),
            o.units,
            o.numbers,
            num::trim(s.win_rate_pct),
            num::trim(o.expected_lots),
            num::group(s.profit_per_lot, 2),
            num::group(e, 2)
        );
        draws.push(Draw {
            numbers: o.numbers,
            rate: s.rate(),
            profit: s.profit_per_lot,
        });
        rows.push(Row {
            line: s.line,
            code: s.code.clone(),
            name: s.name.clone(),
            board: s.board,
            pool: s.pool,
            date: s.date,
            rule_day: s.rule_day,
            win_rate_pct: s.win_rate_pct,
            cap_shares: (s.cap_shares < super::input::NO_CAP).then_some(s.cap_shares),
            cap_source: s.cap_source,
            full_quota_mv: (s.cap_source != CapSource::RuleMax).then_some(s.full_quota_mv),
            mv,
            units: o.units,
            quota_shares: o.quota_shares,
            numbers: o.numbers,
            capped: o.capped,
            below_minimum: o.below_minimum,
            expected_lots: o.expected_lots,
            p_at_least_one: o.p_tail_number,
            p_at_least_one_model: "tail_number",
            p_at_least_one_independent: o.p_independent,
            profit_per_lot: s.profit_per_lot,
            fees_per_lot: s.fees_per_lot,
            expected_profit: e,
            working,
        });
    }

    // pools
    let mut working = Vec::new();
    let mut summaries = Vec::with_capacity(2);
    let mut marginal = Vec::with_capacity(2);
    for (i, pool) in Pool::BOTH.iter().enumerate() {
        let c = &curves[i];
        let mv = mv_of(*pool);
        let pt = c.at(mv)?;
        // the curve and the rows agree: a check, not a second source
        let from_rows: Decimal = rows
            .iter()
            .filter(|r| r.pool == *pool)
            .map(|r| r.expected_profit)
            .sum();
        if from_rows != pt.profit {
            return Err(Error::overflow("expected profit (rows and curve disagree)"));
        }
        let ret = pct_of(pt.profit, mv)?;
        let m = c.marginal_pct(mv, plan.step)?;
        let next = c.at(num::add(mv, plan.step, "market value")?)?.profit;
        working.push(Work {
            label: WorkLabel::Expected(*pool),
            formula: format!(
                "Σ nᵢ × rᵢ × pᵢ (i = 1…{}) = {}",
                c.ipos,
                num::group(pt.profit, 2)
            ),
        });
        if let Some(r) = ret {
            working.push(Work {
                label: WorkLabel::Return(*pool),
                formula: format!(
                    "{} ÷ {} × 100 = {}%",
                    num::group(pt.profit, 2),
                    num::group(mv, 2),
                    num::fixed(r, 4)
                ),
            });
        }
        working.push(Work {
            label: WorkLabel::Marginal(*pool),
            formula: format!(
                "(E({}) − E({})) ÷ {} × 100 = ({} − {}) ÷ {} × 100 = {}%",
                num::group(mv + plan.step, 0),
                num::group(mv, 0),
                num::group(plan.step, 0),
                num::group(next, 2),
                num::group(pt.profit, 2),
                num::group(plan.step, 0),
                num::fixed(m, 4)
            ),
        });
        marginal.push(Marginal {
            exchange: *pool,
            step: plan.step,
            return_pct: m,
        });
        summaries.push(PoolSummary {
            mv,
            ipos: c.ipos,
            expected_lots: pt.lots,
            expected_profit: pt.profit,
            return_pct: ret,
            annualised_pct: annualise(ret, days)?,
            full_quota_mv: c.full_quota().map(Decimal::from),
            marginal_pct: m,
        });
    }
    let (sh, sz) = (summaries[0].clone(), summaries[1].clone());
    let expected_profit = num::add(sh.expected_profit, sz.expected_profit, "expected profit")?;
    let held = num::add(plan.sh, plan.sz, "market value")?;
    let return_pct = pct_of(expected_profit, held)?;
    let annualised_pct = annualise(return_pct, days)?;
    if let Some(r) = return_pct {
        working.push(Work {
            label: WorkLabel::TotalReturn,
            formula: format!(
                "{} ÷ {} × 100 = {}%",
                num::group(expected_profit, 2),
                num::group(held, 2),
                num::fixed(r, 4)
            ),
        });
        if let (Some(a), Some(d)) = (annualised_pct, days) {
            working.push(Work {
                label: WorkLabel::Annualised,
                formula: format!("{}% × 365 ÷ {d} = {}%", num::fixed(r, 4), num::fixed(a, 4)),
            });
        }
    }

    // the curve tables
    let mut curve = Vec::new();
    for (i, pool) in Pool::BOTH.iter().enumerate() {
        let c = &curves[i];
        if c.ipos == 0 {
            continue;
        }
        for mv in ladder(c.largest_cap_value(), mv_of(*pool)) {
            let e = c.at(mv)?.profit;
            let r = pct_of(e, mv)?.unwrap_or_default();
            curve.push(CurveRow {
                pool: *pool,
                mv,
                expected_profit: e,
                return_pct: r,
                annualised_pct: annualise(Some(r), days)?,
                marginal_pct: c.marginal_pct(mv, plan.step)?,
            });
        }
    }

    // the best split
    let best_split = match plan.total {
        Some(t) => {
            let b = split::best_split(&curves[0], &curves[1], t, plan.accounts)?;
            working.push(Work {
                label: WorkLabel::Split,
                formula: format!(
                    "grid ¥{}, {} candidate points (breakpoints ± the floor period), not every ¥10,000 step → {}",
                    num::group(Decimal::from(b.grid), 0),
                    b.candidates,
                    num::group(b.expected_profit, 2)
                ),
            });
            Some(b)
        }
        None => None,
    };

    let distribution = dist::distribution(&draws, plan.samples, plan.seed, progress)?;

    // notes
    let mut notes = vec![
        Note::Independence,
        Note::Basis { basis: plan.basis },
        Note::Fees { on: plan.fees },
        Note::BoardAccess {
            star: plan.star,
            chinext: plan.chinext,
        },
        Note::Window,
        Note::Eligibility,
    ];
    if let Some(p) = &period {
        notes.push(Note::Period {
            from: p.from,
            to: p.to,
            days: p.days,
            from_data: plan.from.is_none() || plan.to.is_none(),
        });
    }
    let count = |f: &dyn Fn(&Subscription) -> bool| owned.iter().filter(|s| f(s)).count();
    let listing = count(&|s| s.rule_day == RuleDay::Listing);
    if listing > 0 {
        notes.push(Note::ListingDayRules { count: listing });
    }
    for b in Board::ALL {
        let n = count(&|s| s.board == b && s.rule_unclear);
        if n > 0 {
            notes.push(Note::UnclearRule { board: b, count: n });
        }
    }
    for (src, mk) in [
        (CapSource::FullQuota, Note::CapFromFullQuota { count: 0 }),
        (CapSource::OnlineRule, Note::CapByOnlineRule { count: 0 }),
        (CapSource::RuleMax, Note::CapRuleMaxOnly { count: 0 }),
    ] {
        let n = count(&|s| s.cap_source == src);
        if n > 0 {
            notes.push(match mk {
                Note::CapFromFullQuota { .. } => Note::CapFromFullQuota { count: n },
                Note::CapByOnlineRule { .. } => Note::CapByOnlineRule { count: n },
                _ => Note::CapRuleMaxOnly { count: n },
            });
        }
    }
    for s in &owned {
        if let Some(v) = s.stated_full_quota_mv {
            notes.push(Note::CapMismatch {
                code: s.code.clone(),
                cap_shares: s.cap_shares,
                implied_mv: s.full_quota_mv,
                stated_mv: v,
            });
        }
    }
    excluded.sort_by_key(|e| e.line);
    let tally = |f: &dyn Fn(&Why) -> bool| excluded.iter().filter(|e| f(&e.why)).count();
    let unpriced = tally(&|w| matches!(w, Why::Unpriced(_)));
    let no_rate = tally(&|w| matches!(w, Why::NoWinRate));
    let other_markets = tally(&|w| matches!(w, Why::Bse | Why::NotAShare));
    let boards_off = tally(&|w| matches!(w, Why::BoardOff(_)));
    let duplicates = tally(&|w| matches!(w, Why::Duplicate));
    let errors = excluded.len() - unpriced - no_rate - other_markets - boards_off - duplicates;
    if !excluded.is_empty() {
        notes.push(Note::NotCounted {
            unpriced,
            no_rate,
            other_markets,
            boards_off,
            duplicates,
            errors,
        });
    }
    if outside > 0 {
        notes.push(Note::OutsidePeriod { count: outside });
    }
    if plan.total.is_some() && plan.accounts > 1 {
        notes.push(Note::Accounts { n: plan.accounts });
    }
    if owned.is_empty() {
        notes.push(Note::NoIpos);
    }
    Ok(Report {
        ipos: owned.len(),
        period,
        basis: plan.basis,
        fees: plan.fees,
        sh,
        sz,
        expected_profit,
        return_pct,
        annualised_pct,
        marginal,
        distribution,
        best_split,
        curve,
        rows,
        excluded,
        notes,
        working,
    })
}
