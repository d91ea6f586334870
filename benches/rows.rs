//! Criterion benchmarks of the per-row work of `daxin batch`: one AKShare
//! row through the one row path (split, recompute, write) — a row that
//! agrees with its published figures and one that does not — a block of
//! rows on one and on two threads, and the pieces.
//!
//!     cargo bench --bench rows

use criterion::{criterion_group, criterion_main, Criterion};
use daxin::import::batch::{run_parallel, Encoder, Encoding};
use daxin::import::split::{Splitter, Step};
use daxin::import::{self, Layout, RowOut, Rows, SourceFormat};
use rust_decimal::Decimal;
use std::hint::black_box;

fn row() -> Vec<&'static [u8]> {
    let cells: [&'static str; 22] = [
        "688802",
        "沐曦股份",
        "-",
        "40100000",
        "9665500",
        "-",
        "-",
        "104.66",
        "700.00",
        "829.90",
        "-",
        "-",
        "-",
        "2025-12-17",
        "-",
        "-",
        "0.03348913",
        "-",
        "-",
        "0",
        "692.95",
        "362620",
    ];
    cells.iter().map(|c| c.as_bytes()).collect()
}

fn bench(c: &mut Criterion) {
    let layout = Layout::detect(SourceFormat::EmXgsglb.header(), None).unwrap();
    let rec = row();
    let mut bytes = Vec::with_capacity(1 << 16);
    let mut splitter = Splitter::new(b',');
    let mut rows = Rows::new(&layout);
    let mut out = RowOut::default();
    for (what, published) in [("agrees", "362620"), ("differs", "297670")] {
        let mut line = rec.clone();
        line[21] = published.as_bytes();
        let mut with_nl: Vec<u8> = line.join(&b","[..]);
        with_nl.push(b'\n');
        c.bench_function(
            &format!("one AKShare line that {what} (split, recompute, write)"),
            |b| {
                b.iter(|| {
                    bytes.clear();
                    if let Step::Row { row, .. } = splitter.next(black_box(&with_nl), false) {
                        rows.process_into(&row, &mut out);
                        import::write::csv_row(
                            &mut bytes,
                            2,
                            layout.format,
                            &out,
                            false,
                            daxin::Lang::En,
                        );
                    }
                    black_box(&bytes);
                })
            },
        );
    }
    // a block of 10,000 such lines, every other one differing
    let mut block = Vec::new();
    for i in 0..10_000 {
        let mut line = rec.clone();
        if i % 2 == 1 {
            line[21] = b"297670";
        }
        block.extend_from_slice(&line.join(&b","[..]));
        block.push(b'\n');
    }
    let enc = Encoder::new(Encoding::Csv, false, None);
    for jobs in [1, 2] {
        c.bench_function(
            &format!("a block of 10,000 lines on {jobs} thread(s)"),
            |b| {
                b.iter(|| {
                    black_box(run_parallel(
                        &layout,
                        b',',
                        black_box(&block),
                        true,
                        2,
                        jobs,
                        &enc,
                    ))
                })
            },
        );
    }
    c.bench_function("process_into (one AKShare row)", |b| {
        b.iter(|| {
            import::process_into(&layout, black_box(rec.as_slice()), &mut out);
            black_box(&out);
        })
    });
    let x = Decimal::new(36262000, 2);
    let mut buf = Vec::with_capacity(64);
    c.bench_function("push_fixed (2 places)", |b| {
        b.iter(|| {
            buf.clear();
            import::write::push_fixed(&mut buf, black_box(x), 2);
            black_box(&buf);
        })
    });
    c.bench_function("ascii_decimal", |b| {
        b.iter(|| import::ascii_decimal(black_box(b"829.90")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
