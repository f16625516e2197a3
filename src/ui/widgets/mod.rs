//! Widgets shared by the panes.

pub mod field;
pub mod form_rows;

pub use field::{Field, FieldKey};
