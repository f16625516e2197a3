//! The domain: what an Open Space session is and the rules for changing it. Nothing here
//! knows about files or terminals, so every rule can be tested on its own.

mod apply;
pub mod commands;
pub mod dates;
pub mod describe;
pub mod event;
pub mod followup;
mod history;
pub mod ids;
mod journal;
pub mod kinds;
mod parts;
mod rejection;
mod round;
mod rules;
pub mod session;
pub mod stamp;
mod tagged;
pub mod tally;
mod validate;

#[cfg(test)]
mod tests;

pub use apply::apply;
pub use event::{Captured, Change, Event, step_end, step_start};
pub use history::UNDO_DEPTH;
pub use ids::*;
pub use journal::{BadEvent, Journal, Rebuild, Stamped};
pub use kinds::{Family, Kind};
pub use rejection::*;
pub use session::*;
pub use validate::same_name;
