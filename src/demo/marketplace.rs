//! The marketplace: people stand up, name an issue they care about and put it on the wall.
//! The facilitator fixes two typos, merges a near-duplicate, undoes a slip of the finger,
//! and moves one session so its convener can come back from a ward round.

use super::Day;
use crate::model::{Change, IssueId, SlotId, SpaceId};

pub(super) const DISCHARGE_TO_ASSESS: IssueId = IssueId(1);
pub(super) const DEMENTIA_BEDS: IssueId = IssueId(2);
pub(super) const SHARED_RECORDS: IssueId = IssueId(3);
pub(super) const CARERS_BREAKS: IssueId = IssueId(4);
pub(super) const REABLEMENT: IssueId = IssueId(5);
pub(super) const TRANSPORT: IssueId = IssueId(6);
pub(super) const HOSPITAL_AT_HOME: IssueId = IssueId(7);
pub(super) const WORKFORCE: IssueId = IssueId(8);
pub(super) const MEDICINES: IssueId = IssueId(9);
pub(super) const SAME_QUESTIONS: IssueId = IssueId(10);
pub(super) const ADAPTATIONS: IssueId = IssueId(11);
pub(super) const LONELINESS: IssueId = IssueId(12);
pub(super) const ONE_RECORD: IssueId = IssueId(13);
pub(super) const PAYING_FOR_CARE: IssueId = IssueId(14);

/// Number, title as first typed, convener, and what they said about it.
const ISSUES: [(IssueId, &str, &str, &str); 14] = [
    (
        DISCHARGE_TO_ASSESS,
        "Discharge to assess: who decides, and how quickly?",
        "Siobhán Kelly",
        "People are medically fit but wait days on the ward while we work out who assesses \
         them and where. Families hear three different stories.",
    ),
    (
        DEMENTIA_BEDS,
        "Not enough care home places for people living with dementia",
        "Élodie Martin",
        "Nursing homes that take people with advanced dementia are full most weeks, so people \
         are placed out of the borough, far from their families.",
    ),
    (
        SHARED_RECORDS,
        "Shared care recrods that carers can see too",
        "Zoë Lambert",
        "Carers are the ones who know what happened last week, yet they cannot see the plan \
         and have to repeat everything at every visit.",
    ),
    (
        CARERS_BREAKS,
        "Carers need real breaks, not just leaflets",
        "Eileen Okonjo",
        "When someone comes home from hospital the family carer often goes without sleep for \
         weeks. Respite is hard to book and never at short notice.",
    ),
    (
        REABLEMENT,
        "Reablement: starting within 48 hours of getting home",
        "Hannah Clarke",
        "The first two days at home decide whether someone regains their independence. Our \
         reablement team often starts on day five.",
    ),
    (
        TRANSPORT,
        "Getting home: transport on the day of discharge",
        "Gareth Jones",
        "Patients ready at ten in the morning leave at eight at night because transport is \
         booked last. Some arrive to a cold house with no food in.",
    ),
    (
        HOSPITAL_AT_HOME,
        "Hospital at home: who is in charge at night?",
        "Ben Okafor",
        "The virtual ward works well in the day. At night, carers and patients do not know \
         whom to ring, and they end up calling 999.",
    ),
    (
        WORKFORCE,
        "Recuriting and keeping home care workers",
        "Grace Mensah",
        "We lose a third of new care workers in their first three months. Pay, mileage and \
         rotas with no travel time all play a part.",
    ),
    (
        MEDICINES,
        "Medicines when you leave hospital",
        "Lucy Tran",
        "Changes to medicines are not always passed on to the GP, the community pharmacy or \
         the home care agency that helps with them.",
    ),
    (
        SAME_QUESTIONS,
        "Being asked the same questions by five different people",
        "Doreen Whitfield",
        "After my hip operation I told my story to the ward, the social worker, the \
         therapist, the care agency and the GP. Nobody had written it down for the next one.",
    ),
    (
        ADAPTATIONS,
        "Home adaptations take months, so people stay in hospital",
        "Beatriz Santos",
        "A rail or a ramp can decide whether someone can go home at all. Waiting lists for \
         minor adaptations are over twelve weeks.",
    ),
    (
        LONELINESS,
        "Loneliness after discharge: befriending and follow-up calls",
        "Jürgen Becker",
        "Many people we visit have nobody calling in once the care package ends. A weekly \
         call would spot problems before they become readmissions.",
    ),
    (
        ONE_RECORD,
        "One care record, not six",
        "Rajesh Patel",
        "Community nurses, social workers and care agencies each keep their own notes on \
         the same person.",
    ),
    (
        PAYING_FOR_CARE,
        "Paying for care: explain it before discharge, not after",
        "Raymond Fairweather",
        "Families find out about charges for care after the person is home, when it is too \
         late to plan.",
    ),
];

/// Where each issue meets: space and slot by name.
const WALL: [(IssueId, &str, &str); 12] = [
    (DISCHARGE_TO_ASSESS, "Main hall", "Morning"),
    (CARERS_BREAKS, "Garden room", "Morning"),
    (SAME_QUESTIONS, "Library corner", "Morning"),
    (HOSPITAL_AT_HOME, "Committee room 2", "Morning"),
    (SHARED_RECORDS, "Main hall", "Late morning"),
    (DEMENTIA_BEDS, "Garden room", "Late morning"),
    (MEDICINES, "Library corner", "Late morning"),
    (REABLEMENT, "Committee room 2", "Late morning"),
    (WORKFORCE, "Main hall", "Afternoon"),
    (LONELINESS, "Garden room", "Afternoon"),
    (ADAPTATIONS, "Library corner", "Afternoon"),
    (TRANSPORT, "Committee room 2", "Afternoon"),
];

pub(super) fn raise_and_place(day: &mut Day) {
    day.at(9, 41);
    day.pace(75);
    for (number, title, convener, description) in ISSUES {
        let issue = day.session().next_issue_id();
        assert_eq!(issue, number, "demo issues are raised in order");
        let convener = Some(day.who(convener));
        day.record(Change::IssueRaised {
            issue,
            title: title.to_string(),
            convener,
            description: description.to_string(),
        });
        if let Some((_, space, slot)) = WALL.iter().find(|(i, ..)| *i == issue) {
            let (space, slot) = place_of(day, space, slot);
            day.record(Change::IssuePlaced { issue, space, slot });
        }
        if issue == WORKFORCE {
            // The typos on the wall are spotted by the room and put right at once.
            fix_title(
                day,
                SHARED_RECORDS,
                "Shared care records that carers can see too",
            );
            fix_title(day, WORKFORCE, "Recruiting and keeping home care workers");
        }
    }

    day.at(10, 20);
    day.pace(25);
    // Rajesh and Zoë agree their issues are the same conversation.
    day.record(Change::IssuesMerged {
        from: ONE_RECORD,
        into: SHARED_RECORDS,
    });
    // A slip: loneliness deleted instead of paying for care being edited; undone at once.
    day.record(Change::IssueDeleted { issue: LONELINESS });
    day.record(Change::Undo);

    // Ben is on the ward round until lunch: hospital at home swaps with transport.
    day.at(10, 24);
    let (space, slot) = place_of(day, "Committee room 2", "Afternoon");
    day.record(Change::IssueUnplaced { issue: TRANSPORT });
    day.record(Change::IssuePlaced {
        issue: HOSPITAL_AT_HOME,
        space,
        slot,
    });
    let (space, slot) = place_of(day, "Committee room 2", "Morning");
    day.record(Change::IssuePlaced {
        issue: TRANSPORT,
        space,
        slot,
    });
}

fn fix_title(day: &mut Day, issue: IssueId, title: &str) {
    let it = &day.session().issues[&issue];
    let (convener, description) = (it.convener, it.description.clone());
    day.record(Change::IssueEdited {
        issue,
        title: title.to_string(),
        convener,
        description,
    });
}

fn place_of(day: &Day, space: &str, slot: &str) -> (SpaceId, SlotId) {
    let s = day.session();
    let space = s.spaces.values().find(|x| x.name == space).expect("space");
    let slot = s.slots.values().find(|x| x.label == slot).expect("slot");
    (space.id, slot.id)
}
