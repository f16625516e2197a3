//! Reading a session file while saying how far it is. A copy can be hundreds of megabytes
//! (a day of typing on another laptop, pasted reports): whoever waits for it is told the
//! share of its bytes read, rather than left looking at a screen that does not move.

use crate::store::{self, LoadError, Loaded};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// From this size on, the reading of a file is reported; a smaller one is read before
/// anyone could read a figure, and is read exactly as `store::load` reads it.
pub const LARGE: u64 = 16 << 20;

/// How much is read at a time, and so how often progress can move.
const CHUNK: usize = 1 << 20;

/// How far the reading of one file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The file's name, as the person knows it.
    pub file: String,
    pub read: u64,
    pub total: u64,
}

impl Progress {
    pub fn percent(&self) -> u64 {
        (self.read.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(100)
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let size = self.total.div_ceil(1_000_000);
        if self.read >= self.total {
            write!(
                f,
                "Read all {size} MB of {}; checking it and rebuilding the session",
                self.file
            )
        } else {
            write!(f, "Reading {}: {}% of {size} MB", self.file, self.percent())
        }
    }
}

/// Reads and rebuilds a session file as `store::load` does, reporting each whole percent
/// of a large file's bytes read.
pub fn load(path: &Path, report: &mut dyn FnMut(&Progress)) -> Result<Loaded, LoadError> {
    let total = std::fs::metadata(path).map_or(0, |m| m.len());
    if total < LARGE {
        return store::load(path);
    }
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut progress = Progress {
        file: name_of(path),
        read: 0,
        total,
    };
    // Room for the last, empty, read too: a file of hundreds of megabytes is never copied
    // into a buffer twice its size.
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0) + CHUNK);
    let mut shown = None;
    loop {
        let start = bytes.len();
        bytes.resize(start + CHUNK, 0);
        let n = loop {
            match file.read(&mut bytes[start..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io(e)),
            }
        };
        bytes.truncate(start + n);
        if n == 0 {
            break;
        }
        progress.read = bytes.len() as u64;
        if shown != Some(progress.percent()) {
            shown = Some(progress.percent());
            report(&progress);
        }
    }
    store::parse(path, &bytes)
}

/// The name a file is known by in messages and in a merge's provenance.
pub fn name_of(path: &Path) -> String {
    path.file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_a_share_of_the_file() {
        let mut p = Progress {
            file: "newsroom.json".into(),
            read: 0,
            total: 230_000_000,
        };
        assert_eq!(p.to_string(), "Reading newsroom.json: 0% of 230 MB");
        p.read = 100_000_000;
        assert_eq!(p.to_string(), "Reading newsroom.json: 43% of 230 MB");
        p.read = p.total;
        assert!(
            p.to_string()
                .starts_with("Read all 230 MB of newsroom.json")
        );
    }

    /// A large file reports its reading and gives what `store::load` gives.
    #[test]
    fn a_large_file_reports_and_loads_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let mut bytes = crate::demo::file_bytes();
        // Whitespace after the document: still the same session, now a large file.
        bytes.resize(LARGE as usize + 3 * CHUNK, b' ');
        std::fs::write(&path, &bytes).unwrap();
        let mut seen = vec![];
        let loaded = load(&path, &mut |p| seen.push(p.percent())).unwrap();
        assert_eq!(loaded.journal, store::load(&path).unwrap().journal);
        assert_eq!(seen.last(), Some(&100));
        assert!(
            seen.len() > 2 && seen.windows(2).all(|w| w[0] < w[1]),
            "{seen:?}"
        );
    }
}
