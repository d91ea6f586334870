//! Figures as the press or an exchange printed them, and whether the data
//! reproduces them.
//!
//! A printed figure carries its own precision: `26.786万元` can only say the
//! amount lies within ±5 yuan of 267,860. A figure *reproduces* when the
//! computed value, rounded half-up to the printed step, equals it.
//!
//! ```
//! use daxin::published::parse_printed;
//! use daxin::ipo::FigureKind;
//! let p = parse_printed(FigureKind::ProfitPerLot, "26.786万元").unwrap();
//! assert_eq!(p.value.to_string(), "267860.000");
//! assert_eq!(p.step.to_string(), "10.000");
//! assert_eq!(p.show(p.value), "26.786万");
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::input;
use crate::ipo::{Basis, FigureKind, Published};
use crate::num;
use crate::returns::Summary;

/// A printed figure read as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    /// The value in base units (yuan, percent, multiple).
    pub value: Decimal,
    /// What the last printed digit stands for, in base units.
    pub step: Decimal,
    /// The unit the figure was printed in (1, 10⁴ for 万, 10⁸ for 亿, …).
    pub unit: Decimal,
}

impl Printed {
    /// Shows `x` the way the figure was printed: same unit, same digits,
    /// rounded half-up (`41874466000` → `418.74亿` for a `418.75亿` figure).
    pub fn show(&self, x: Decimal) -> String {
        let dp = (self.step / self.unit).normalize().scale();
        let word = match self.unit.to_string().as_str() {
            "10000" => "万",
            "100000000" => "亿",
            "1000000000000" => "万亿",
            "1000000000" => " billion",
            "1000000" => " million",
            _ => "",
        };
        format!("{}{word}", num::fixed(x / self.unit, dp))
    }

    /// [`Printed::show`] in `lang`: in Chinese a figure printed in
    /// billions or millions is shown in 亿 or 万 to the same step
    /// (`83.676 billion` → `836.76亿`).
    ///
    /// ```
    /// use daxin::published::parse_printed;
    /// use daxin::ipo::FigureKind;
    /// use daxin::Lang;
    /// let p = parse_printed(FigureKind::MarketCap, "83.656 billion yuan").unwrap();
    /// let x = "83676171276".parse().unwrap();
    /// assert_eq!(p.show_in(x, Lang::En), "83.676 billion");
    /// assert_eq!(p.show_in(x, Lang::Zh), "836.76亿");
    /// ```
    pub fn show_in(&self, x: Decimal, lang: crate::Lang) -> String {
        let (unit, word) = match self.unit.to_string().as_str() {
            "1000000000" => (Decimal::from(100_000_000u64), "亿"),
            "1000000" => (Decimal::from(10_000u64), "万"),
            _ => return self.show(x),
        };
        if lang == crate::Lang::En {
            return self.show(x);
        }
        // the step in the new unit: 10⁶ is 0.01亿, 10⁹ is 10亿 (0 places)
        let dp = (self.step / unit).normalize().scale();
        format!("{}{word}", num::fixed(x / unit, dp))
    }
}

/// Parses a printed figure (`26.786万元`, `425.46%`, `HK$3,220`, `122.51倍`,
/// `2822.52亿元`) into its value in base units and the step its last digit
/// stands for.
pub fn parse_printed(kind: FigureKind, printed: &str) -> Result<Printed> {
    let s = input::normalize(printed);
    let body = match kind {
        FigureKind::GainPct => s.strip_suffix('%').unwrap_or(&s).to_string(),
        FigureKind::Pe | FigureKind::Ps => s.trim_end_matches(['倍', 'x', '×']).to_string(),
        _ => s.clone(),
    };
    let value = input::parse_amount("printed", &body)?;
    // The number's own digits: strip units and currency to find its scale.
    let digits: String = body
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let number = input::parse_decimal("printed", &digits)?;
    // the digits carry no sign: the unit is the magnitude's (a fall printed
    // as -15.00% has a unit of 1 and a step of 0.01, not of -0.01)
    let unit = if number.is_zero() {
        Decimal::ONE
    } else {
        num::div(value.abs(), number, "printed")?
    };
    let step = num::mul(Decimal::new(1, number.scale()), unit, "printed")?;
    Ok(Printed { value, step, unit })
}

/// Whether a published figure reproduces from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The computed value, rounded half-up to the printed step, equals it.
    Reproduces,
    /// It does not.
    Differs,
    /// The data lacks what the figure needs (a price, the share count).
    Unverifiable,
}

/// The result of checking one published figure against the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The figure as published.
    pub published: Published,
    /// The figure computed from the data, unrounded.
    pub computed: Option<Decimal>,
    /// The computed value rounded to the printed step.
    pub computed_at_step: Option<Decimal>,
    /// The outcome.
    pub verdict: Verdict,
    /// When the figure differs at its stated basis: another price at which it
    /// does reproduce (the source likely used that price).
    pub fits_basis: Option<Basis>,
}

/// The computed value of a kind of figure at a basis (`None` basis: at issue).
pub fn computed(summary: &Summary, kind: FigureKind, basis: Option<Basis>) -> Option<Decimal> {
    match basis {
        None => match kind {
            FigureKind::CostPerLot => Some(summary.cost_per_lot),
            FigureKind::MarketCap => summary.market_cap_at_issue,
            FigureKind::Price => Some(summary.issue_price),
            FigureKind::Pe => summary.pe_at_issue.map(|r| r.value),
            FigureKind::Ps => summary.ps_at_issue.map(|r| r.value),
            FigureKind::GainPct | FigureKind::ProfitPerLot => None,
        },
        Some(b) => {
            let f = summary.at(b)?;
            match kind {
                FigureKind::GainPct => Some(f.gain_pct),
                FigureKind::ProfitPerLot => Some(f.profit_per_lot),
                FigureKind::MarketCap => f.market_cap,
                FigureKind::Price => Some(f.price),
                FigureKind::CostPerLot => Some(summary.cost_per_lot),
                FigureKind::Pe => f.pe.map(|r| r.value),
                FigureKind::Ps => f.ps.map(|r| r.value),
            }
        }
    }
}

/// Rounds `x` half-up to a multiple of `step`.
pub fn round_to_step(x: Decimal, step: Decimal) -> Result<Decimal> {
    if step <= Decimal::ZERO {
        return Err(Error::invalid(
            "step",
            &step.to_string(),
            crate::why!("must be positive", "必须为正数"),
        ));
    }
    let q = num::round_half_up(num::div(x, step, "rounding")?, 0);
    num::mul(q, step, "rounding")
}

/// Checks every published figure of a record against its computed figures.
pub fn check_all(published: &[Published], summary: &Summary) -> Vec<Check> {
    published
        .iter()
        .map(|p| {
            let c = computed(summary, p.kind, p.basis);
            let at_step = c.and_then(|x| round_to_step(x, p.step).ok());
            let verdict = match at_step {
                None => Verdict::Unverifiable,
                Some(r) if r == p.value => Verdict::Reproduces,
                Some(_) => Verdict::Differs,
            };
            let fits_basis = if verdict == Verdict::Differs {
                summary.figures.iter().map(|f| f.basis).find(|b| {
                    Some(*b) != p.basis
                        && computed(summary, p.kind, Some(*b))
                            .and_then(|x| round_to_step(x, p.step).ok())
                            == Some(p.value)
                })
            } else {
                None
            };
            Check {
                published: p.clone(),
                computed: c,
                computed_at_step: at_step,
                verdict,
                fits_basis,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn printed_steps() {
        let p = parse_printed(FigureKind::GainPct, "425.46%").unwrap();
        assert_eq!((p.value, p.step), (d("425.46"), d("0.01")));
        let p = parse_printed(FigureKind::MarketCap, "2822.52亿元").unwrap();
        assert_eq!((p.value, p.step), (d("282252000000"), d("1000000")));
        assert_eq!(p.show(d("41874466000")), "418.74亿");
        let p = parse_printed(FigureKind::ProfitPerLot, "HK$3,220").unwrap();
        assert_eq!((p.value, p.step), (d("3220"), d("1")));
        let p = parse_printed(FigureKind::Ps, "122.51倍").unwrap();
        assert_eq!((p.value, p.step), (d("122.51"), d("0.01")));
        // a fall: the sign is the value's, the step stays positive
        let p = parse_printed(FigureKind::GainPct, "-15.00%").unwrap();
        assert_eq!((p.value, p.step, p.unit), (d("-15.00"), d("0.01"), d("1")));
        assert_eq!(round_to_step(d("-14.996"), p.step).unwrap(), d("-15.00"));
        let p = parse_printed(FigureKind::ProfitPerLot, "-1.2万元").unwrap();
        assert_eq!((p.value, p.step), (d("-12000"), d("1000")));
        let p = parse_printed(FigureKind::MarketCap, "83.656 billion yuan").unwrap();
        assert_eq!(p.show(d("83676171276")), "83.676 billion");
    }

    #[test]
    fn step_rounding_is_half_up() {
        assert_eq!(round_to_step(d("267860"), d("10")).unwrap(), d("267860"));
        assert_eq!(round_to_step(d("243115"), d("10")).unwrap(), d("243120"));
        assert_eq!(round_to_step(d("0.125"), d("0.01")).unwrap(), d("0.13"));
    }
}
