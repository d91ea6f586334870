//! Writes a deterministic synthetic IPO table in the AKShare
//! `stock_xgsglb_em` layout, for benchmarks:
//!
//!     cargo run --release --example gen_akshare -- 1000000 > /tmp/ipos.csv
//!
//! The same N always gives the same bytes (a fixed-seed linear congruential
//! generator). With `mixed`, half the rows differ from their published
//! figures for a reason the check must name, as real tables do:
//!
//!     cargo run --release --example gen_akshare -- 1000000 mixed > /tmp/mixed.csv
//!
//! — an SSE main-board IPO of 2021–22 whose source figured 500-share lots
//! (the rule then gave 1,000), a run of limit-up days (每中一签获利 at the
//! close of the day the board opened), or a figure at the latest price
//! (an unopened board). Prices are whole fen; main-board first closes lie in the
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
    let mixed = std::env::args().nth(2).as_deref() == Some("mixed");
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    // the header as AKShare writes it; the row below fills its 22 columns
    writeln!(out, "{}", SourceFormat::EmXgsglb.header().join(","))?;
    let mut r = Lcg(0x5eed_da51);
    for i in 0..n {
        // (prefix, lot, main board): STAR, SSE main, SZSE main, ChiNext
        // in a mixed file, every odd row is one of three kinds that differ
        let kind = if mixed && i % 2 == 1 {
            1 + r.below(3)
        } else {
            0
        };
        let (prefix, lot, main) = match (kind, r.below(4)) {
            // an approval-era SSE main-board IPO: 1,000 shares per lot
            (1, _) => ("603", 1000, true),
            (_, 0) => ("688", 500, false),
            (_, 1) => ("603", 500, true),
            (_, 2) => ("002", 500, true),
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
        let year = if kind == 1 {
            2021 + r.below(2)
        } else {
            2024 + r.below(2)
        };
        let (month, day) = (1 + r.below(12), 1 + r.below(28));
        let total = 10_000_000 + r.below(90_000_000);
        // 最新价: listed stocks have one (30 %–200 % of the close); every
        // tenth row is not listed yet
        let latest_fen = if i % 10 == 9 {
            None
        } else {
            Some((close * (30 + r.below(171) as i64) / 100).max(1))
        };
        let mut limit_ups = 0;
        let profit = match (kind, latest_fen) {
            // the source figured the old lot at 500 shares
            (1, _) => (close - issue) * 500,
            // a run of limit-up days: the profit at the close of the day
            // the board opened, above the first close
            (2, _) => {
                limit_ups = 2 + r.below(9);
                (close * (110 + r.below(60) as i64) / 100 - issue) * lot
            }
            // an unopened board: the figure at the latest price
            (3, Some(l)) => (l - issue) * lot,
            _ => (close - issue) * lot,
        };
        let published = if i % 50 == 0 { profit + 500 } else { profit };
        let latest = latest_fen.map_or_else(|| "-".to_string(), cents);
        // gain in percent, half-up to 2 places, by integers
        let num = (close - issue) * 10_000;
        let q = num / issue;
        let rem = num % issue;
        let g = if 2 * rem.abs() >= issue {
            q + num.signum()
        } else {
            q
        };
        writeln!(
            out,
            "{code},新股{i},-,{total},{},-,-,{},{latest},{},-,-,-,{year}-{month:02}-{day:02},-,-,0.0{:04},-,-,{limit_ups},{},{}",
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
