//! The breakouts: after each slot the groups hand in a short report (who came, key points,
//! recommendations, follow-up). One breakout never takes place: its convener is called back
//! to work, and the wall says so.

use super::Day;
use super::marketplace::*;
use crate::model::{Change, IssueId, Report};

/// Issue, people who signed the sheet, how many came in all, key points, recommendations,
/// follow-up. Each point is one line.
type Sheet = (
    IssueId,
    &'static [&'static str],
    u32,
    &'static str,
    &'static str,
    &'static str,
);

const MORNING: [Sheet; 4] = [
    (
        DISCHARGE_TO_ASSESS,
        &[
            "Siobhán Kelly",
            "Tomasz Wiśniewski",
            "Chidi Okonkwo-Brown",
            "Kwame Asante",
            "Margaret Adeyemi",
            "Niamh Byrne",
            "Priya Raman",
            "Lucy Tran",
        ],
        9,
        "Nobody owns the decision on the day: the ward, social work and the provider each wait for the other.\n\
         Assessments in hospital overstate what people need; people do better assessed at home.\n\
         Families are told about discharge the evening before, or not at all.\n\
         The daily bed meeting does not include anyone from social care or the providers.",
        "One daily call at ten o'clock with the ward, hospital social work and the main providers.\n\
         Assess at home within 24 hours for everyone on pathway 1.\n\
         A named person who tells the family what is happening and when.",
        "Chidi Okonkwo-Brown to share the frailty unit's length-of-stay figures with the group.\n\
         Hospital social work to draft the plain-English guide for families.",
    ),
    (
        CARERS_BREAKS,
        &[
            "Eileen Okonjo",
            "Zoë Lambert",
            "Sunita Sharma",
            "Samira Hussain",
            "Mei-Ling Chen",
            "Grace Mensah",
            "Joan Pritchard",
        ],
        7,
        "Carers are asked whether they can cope on the day of discharge, in a corridor.\n\
         Respite has to be booked weeks ahead; a crisis does not wait.\n\
         Many carers do not see themselves as carers and never ask for an assessment.\n\
         A few hours a week of sitting service would make the difference for most.",
        "Ask the carer, privately, before the discharge date is set.\n\
         Keep a small number of emergency respite nights that can be booked the same day.\n\
         Count carers' breaks as part of the discharge plan, not an extra.",
        "Carers' Centre to list the breaks already on offer in the borough.\n\
         Raise emergency respite funding with the council's adult social care budget holders.",
    ),
    (
        SAME_QUESTIONS,
        &[
            "Doreen Whitfield",
            "Aoife Gallagher",
            "Amira Haddad",
            "Stanisław Nowak",
            "Mohammed Iqbal",
            "Declan O'Connor",
        ],
        6,
        "People tell their story five or six times in the first week at home.\n\
         Each service's form asks the same twenty questions in a different order.\n\
         Telling it again is tiring and, after a bereavement or a fall, upsetting.\n\
         Interpreters are booked for the first visit but not the ones after.",
        "A short 'my story' page the person owns, keeps at home and can share.\n\
         Services agree a common core of questions and ask only what is new.",
        "Healthwatch to collect the assessment forms used by each service.\n\
         Try the 'my story' page with ten people leaving the frailty unit.",
    ),
    (
        TRANSPORT,
        &[
            "Gareth Jones",
            "Beatriz Santos",
            "Paul Hendry",
            "Jürgen Becker",
            "Hannah Clarke",
            "Fiona MacLeod",
        ],
        6,
        "Transport is booked once the discharge letter is signed, so most journeys are after 4pm.\n\
         People arrive home after dark to a cold house and an empty fridge.\n\
         Wheelchair users wait longest because few vehicles can take them.\n\
         Community transport volunteers could do more, but nobody asks them early enough.",
        "Book transport when the discharge date is set, not when the letter is signed.\n\
         A 'settle home' visit on the day: heating on, shopping in, a check that the key safe works.\n\
         Use community transport for people who do not need a stretcher or clinical escort.",
        "Community transport to find out when and how transport is booked on two wards.",
    ),
];

const LATE_MORNING: [Sheet; 3] = [
    (
        SHARED_RECORDS,
        &[
            "Zoë Lambert",
            "Rajesh Patel",
            "Amira Haddad",
            "Aoife Gallagher",
            "Raymond Fairweather",
            "Priya Raman",
            "Doreen Whitfield",
        ],
        10,
        "Community nurses, social workers, GPs and care agencies each keep their own record.\n\
         Care homes cannot see the hospital discharge summary until days later.\n\
         Carers hold the most up-to-date picture but have no way to see or add to the plan.\n\
         Consent is the worry everyone names first, and nobody has tested it with residents.",
        "Start with read-only access for care home managers and the carer, with the person's consent.\n\
         Agree one consent conversation, written with residents, that covers all partners.\n\
         Judge any shared record by whether people stop having to repeat themselves.",
        "Map which records each partner keeps and who can see them today.\n\
         Talk to the integrated care board's digital team about the borough's options.",
    ),
    (
        DEMENTIA_BEDS,
        &[
            "Élodie Martin",
            "Kwame Asante",
            "Margaret Adeyemi",
            "Sunita Sharma",
        ],
        5,
        "Homes turn people away because they cannot staff for distressed behaviour at night.\n\
         Placements out of the borough mean family visits stop.\n\
         Nobody knows on a given day how many dementia nursing places are free.",
        "A weekly count of dementia nursing vacancies shared with hospital discharge teams.\n\
         Specialist in-reach from the mental health team for the first four weeks of a placement.",
        "Care home managers' forum to agree how vacancies are reported.",
    ),
    (
        REABLEMENT,
        &[
            "Hannah Clarke",
            "Fiona MacLeod",
            "Paul Hendry",
            "Stanisław Nowak",
            "Tomasz Wiśniewski",
        ],
        7,
        "Reablement starts on day five on average; the first days at home are when people lose confidence.\n\
         Therapy in hospital and reablement at home use different goals and different paperwork.\n\
         Weekend discharges get no reablement visit until Monday.",
        "Start reablement on the day of discharge, beginning with one ward as a trial.\n\
         One set of goals that travels from the ward to the reablement team.\n\
         A shared weekend rota between hospital therapists and reablement staff.",
        "Reablement manager to cost a same-day start for one ward.",
    ),
];

const AFTERNOON: [Sheet; 4] = [
    (
        WORKFORCE,
        &[
            "Grace Mensah",
            "Niamh Byrne",
            "Paul Hendry",
            "Priya Raman",
            "Margaret Adeyemi",
            "Kwame Asante",
        ],
        8,
        "A third of new home care workers leave in their first three months.\n\
         Unpaid travel time between visits and mileage rates that do not cover fuel.\n\
         Home care and the trust recruit from the same small pool and compete.\n\
         Care workers feel left out of decisions about the people they see every day.",
        "Recruit together: one joint recruitment day for home care and healthcare assistants.\n\
         Commission home care by the hour including travel time.\n\
         Invite care workers to case discussions as members of the team.",
        "Commissioning to look at a fair pay floor in the next home care contract.",
    ),
    (
        LONELINESS,
        &[
            "Jürgen Becker",
            "Samira Hussain",
            "Mei-Ling Chen",
            "Eileen Okonjo",
        ],
        5,
        "When the care package ends, many people have nobody calling in.\n\
         Befriending volunteers are ready but referrals are slow.\n\
         A weekly phone call spots falls, missed medicines and low mood early.",
        "Offer a befriending call to everyone over 75 who goes home alone.\n\
         Referral to befriending as a tick box on the discharge checklist.",
        "Befrienders to share their referral form with the discharge team.",
    ),
    (
        ADAPTATIONS,
        &[
            "Beatriz Santos",
            "Declan O'Connor",
            "Fiona MacLeod",
            "Stanisław Nowak",
            "Hannah Clarke",
        ],
        5,
        "Minor adaptations wait over twelve weeks; rails and ramps decide whether someone can go home.\n\
         Occupational therapists in hospital cannot order council adaptations directly.\n\
         People who use wheelchairs are rarely asked what works in their own home.",
        "Let hospital occupational therapists order minor adaptations up to a set amount.\n\
         A stock of temporary ramps and rails that can be fitted within two days.",
        "Housing adaptations to report current waiting times at the next partnership board.",
    ),
    (
        HOSPITAL_AT_HOME,
        &[
            "Ben Okafor",
            "Chidi Okonkwo-Brown",
            "Amira Haddad",
            "Siobhán Kelly",
            "Raymond Fairweather",
            "Rajesh Patel",
        ],
        6,
        "The virtual ward has no senior clinician on call at night who knows the patients.\n\
         Families call 999 or NHS 111 and the patient is readmitted.\n\
         District nurses at night are not told who is on the virtual ward.",
        "One night-time number for patients and carers, answered by someone who can see the plan.\n\
         Share the virtual ward list with the night district nursing team every evening.",
        "Hospital at home team to review last month's night-time readmissions.",
    ),
];

pub(super) fn report(day: &mut Day) {
    day.at(11, 33);
    day.pace(140);
    record_all(day, &MORNING);

    // The pharmacist is called back to the dispensary: the medicines session cannot go ahead.
    day.at(11, 52);
    day.record(Change::IssueCancelled {
        issue: MEDICINES,
        cancelled: true,
    });

    day.at(12, 48);
    record_all(day, &LATE_MORNING);

    day.at(14, 33);
    record_all(day, &AFTERNOON);
}

fn record_all(day: &mut Day, sheets: &[Sheet]) {
    for &(issue, names, attendees, key_points, recommendations, follow_up) in sheets {
        day.record(Change::ReportRecorded {
            issue,
            report: Box::new(Report {
                attendees,
                attendee_names: names.iter().map(|n| n.to_string()).collect(),
                key_points: key_points.to_string(),
                recommendations: recommendations.to_string(),
                follow_up: follow_up.to_string(),
            }),
        });
    }
}
