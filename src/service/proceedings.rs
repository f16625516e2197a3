//! Writing the proceedings from Closing: from the session file as saved, so they are
//! exactly the bytes `convene export` gives, into the folder the person chose.

use crate::export::folder;
use crate::store::{self, SaveState};
use std::path::Path;

/// Writes every file of the proceedings of `file` into `dir`, once `saved` says the
/// changes before the request are on disk. Says what was written, or why nothing was.
pub fn write(
    file: Option<&Path>,
    saved: &SaveState,
    dir: &Path,
    anonymous: bool,
) -> Result<String, String> {
    match saved {
        SaveState::Saved => {}
        SaveState::Saving => return Err("Still saving; try again in a moment".into()),
        SaveState::Failed(why) => {
            return Err(format!(
                "Not written: the proceedings come from the saved file, and it is not saved ({why})"
            ));
        }
    }
    let file = file.ok_or("This session has no file to write the proceedings from")?;
    let loaded = store::load(file).map_err(|e| e.to_string())?;
    let written = folder::write(dir, &loaded, anonymous).map_err(|e| e.to_string())?;
    Ok(format!(
        "{} files written to {}/",
        written.files.len(),
        written.dir.display()
    ))
}
