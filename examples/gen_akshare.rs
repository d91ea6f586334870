//! Writes a deterministic synthetic IPO table in the AKShare
//! `stock_xgsglb_em` layout, for benchmarks:
//!
//!     cargo run --release --example gen_akshare -- 1000000 > /tmp/ipos.csv
//!
//! The same N always gives the same bytes (a fixed-seed linear congruential
//! generator). Prices are whole fen; main-board first closes lie in the
//! +44 % / −36 % first-day band (most at the ceiling), STAR and ChiNext ones
//! anywhere from −20 % to +580 %; 涨幅 and 每中一签获利 are the exact
//! figures at the first close, except every 50th row, whose 每中一签获利 is
//! at another price, so that the check column has work to do. Nine rows in
//! ten have a 最新价 (the tenth is "not listed yet": `-`).

use std::io::{self, BufWriter, Write};

use daxin::import::SourceFormat;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn cents(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    let c = c.abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

fn main() -> io::Result<()> {
    let n: u64 = match std::env::args().nth(1).map(|s| s.parse()) {
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: gen_akshare N (rows)");
            std::process::exit(2);
        }
        None => 1000,
    };
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    // the header as AKShare writes it; the row below fills its 22 columns
    writeln!(out, "{}", SourceFormat::EmXgsglb.header().join(","))?;
    let mut r = Lcg(0x5eed_da51);
    for i in 0..n {
        // (prefix, lot, main board): STAR, SSE main, SZSE main, ChiNext
        let (prefix, lot, main) = match r.below(4) {
            0 => ("688", 500, false),
            1 => ("603", 500, true),
            2 => ("002", 500, true),
            _ => ("301", 500, false),
        };
        let code = format!("{prefix}{:03}", r.below(1000));
        let issue = 500 + r.below(14_500) as i64; // 5.00 .. 150.00 yuan, in fen
        let close = if main {
            // main boards: the first-day band, +44 % / −36 % of the issue
            // price (half-up to the fen); most close at the ceiling
            let hi = (issue * 144 + 50) / 100;
            let lo = (issue * 64 + 50) / 100;
            if r.below(10) < 8 {
                hi
            } else {
                lo + r.below((hi - lo + 1) as u64) as i64
            }
        } else {
            // STAR and ChiNext: no first-day limit; −20 % .. +580 %
            let gain_bp = r.below(60_000) as i64 - 2_000;
            (issue * (10_000 + gain_bp) / 10_000).max(1)
        };
        let year = 2024 + r.below(2);
        let (month, day) = (1 + r.below(12), 1 + r.below(28));
        let profit = (close - issue) * lot;
        let published = if i % 50 == 0 { profit + 500 } else { profit };
        // gain in percent, half-up to 2 places, by integers
        let num = (close - issue) * 10_000;
        let q = num / issue;
        let rem = num % issue;
        let g = if 2 * rem.abs() >= issue {
            q + num.signum()
        } else {
            q
        };
        let total = 10_000_000 + r.below(90_000_000);
        // 最新价: listed stocks have one (30 %–200 % of the close); every
        // tenth row is not listed yet
        let latest = if i % 10 == 9 {
            "-".to_string()
        } else {
            cents((close * (30 + r.below(171) as i64) / 100).max(1))
        };
        writeln!(
            out,
            "{code},新股{i},-,{total},{},-,-,{},{latest},{},-,-,-,{year}-{month:02}-{day:02},-,-,0.0{:04},-,-,0,{},{}",
            total / 4,
            cents(issue),
            cents(close),
            200 + r.below(9_000),
            cents(g),
            cents(published),
        )?;
    }
    out.flush()
}
