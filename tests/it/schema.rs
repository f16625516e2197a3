//! `assets/session.schema.json` is the file format's contract for other tools. These tests
//! keep it honest: it names every kind of event, and a file holding every kind of event, as
//! `store::to_bytes` writes it, validates against it. The validator here covers the
//! keywords the schema uses (checked below) except `format` and `pattern`, which only
//! annotate strings.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use convene::model::*;
use convene::store;
use serde_json::Value;
use std::collections::BTreeSet;

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/session.schema.json"
    ))
    .unwrap();
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The position of each kind of change. No wildcard: a new kind of event stops this
/// compiling until it is added here, to the scenario and to the schema.
fn kind_index(change: &Change) -> usize {
    use Change::*;
    match change {
        SessionCreated { .. } => 0,
        ThemeSet { .. } => 1,
        ParticipantAdded { .. } => 2,
        ParticipantUpdated { .. } => 3,
        ParticipantRemoved { .. } => 4,
        SpaceAdded { .. } => 5,
        SpaceRenamed { .. } => 6,
        SpaceRemoved { .. } => 7,
        SlotAdded { .. } => 8,
        SlotUpdated { .. } => 9,
        SlotRemoved { .. } => 10,
        IssueRaised { .. } => 11,
        IssueEdited { .. } => 12,
        IssueDeleted { .. } => 13,
        IssuesMerged { .. } => 14,
        IssuePlaced { .. } => 15,
        IssueUnplaced { .. } => 16,
        IssueCancelled { .. } => 17,
        ReportRecorded { .. } => 18,
        RoundOpened { .. } => 19,
        RoundClosed { .. } => 20,
        RoundReopened { .. } => 21,
        ResultsRevealed { .. } => 22,
        DotAdded { .. } => 23,
        DotRemoved { .. } => 24,
        LeadAssigned { .. } => 25,
        SupporterAdded { .. } => 26,
        SupporterRemoved { .. } => 27,
        StepAdded { .. } => 28,
        StepUpdated { .. } => 29,
        StepRemoved { .. } => 30,
        TriageSet { .. } => 31,
        ReportReminderSet { .. } => 32,
        Undo => 33,
        Redo => 34,
        TallySet { .. } => 35,
        FollowUpStarted { .. } => 36,
        PriorityCarried { .. } => 37,
        StepCarried { .. } => 38,
        ProgressRecorded { .. } => 39,
        AbsenceSet { .. } => 40,
        CopyMade { .. } => 41,
        CopyMerged { .. } => 42,
    }
}
const KINDS: usize = 43;

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-05-01T10:42:00+01:00").unwrap()
}

/// A session that uses every kind of event, each field both present and absent.
fn every_kind_of_event() -> Journal {
    use Change::*;
    let (p, s, t, i, r) = (ParticipantId, SpaceId, SlotId, IssueId, RoundId);
    let time = |text: &str| NaiveTime::parse_from_str(text, "%H:%M").ok();
    let issue =
        |id: u32, title: &str, convener: Option<ParticipantId>, description: &str| IssueRaised {
            issue: i(id),
            title: title.into(),
            convener,
            description: description.into(),
        };
    let person = |id: u32, name: &str| ParticipantAdded {
        participant: p(id),
        name: name.into(),
        organisation: None,
        group: None,
    };
    let dot = |round: u32, issue: u32, voter: Option<u32>| DotAdded {
        round: r(round),
        issue: i(issue),
        voter: voter.map(p),
    };
    let changes = vec![
        ThemeSet {
            theme: "How do we get people home from hospital well?".into(),
        },
        ParticipantAdded {
            participant: p(1),
            name: "Amira Patel".into(),
            organisation: Some("Bromley Council".into()),
            group: Some(Group::Council),
        },
        person(2, "Sam Hale"),
        person(3, "Jo"),
        ParticipantUpdated {
            participant: p(3),
            name: "Jo Green".into(),
            organisation: Some("Carers' Forum".into()),
            group: Some(Group::Carer),
        },
        ParticipantRemoved { participant: p(3) },
        SpaceAdded {
            space: s(1),
            name: "Hall".into(),
        },
        SpaceAdded {
            space: s(2),
            name: "Garden".into(),
        },
        SpaceRenamed {
            space: s(2),
            name: "Garden room".into(),
        },
        SpaceRemoved { space: s(2) },
        SlotAdded {
            slot: t(1),
            label: "10:00-11:00".into(),
            starts: time("10:00"),
            ends: time("11:00"),
        },
        SlotAdded {
            slot: t(2),
            label: "Afternoon".into(),
            starts: None,
            ends: None,
        },
        SlotUpdated {
            slot: t(2),
            label: "After lunch".into(),
            starts: time("13:00"),
            ends: None,
        },
        SlotRemoved { slot: t(2) },
        issue(1, "Discharge to assess delays", Some(p(1)), "Waits of days"),
        issue(2, "Carers' voice", None, ""),
        issue(3, "Duplicate", None, ""),
        IssueEdited {
            issue: i(2),
            title: "Carers' voices".into(),
            convener: Some(p(2)),
            description: "Who speaks for carers?".into(),
        },
        IssueDeleted { issue: i(3) },
        issue(4, "Discharge delays", None, ""),
        IssuesMerged {
            from: i(4),
            into: i(1),
        },
        IssuePlaced {
            issue: i(1),
            space: s(1),
            slot: t(1),
        },
        IssueUnplaced { issue: i(1) },
        IssuePlaced {
            issue: i(1),
            space: s(1),
            slot: t(1),
        },
        IssueCancelled {
            issue: i(2),
            cancelled: true,
        },
        ReportRecorded {
            issue: i(1),
            report: Box::new(Report {
                attendees: 12,
                attendee_names: vec!["Amira Patel".into()],
                key_points: "Delays at weekends\nNo single contact".into(),
                recommendations: "One discharge coordinator".into(),
                follow_up: String::new(),
            }),
        },
        RoundOpened {
            round: r(1),
            dots_per_person: 3,
            max_per_issue: Some(2),
            anonymous: false,
            hidden: true,
            ballot: vec![i(1), i(2)],
        },
        dot(1, 1, Some(1)),
        dot(1, 2, Some(2)),
        DotRemoved {
            round: r(1),
            issue: i(2),
            voter: Some(p(2)),
        },
        RoundClosed { round: r(1) },
        RoundReopened { round: r(1) },
        ResultsRevealed { round: r(1) },
        RoundOpened {
            round: r(2),
            dots_per_person: 5,
            max_per_issue: None,
            anonymous: true,
            hidden: false,
            ballot: vec![i(1), i(2)],
        },
        dot(2, 1, None),
        dot(2, 1, None),
        DotRemoved {
            round: r(2),
            issue: i(1),
            voter: None,
        },
        TallySet {
            round: r(2),
            issue: i(2),
            dots: 14,
        },
        LeadAssigned {
            issue: i(1),
            lead: Some(p(2)),
        },
        LeadAssigned {
            issue: i(2),
            lead: Some(p(1)),
        },
        LeadAssigned {
            issue: i(2),
            lead: None,
        },
        SupporterAdded {
            issue: i(1),
            participant: p(1),
        },
        SupporterRemoved {
            issue: i(1),
            participant: p(1),
        },
        SupporterAdded {
            issue: i(1),
            participant: p(1),
        },
        StepAdded {
            issue: i(1),
            step: StepId(1),
            text: "Map the discharge pathway".into(),
            owner: Some(p(2)),
            due: NaiveDate::from_ymd_opt(2026, 6, 1),
            horizon: Horizon::Short,
        },
        StepUpdated {
            issue: i(1),
            step: StepId(1),
            text: "Map the discharge pathway".into(),
            owner: Some(p(2)),
            due: NaiveDate::from_ymd_opt(2026, 6, 1),
            horizon: Horizon::Medium,
            status: StepStatus::UnderWay,
        },
        StepAdded {
            issue: i(1),
            step: StepId(2),
            text: "Ask the trust".into(),
            owner: None,
            due: None,
            horizon: Horizon::Long,
        },
        StepRemoved {
            issue: i(1),
            step: StepId(2),
        },
        TriageSet {
            issue: i(1),
            triage: Some(Triage::DoIt),
        },
        TriageSet {
            issue: i(2),
            triage: Some(Triage::AnotherOpenSpace),
        },
        TriageSet {
            issue: i(2),
            triage: None,
        },
        ReportReminderSet { minutes: 15 },
        Undo,
        Redo,
    ];
    let mut journal = Journal::create(at(), "Home well").unwrap();
    for change in changes {
        let kind = change.kind();
        if let Err(why) = journal.record(at(), change) {
            panic!("the scenario's {kind} is refused: {why}");
        }
    }
    // A step of several events, which marks each of them.
    let theme = |t: &str| ThemeSet { theme: t.into() };
    journal
        .record_step(at(), vec![theme("Home first"), theme("Home well")])
        .expect("a step of two theme changes");
    journal
        .record(
            at(),
            CopyMade {
                copy: "6f1c".into(),
                label: "Newsroom 2".into(),
            },
        )
        .expect("a copy is named");
    // A merge: its marker with the ids it gave, and a change that says where it came from.
    let mut ids = IdMap::default();
    ids.issues.insert(9, 5);
    let from = Captured {
        copy: "a1b2".into(),
        label: "Far hall".into(),
        seq: 12,
    };
    journal
        .record_stamped(vec![
            Stamped {
                at: at(),
                from: None,
                change: CopyMerged {
                    copy: "a1b2".into(),
                    label: "Far hall".into(),
                    through: 14,
                    ids: Box::new(ids),
                },
            },
            Stamped {
                at: at(),
                from: Some(Box::new(from)),
                change: issue(5, "Raised in the far hall", None, ""),
            },
        ])
        .expect("a merge step");
    journal
}

/// A follow-up of that session and a follow-up of that one: the kinds that only a follow-up holds (its founding step
/// must come right after `session_created`), each field both present and absent.
fn follow_ups() -> [Journal; 2] {
    use convene::model::followup::{Earlier, carry};
    let day = every_kind_of_event();
    let earlier = Earlier {
        session: &day.session,
        id: "0f4f4c36-6d8e-4a5e-9a52-3f1f0f2c9b11",
        seq: day.session.last_seq,
        file: "2026-05-01-home-well.json",
        date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
    };
    let date = NaiveDate::from_ymd_opt(2026, 8, 4).unwrap();
    let mut journal = Journal::create(at(), "Home well, three months on").unwrap();
    journal
        .record_step(at(), carry(&earlier, date, true))
        .expect("the plan carries");
    let step = StepId(1);
    let changes = vec![
        Change::ProgressRecorded {
            issue: IssueId(1),
            step,
            status: StepStatus::Stuck,
            note: "Waiting for the trust's data".into(),
            due: NaiveDate::from_ymd_opt(2026, 9, 1),
            owner: Some(ParticipantId(1)),
        },
        Change::ProgressRecorded {
            issue: IssueId(1),
            step,
            status: StepStatus::Stuck,
            note: String::new(),
            due: None,
            owner: None,
        },
        Change::AbsenceSet {
            participant: ParticipantId(2),
            absent: true,
        },
    ];
    for change in changes {
        journal
            .record(at(), change)
            .expect("the follow-up's changes");
    }
    // A follow-up of the follow-up copies the history of what it carries.
    let again = Earlier {
        session: &journal.session,
        id: "5b0c2f0e-0c1e-4d65-b8f4-3c3f1c2d4e5f",
        seq: journal.session.last_seq,
        file: "2026-08-04-home-well-three-months-on.json",
        date,
    };
    let mut next = Journal::create(at(), "Home well, six months on").unwrap();
    next.record_step(at(), carry(&again, date, false))
        .expect("the plan carries again");
    [journal, next]
}

#[test]
fn the_scenario_uses_every_kind_of_event() {
    let journal = every_kind_of_event();
    let mut events = journal.events.clone();
    for follow_up in follow_ups() {
        events.extend(follow_up.events);
    }
    let used: BTreeSet<usize> = events.iter().map(|e| kind_index(&e.change)).collect();
    assert_eq!(used, (0..KINDS).collect());
}

#[test]
fn the_schema_names_every_kind_of_event_once() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let branches: Vec<String> = schema["$defs"]["event"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let name = b["$ref"].as_str().unwrap().trim_start_matches("#/$defs/");
            let def = &schema["$defs"][name];
            def["properties"]["type"]["const"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut kinds: Vec<&str> = vec![""; KINDS];
    let [middle, _] = follow_ups();
    for event in every_kind_of_event()
        .events
        .into_iter()
        .chain(middle.events)
    {
        kinds[kind_index(&event.change)] = event.change.kind();
    }
    assert_eq!(branches, kinds);
}

#[test]
fn a_file_with_every_kind_of_event_validates() {
    let [middle, last] = follow_ups();
    for journal in [every_kind_of_event(), middle, last] {
        let meta = store::Meta::new(at());
        let bytes = store::to_bytes(&meta, &journal, at());
        let file: Value = serde_json::from_slice(&bytes).unwrap();
        let schema = schema();
        let mut errors = vec![];
        validate(&schema, &schema, &file, "", &mut errors);
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let journal = every_kind_of_event();
    let bytes = store::to_bytes(&store::Meta::new(at()), &journal, at());
    let good: Value = serde_json::from_slice(&bytes).unwrap();
    let schema = schema();
    let broken = [
        ("/version", serde_json::json!(3)),
        ("/events/4/part_of", serde_json::json!(0)),
        ("/events/0/type", serde_json::json!("theme_set")),
        ("/events/3/participant", serde_json::json!("one")),
        ("/events/3/shoe_size", serde_json::json!(42)),
        ("/state/issues/0/votes", serde_json::json!(null)),
        (
            "/state/participants/0/group",
            serde_json::json!("astronauts"),
        ),
    ];
    for (pointer, value) in broken {
        let mut file = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        file.pointer_mut(parent).unwrap()[key] = value;
        let mut errors = vec![];
        validate(&schema, &schema, &file, "", &mut errors);
        assert!(!errors.is_empty(), "{pointer} was not caught");
    }
}

#[test]
fn the_schema_uses_only_keywords_the_validator_knows() {
    const KNOWN: [&str; 21] = [
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "type",
        "properties",
        "required",
        "additionalProperties",
        "const",
        "enum",
        "items",
        "prefixItems",
        "minItems",
        "minimum",
        "maximum",
        "oneOf",
        "anyOf",
        "format",
        "pattern",
    ];
    fn walk(schema: &Value, at: &str, found: &mut Vec<String>) {
        let Some(map) = schema.as_object() else {
            return;
        };
        for (key, value) in map {
            if !KNOWN.contains(&key.as_str()) {
                found.push(format!("{at}/{key}"));
            }
            match key.as_str() {
                "properties" | "$defs" => {
                    for (name, sub) in value.as_object().unwrap() {
                        walk(sub, &format!("{at}/{key}/{name}"), found);
                    }
                }
                "items" => walk(value, &format!("{at}/items"), found),
                "prefixItems" | "oneOf" | "anyOf" => {
                    for sub in value.as_array().unwrap() {
                        walk(sub, &format!("{at}/{key}"), found);
                    }
                }
                _ => {}
            }
        }
    }
    let mut found = vec![];
    walk(&schema(), "", &mut found);
    assert!(found.is_empty(), "unknown keywords: {found:?}");
}

/// Checks `value` against `schema`, adding one line per problem to `errors`.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        return;
    };
    if let Some(target) = rules.get("$ref").and_then(Value::as_str) {
        let pointer = target.strip_prefix('#').expect("local references only");
        let resolved = root
            .pointer(pointer)
            .unwrap_or_else(|| panic!("no {target}"));
        validate(root, resolved, value, at, errors);
        return;
    }
    if let Some(types) = rules.get("type") {
        let names: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !names.iter().any(|t| has_type(value, t)) {
            problem(errors, at, format!("{value} is not of type {names:?}"));
            return;
        }
    }
    if let Some(wanted) = rules.get("const")
        && wanted != value
    {
        problem(errors, at, format!("{value} is not {wanted}"));
    }
    if let Some(options) = rules.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        problem(errors, at, format!("{value} is not one of {options:?}"));
    }
    if let Some(n) = value.as_f64() {
        if let Some(min) = rules.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            problem(errors, at, format!("{n} is below {min}"));
        }
        if let Some(max) = rules.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            problem(errors, at, format!("{n} is above {max}"));
        }
    }
    if let Some(object) = value.as_object() {
        let properties = rules.get("properties").and_then(Value::as_object);
        for name in rules
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap();
            if !object.contains_key(name) {
                problem(errors, at, format!("{name} is missing"));
            }
        }
        for (key, field) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => validate(root, sub, field, &format!("{at}/{key}"), errors),
                None if rules.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    problem(errors, &format!("{at}/{key}"), "not allowed".into());
                }
                None => {}
            }
        }
    }
    if let Some(items) = value.as_array() {
        if let Some(min) = rules.get("minItems").and_then(Value::as_u64)
            && (items.len() as u64) < min
        {
            problem(errors, at, format!("fewer than {min} items"));
        }
        let prefix = rules.get("prefixItems").and_then(Value::as_array);
        for (n, item) in items.iter().enumerate() {
            let item_at = format!("{at}/{n}");
            match prefix.and_then(|p| p.get(n)) {
                Some(sub) => validate(root, sub, item, &item_at, errors),
                None => {
                    if let Some(sub) = rules.get("items") {
                        validate(root, sub, item, &item_at, errors);
                    }
                }
            }
        }
    }
    for (keyword, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        if let Some(options) = rules.get(keyword).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|sub| {
                    let mut found = vec![];
                    validate(root, sub, value, at, &mut found);
                    found.is_empty()
                })
                .count();
            if (exactly_one && passing != 1) || passing == 0 {
                problem(
                    errors,
                    at,
                    format!("{passing} of the {keyword} options match"),
                );
            }
        }
    }
}

fn problem(errors: &mut Vec<String>, at: &str, why: String) {
    errors.push(format!("{}: {why}", if at.is_empty() { "/" } else { at }));
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "integer" => value.is_u64() || value.is_i64(),
        "number" => value.is_number(),
        other => panic!("unknown type {other}"),
    }
}
