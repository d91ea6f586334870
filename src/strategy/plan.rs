//! The fields of a strategy run as a person typed them (command-line flags
//! or a web form) → a validated [`Plan`], once, for every front end. An
//! error names the field as that front end calls it (`--sh` on the command
//! line, `sh` in a form).
//!
//! ```
//! use daxin::strategy::plan::PlanFields;
//! let fields = PlanFields { sh: Some("20万"), sz: Some("150,000"), ..PlanFields::default() };
//! let plan = fields.validate("--").unwrap();
//! assert_eq!(plan.sh, 200_000.into());
//! assert_eq!(plan.step, 10_000.into()); // the default step
//! assert_eq!(plan.samples, 20_000);
//!
//! let bad = PlanFields { sh: Some("-5"), ..PlanFields::default() };
//! assert!(bad.validate("").unwrap_err().to_string().contains("sh"));
//! ```

use rust_decimal::Decimal;

use super::input::ProfitBasis;
use super::report::Plan;
use crate::error::{Error, Result};
use crate::input;

/// Monte Carlo samples when none are asked for.
pub const DEFAULT_SAMPLES: u64 = 20_000;
/// The most samples a run may ask for.
pub const MAX_SAMPLES: u64 = 10_000_000;
/// The most accounts a total may be split across.
pub const MAX_ACCOUNTS: u64 = 20;

/// The fields as given: `None` (or blank) means not given.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlanFields<'a> {
    /// Average Shanghai market value, yuan.
    pub sh: Option<&'a str>,
    /// Average Shenzhen market value, yuan.
    pub sz: Option<&'a str>,
    /// A total to split.
    pub total: Option<&'a str>,
    /// The marginal step, yuan (default 10,000).
    pub step: Option<&'a str>,
    /// First day of the period.
    pub from: Option<&'a str>,
    /// Last day of the period.
    pub to: Option<&'a str>,
    /// published, open, close or avg (default close).
    pub basis: Option<&'a str>,
    /// Accounts the total is split across (default 1).
    pub accounts: Option<&'a str>,
    /// Monte Carlo samples (default 20,000).
    pub samples: Option<&'a str>,
    /// Monte Carlo seed (default 1).
    pub seed: Option<&'a str>,
    /// Take selling costs off.
    pub fees: bool,
    /// Leave STAR out.
    pub no_star: bool,
    /// Leave ChiNext out.
    pub no_chinext: bool,
}

fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

fn market_value(field: &str, raw: Option<&str>) -> Result<Option<Decimal>> {
    let Some(r) = given(raw) else { return Ok(None) };
    let v = input::parse_amount(field, r)?;
    if v < Decimal::ZERO {
        return Err(Error::invalid(
            field,
            r,
            crate::why!("a market value cannot be negative", "市值不能为负"),
        ));
    }
    Ok(Some(v))
}

fn count(field: &str, raw: Option<&str>, default: u64, max: u64) -> Result<u64> {
    let Some(r) = given(raw) else {
        return Ok(default);
    };
    let why = crate::why!("a whole number from 1 to {max}", "从 1 到 {max} 的整数");
    input::parse_whole(field, r, 1..=max, why)
}

impl PlanFields<'_> {
    /// The plan, each field checked; `prefix` is put before each field's
    /// name in an error (`"--"` for flags, `""` for a form).
    pub fn validate(&self, prefix: &str) -> Result<Plan> {
        let name = |f: &str| format!("{prefix}{f}");
        let sh = market_value(&name("sh"), self.sh)?;
        let sz = market_value(&name("sz"), self.sz)?;
        let total = market_value(&name("total"), self.total)?;
        if total.is_some_and(|t| t.is_zero()) {
            let why = crate::why!("the total must be above zero", "总额必须大于零");
            return Err(Error::invalid(&name("total"), "0", why));
        }
        if sh.is_none() && sz.is_none() && total.is_none() {
            let what = crate::why!(
                "give {p}sh and/or {p}sz (average market value, yuan), or {p}total to split",
                "请给出 {p}sh 和/或 {p}sz（日均市值，元），或给出 {p}total 以分配",
                p = prefix
            );
            return Err(Error::missing(&name("sh"), what));
        }
        let step = match given(self.step) {
            Some(s) => match input::parse_amount(&name("step"), s)? {
                v if v <= Decimal::ZERO => {
                    let why = crate::why!("the step must be above zero", "步长必须大于零");
                    return Err(Error::invalid(&name("step"), s, why));
                }
                v => v,
            },
            None => Decimal::from(10_000),
        };
        let from = input::opt(&name("from"), given(self.from), input::parse_date)?;
        let to = input::opt(&name("to"), given(self.to), input::parse_date)?;
        let basis = match given(self.basis) {
            Some(b) => b.parse::<ProfitBasis>().map_err(|_| {
                Error::invalid(
                    &name("basis"),
                    b,
                    crate::why!(
                        "expected published, open, close or avg",
                        "应为 published、open、close 或 avg"
                    ),
                )
            })?,
            None => ProfitBasis::Close,
        };
        let accounts = count(&name("accounts"), self.accounts, 1, MAX_ACCOUNTS)?;
        let samples = count(&name("samples"), self.samples, DEFAULT_SAMPLES, MAX_SAMPLES)?;
        let seed = match given(self.seed) {
            Some(s) => s.parse::<u64>().map_err(|_| {
                Error::invalid(&name("seed"), s, crate::why!("a whole number", "须为整数"))
            })?,
            None => 1,
        };
        if accounts > 1 && total.is_none() {
            let what = crate::why!(
                "{prefix}accounts splits a {prefix}total",
                "{prefix}accounts 用于分配 {prefix}total"
            );
            return Err(Error::missing(&name("total"), what));
        }
        Ok(Plan {
            sh: sh.unwrap_or(Decimal::ZERO),
            sz: sz.unwrap_or(Decimal::ZERO),
            step,
            from,
            to,
            total,
            accounts: u32::try_from(accounts).unwrap_or(1),
            samples,
            seed,
            basis,
            fees: self.fees,
            star: !self.no_star,
            chinext: !self.no_chinext,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(f: PlanFields, prefix: &str) -> String {
        f.validate(prefix).unwrap_err().to_string()
    }

    #[test]
    fn each_bad_field_is_named_as_its_front_end_calls_it() {
        let e = err(PlanFields::default(), "--");
        assert!(e.contains("--sh") && e.contains("--total"), "{e}");
        let e = err(
            PlanFields {
                sh: Some("1"),
                step: Some("0"),
                ..PlanFields::default()
            },
            "",
        );
        assert!(e.contains("step") && !e.contains("--"), "{e}");
        let e = err(
            PlanFields {
                sh: Some("1"),
                accounts: Some("3"),
                ..PlanFields::default()
            },
            "--",
        );
        assert!(e.contains("--accounts splits a --total"), "{e}");
        let e = err(
            PlanFields {
                total: Some("0"),
                ..PlanFields::default()
            },
            "",
        );
        assert!(e.contains("total") && e.contains("above zero"), "{e}");
        let e = err(
            PlanFields {
                sh: Some("1"),
                basis: Some("midday"),
                ..PlanFields::default()
            },
            "",
        );
        assert!(e.contains("basis") && e.contains("midday"), "{e}");
    }

    #[test]
    fn blank_fields_are_not_given() {
        let p = PlanFields {
            sh: Some("  "),
            sz: Some("100000"),
            accounts: Some(""),
            ..PlanFields::default()
        }
        .validate("")
        .unwrap();
        assert_eq!((p.sh, p.sz, p.accounts), (Decimal::ZERO, 100_000.into(), 1));
    }
}
