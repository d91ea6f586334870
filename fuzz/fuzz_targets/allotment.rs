//! Hong Kong allotment tables (`odds --allotment`): any bytes are read into
//! tiers or refused; the tiers of a table read compute or err.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = daxin::allotment::parse::read(data, Some(200));
});
