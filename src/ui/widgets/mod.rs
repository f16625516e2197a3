//! Widgets shared by the panes.

pub mod big_title;
pub mod field;
pub mod form_rows;
pub mod name_match;
pub mod popup;
pub mod scroll;
pub mod wrap;

pub use big_title::BigTitle;
pub use field::{Field, FieldKey};
