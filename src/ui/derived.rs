//! What a pane derives from the session (a listing, a ranking), kept from frame to frame
//! and made again only when the session changes or is replaced by another: the session's
//! `Revision` says both (every change is an event with the next `seq`, undo and redo
//! included, and every session value has its own instance number).

use crate::model::{Revision, Session};
use std::rc::Rc;

pub struct Derived<K, T> {
    kept: Option<(Revision, K, Rc<T>)>,
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
            Some((revision, kept, value)) if *revision == session.revision() && *kept == key => {
                value.clone()
            }
            _ => {
                let value = Rc::new(make());
                self.kept = Some((session.revision(), key, value.clone()));
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
    fn made_again_only_when_the_session_moves_or_is_replaced_or_the_key_moves() {
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
        // Another session value at the same change, as when the file's check swaps in the
        // session rebuilt from the log, is not taken for this one.
        let copy = journal.clone();
        assert_eq!(copy.session.last_seq, journal.session.last_seq);
        assert_eq!(*get(&copy, 2), "Theme");
        assert_eq!(made.get(), 5);
    }
}
