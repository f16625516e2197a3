//! Any bytes as a session file: a clear error or a session, never a panic; and a session
//! that loads saves back to a file that loads as the same session.
#![no_main]

use convene::store;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = store::parse(Path::new("fuzz.json"), data) else {
        return;
    };
    convene_fuzz::look_at(&loaded.journal.session);
    let bytes = store::to_bytes(&loaded.meta, &loaded.journal, loaded.saved_at);
    let again = match store::parse(Path::new("again.json"), &bytes) {
        Ok(again) => again,
        Err(e) => panic!("a loaded session saved back does not load: {e}"),
    };
    assert_eq!(again.meta, loaded.meta);
    assert_eq!(again.saved_at, loaded.saved_at);
    assert!(
        again.journal == loaded.journal,
        "the session differs after save and load"
    );
});
