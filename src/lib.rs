//! Convene: an offline terminal app for facilitating Open Space workshops.

pub mod model;
pub mod cli;
pub mod store;
pub mod demo;
pub mod export;
