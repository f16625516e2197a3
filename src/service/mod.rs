//! The slow work on files that the app, the picker and the command line all ask for:
//! reading a copy and merging it in, starting a follow-up meeting, writing the proceedings.
//! One set of functions for all of them, so each rule is written once. The command line
//! calls them in line; the app runs them on a worker thread (`ui::work`), so the screen
//! never waits on a disk and says how far a large file is.

pub mod follow_up;
pub mod merge;
pub mod proceedings;
pub mod read;

pub use read::{LARGE, Progress};
