//! The session family: its theme and the report reminder.

use super::super::history::Patch;
use super::super::rejection::*;
use super::super::session::*;
use super::super::validate::*;

pub(super) fn set_theme(session: &mut Session, theme: &str) -> Result<Vec<Patch>, Rejection> {
    let theme = checked(theme, "theme", MAX_THEME)?;
    let old = std::mem::replace(&mut session.theme, theme);
    Ok(vec![Patch::Theme(old)])
}

pub(super) fn set_reminder(session: &mut Session, minutes: &u32) -> Result<Vec<Patch>, Rejection> {
    if *minutes > MAX_REMINDER_MINUTES {
        return Err(Rejection::BadReminder);
    }
    let old = session.report_reminder.replace(*minutes);
    Ok(vec![Patch::ReportReminder(old)])
}
