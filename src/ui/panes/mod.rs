//! The panes, in the order of the day.

mod agenda;
mod closing;
mod issues;
mod leads;
mod opening;
pub mod places;
mod vote;

pub use agenda::AgendaPane;
pub use closing::ClosingPane;
pub use issues::IssuesPane;
pub use leads::LeadsPane;
pub use opening::OpeningPane;
pub use vote::VotePane;
