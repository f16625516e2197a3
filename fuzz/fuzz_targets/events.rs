//! Arbitrary changes recorded one by one: no panic, refused changes leave no trace, undo
//! takes back exactly what a change did, and save then load gives the same session.
#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(script) = convene_fuzz::script(&mut u) {
        convene_fuzz::run_script(script);
    }
});
