//! The built-in demo session: one realistic Open Space day, so a newcomer sees a full board
//! at once (`convene demo`) and the screens, replay and exports have something real to show.
//!
//! It is made only through `Journal::record`, as the app would make it, so the rules check
//! every step and replay shows the day unfold. Times are fixed (12 November 2026, +00:00) and
//! so is the file's header, which keeps `assets/demo.json` byte for byte reproducible.
//! Everyone and everything in it is fictional.

mod breakouts;
pub mod follow_up;
mod marketplace;
mod plan;
mod roster;
mod vote;

use crate::model::{Change, Journal, ParticipantId, Session};
use crate::store::Meta;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

/// The demo session file, embedded so an installed `convene demo` works anywhere.
pub const DEMO_JSON: &str = include_str!("../assets/demo.json");

/// What `convene demo --follow-up` calls the follow-up's file, beside `demo.json`.
pub const FOLLOW_UP_FILE: &str = "demo-follow-up.json";

/// The id written in the demo file's header.
pub const DEMO_ID: &str = "5d1e2f3a-4b5c-4d6e-8f70-2026111209a5";

const DAY: (i32, u32, u32) = (2026, 11, 12);

/// The time of day on the demo's date, in UTC (the borough is on GMT in November).
pub fn time(hour: u32, minute: u32) -> DateTime<FixedOffset> {
    let (y, m, d) = DAY;
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(hour, minute, 0))
        .expect("demo times are valid")
        .and_utc()
        .fixed_offset()
}

/// The demo file's fixed header: its id and when it was created.
pub fn meta() -> Meta {
    Meta {
        id: DEMO_ID.to_string(),
        created_at: time(9, 5),
    }
}

/// When the demo file says it was last saved: the end of the day.
pub fn saved_at() -> DateTime<FixedOffset> {
    time(16, 40)
}

/// The whole day, event by event.
pub fn build() -> Journal {
    let mut day = Day::start(time(9, 5), "How do we get people home from hospital well?");
    roster::arrive(&mut day);
    marketplace::raise_and_place(&mut day);
    breakouts::report(&mut day);
    vote::converge(&mut day);
    plan::act(&mut day);
    day.journal
}

/// The bytes of `assets/demo.json`: what `build` gives, written with the fixed header.
pub fn file_bytes() -> Vec<u8> {
    let bytes = crate::store::to_bytes(&meta(), &build(), saved_at());
    // The demo holds nothing that came with version 2, and stays a version 1 file as
    // written before this round, with the snapshot after the log: the proof, in every test
    // that loads it, that such files still read.
    let text = String::from_utf8(bytes).expect("the file is UTF-8");
    let v2 = format!("\"version\": {},", crate::store::VERSION);
    snapshot_last(&text.replacen(&v2, "\"version\": 1,", 1)).into_bytes()
}

/// A file as written before the snapshot moved ahead of the log.
fn snapshot_last(text: &str) -> String {
    let state_at = text.find("  \"state\": ").expect("a snapshot");
    let events_at = text.find("  \"events\": [").expect("a log");
    let (head, state) = (&text[..state_at], &text[state_at..events_at]);
    let events = &text[events_at..];
    let state = state
        .strip_suffix(",\n")
        .expect("the snapshot ends its line");
    let events = events.strip_suffix("\n}\n").expect("the log ends the file");
    format!("{head}{events},\n{state}\n}}\n")
}

/// A clock and a journal: each change is recorded at the current time, which then moves on
/// a little, so events never share a timestamp and replay has a pace to follow.
struct Day {
    journal: Journal,
    now: DateTime<FixedOffset>,
    /// Seconds between one event and the next unless `at` moves the clock on.
    pace: i64,
}

impl Day {
    fn start(at: DateTime<FixedOffset>, theme: &str) -> Day {
        let journal = Journal::create(at, theme).expect("the demo theme is valid");
        Day {
            journal,
            now: at + TimeDelta::seconds(30),
            pace: 30,
        }
    }

    /// Moves the clock forward to a time of day; the demo never goes back in time.
    fn at(&mut self, hour: u32, minute: u32) {
        let then = time(hour, minute);
        assert!(
            then >= self.now,
            "demo clock would go back from {} to {then}",
            self.now
        );
        self.now = then;
    }

    fn pace(&mut self, seconds: i64) {
        self.pace = seconds;
    }

    fn record(&mut self, change: Change) {
        let kind = change.kind();
        if let Err(why) = self.journal.record(self.now, change) {
            panic!("the demo's {kind} at {} was refused: {why}", self.now);
        }
        self.now += TimeDelta::seconds(self.pace);
    }

    fn session(&self) -> &Session {
        &self.journal.session
    }

    /// A participant by name; the demo only names people it has added.
    fn who(&self, name: &str) -> ParticipantId {
        self.session()
            .find_participant(name)
            .unwrap_or_else(|| panic!("{name} is not on the demo roster"))
    }
}

#[cfg(test)]
mod tests;
