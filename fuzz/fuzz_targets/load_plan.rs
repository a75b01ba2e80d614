//! Loading an arbitrary plan file (a county's edit, imported in the page or checked by the CLI):
//! a plan or a list of positioned errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(errors) = yingji::check("fuzz.toml", text) {
        assert!(!errors.is_empty());
    }
});
