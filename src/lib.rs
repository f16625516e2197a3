//! Convene: an offline terminal app for facilitating Open Space workshops.

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
