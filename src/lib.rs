//! Convene: an offline terminal app for facilitating Open Space workshops.

// The file promises (no write through a link, owner-only files, one writer, a save that
// finishes when the terminal closes) are Unix calls; the README says why there is no Windows
// port.
#[cfg(not(unix))]
compile_error!("Convene runs on Linux and macOS only: see the README's \"Where files live\"");

pub mod cli;
pub mod demo;
pub mod export;
pub mod merge;
pub mod model;
pub mod replay;
pub mod service;
pub mod sheet;
pub mod signals;
pub mod store;
pub mod synth;
pub mod text;
pub mod ui;
pub mod view;
