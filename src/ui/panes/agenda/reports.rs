//! Reports after each slot, for the newsroom: `b` walks through the breakouts of the chosen
//! slot in a row, the editor open on each one's report with its title above; `Ctrl-s` saves
//! and moves to the next, `Ctrl-n` skips one, `Esc` ends the round. `L` sets how long
//! before a slot ends the room is reminded to write its reports.

use super::{AgendaPane, Mode, Wall};
use crate::model::{IssueId, MAX_REMINDER_MINUTES, commands};
use crate::ui::pane::{Cx, Handled, KeyHelp, View};
use crate::ui::panes::issue_detail::Editor;
use crate::ui::text;
use crate::ui::widgets::field::{Field, FieldKey};
use crate::ui::widgets::popup;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The report round under way.
pub(super) struct Round {
    slot_label: String,
    queue: Vec<IssueId>,
    at: usize,
    editor: Editor,
}

/// The breakouts of slot `row` whose reports the round asks for, in the order of the spaces.
fn breakouts(wall: &Wall, row: usize, cx: &Cx) -> Vec<IssueId> {
    (0..wall.spaces.len())
        .filter_map(|col| wall.place(col, row))
        .filter_map(|pl| cx.session().issue_at(pl))
        .filter(|i| !i.cancelled)
        .map(|i| i.id)
        .collect()
}

/// `b`: opens the round on the chosen slot (replay has refused the key already).
pub(super) fn start(p: &mut AgendaPane, cx: &mut Cx) {
    let wall = Wall::of(cx.session());
    let Some(slot) = wall.slots.get(p.row) else {
        cx.error("No slot to take reports for: press A to add one");
        return;
    };
    let slot_label = text::clean(&slot.label).into_owned();
    let queue = breakouts(&wall, p.row, cx);
    let Some(editor) = queue.first().and_then(|&i| open(i, cx)) else {
        cx.error(format!("No breakout took place in {slot_label}"));
        return;
    };
    cx.info(format!(
        "Report round for {slot_label}: {} breakout{}",
        queue.len(),
        if queue.len() == 1 { "" } else { "s" }
    ));
    p.mode = Mode::Reports(Box::new(Round {
        slot_label,
        queue,
        at: 0,
        editor,
    }));
}

impl Round {
    pub(super) fn editor_paste(&mut self, text: &str) {
        self.editor.paste(text);
    }
}

fn open(issue: IssueId, cx: &Cx) -> Option<Editor> {
    Editor::new(cx.session(), issue).map(Editor::on_report)
}

pub(super) fn key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let Mode::Reports(round) = &mut p.mode else {
        return Handled::No;
    };
    let skip = key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('n');
    if skip {
        if round.editor.dirty() {
            cx.error("This report has unsaved changes: Ctrl-s saves it, Esc leaves the round");
            return Handled::Yes;
        }
    } else if !round.editor.key(key, cx) {
        return Handled::Yes;
    } else if !round.editor.saved() {
        // Esc: the round ends here (the editor asked before throwing anything away).
        let done = round.at;
        let total = round.queue.len();
        cx.info(format!(
            "Report round ended: {done} of {total} saved or skipped"
        ));
        p.mode = Mode::Browse;
        return Handled::Yes;
    }
    next(p, cx);
    Handled::Yes
}

/// Moves to the next breakout still on the wall, or ends the round after the last.
fn next(p: &mut AgendaPane, cx: &mut Cx) {
    let Mode::Reports(round) = &mut p.mode else {
        return;
    };
    while round.at + 1 < round.queue.len() {
        round.at += 1;
        if let Some(editor) = open(round.queue[round.at], cx) {
            round.editor = editor;
            return;
        }
    }
    let label = round.slot_label.clone();
    p.mode = Mode::Browse;
    cx.info(format!(
        "Report round for {label} done (u undoes the last save)"
    ));
}

pub(super) fn render(round: &mut Round, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    buf.set_style(area, t.base);
    if area.height < 4 {
        return;
    }
    let issue = round.editor.issue();
    let title = view
        .session
        .issues
        .get(&issue)
        .map_or(String::new(), |i| i.title.clone());
    let head = Rect { height: 1, ..area };
    let line = Line::from(vec![
        Span::styled(
            format!(
                "Reports · {} · {} of {} · ",
                round.slot_label,
                round.at + 1,
                round.queue.len()
            ),
            t.accent,
        ),
        Span::styled(format!("#{issue} {}", text::clean(&title)), t.title),
    ]);
    buf.set_style(head, t.base);
    Line::from(
        line.spans
            .into_iter()
            .map(|s| {
                let fitted = text::fit(&s.content, area.width as usize);
                Span::styled(fitted, s.style)
            })
            .collect::<Vec<_>>(),
    )
    .render(head, buf);
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    round.editor.render(body, buf, view);
}

pub(super) fn keys(round: &Round) -> Vec<KeyHelp> {
    let mut keys = round.editor.keys();
    keys[0] = KeyHelp::main("Ctrl-s", "save, next report");
    keys.insert(1, KeyHelp::main("Ctrl-n", "skip to the next"));
    keys[2..].iter_mut().for_each(|k| {
        if k.keys == "Esc" {
            *k = KeyHelp::main("Esc", "end the round (asks if anything changed)");
        }
    });
    keys
}

/// `L`: the reminder's lead time as a one-field prompt (refused in replay with the key).
pub(super) fn ask_reminder(p: &mut AgendaPane, cx: &mut Cx) {
    let now = cx.session().report_reminder_minutes().to_string();
    p.mode = Mode::Reminder(Box::new(
        Field::new("Ask for reports this many minutes before a slot ends (0: never)")
            .with_text(&now),
    ));
}

pub(super) fn reminder_key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let Mode::Reminder(field) = &mut p.mode else {
        return Handled::No;
    };
    if field.key(key) == FieldKey::Used {
        return Handled::Yes;
    }
    match key.code {
        KeyCode::Esc => p.mode = Mode::Browse,
        KeyCode::Enter => {
            let typed = field.text();
            let minutes = match typed.trim().parse::<u32>() {
                Ok(m) if m <= MAX_REMINDER_MINUTES => m,
                _ => {
                    cx.error(format!(
                        "Type whole minutes from 0 to {MAX_REMINDER_MINUTES}, e.g. 10"
                    ));
                    return Handled::Yes;
                }
            };
            let Some(change) = commands::set_report_reminder(cx.session(), minutes) else {
                p.mode = Mode::Browse;
                return Handled::Yes;
            };
            if cx.record(change) {
                p.mode = Mode::Browse;
                cx.info(match minutes {
                    0 => "No more report reminders (u undoes)".to_string(),
                    m => format!("Reports are asked for {m} min before a slot ends (u undoes)"),
                });
            }
        }
        _ => {}
    }
    Handled::Yes
}

pub(super) fn render_reminder(field: &mut Field, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let r = popup::centred(area, 72, 7);
    let inner = popup::frame(r, buf, t, "Report reminder");
    let h = field.height(1).min(inner.height);
    field.render(Rect { height: h, ..inner }, buf, t, true);
    if inner.height > h {
        Line::styled("Enter sets it · Esc cancels", t.dim).render(
            Rect {
                y: inner.y + h,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}
