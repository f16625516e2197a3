//! The sessions every benchmark runs on, made by the same generator as `convene synth`,
//! at the two sizes issue 6 names: a typical day and an extreme one.

#![allow(dead_code)]

use convene::model::Journal;
use convene::store::{self, Meta};
use convene::synth::{SynthParams, generate, session_id, start};

pub const TYPICAL: SynthParams = SynthParams {
    participants: 60,
    issues: 40,
    events: 2_000,
    seed: 1,
};

pub const EXTREME: SynthParams = SynthParams {
    participants: 300,
    issues: 1_000,
    events: 100_000,
    seed: 1,
};

pub struct Fixture {
    pub name: &'static str,
    pub meta: Meta,
    pub journal: Journal,
    /// The session as its file holds it.
    pub bytes: Vec<u8>,
}

pub fn fixture(name: &'static str, params: &SynthParams) -> Fixture {
    let journal = generate(params);
    let meta = Meta {
        id: session_id(params.seed),
        created_at: start(),
    };
    let bytes = store::to_bytes(&meta, &journal, start());
    Fixture {
        name,
        meta,
        journal,
        bytes,
    }
}

pub fn typical() -> Fixture {
    fixture("typical", &TYPICAL)
}

pub fn extreme() -> Fixture {
    fixture("extreme", &EXTREME)
}
