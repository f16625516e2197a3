//! Action planning: each priority finds a lead, people who will help, and next steps with
//! owners and dates. The room triages the rest, and by the closing circle two steps are
//! already moving.

use super::Day;
use super::marketplace::*;
use crate::model::{Change, Horizon, IssueId, NextStep, StepStatus, Triage};
use chrono::NaiveDate;

/// Next step, owner, due date (year, month, day) and horizon.
type StepPlan = (&'static str, &'static str, (i32, u32, u32), Horizon);

/// Issue, lead, supporters, next steps, and the room's decision.
type Priority = (
    IssueId,
    &'static str,
    &'static [&'static str],
    &'static [StepPlan],
    Triage,
);

const PRIORITIES: [Priority; 8] = [
    (
        SHARED_RECORDS,
        "Amira Haddad",
        &[
            "Zoë Lambert",
            "Rajesh Patel",
            "Aoife Gallagher",
            "Raymond Fairweather",
        ],
        &[
            (
                "Map which records each partner keeps and who can see them",
                "Rajesh Patel",
                (2027, 1, 29),
                Horizon::Short,
            ),
            (
                "Write one consent conversation with residents and carers",
                "Aoife Gallagher",
                (2027, 3, 31),
                Horizon::Medium,
            ),
            (
                "Pilot read-only access for two care homes and their residents' carers",
                "Élodie Martin",
                (2027, 6, 30),
                Horizon::Medium,
            ),
            (
                "Business case for one shared care record across the borough",
                "Priya Raman",
                (2027, 11, 30),
                Horizon::Long,
            ),
        ],
        Triage::DoIt,
    ),
    (
        DISCHARGE_TO_ASSESS,
        "Siobhán Kelly",
        &["Tomasz Wiśniewski", "Chidi Okonkwo-Brown", "Kwame Asante"],
        &[
            (
                "Start a daily ten o'clock call: ward, hospital social work, providers",
                "Siobhán Kelly",
                (2026, 12, 7),
                Horizon::Short,
            ),
            (
                "One-page guide to discharge to assess for patients and families",
                "Tomasz Wiśniewski",
                (2026, 12, 18),
                Horizon::Short,
            ),
            (
                "Review the first 50 discharges under the new call, with families' views",
                "Chidi Okonkwo-Brown",
                (2027, 4, 30),
                Horizon::Medium,
            ),
        ],
        Triage::DoIt,
    ),
    (
        CARERS_BREAKS,
        "Zoë Lambert",
        &[
            "Eileen Okonjo",
            "Sunita Sharma",
            "Samira Hussain",
            "Margaret Adeyemi",
        ],
        &[
            (
                "Book the Carers' Centre hall for the first planning meeting",
                "Zoë Lambert",
                (2026, 12, 4),
                Horizon::Short,
            ),
            (
                "Publish the breaks that can be booked at short notice",
                "Samira Hussain",
                (2027, 1, 31),
                Horizon::Short,
            ),
            (
                "Propose funding for 200 emergency respite nights a year",
                "Margaret Adeyemi",
                (2027, 3, 31),
                Horizon::Medium,
            ),
            (
                "Offer a carer's assessment before every discharge date is set",
                "Tomasz Wiśniewski",
                (2027, 9, 30),
                Horizon::Long,
            ),
        ],
        Triage::DoIt,
    ),
    (
        REABLEMENT,
        "Hannah Clarke",
        &["Fiona MacLeod", "Paul Hendry"],
        &[
            (
                "Same-day reablement start on one ward as a three-month trial",
                "Hannah Clarke",
                (2027, 2, 26),
                Horizon::Short,
            ),
            (
                "Joint weekend rota for hospital therapists and reablement staff",
                "Fiona MacLeod",
                (2027, 5, 28),
                Horizon::Medium,
            ),
        ],
        Triage::DoIt,
    ),
    (
        TRANSPORT,
        "Gareth Jones",
        &["Beatriz Santos", "Ben Okafor"],
        &[
            (
                "Find out when and how discharge transport is booked on two wards",
                "Gareth Jones",
                (2026, 12, 11),
                Horizon::Short,
            ),
            (
                "Costed proposal for volunteer drivers and a 'settle home' visit",
                "Gareth Jones",
                (2027, 3, 12),
                Horizon::Medium,
            ),
        ],
        Triage::ClarifyIt,
    ),
    (
        WORKFORCE,
        "Grace Mensah",
        &["Niamh Byrne", "Paul Hendry", "Priya Raman"],
        &[
            (
                "Joint recruitment day for home care and healthcare assistants",
                "Priya Raman",
                (2027, 2, 12),
                Horizon::Short,
            ),
            (
                "Fair pay floor and paid travel time in the next home care contract",
                "Margaret Adeyemi",
                (2027, 12, 17),
                Horizon::Long,
            ),
        ],
        Triage::AnotherOpenSpace,
    ),
    (
        SAME_QUESTIONS,
        "Doreen Whitfield",
        &["Aoife Gallagher", "Mei-Ling Chen", "Stanisław Nowak"],
        &[
            (
                "Collect every service's assessment form and mark the overlaps",
                "Aoife Gallagher",
                (2027, 1, 22),
                Horizon::Short,
            ),
            (
                "Try a 'my story' page with ten people leaving the frailty unit",
                "Doreen Whitfield",
                (2027, 6, 30),
                Horizon::Medium,
            ),
        ],
        Triage::DoIt,
    ),
    (
        DEMENTIA_BEDS,
        "Élodie Martin",
        &["Kwame Asante"],
        &[(
            "Weekly count of dementia nursing vacancies shared with discharge teams",
            "Kwame Asante",
            (2027, 1, 8),
            Horizon::Short,
        )],
        Triage::ClarifyIt,
    ),
];

/// Raised too late for the wall; the room asks for an open space of its own.
const LATER: [(IssueId, Triage); 1] = [(PAYING_FOR_CARE, Triage::AnotherOpenSpace)];

pub(super) fn act(day: &mut Day) {
    day.at(15, 20);
    day.pace(40);
    for (issue, lead, supporters, steps, triage) in PRIORITIES {
        let lead = Some(day.who(lead));
        day.record(Change::LeadAssigned { issue, lead });
        for name in supporters {
            let participant = day.who(name);
            day.record(Change::SupporterAdded { issue, participant });
        }
        for &(text, owner, (y, m, d), horizon) in steps {
            let step = day.session().next_step_id();
            day.record(Change::StepAdded {
                issue,
                step,
                text: text.to_string(),
                owner: Some(day.who(owner)),
                due: NaiveDate::from_ymd_opt(y, m, d),
                horizon,
            });
        }
        day.record(Change::TriageSet {
            issue,
            triage: Some(triage),
        });
    }
    for (issue, triage) in LATER {
        day.record(Change::TriageSet {
            issue,
            triage: Some(triage),
        });
    }

    // The closing circle: what has already moved.
    day.at(16, 30);
    update_step(day, CARERS_BREAKS, 0, |s| s.status = StepStatus::Done);
    update_step(day, DISCHARGE_TO_ASSESS, 0, |s| {
        s.status = StepStatus::UnderWay
    });
    update_step(day, TRANSPORT, 0, |s| s.status = StepStatus::UnderWay);
    // The social worker is on leave in December: the guide for families moves to January.
    day.at(16, 40);
    update_step(day, DISCHARGE_TO_ASSESS, 1, |s| {
        s.due = NaiveDate::from_ymd_opt(2027, 1, 15);
    });
}

/// Changes an issue's nth next step (in the order they were added).
fn update_step(day: &mut Day, issue: IssueId, nth: usize, change: impl FnOnce(&mut NextStep)) {
    let plan = &day.session().issues[&issue].plan;
    let mut step = plan
        .steps
        .values()
        .nth(nth)
        .expect("the demo step exists")
        .clone();
    change(&mut step);
    day.record(Change::StepUpdated {
        issue,
        step: step.id,
        text: step.text,
        owner: step.owner,
        due: step.due,
        horizon: step.horizon,
        status: step.status,
    });
}
