//! Every piece of text in a `StateView`, with what kind of text it is. Cleaning and
//! anonymising both have to reach all of it; one walk means a field added to the view is
//! missed by neither.

use crate::view::StateView;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextKind {
    /// A participant's name: on the roster, or as convener, lead, supporter or step owner.
    Person,
    /// A name written on a breakout report's attendance list.
    Attendee,
    /// Anything else people typed: theme, titles, reports, places, organisations.
    Text,
}

pub(super) fn each_text(state: &mut StateView, f: &mut impl FnMut(TextKind, &mut String)) {
    use TextKind::*;
    fn opt(field: TextKind, text: &mut Option<String>, f: &mut impl FnMut(TextKind, &mut String)) {
        if let Some(t) = text {
            f(field, t);
        }
    }
    f(Text, &mut state.theme);
    if let Some(fu) = &mut state.follow_up {
        f(Text, &mut fu.follows.theme);
        f(Text, &mut fu.follows.file);
        for m in &mut fu.earlier {
            f(Text, &mut m.theme);
            f(Text, &mut m.file);
        }
    }
    for p in &mut state.participants {
        f(Person, &mut p.name);
        opt(Text, &mut p.organisation, f);
    }
    for s in &mut state.spaces {
        f(Text, &mut s.name);
    }
    for s in &mut state.slots {
        f(Text, &mut s.label);
    }
    for i in &mut state.issues {
        f(Text, &mut i.title);
        opt(Person, &mut i.convener, f);
        f(Text, &mut i.description);
        opt(Text, &mut i.space, f);
        opt(Text, &mut i.slot, f);
        for name in &mut i.report.attendee_names {
            f(Attendee, name);
        }
        f(Text, &mut i.report.key_points);
        f(Text, &mut i.report.recommendations);
        f(Text, &mut i.report.follow_up);
        opt(Person, &mut i.lead, f);
        for name in &mut i.supporters {
            f(Person, name);
        }
        for s in &mut i.next_steps {
            f(Text, &mut s.text);
            opt(Person, &mut s.owner, f);
            f(Text, &mut s.note);
            for m in &mut s.history {
                opt(Person, &mut m.owner, f);
                f(Text, &mut m.note);
            }
        }
    }
}
