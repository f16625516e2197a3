//! The demo's follow-up meeting, three months after the day: the partners meet again and
//! go through the plan. Some actions are done, some stuck, one is overdue and one dropped,
//! one new step is taken on and one person sends apologies, so a newcomer sees the whole
//! loop (`convene demo --follow-up`). Fixed times and header, like the day itself.

use super::marketplace::*;
use crate::model::{Change, IssueId, Journal, StepStatus};
use crate::store::Meta;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

/// The follow-up's id in its header.
pub const ID: &str = "9b2e7c41-0d3f-4a6b-8c5e-2027021610f0";

/// The meeting's date: three months and a few days after the day.
pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 2, 16).expect("a real date")
}

fn time(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    date()
        .and_hms_opt(hour, minute, 0)
        .expect("a real time")
        .and_utc()
        .fixed_offset()
}

pub fn meta() -> Meta {
    Meta {
        id: ID.to_string(),
        created_at: time(9, 30),
    }
}

/// A progress update: issue, the start of the step's text, status, note and a new due
/// date (None keeps the one it had).
type Update = (
    IssueId,
    &'static str,
    StepStatus,
    &'static str,
    Option<(i32, u32, u32)>,
);

const UPDATES: [Update; 9] = [
    (
        SHARED_RECORDS,
        "Map which records",
        StepStatus::Done,
        "mapped across six partners; summary shared in January",
        None,
    ),
    (
        SHARED_RECORDS,
        "Write one consent",
        StepStatus::UnderWay,
        "first draft tested with the carers' forum",
        None,
    ),
    (
        DISCHARGE_TO_ASSESS,
        "Start a daily ten",
        StepStatus::Done,
        "call running every weekday since 2 December",
        None,
    ),
    (
        CARERS_BREAKS,
        "Publish the breaks",
        StepStatus::Done,
        "on the council website and in every GP surgery",
        None,
    ),
    (
        REABLEMENT,
        "Same-day reablement",
        StepStatus::UnderWay,
        "pilot running on two wards since January",
        None,
    ),
    (
        TRANSPORT,
        "Find out when",
        StepStatus::Stuck,
        "ward data held up by the trust's information governance sign-off",
        Some((2027, 3, 19)),
    ),
    (
        WORKFORCE,
        "Joint recruitment day",
        StepStatus::Dropped,
        "folded into the council's spring jobs fair",
        None,
    ),
    (
        SAME_QUESTIONS,
        "Collect every service",
        StepStatus::Stuck,
        "two providers have not sent their forms",
        Some((2027, 3, 31)),
    ),
    (
        DEMENTIA_BEDS,
        "Weekly count",
        StepStatus::UnderWay,
        "count started, monthly so far",
        Some((2027, 3, 5)),
    ),
];

/// The follow-up, event by event: carried from the demo day as `convene follow-up` does,
/// then reviewed. The one-page guide for families (due 15 January) gets no update: it is
/// the overdue action the room has to talk about.
pub fn build() -> Journal {
    let day = crate::store::parse(
        std::path::Path::new("demo.json"),
        super::DEMO_JSON.as_bytes(),
    )
    .expect("the demo file loads");
    let mut journal = crate::store::chain::follow_up(
        &day,
        "demo.json",
        time(9, 30),
        date(),
        Some("How do we get people home from hospital well? Three months on"),
        true,
    )
    .expect("the demo carries");
    let mut now = time(10, 5);
    let mut record = |journal: &mut Journal, change: Change| {
        let kind = change.kind();
        if let Err(why) = journal.record(now, change) {
            panic!("the demo follow-up's {kind} was refused: {why}");
        }
        now += TimeDelta::seconds(75);
    };
    let away = journal
        .session
        .find_participant("Raymond Fairweather")
        .expect("on the demo roster");
    record(
        &mut journal,
        Change::AbsenceSet {
            participant: away,
            absent: true,
        },
    );
    for (issue, start, status, note, due) in UPDATES {
        let step = journal.session.issues[&issue]
            .plan
            .steps
            .values()
            .find(|s| s.text.starts_with(start))
            .unwrap_or_else(|| panic!("no carried step of issue {issue} starts {start:?}"))
            .clone();
        let due = due.map_or(step.due, |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        record(
            &mut journal,
            Change::ProgressRecorded {
                issue,
                step: step.id,
                status,
                note: note.to_string(),
                due,
                owner: step.owner,
            },
        );
    }
    let hannah = journal.session.find_participant("Hannah Clarke");
    let step = journal.session.next_step_id();
    record(
        &mut journal,
        Change::StepAdded {
            issue: REABLEMENT,
            step,
            text: "Share the pilot's first figures with the partnership board".into(),
            owner: hannah,
            due: NaiveDate::from_ymd_opt(2027, 4, 30),
            horizon: crate::model::Horizon::Short,
        },
    );
    journal
}

/// The follow-up's file, as `convene demo --follow-up` writes it beside the day's.
pub fn file_bytes() -> Vec<u8> {
    crate::store::to_bytes(&meta(), &build(), time(11, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::followup::tally;

    #[test]
    fn the_follow_up_shows_the_whole_loop() {
        let journal = build();
        let s = &journal.session;
        let f = s.follow_up.as_ref().expect("a follow-up");
        assert_eq!(f.follows.session, crate::demo::DEMO_ID);
        assert_eq!(
            f.follows.date,
            NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()
        );
        assert_eq!(s.meeting_date(), Some(date()));
        let (all, _) = tally(s, date(), true);
        assert!(all.done >= 2, "some done");
        assert!(all.stuck >= 2, "some stuck");
        assert_eq!(all.overdue, 1, "one overdue");
        assert_eq!(all.dropped, 1, "one dropped");
        assert!(s.participants.values().any(|p| p.absent));
        assert!(s.priorities_under_review().len() >= 8);
        // `convene demo` itself is unchanged: the day's file is still the asset.
        assert_eq!(crate::demo::file_bytes(), crate::demo::DEMO_JSON.as_bytes());
    }
}
