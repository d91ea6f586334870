//! Broker statements (交割单, `wins import`): any bytes are read into
//! statement rows or refused.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = daxin::wins::broker::read(data, "fuzz");
});
