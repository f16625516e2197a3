//! Where an issue meets, in the words the Issues list, an issue's detail and the Closing
//! pane all use; apart from each of them so that none has to reach into another for it.

use crate::model::{Issue, Session};

/// Where an issue meets, in words: "Garden room · 11:00" or "not placed".
pub fn placement_text(session: &Session, issue: &Issue) -> String {
    match issue.placement {
        Some(p) => {
            let space = session
                .spaces
                .get(&p.space)
                .map_or("?", |s| s.name.as_str());
            let slot = session.slots.get(&p.slot).map_or("?", |s| s.label.as_str());
            format!("{space} · {slot}")
        }
        None => "not placed".into(),
    }
}
