//! Table rows (`daxin batch`): any bytes after a real header either compute
//! or become that row's error, and the rows on several threads are, byte
//! for byte, the rows on one.
#![no_main]

use daxin::import::batch::{run_parallel, Encoder, Encoding};
use daxin::import::{Layout, SourceFormat};
use libfuzzer_sys::fuzz_target;

const FORMATS: [SourceFormat; 5] = [
    SourceFormat::EmXgsglb,
    SourceFormat::EmXgsglbBse,
    SourceFormat::EmDxsyl,
    SourceFormat::Ths,
    SourceFormat::Daxin,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(pick) % FORMATS.len()];
    let refs: Vec<&str> = format.header().to_vec();
    let Ok(layout) = Layout::detect(&refs, None) else {
        return;
    };
    let enc = Encoder::new(Encoding::Csv, true, None);
    let one = run_parallel(&layout, b',', body, true, 2, 1, &enc);
    let three = run_parallel(&layout, b',', body, true, 2, 3, &enc);
    assert_eq!(one.outputs.concat(), three.outputs.concat());
    assert_eq!(one.tally, three.tally);
});
