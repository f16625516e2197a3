//! The small forms of the wall: a space's name, a slot's label and times. Adding keeps the
//! form open for the next one (a facilitator sets up four rooms in a row); a refused entry
//! keeps what was typed and says why, next to the field when it is a badly typed time.

use super::clock;
use super::{AgendaPane, Mode, Wall};
use crate::model::commands::{self, SlotEdits};
use crate::model::{Slot, SlotId, Space, SpaceId};
use crate::ui::pane::{Cx, Handled, KeyHelp};
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::widgets::field::{Field, FieldKey};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

// One form is open at a time and it is boxed in the pane's mode, so sizes do not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum Form {
    Space {
        editing: Option<SpaceId>,
        name: Field,
    },
    Slot {
        editing: Option<SlotId>,
        /// Label, starts, ends.
        fields: [Field; 3],
        focus: usize,
        /// A typed time that is not one: which field, and what to type instead.
        problem: Option<(usize, String)>,
    },
}

fn slot_fields(label: &str, starts: &str, ends: &str) -> [Field; 3] {
    [
        Field::new("Label").with_text(label),
        Field::new("Starts (HH:MM)").with_text(starts),
        Field::new("Ends (HH:MM)").with_text(ends),
    ]
}

impl Form {
    pub fn add_space() -> Form {
        Form::Space {
            editing: None,
            name: Field::new("Name of the space"),
        }
    }

    pub fn rename_space(space: &Space) -> Form {
        Form::Space {
            editing: Some(space.id),
            name: Field::new("Name of the space").with_text(&space.name),
        }
    }

    pub fn add_slot() -> Form {
        Form::Slot {
            editing: None,
            fields: slot_fields("", "", ""),
            focus: 0,
            problem: None,
        }
    }

    pub fn edit_slot(slot: &Slot) -> Form {
        Form::Slot {
            editing: Some(slot.id),
            fields: slot_fields(&slot.label, &clock::hm(slot.starts), &clock::hm(slot.ends)),
            focus: 0,
            problem: None,
        }
    }

    /// True when a name, label or time was typed and not saved.
    pub fn edited(&self) -> bool {
        match self {
            Form::Space { name, .. } => name.edited(),
            Form::Slot { fields, .. } => fields.iter().any(Field::edited),
        }
    }

    fn focused(&mut self) -> &mut Field {
        match self {
            Form::Space { name, .. } => name,
            Form::Slot { fields, focus, .. } => &mut fields[*focus],
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.focused().paste(text);
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        let mut keys = vec![
            KeyHelp::main("Enter", "save"),
            KeyHelp::main("Esc", "close"),
        ];
        if matches!(self, Form::Slot { .. }) {
            keys.push(KeyHelp::main("Tab / ↑↓", "next / previous field"));
            keys.push(KeyHelp::more("times", "HH:MM, e.g. 09:30, or empty"));
            keys.push(KeyHelp::more(
                "label 14:45-15:45",
                "sets the times too; retiming rewrites such a label",
            ));
        }
        keys.push(KeyHelp::more("Ctrl/Alt-←→", "jump by word"));
        keys
    }
}

pub(super) fn key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let Mode::Form(form) = &mut p.mode else {
        return Handled::No;
    };
    if let Form::Slot { problem, focus, .. } = &mut **form
        && problem.as_ref().is_some_and(|(f, _)| f == focus)
        && !matches!(key.code, KeyCode::Enter | KeyCode::Esc)
    {
        *problem = None;
    }
    if form.focused().key(key) == FieldKey::Used {
        return Handled::Yes;
    }
    let by = match key.code {
        KeyCode::Esc => {
            p.mode = Mode::Browse;
            // A refusal of what was typed means nothing once the form is gone.
            if cx.notice.as_ref().is_some_and(|n| n.error) {
                *cx.notice = None;
            }
            return Handled::Yes;
        }
        KeyCode::Enter => {
            save(p, cx);
            return Handled::Yes;
        }
        KeyCode::Tab | KeyCode::Down => 1,
        KeyCode::BackTab | KeyCode::Up => 2,
        _ => return Handled::Yes,
    };
    if let Form::Slot { focus, .. } = &mut **form {
        *focus = (*focus + by) % 3;
    }
    Handled::Yes
}

fn save(p: &mut AgendaPane, cx: &mut Cx) {
    let Mode::Form(form) = &mut p.mode else {
        return;
    };
    match &mut **form {
        Form::Space { editing, name } => {
            let typed = name.value().trim().to_string();
            let shown = text::clean(&typed).into_owned();
            match *editing {
                Some(space) => {
                    if cx.record(commands::rename_space(space, &typed)) {
                        p.mode = Mode::Browse;
                        cx.info(format!("Renamed the space to \"{shown}\""));
                    }
                }
                None => {
                    let (added, _) = commands::add_space(cx.session(), &typed);
                    if cx.record(added) {
                        name.clear();
                        p.col = cx.session().spaces.len().saturating_sub(1);
                        cx.info(format!(
                            "Added the space \"{shown}\": type the next one, or Esc to finish"
                        ));
                    }
                }
            }
        }
        Form::Slot {
            editing,
            fields,
            focus,
            problem,
        } => {
            let mut times = [None, None];
            for (n, t) in times.iter_mut().enumerate() {
                match clock::parse_time(&fields[n + 1].value()) {
                    Ok(time) => *t = time,
                    Err(why) => {
                        *focus = n + 1;
                        cx.error(why.clone());
                        *problem = Some((n + 1, why));
                        return;
                    }
                }
            }
            let [starts, ends] = times;
            let typed = fields[0].value().trim().to_string();
            let edits = SlotEdits {
                label: fields[0].edited(),
                times: fields[1].edited() || fields[2].edited(),
            };
            let (label, starts, ends) = match commands::slot_in_step(&typed, starts, ends, edits) {
                Ok(slot) => slot,
                Err(said) => {
                    let why = format!(
                        "The label says {} but the times say {said}: make them agree, or clear the times",
                        text::clean(&typed)
                    );
                    *focus = 0;
                    cx.error(why);
                    return;
                }
            };
            let shown = text::clean(&label).into_owned();
            let (change, slot) = match *editing {
                Some(slot) => (commands::update_slot(slot, &label, starts, ends), slot),
                None => commands::add_slot(cx.session(), &label, starts, ends),
            };
            if !cx.record(change) {
                return;
            }
            let wall = Wall::of(cx.session());
            p.row = wall.slots.iter().position(|s| s.id == slot).unwrap_or(0);
            if editing.is_some() {
                p.mode = Mode::Browse;
                cx.info(format!("Updated the slot \"{shown}\""));
            } else {
                *fields = slot_fields("", "", "");
                *focus = 0;
                cx.info(format!(
                    "Added the slot \"{shown}\": type the next one, or Esc to finish"
                ));
            }
        }
    }
}

/// Draws the form as a box over the wall.
pub(super) fn render(form: &mut Form, area: Rect, buf: &mut Buffer, t: &Theme) {
    let (title, height) = match form {
        Form::Space { editing: None, .. } => ("Add a space", 8),
        Form::Space { .. } => ("Rename the space", 8),
        Form::Slot { editing: None, .. } => ("Add a time slot", 12),
        Form::Slot { .. } => ("Edit the slot", 12),
    };
    let r = centred(area, 64, height);
    Clear.render(r, buf);
    buf.set_style(r, t.base);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(Line::styled(format!(" {title} "), t.title));
    let inner = block.inner(r);
    block.render(r, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    match form {
        Form::Space { name, .. } => {
            let [field, _, hint] = Layout::vertical([
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            name.render(field, buf, t, true);
            Line::styled("Enter saves · Esc closes", t.dim).render(hint, buf);
        }
        Form::Slot {
            fields,
            focus,
            problem,
            ..
        } => {
            let [label, times, note, hint] = Layout::vertical([
                Constraint::Length(4),
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            let [starts, _, ends] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(times);
            for (n, (field, at)) in fields.iter_mut().zip([label, starts, ends]).enumerate() {
                field.render(at, buf, t, n == *focus);
            }
            match problem {
                Some((_, why)) => {
                    Line::styled(text::fit(&format!("✗ {why}"), note.width as usize), t.alarm)
                        .render(note, buf)
                }
                None => {
                    Line::styled("Times are optional: HH:MM, e.g. 09:30", t.dim).render(note, buf)
                }
            }
            Line::styled("Enter saves · Tab next field · Esc closes", t.dim).render(hint, buf);
        }
    }
}

/// A box of at most `width` by `height`, in the middle of `area`.
pub(super) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The question before a removal that would send issues back to the list.
pub(super) fn render_confirm(question: &str, area: Rect, buf: &mut Buffer, t: &Theme) {
    let width = 64.min(area.width);
    let asked = super::wrap::wrap(question, width.saturating_sub(4) as usize, 3);
    let r = centred(area, width, asked.len() as u16 + 4);
    Clear.render(r, buf);
    buf.set_style(r, t.base);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.warn)
        .title(Line::styled(" Remove? ", t.warn));
    let inner = block.inner(r);
    block.render(r, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let mut lines: Vec<Line> = asked
        .into_iter()
        .map(|l| Line::styled(l, t.title))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "y / Enter: remove (u undoes)   n / Esc: keep",
        t.accent,
    ));
    for (y, line) in (inner.y..inner.bottom()).zip(lines) {
        line.render(
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
