//! Morning set-up: the rooms and time slots on the wall, then people signing in, from the
//! council, the trust, care providers, voluntary groups, and residents who use services or
//! care for someone who does.

use super::Day;
use crate::model::{Change, Group};
use chrono::NaiveTime;

const SPACES: [&str; 4] = [
    "Main hall",
    "Garden room",
    "Library corner",
    "Committee room 2",
];

/// An hour and a minute.
type HourMinute = (u32, u32);

/// Label, start and end of each breakout slot.
const SLOTS: [(&str, HourMinute, HourMinute); 3] = [
    ("Morning", (10, 30), (11, 30)),
    ("Late morning", (11, 45), (12, 45)),
    ("Afternoon", (13, 30), (14, 30)),
];

const COUNCIL: &str = "Havering Vale Council";
const TRUST: &str = "Vale and Thames NHS Foundation Trust";
const PCN: &str = "Vale North Primary Care Network";

/// Everyone in the order they signed in: name, organisation, and the voice they bring.
const PEOPLE: [(&str, Option<&str>, Group); 30] = [
    ("Margaret Adeyemi", Some(COUNCIL), Group::Council),
    ("Siobhán Kelly", Some(TRUST), Group::Nhs),
    // Signed in with the accent missing; put right below.
    ("Tomasz Wisniewski", Some(COUNCIL), Group::Council),
    ("Chidi Okonkwo-Brown", Some(TRUST), Group::Nhs),
    ("Priya Raman", Some(COUNCIL), Group::Council),
    (
        "Grace Mensah",
        Some("Brookfield Home Care"),
        Group::CareProvider,
    ),
    (
        "Zoë Lambert",
        Some("Havering Vale Carers' Centre"),
        Group::VoluntarySector,
    ),
    ("Rajesh Patel", Some(TRUST), Group::Nhs),
    (
        "Élodie Martin",
        Some("Oakhurst Care Homes"),
        Group::CareProvider,
    ),
    ("Hannah Clarke", Some(COUNCIL), Group::Council),
    ("Doreen Whitfield", None, Group::ServiceUser),
    ("Fiona MacLeod", Some(TRUST), Group::Nhs),
    (
        "Gareth Jones",
        Some("Vale Community Transport"),
        Group::VoluntarySector,
    ),
    ("Eileen Okonjo", None, Group::Carer),
    ("Amira Haddad", Some(PCN), Group::Nhs),
    ("Ben Okafor", Some(TRUST), Group::Nhs),
    (
        "Kwame Asante",
        Some("Oakhurst Care Homes"),
        Group::CareProvider,
    ),
    (
        "Samira Hussain",
        Some("Age Well Havering Vale"),
        Group::VoluntarySector,
    ),
    ("Lucy Tran", Some(TRUST), Group::Nhs),
    (
        "Paul Hendry",
        Some("Brookfield Home Care"),
        Group::CareProvider,
    ),
    ("Beatriz Santos", None, Group::ServiceUser),
    (
        "Jürgen Becker",
        Some("Home from Hospital Befrienders"),
        Group::VoluntarySector,
    ),
    (
        "Aoife Gallagher",
        Some("Healthwatch Havering Vale"),
        Group::VoluntarySector,
    ),
    ("Raymond Fairweather", None, Group::Carer),
    (
        "Niamh Byrne",
        Some("Riverside Supported Living"),
        Group::CareProvider,
    ),
    ("Mohammed Iqbal", None, Group::ServiceUser),
    ("Sunita Sharma", None, Group::Carer),
    ("Declan O'Connor", Some(COUNCIL), Group::Council),
    ("Stanisław Nowak", None, Group::ServiceUser),
    ("Mei-Ling Chen", None, Group::Carer),
];

pub(super) fn arrive(day: &mut Day) {
    day.at(9, 6);
    day.pace(20);
    for name in SPACES {
        let space = day.session().next_space_id();
        day.record(Change::SpaceAdded {
            space,
            name: name.to_string(),
        });
    }
    for (label, starts, ends) in SLOTS {
        let slot = day.session().next_slot_id();
        let time = |(h, m)| NaiveTime::from_hms_opt(h, m, 0);
        day.record(Change::SlotAdded {
            slot,
            label: label.to_string(),
            starts: time(starts),
            ends: time(ends),
        });
    }

    day.at(9, 10);
    day.pace(35);
    for (name, organisation, group) in PEOPLE {
        let participant = day.session().next_participant_id();
        day.record(Change::ParticipantAdded {
            participant,
            name: name.to_string(),
            organisation: organisation.map(str::to_string),
            group: Some(group),
        });
    }

    day.at(9, 29);
    let tomasz = day.who("Tomasz Wisniewski");
    day.record(Change::ParticipantUpdated {
        participant: tomasz,
        name: "Tomasz Wiśniewski".to_string(),
        organisation: Some(COUNCIL.to_string()),
        group: Some(Group::Council),
    });

    // The opening: the sponsor asks for the second half of the question to be added.
    day.at(9, 34);
    day.record(Change::ThemeSet {
        theme: "How do we get people home from hospital well, and keep them well at home?"
            .to_string(),
    });
}
