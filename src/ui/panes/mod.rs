//! The panes, in the order of the day.

mod agenda;
mod closing;
pub mod issue_detail;
mod issues;
mod leads;
mod opening;
pub mod people;
pub mod places;
mod roster;
mod vote;

pub use agenda::AgendaPane;
pub use closing::{ClosingPane, HorizonSummary, Summary, missing_reports};
pub use issues::IssuesPane;
pub use leads::LeadsPane;
pub use opening::OpeningPane;
pub use vote::VotePane;
