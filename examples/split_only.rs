//! Reads a CSV file the way `daxin batch` does (1 MiB reads, the same
//! splitter) and only counts records and fields: the cost of reading and
//! splitting alone, for the benchmark's "how close to the ceiling" line.
//!
//!     cargo run --release --example split_only -- /tmp/ipos.csv

use std::io::Read;
use std::process::ExitCode;

use daxin::import::split::{Splitter, Step};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: split_only FILE.csv");
        return ExitCode::from(2);
    };
    let mut file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut buf = vec![0u8; 1 << 20];
    let (mut lo, mut hi, mut eof) = (0usize, 0usize, false);
    let mut s = Splitter::new(b',');
    let (mut records, mut fields) = (0u64, 0u64);
    loop {
        match s.next(&buf[lo..hi], eof) {
            Step::Row { row, consumed, .. } => {
                records += 1;
                fields += row.len() as u64;
                lo += consumed;
            }
            Step::Skip { consumed, .. } => lo += consumed,
            Step::End => break,
            Step::NeedMore => {
                buf.copy_within(lo..hi, 0);
                hi -= lo;
                lo = 0;
                if hi == buf.len() {
                    buf.resize(buf.len() * 2, 0);
                }
                match file.read(&mut buf[hi..]) {
                    Ok(0) => eof = true,
                    Ok(k) => hi += k,
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        return ExitCode::from(2);
                    }
                }
            }
        }
    }
    println!("{records} records, {fields} fields");
    ExitCode::SUCCESS
}
