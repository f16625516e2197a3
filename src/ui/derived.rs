//! What a pane derives from the session (a listing, a ranking), kept from frame to frame
//! and made again only when the session changes. Every change is an event with the next
//! `seq`, so the session's `last_seq` is its change counter: it moves on every change,
//! undo and redo included, and differs between any two states a replay shows.

use crate::model::Session;
use std::rc::Rc;

pub struct Derived<K, T> {
    kept: Option<(u64, K, Rc<T>)>,
}

impl<K, T> Default for Derived<K, T> {
    fn default() -> Self {
        Derived { kept: None }
    }
}

impl<K: PartialEq, T> Derived<K, T> {
    /// The value for `session` and `key` (whatever else it depends on), made by `make` only
    /// if the session changed or the key is not the one kept.
    pub fn get(&mut self, session: &Session, key: K, make: impl FnOnce() -> T) -> Rc<T> {
        match &self.kept {
            Some((seq, kept, value)) if *seq == session.last_seq && *kept == key => value.clone(),
            _ => {
                let value = Rc::new(make());
                self.kept = Some((session.last_seq, key, value.clone()));
                value
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, Journal};
    use std::cell::Cell;

    #[test]
    fn made_again_only_when_the_session_or_the_key_moves() {
        let at = crate::synth::start();
        let mut journal = Journal::create(at, "Theme").unwrap();
        let made = Cell::new(0);
        let mut derived: Derived<u8, String> = Derived::default();
        let mut get = |journal: &Journal, key| {
            derived.get(&journal.session, key, || {
                made.set(made.get() + 1);
                journal.session.theme.clone()
            })
        };
        assert_eq!(*get(&journal, 1), "Theme");
        assert_eq!(*get(&journal, 1), "Theme");
        assert_eq!(made.get(), 1);
        get(&journal, 2);
        assert_eq!(made.get(), 2);
        let change = Change::ThemeSet {
            theme: "New".into(),
        };
        journal.record(at, change).unwrap();
        assert_eq!(*get(&journal, 2), "New");
        journal.record(at, Change::Undo).unwrap();
        assert_eq!(*get(&journal, 2), "Theme");
        assert_eq!(made.get(), 4);
    }
}
