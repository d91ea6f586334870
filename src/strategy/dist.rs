//! The spread of outcomes: how many lots a year brings and what they are
//! worth, not only the mean.
//!
//! **Model.** Draws of different IPOs are independent. Within one IPO an
//! account's *n* numbers are consecutive and the winners are drawn by tail
//! digits (末位数), so they win ⌊n·r⌋ lots, plus one more with probability
//! n·r − ⌊n·r⌋ (for a retail account n·r < 1: one lot with probability n·r,
//! the `odds` command's tail-number figure). Each IPO is then one Bernoulli
//! draw on top of a fixed part, and the lots of a period are a constant plus
//! a Poisson-binomial sum. (The independent-draws figure, every number its
//! own draw, gives P(no win) = Πᵢ (1 − rᵢ)^nᵢ; it is reported beside.)
//!
//! **Exact.** Every probability pᵢ is a decimal aᵢ ÷ 10^S, so after *m*
//! draws every outcome has probability Nₖ ÷ 10^(S·m) with an integer Nₖ.
//! The numerators are kept as big integers (`num-bigint`): the distribution
//! sums to one exactly (Σ Nₖ = 10^(S·m), checked), and nothing is rounded
//! until a probability is shown, half-up to 28 decimals.
//!
//! **Profit percentiles.** The q-th percentile is the smallest profit x with
//! P(profit ≤ x) ≥ q. Exact while the outcomes' distinct profits stay
//! within [`EXACT_SUPPORT`]; past that, a Monte Carlo with a seeded ChaCha8
//! generator (the same seed gives the same figures on every machine), each
//! draw an integer below 10^S compared with aᵢ — no floating point — with a
//! 95 % interval for each percentile from the order statistics and the
//! standard error of the mean.

use std::collections::BTreeMap;

use num_bigint::BigUint;
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::num;
use crate::report::ser;

/// The largest number of distinct profits the exact percentiles track.
pub const EXACT_SUPPORT: usize = 4096;

/// The percentiles reported.
pub const PERCENTILES: [u32; 5] = [5, 25, 50, 75, 95];

/// One IPO's draw for an account: numbers held, the rate, and what a lot is worth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draw {
    /// Numbers (配号) held.
    pub numbers: u64,
    /// The winning rate as a fraction.
    pub rate: Decimal,
    /// Profit per lot.
    pub profit: Decimal,
}

/// A profit percentile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Percentile {
    /// q, in percent.
    pub q: u32,
    /// The profit.
    #[serde(serialize_with = "ser::money")]
    pub profit: Decimal,
    /// Monte Carlo: the 95 % interval of the estimate (order statistics);
    /// `None` when exact.
    #[serde(serialize_with = "ser::opt::money")]
    pub low: Option<Decimal>,
    /// The interval's top.
    #[serde(serialize_with = "ser::opt::money")]
    pub high: Option<Decimal>,
}

/// How the profit percentiles were found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// Exact, over every outcome.
    Exact {
        /// Distinct profits.
        outcomes: usize,
    },
    /// Seeded Monte Carlo.
    MonteCarlo {
        /// Samples drawn.
        samples: u64,
        /// The seed.
        seed: u64,
        /// The sample mean of the profit.
        #[serde(serialize_with = "ser::money")]
        mean: Decimal,
        /// Its standard error.
        #[serde(serialize_with = "ser::money")]
        std_error: Decimal,
    },
}

/// The distribution of a period's outcomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Distribution {
    /// IPOs drawn (those where the account holds numbers).
    pub draws: usize,
    /// P(L = k) for k = 0, 1, …: the lots won, each rounded half-up to 28
    /// decimals for display (the exact values sum to one).
    pub lots: Vec<LotsP>,
    /// P(no lot at all).
    #[serde(serialize_with = "ser::exact")]
    pub p_no_win: Decimal,
    /// The same under independent draws of every number: Πᵢ (1 − rᵢ)^nᵢ.
    #[serde(serialize_with = "ser::exact")]
    pub p_no_win_independent: Decimal,
    /// Expected lots (exact): Σ nᵢ rᵢ.
    #[serde(serialize_with = "ser::exact")]
    pub expected_lots: Decimal,
    /// Expected profit (exact): Σ nᵢ rᵢ πᵢ.
    #[serde(serialize_with = "ser::money")]
    pub expected_profit: Decimal,
    /// Profit percentiles.
    pub percentiles: Vec<Percentile>,
    /// How they were found.
    pub method: Method,
    /// The exact probabilities summed to one (Σ Nₖ = 10^(S·m)).
    pub sums_to_one: bool,
}

/// One entry of the lots distribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotsP {
    /// Lots.
    pub lots: u64,
    /// Probability.
    #[serde(serialize_with = "ser::exact")]
    pub p: Decimal,
}

/// A bar of the histogram of lots won.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Lots won (for the tail: at least this many).
    pub lots: u64,
    /// Its probability (for the tail: P(L ≥ lots)).
    pub p: Decimal,
    /// The bar's length out of [`Distribution::BAR_WIDTH`], half-up.
    pub width: usize,
    /// The tail past the probabilities worth a bar of their own.
    pub tail: bool,
}

impl Distribution {
    /// The length of a bar of probability one.
    pub const BAR_WIDTH: u32 = 50;

    /// The lots won as bars; once less than one in a million is left (after
    /// the first bar), the rest is one tail bar, P(L ≥ lots).
    ///
    /// ```
    /// use daxin::strategy::dist::{distribution, Draw};
    /// let d = distribution(&[Draw { numbers: 1, rate: "0.1".parse().unwrap(), profit: 100.into() }],
    ///     1000, 1, &mut |_| {}).unwrap();
    /// let bars = d.histogram();
    /// assert_eq!((bars[0].lots, bars[0].width), (0, 45)); // 0.9 × 50
    /// assert_eq!((bars[1].lots, bars[1].width), (1, 5));
    /// ```
    pub fn histogram(&self) -> Vec<Bar> {
        let tail_cut = Decimal::new(1, 6);
        let mut cum = Decimal::ZERO;
        let mut out = Vec::with_capacity(self.lots.len());
        for (i, l) in self.lots.iter().enumerate() {
            // probabilities each ≤ 1 summing to one: no sum here can overflow
            let rest = Decimal::ONE - cum;
            if rest < tail_cut && i > 0 {
                out.push(Bar {
                    lots: l.lots,
                    p: rest,
                    width: 0,
                    tail: true,
                });
                break;
            }
            let width = num::round_half_up(l.p * Decimal::from(Self::BAR_WIDTH), 0);
            out.push(Bar {
                lots: l.lots,
                p: l.p,
                width: usize::try_from(width).unwrap_or(0),
                tail: false,
            });
            cum += l.p;
        }
        out
    }
}

/// A draw as fixed lots plus a Bernoulli: (⌊n·r⌋, a, profit) with
/// P(one more) = a ÷ 10^S.
struct Bern {
    fixed: u64,
    a: u128,
    profit: Decimal,
}

fn pow10(s: u32) -> u128 {
    10u128.pow(s)
}

/// Splits the draws into fixed parts and Bernoullis over a common 10^S.
fn bernoullis(draws: &[Draw]) -> Result<(Vec<Bern>, u32, Decimal)> {
    let mut xs = Vec::with_capacity(draws.len());
    let mut scale = 0u32;
    let mut expected = Decimal::ZERO;
    for d in draws {
        let x = num::mul(Decimal::from(d.numbers), d.rate, "expected lots")?;
        expected = num::add(expected, x, "expected lots")?;
        let frac = x.fract().normalize();
        scale = scale.max(frac.scale());
        xs.push((x, frac, d.profit));
    }
    if scale > 28 {
        return Err(Error::overflow("probability scale"));
    }
    let mut out = Vec::with_capacity(xs.len());
    for (x, frac, profit) in xs {
        let fixed = u64::try_from(x.trunc()).map_err(|_| Error::overflow("lots"))?;
        let m = frac.mantissa();
        let a = u128::try_from(m).map_err(|_| Error::overflow("probability"))?
            * pow10(scale - frac.scale());
        out.push(Bern { fixed, a, profit });
    }
    Ok((out, scale, expected))
}

/// `n ÷ d` as a decimal, half-up to 28 places (n ≤ d).
fn ratio(n: &BigUint, d: &BigUint) -> Result<Decimal> {
    let ten28 = BigUint::from(10u32).pow(28);
    let scaled = n * &ten28 * 2u32 + d;
    let q: BigUint = scaled / (d * 2u32);
    let q = u128::try_from(&q).map_err(|_| Error::overflow("probability"))?;
    let q = i128::try_from(q).map_err(|_| Error::overflow("probability"))?;
    Decimal::try_from_i128_with_scale(q, 28)
        .map(|d| d.normalize())
        .map_err(|_| Error::overflow("probability"))
}

/// The exact distribution of lots and the profit percentiles of `draws`;
/// a Monte Carlo of `samples` draws (seeded by `seed`) when the exact
/// profit support grows past [`EXACT_SUPPORT`]. `progress` is told the
/// samples done, every few thousand.
///
/// ```
/// use daxin::strategy::dist::{distribution, Draw};
/// // two IPOs, one number each at 10 % and 20 %, a lot worth 100 and 1,000
/// let d = distribution(&[
///     Draw { numbers: 1, rate: "0.1".parse().unwrap(), profit: 100.into() },
///     Draw { numbers: 1, rate: "0.2".parse().unwrap(), profit: 1000.into() },
/// ], 1000, 1, &mut |_| {}).unwrap();
/// assert_eq!(d.p_no_win.to_string(), "0.72"); // 0.9 × 0.8
/// assert!(d.sums_to_one);
/// let p95 = d.percentiles.iter().find(|p| p.q == 95).unwrap();
/// assert_eq!(p95.profit.to_string(), "1000"); // P(≤ 100) = 0.72 + 0.08 = 0.80 < 0.95
/// ```
pub fn distribution(
    draws: &[Draw],
    samples: u64,
    seed: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Distribution> {
    let draws: Vec<Draw> = draws.iter().copied().filter(|d| d.numbers > 0).collect();
    let (berns, scale, expected_lots) = bernoullis(&draws)?;
    let mut expected_profit = Decimal::ZERO;
    for d in &draws {
        let e = num::mul(
            num::mul(Decimal::from(d.numbers), d.rate, "expected lots")?,
            d.profit,
            "expected profit",
        )?;
        expected_profit = num::add(expected_profit, e, "expected profit")?;
    }
    let den = pow10(scale);
    let fixed: u64 = berns.iter().map(|b| b.fixed).sum();
    let mut base = Decimal::ZERO;
    for b in &berns {
        base = num::add(
            base,
            num::mul(Decimal::from(b.fixed), b.profit, "profit")?,
            "profit",
        )?;
    }
    let live: Vec<&Bern> = berns.iter().filter(|b| b.a > 0).collect();

    // lots: Poisson-binomial over the live draws, numerators over den^m
    let mut n: Vec<BigUint> = vec![BigUint::from(1u32)];
    for b in &live {
        let stay = den - b.a;
        let mut next: Vec<BigUint> = Vec::with_capacity(n.len() + 1);
        for k in 0..=n.len() {
            let mut v = BigUint::default();
            if k < n.len() {
                v += &n[k] * stay;
            }
            if k > 0 {
                v += &n[k - 1] * b.a;
            }
            next.push(v);
        }
        n = next;
    }
    let total =
        BigUint::from(den).pow(u32::try_from(live.len()).map_err(|_| Error::overflow("draws"))?);
    let sum: BigUint = n.iter().sum();
    let sums_to_one = sum == total;
    let mut lots = Vec::with_capacity(n.len());
    for (k, nk) in n.iter().enumerate() {
        lots.push(LotsP {
            lots: fixed + k as u64,
            p: ratio(nk, &total)?,
        });
    }
    let p_no_win = if fixed > 0 {
        Decimal::ZERO
    } else {
        lots.first().map(|l| l.p).unwrap_or(Decimal::ONE)
    };
    let p_no_win_independent = no_win_independent(&draws)?;

    // profit: exact over the support while it stays small
    let exact = exact_profit(&live, den, base, &total)?;
    let (percentiles, method) = match exact {
        Some((ps, outcomes)) => (ps, Method::Exact { outcomes }),
        None => monte_carlo(&live, den, base, samples, seed, progress)?,
    };
    Ok(Distribution {
        draws: draws.len(),
        lots,
        p_no_win,
        p_no_win_independent,
        expected_lots,
        expected_profit,
        percentiles,
        method,
        sums_to_one,
    })
}

/// Πᵢ (1 − rᵢ)^nᵢ, exactly in big integers, then half-up to 28 places.
fn no_win_independent(draws: &[Draw]) -> Result<Decimal> {
    let mut num_ = BigUint::from(1u32);
    let mut den = BigUint::from(1u32);
    for d in draws {
        let r = d.rate.normalize();
        let s = r.scale();
        let a = u128::try_from(r.mantissa()).map_err(|_| Error::overflow("probability"))?;
        let dd = pow10(s);
        if a > dd {
            return Err(Error::overflow("probability"));
        }
        let e = u32::try_from(d.numbers).map_err(|_| Error::overflow("numbers"))?;
        num_ *= BigUint::from(dd - a).pow(e);
        den *= BigUint::from(dd).pow(e);
    }
    ratio(&num_, &den)
}

type Percentiles = Vec<Percentile>;

/// Exact profit percentiles, or `None` when the support grows too large.
fn exact_profit(
    live: &[&Bern],
    den: u128,
    base: Decimal,
    total: &BigUint,
) -> Result<Option<(Percentiles, usize)>> {
    let mut dist: BTreeMap<Decimal, BigUint> = BTreeMap::new();
    dist.insert(base.normalize(), BigUint::from(1u32));
    for b in live {
        let stay = den - b.a;
        let mut next: BTreeMap<Decimal, BigUint> = BTreeMap::new();
        for (v, c) in &dist {
            *next.entry(*v).or_default() += c * stay;
            let won = num::add(*v, b.profit, "profit")?.normalize();
            *next.entry(won).or_default() += c * b.a;
        }
        if next.len() > EXACT_SUPPORT {
            return Ok(None);
        }
        dist = next;
    }
    let mut out = Vec::with_capacity(PERCENTILES.len());
    for q in PERCENTILES {
        // smallest x with cum(x) × 100 ≥ q × total
        let need = total * q;
        let mut cum = BigUint::default();
        let mut found = None;
        for (v, c) in &dist {
            cum += c;
            if &cum * 100u32 >= need {
                found = Some(*v);
                break;
            }
        }
        let profit = found.ok_or_else(|| Error::overflow("percentile"))?;
        out.push(Percentile {
            q,
            profit,
            low: None,
            high: None,
        });
    }
    Ok(Some((out, dist.len())))
}

/// A uniform integer below `den` (rejection sampling on 128 random bits).
fn below(rng: &mut ChaCha8Rng, den: u128) -> u128 {
    let zone = u128::MAX - (u128::MAX % den);
    loop {
        let x = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
        if x < zone {
            return x % den;
        }
    }
}

/// ⌊√x⌋ for an integer.
fn isqrt(x: u128) -> u128 {
    if x < 2 {
        return x;
    }
    let mut r = x;
    let mut y = x.div_ceil(2);
    while y < r {
        r = y;
        y = (r + x / r) / 2;
    }
    r
}

/// √x for a non-negative decimal, by Newton's method in decimals.
fn sqrt_decimal(x: Decimal) -> Decimal {
    if x <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let mut r = if x > Decimal::ONE {
        x / Decimal::TWO
    } else {
        Decimal::ONE
    };
    for _ in 0..100 {
        let next = (r + x / r) / Decimal::TWO;
        if next == r {
            break;
        }
        r = next;
    }
    r
}

fn monte_carlo(
    live: &[&Bern],
    den: u128,
    base: Decimal,
    samples: u64,
    seed: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<(Percentiles, Method)> {
    if samples < 100 {
        return Err(Error::invalid(
            "--samples",
            &samples.to_string(),
            crate::why!("at least 100 samples", "至少 100 个样本"),
        ));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let n = usize::try_from(samples).map_err(|_| Error::overflow("samples"))?;
    let mut xs: Vec<Decimal> = Vec::with_capacity(n);
    let mut sum = Decimal::ZERO;
    for i in 0..samples {
        let mut x = base;
        for b in live {
            if below(&mut rng, den) < b.a {
                x = num::add(x, b.profit, "profit")?;
            }
        }
        sum = num::add(sum, x, "profit")?;
        xs.push(x);
        if i % 4096 == 4095 {
            progress(i + 1);
        }
    }
    progress(samples);
    let nd = Decimal::from(samples);
    let mean = num::div(sum, nd, "mean")?;
    let mut ss = Decimal::ZERO;
    for x in &xs {
        let dv = num::sub(*x, mean, "variance")?;
        ss = num::add(ss, num::mul(dv, dv, "variance")?, "variance")?;
    }
    let var = num::div(ss, Decimal::from(samples - 1), "variance")?;
    let std_error = sqrt_decimal(num::div(var, nd, "standard error")?);
    xs.sort_unstable();
    let at_rank = |rank: u128| -> Decimal {
        // 1-based rank, clipped to the sample
        let i = rank.clamp(1, u128::from(samples)) - 1;
        xs[usize::try_from(i).unwrap_or(0).min(n - 1)]
    };
    let mut out = Vec::with_capacity(PERCENTILES.len());
    let nn = u128::from(samples);
    for q in PERCENTILES {
        let q128 = u128::from(q);
        // the estimate: rank ⌈qN/100⌉; its 95 % interval: ± 1.96·√(N·q·(1−q))
        let rank = (nn * q128).div_ceil(100);
        let spread = isqrt(nn * q128 * (100 - q128)) * 196 / 10_000;
        out.push(Percentile {
            q,
            profit: at_rank(rank),
            low: Some(at_rank(rank.saturating_sub(spread + 1))),
            high: Some(at_rank(rank + spread + 1)),
        });
    }
    Ok((
        out,
        Method::MonteCarlo {
            samples,
            seed,
            mean,
            std_error,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn draw(n: u64, r: &str, p: &str) -> Draw {
        Draw {
            numbers: n,
            rate: d(r),
            profit: d(p),
        }
    }

    #[test]
    fn by_hand() {
        // 2 numbers at 0.1 (x = 0.2) and 1 number at 0.5 (x = 0.5):
        // P(0) = 0.8 × 0.5 = 0.4, P(1) = 0.2·0.5 + 0.8·0.5 = 0.5, P(2) = 0.1
        let dist = distribution(
            &[draw(2, "0.1", "10"), draw(1, "0.5", "30")],
            1000,
            7,
            &mut |_| {},
        )
        .unwrap();
        let p: Vec<String> = dist.lots.iter().map(|l| num::trim(l.p)).collect();
        assert_eq!(p, ["0.4", "0.5", "0.1"]);
        assert!(dist.sums_to_one);
        assert_eq!(dist.expected_lots, d("0.7"));
        assert_eq!(dist.expected_profit, d("17")); // 0.2·10 + 0.5·30
                                                   // independent draws: 0.9² × 0.5 = 0.405
        assert_eq!(dist.p_no_win_independent, d("0.405"));
        // profits: 0 (0.8 × 0.5 = 0.4), 10 (0.2 × 0.5 = 0.1), 30 (0.4), 40 (0.1);
        // cumulative 0.4, 0.5, 0.9, 1: the median is the smallest x with P(≤ x) ≥ 0.5
        let q: Vec<(u32, String)> = dist
            .percentiles
            .iter()
            .map(|p| (p.q, num::trim(p.profit)))
            .collect();
        assert_eq!(
            q,
            [
                (5, "0".to_string()),
                (25, "0".to_string()),
                (50, "10".to_string()),
                (75, "30".to_string()),
                (95, "40".to_string())
            ]
        );
        assert_eq!(dist.method, Method::Exact { outcomes: 4 });
    }

    #[test]
    fn more_numbers_than_one_over_the_rate() {
        // 25 numbers at 0.1: x = 2.5 → 2 lots for sure, a third with P 0.5
        let dist = distribution(&[draw(25, "0.1", "100")], 1000, 1, &mut |_| {}).unwrap();
        assert_eq!(dist.lots.len(), 2);
        assert_eq!(
            (dist.lots[0].lots, num::trim(dist.lots[0].p)),
            (2, "0.5".into())
        );
        assert_eq!(dist.p_no_win, Decimal::ZERO);
        assert_eq!(dist.percentiles[0].profit, d("200"));
    }

    #[test]
    fn sums_to_one_over_three_hundred_draws() {
        let draws: Vec<Draw> = (0..300)
            .map(|i| draw(1 + i % 20, "0.0003635054", &format!("{}", 1000 + i * 37)))
            .collect();
        let dist = distribution(&draws, 2000, 42, &mut |_| {}).unwrap();
        assert!(dist.sums_to_one);
        assert!(matches!(dist.method, Method::MonteCarlo { .. }));
        // the same seed gives the same figures
        let again = distribution(&draws, 2000, 42, &mut |_| {}).unwrap();
        assert_eq!(dist, again);
    }

    #[test]
    fn integer_and_decimal_roots() {
        assert_eq!(isqrt(0), 0);
        assert_eq!(isqrt(99), 9);
        assert_eq!(isqrt(100), 10);
        assert_eq!(sqrt_decimal(d("2.25")), d("1.5"));
    }
}
