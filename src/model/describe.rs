//! Events in plain words (placeholder until the full version lands).

use super::{Event, Session};

pub fn describe(_before: &Session, event: &Event) -> String {
    event.change.kind().replace('_', " ")
}
