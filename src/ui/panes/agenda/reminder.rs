//! Reports are chased, not forgotten: as the running slot nears its end (the session's lead
//! time, 10 minutes unless changed), the sessions in it that have no report yet are counted
//! so the status bar and the room's screen can ask for them. A slot with no end time takes
//! its end from the breakout timer while that runs, and otherwise gets no reminder.

use super::timer::Phase;
use super::{AgendaPane, clock};
use crate::model::Session;
use chrono::{DateTime, FixedOffset, Timelike};

impl AgendaPane {
    /// How many breakouts of the running slot still owe a report, once it is time to ask.
    pub fn reports_due(&self, session: &Session, now: DateTime<FixedOffset>) -> Option<usize> {
        let minutes = session.report_reminder_minutes();
        if minutes == 0 {
            return None;
        }
        let slots = session.slots_in_order();
        let t = now.time().with_nanosecond(0).unwrap_or(now.time());
        let slot = slots[clock::now_slot(&slots, t)?];
        let left = match slot.ends {
            Some(end) => (end - t).num_seconds(),
            None => match self.timer.phase() {
                Phase::Running | Phase::Up => self.timer.left(now, 0),
                Phase::Ready | Phase::Paused => return None,
            },
        };
        if left > i64::from(minutes) * 60 {
            return None;
        }
        let owed = session
            .active_issues()
            .filter(|i| i.placement.is_some_and(|p| p.slot == slot.id))
            .filter(|i| !i.cancelled && i.report.is_empty())
            .count();
        (owed > 0).then_some(owed)
    }
}
