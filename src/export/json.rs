//! The proceedings as JSON: exactly the file's `state` object (`view::StateView`), so
//! `jq '.issues[]'` and any script written for a session file's `.state` work unchanged,
//! with two keys in front saying which day it was and whether names were anonymised.
//! Anyone reading it as a `StateView` can ignore them.

use super::Proceedings;
use crate::view::StateView;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Export<'a> {
    date: NaiveDate,
    anonymous: bool,
    #[serde(flatten)]
    state: &'a StateView,
}

pub fn render(p: &Proceedings) -> String {
    let export = Export {
        date: p.date,
        anonymous: p.anonymous,
        state: &p.state,
    };
    let mut out = serde_json::to_string_pretty(&export).expect("the state always serializes");
    out.push('\n');
    out
}
