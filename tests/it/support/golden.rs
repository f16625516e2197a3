//! The golden files under `tests/golden/`: every export of the demo and its follow-up,
//! checked in so that any change to what the proceedings say is seen in review. One
//! comparison for all of them, byte for byte.

use std::path::{Path, PathBuf};

/// Set to write the golden files from what the code makes now instead of comparing.
pub const REGENERATE: &str = "CONVENE_REGENERATE_GOLDEN";

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Fails unless each made text is its golden file byte for byte, naming every file that
/// differs at once (a change to the proceedings seldom touches one format only). With
/// `CONVENE_REGENERATE_GOLDEN` set it writes them instead.
#[track_caller]
pub fn check<T: AsRef<[u8]>>(made: &[(&str, T)]) {
    if std::env::var_os(REGENERATE).is_some() {
        for (name, text) in made {
            std::fs::write(path(name), text).expect("write golden file");
        }
        return;
    }
    let stale: Vec<&str> = made
        .iter()
        .filter(|(name, text)| std::fs::read(path(name)).ok().as_deref() != Some(text.as_ref()))
        .map(|(name, _)| *name)
        .collect();
    assert!(
        stale.is_empty(),
        "these differ from tests/golden/: {stale:?}.\n\
         If the change is intended, regenerate them with\n\
         \n    {REGENERATE}=1 cargo test --test it golden\n\n\
         then review `git diff tests/golden/` and commit the files."
    );
}
