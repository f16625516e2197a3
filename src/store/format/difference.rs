//! Where a file's snapshot and the state its log gives part ways, for `convene check` and
//! the check behind an opened file's first frame.

use crate::model::Session;
use crate::view::StateView;

/// Where a snapshot read from a file differs from the state of `session`, if anywhere.
pub fn snapshot_difference(stored: &StateView, session: &Session) -> Option<String> {
    let rebuilt = StateView::of(session);
    if *stored == rebuilt {
        return None;
    }
    // Only when they differ: the place is easiest to name on the generic form.
    let as_value = |s: &StateView| serde_json::to_value(s).expect("state serializes");
    first_difference(&as_value(stored), &as_value(&rebuilt), "state")
        .or_else(|| Some("state differs".to_string()))
}

/// A short description of the first place two JSON values differ, or None if equal.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(va, vb, &format!("{at}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{at}.{k} is not in the rebuilt state")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{at}.{k} is missing from the snapshot"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (n, (va, vb)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(va, vb, &format!("{at}[{n}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| {
                format!(
                    "{at} has {} entries in the snapshot but {} rebuilt",
                    x.len(),
                    y.len()
                )
            })
        }
        _ if a == b => None,
        _ => Some(format!("{at} is {a} in the snapshot but {b} rebuilt")),
    }
}
