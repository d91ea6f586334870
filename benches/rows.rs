//! Criterion benchmarks of the per-row work of `daxin batch`: one AKShare
//! row through the fast path (scan, recompute, write) and through the
//! general path (split, recompute, write), and the pieces.
//!
//!     cargo bench --bench rows

use criterion::{criterion_group, criterion_main, Criterion};
use daxin::import::fast::FastPath;
use daxin::import::split::{Splitter, Step};
use daxin::import::{self, Layout, RowOut, SourceFormat};
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
    let line: Vec<u8> = rec.join(&b","[..]);
    let mut fast = FastPath::new(&layout).unwrap();
    let mut bytes = Vec::with_capacity(1 << 16);
    c.bench_function(
        "fast path: one AKShare line (scan, recompute, write)",
        |b| {
            b.iter(|| {
                bytes.clear();
                assert!(fast.line(black_box(&line), 2, b',', &mut bytes));
                black_box(&bytes);
            })
        },
    );
    let mut splitter = Splitter::new(b',');
    let mut out = RowOut::default();
    let mut with_nl = line.clone();
    with_nl.push(b'\n');
    c.bench_function(
        "general path: one AKShare line (split, recompute, write)",
        |b| {
            b.iter(|| {
                bytes.clear();
                if let Step::Row { row, .. } = splitter.next(black_box(&with_nl), false) {
                    import::process_into(&layout, &row, &mut out);
                    import::write::csv_row(&mut bytes, 2, layout.format, &out, false);
                }
                black_box(&bytes);
            })
        },
    );
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
