//! A floor for `daxin batch`, not a tool: the least work that writes the
//! batch's output columns for the benchmark's rows — split each line, read
//! five numbers in 64-bit integers, compute profit per lot and gain at the
//! close and the latest price, and write the row — with none of daxin's
//! checks (no date, UTF-8, band or placeholder checks beyond `-`, no
//! published-figure comparison, the lot fixed at 500, no `rust_decimal`).
//! Its output is not daxin's for every row (the rows daxin flags differ);
//! it exists to measure how fast a batch of this shape can be on this
//! machine at all (BENCHMARKS.md, "a floor").
//!
//!     cargo run --release --example floor_batch -- in.csv out.csv

use std::fs::File;
use std::io::{Read, Write};
use std::process::ExitCode;

use daxin::import::split;

const ISSUE: usize = 7;
const LATEST: usize = 8;
const CLOSE: usize = 9;
const LISTING: usize = 13;
const GAIN: usize = 20;
const PROFIT: usize = 21;
const LOT: i64 = 500;

/// `[-]digits[.digits]` as hundredths (two places at most), else `None`.
fn fen(b: &[u8]) -> Option<i64> {
    let (neg, b) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    let (mut m, mut places, mut dot) = (0i64, 0u32, false);
    for &c in b {
        match c {
            b'0'..=b'9' => {
                m = m * 10 + i64::from(c - b'0');
                if dot {
                    places += 1;
                }
            }
            b'.' if !dot => dot = true,
            _ => return None,
        }
    }
    if b.is_empty() || places > 2 {
        return None;
    }
    let m = m * 10i64.pow(2 - places);
    Some(if neg { -m } else { m })
}

/// Appends `x` hundredths as `[-]int.dd`.
fn push_fen(out: &mut Vec<u8>, x: i64) {
    if x < 0 {
        out.push(b'-');
    }
    let a = x.unsigned_abs();
    push_u64(out, a / 100);
    out.extend_from_slice(&[b'.', b'0' + (a / 10 % 10) as u8, b'0' + (a % 10) as u8]);
}

/// Appends `n` in decimal, digits laid out in a stack buffer.
fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut b = [0u8; 20];
    let mut i = b.len();
    loop {
        i -= 1;
        b[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&b[i..]);
}

/// Gain over `issue` in hundredths of a percent, half-up on the magnitude.
fn gain(price: i64, issue: i64) -> i64 {
    let num = (price - issue) * 10_000;
    let (q, r) = (num / issue, num % issue);
    if r.abs() * 2 >= issue {
        q + num.signum()
    } else {
        q
    }
}

fn row(line: &[u8], lineno: u64, out: &mut Vec<u8>) -> bool {
    let mut ends = [0u32; 32];
    let mut n = 0;
    split::each_delimiter(line, b',', |at| {
        ends[n] = at;
        n += 1;
        n < 31
    });
    if n < 21 {
        return false;
    }
    ends[n] = line.len() as u32;
    let cell = |c: usize| {
        let a = if c == 0 { 0 } else { ends[c - 1] as usize + 1 };
        &line[a..ends[c] as usize]
    };
    let (Some(issue), Some(close)) = (fen(cell(ISSUE)), fen(cell(CLOSE))) else {
        return false;
    };
    if issue <= 0 {
        return false;
    }
    let latest = fen(cell(LATEST));
    let board: &[u8] = match &cell(0)[..3.min(cell(0).len())] {
        b"688" | b"689" => b"star",
        b"600" | b"601" | b"603" | b"605" => b"sse-main",
        b"300" | b"301" => b"chinext",
        _ => b"szse-main",
    };
    push_u64(out, lineno);
    out.push(b',');
    let comma: &[u8] = b",";
    for c in [
        cell(0),
        comma,
        cell(1),
        comma,
        board,
        comma,
        cell(LISTING),
        comma,
        cell(ISSUE),
    ] {
        out.extend_from_slice(c);
    }
    // price, profit per lot, gain, then the market value's empty cell
    let figures = |out: &mut Vec<u8>, text: &[u8], price: i64| {
        out.extend_from_slice(text);
        out.push(b',');
        push_fen(out, (price - issue) * LOT);
        out.push(b',');
        push_fen(out, gain(price, issue));
        out.extend_from_slice(b",,");
    };
    out.extend_from_slice(b",500,,close,");
    figures(out, cell(CLOSE), close);
    out.extend_from_slice(b",,,,");
    match latest {
        Some(l) => figures(out, cell(LATEST), l),
        None => out.extend_from_slice(b",,,,"),
    }
    out.extend_from_slice(cell(PROFIT));
    out.push(b',');
    out.extend_from_slice(cell(GAIN));
    out.extend_from_slice(b",ok,,em-xgsglb\n");
    true
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: floor_batch IN.csv OUT.csv");
        return ExitCode::from(2);
    };
    match run(input, output) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("floor_batch: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(input: &str, output: &str) -> std::io::Result<u64> {
    let mut file = File::open(input)?;
    let mut dst = File::create(output)?;
    let mut buf = vec![0u8; 1 << 20];
    let mut out = Vec::with_capacity((1 << 20) + 4096);
    let (mut lo, mut hi, mut eof, mut lineno, mut rows) = (0, 0, false, 0u64, 0u64);
    loop {
        match split::first_line(&buf[lo..hi], eof) {
            Some((line, used)) => {
                lineno += 1;
                if lineno > 1 && row(line, lineno, &mut out) {
                    rows += 1;
                }
                lo += used;
                if out.len() >= 1 << 20 {
                    dst.write_all(&out)?;
                    out.clear();
                }
            }
            None if eof => break,
            None => {
                buf.copy_within(lo..hi, 0);
                hi -= lo;
                lo = 0;
                match file.read(&mut buf[hi..])? {
                    0 => eof = true,
                    k => hi += k,
                }
            }
        }
    }
    dst.write_all(&out)?;
    dst.sync_all()?;
    Ok(rows)
}
