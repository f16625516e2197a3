//! The panes, in the order of the day.

mod agenda;
mod closing;
mod closing_follow_up;
pub mod issue_detail;
mod issues;
#[cfg(test)]
mod key_tables;
mod leads;
mod opening;
pub mod people;
mod placement;
pub mod places;
pub mod progress;
mod roster;
mod vote;

pub use agenda::AgendaPane;
pub use closing::{ClosingPane, DayFigures, HorizonSummary, missing_reports};
pub use issues::IssuesPane;
pub use leads::LeadsPane;
pub use opening::OpeningPane;
pub use progress::ProgressPane;
pub use vote::VotePane;
