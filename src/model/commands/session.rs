//! The session as a whole: its theme, its report reminder, and the copies made of it.

use crate::model::event::Change;
use crate::model::session::Session;

/// The theme as typed, without surrounding spaces; nothing when it is the theme already,
/// so that confirming an unchanged theme leaves no event to undo.
pub fn set_theme(session: &Session, typed: &str) -> Option<Change> {
    let theme = typed.trim();
    (theme != session.theme).then(|| Change::ThemeSet {
        theme: theme.to_string(),
    })
}

/// How many minutes before a slot ends reports are asked for (0: never); nothing when
/// that is the reminder already.
pub fn set_report_reminder(session: &Session, minutes: u32) -> Option<Change> {
    (minutes != session.report_reminder_minutes()).then_some(Change::ReportReminderSet { minutes })
}

/// Names this file as a copy for another laptop: `copy` is its id for ever (a fresh
/// UUID), `label` what people call it.
pub fn name_copy(copy: String, label: &str) -> Change {
    Change::CopyMade {
        copy,
        label: label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::Room;

    #[test]
    fn an_unchanged_theme_or_reminder_records_nothing() {
        let mut room = Room::new();
        let theme = room.s().theme.clone();
        assert_eq!(set_theme(room.s(), &format!("  {theme} ")), None);
        assert_eq!(
            set_theme(room.s(), " Home well "),
            Some(Change::ThemeSet {
                theme: "Home well".into()
            })
        );
        let now = room.s().report_reminder_minutes();
        assert_eq!(set_report_reminder(room.s(), now), None);
        room.ok(set_report_reminder(room.s(), now + 5).expect("a new reminder"));
        assert_eq!(room.s().report_reminder_minutes(), now + 5);
    }
}
