//! Widgets shared by the panes.

pub mod field;

pub use field::{Field, FieldKey};
