//! Keys and clicks on the wall: moving the cursors, placing, moving and unplacing issues,
//! marking a breakout that never happened, opening the forms, and the timer.

use super::timer::{Phase, STEP_SECONDS, clock_text};
use super::{AgendaPane, Focus, Mode, Wall, edit, removal, reports};
use crate::model::{Change, IssueId};
use crate::ui::pane::{Cx, Handled};
use crate::ui::text;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

pub(super) fn key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    match p.mode {
        Mode::Reports(_) => return reports::key(p, key, cx),
        Mode::Reminder(_) => return reports::reminder_key(p, key, cx),
        _ => {}
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return if matches!(p.mode, Mode::Form(_)) {
            edit::key(p, key, cx)
        } else {
            Handled::No
        };
    }
    match p.mode {
        Mode::Form(_) => return edit::key(p, key, cx),
        Mode::Confirm(_) => return removal::confirm(p, key, cx),
        _ => {}
    }
    if timer_key(p, key, cx) {
        return Handled::Yes;
    }
    let wall = Wall::of(cx.session());
    p.clamp(&wall);
    match p.mode {
        Mode::Carry(issue) => carry(p, issue, key, cx),
        Mode::Swap(issue) => swap(p, issue, key, cx),
        _ if p.focus == Focus::List => list(p, key, cx),
        _ => grid(p, key, cx),
    }
}

/// Arrow keys and hjkl as a step (columns, rows).
fn step(code: KeyCode) -> Option<(isize, isize)> {
    Some(match code {
        KeyCode::Left | KeyCode::Char('h') => (-1, 0),
        KeyCode::Right | KeyCode::Char('l') => (1, 0),
        KeyCode::Up | KeyCode::Char('k') => (0, -1),
        KeyCode::Down | KeyCode::Char('j') => (0, 1),
        KeyCode::PageUp => (0, -5),
        KeyCode::PageDown => (0, 5),
        KeyCode::Home => (-1000, 0),
        KeyCode::End => (1000, 0),
        _ => return None,
    })
}

fn moved(at: usize, by: isize, count: usize) -> usize {
    at.saturating_add_signed(by).min(count.saturating_sub(1))
}

/// Moves the grid cursor. Returns false when the step would leave the grid at that side.
fn move_cursor(p: &mut AgendaPane, (dc, dr): (isize, isize), cx: &Cx) -> bool {
    let wall = Wall::of(cx.session());
    let leaving =
        (dc > 0 && p.col + 1 >= wall.spaces.len()) || (dr > 0 && p.row + 1 >= wall.slots.len());
    p.col = moved(p.col, dc, wall.spaces.len());
    p.row = moved(p.row, dr, wall.slots.len());
    !leaving
}

fn grid(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    if let Some(by) = step(key.code) {
        // Past the edge next to the unplaced list, the arrow goes on into the list.
        let toward_list = if p.geo.list_beside {
            by.0 > 0
        } else {
            by.1 > 0
        };
        if !move_cursor(p, by, cx) && toward_list && by.0.abs() <= 1 && by.1.abs() <= 1 {
            p.focus = Focus::List;
        }
        return Handled::Yes;
    }
    let edits = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('m' | 'p' | 'x' | 'c' | 's' | 'b' | 'L')
    );
    if edits && !cx.may_edit() {
        return Handled::Yes;
    }
    let wall = Wall::of(cx.session());
    let place = wall.place(p.col, p.row);
    let here = place.and_then(|pl| cx.session().issue_at(pl)).map(|i| i.id);
    match key.code {
        KeyCode::Char(' ') => p.focus = Focus::List,
        KeyCode::Char('b') => reports::start(p, cx),
        KeyCode::Char('L') => reports::ask_reminder(p, cx),
        KeyCode::Char('s') => match here {
            Some(issue) => {
                p.mode = Mode::Swap(issue);
                cx.info(format!(
                    "Swapping issue {issue}: choose the issue to trade places with, Enter swaps"
                ));
            }
            None => cx.error("This cell is empty: s swaps the issue in a cell with another"),
        },
        KeyCode::Enter | KeyCode::Char('m') if here.is_some() => {
            if let Some(issue) = here {
                p.mode = Mode::Carry(issue);
            }
        }
        KeyCode::Enter | KeyCode::Char('p') => {
            if place.is_none() {
                cx.error(need_wall(&wall));
            } else if let Some(issue) = wall.unplaced.get(p.pick).map(|i| i.id) {
                put(p, issue, cx);
            } else {
                cx.error("No issue is waiting for a place: raise issues in the Issues pane (2)");
            }
        }
        KeyCode::Char('m') | KeyCode::Char('x') | KeyCode::Char('c') if here.is_none() => {
            cx.error("This cell is empty: Enter places the issue chosen in the unplaced list");
        }
        KeyCode::Char('x') => {
            if let Some(issue) = here
                && cx.record(Change::IssueUnplaced { issue })
            {
                cx.info(format!(
                    "Issue {issue} is back in the unplaced list (u undoes)"
                ));
            }
        }
        KeyCode::Char('c') => {
            let Some(issue) = here.and_then(|i| cx.session().issues.get(&i)) else {
                return Handled::Yes;
            };
            let (id, cancelled) = (issue.id, !issue.cancelled);
            if cx.record(Change::IssueCancelled {
                issue: id,
                cancelled,
            }) {
                cx.info(if cancelled {
                    format!("Issue {id} marked: did not take place")
                } else {
                    format!("Issue {id} took place after all")
                });
            }
        }
        _ => return shared(p, key, cx),
    }
    Handled::Yes
}

/// Keys that work whether the grid or the list has the focus.
fn shared(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    if matches!(key.code, KeyCode::Char('a' | 'A' | 'r' | 'R' | 'd' | 'D')) && !cx.may_edit() {
        return Handled::Yes;
    }
    let wall = Wall::of(cx.session());
    match key.code {
        KeyCode::Char('a') => p.mode = Mode::Form(Box::new(edit::Form::add_space())),
        KeyCode::Char('A') => p.mode = Mode::Form(Box::new(edit::Form::add_slot())),
        KeyCode::Char('r') => match wall.spaces.get(p.col) {
            Some(space) => p.mode = Mode::Form(Box::new(edit::Form::rename_space(space))),
            None => cx.error("No space to rename: press a to add one"),
        },
        KeyCode::Char('R') => match wall.slots.get(p.row) {
            Some(slot) => p.mode = Mode::Form(Box::new(edit::Form::edit_slot(slot))),
            None => cx.error("No slot to edit: press A to add one"),
        },
        KeyCode::Char('d') => removal::remove_space(p, cx),
        KeyCode::Char('D') => removal::remove_slot(p, cx),
        _ => return Handled::No,
    }
    Handled::Yes
}

fn need_wall(wall: &Wall) -> &'static str {
    match (wall.spaces.is_empty(), wall.slots.is_empty()) {
        (true, true) => "The wall has no cells yet: press a to add a space and A to add a slot",
        (true, false) => "The wall has no spaces yet: press a to add one",
        _ => "The wall has no slots yet: press A to add one",
    }
}

fn list(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let count = Wall::of(cx.session()).unplaced.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') if p.pick == 0 && !p.geo.list_beside => {
            p.focus = Focus::Grid;
        }
        KeyCode::Left | KeyCode::Char('h') if p.geo.list_beside => p.focus = Focus::Grid,
        KeyCode::Char(' ') | KeyCode::Esc => p.focus = Focus::Grid,
        KeyCode::Enter | KeyCode::Char('p') if !cx.may_edit() => {}
        KeyCode::Enter | KeyCode::Char('p') => {
            let wall = Wall::of(cx.session());
            match wall.unplaced.get(p.pick) {
                Some(issue) => {
                    let id = issue.id;
                    if wall.place(p.col, p.row).is_none() {
                        cx.error(need_wall(&wall));
                        return Handled::Yes;
                    }
                    p.mode = Mode::Carry(id);
                    p.focus = Focus::Grid;
                    to_free_cell(p, cx);
                }
                None => cx.error("No issue is waiting for a place"),
            }
        }
        code => match step(code) {
            Some((_, dr)) if dr != 0 => p.pick = moved(p.pick, dr, count),
            Some(_) => {}
            None => return shared(p, key, cx),
        },
    }
    Handled::Yes
}

/// Puts the cursor on the nearest free cell (reading the wall row by row) if it is on a
/// taken one, so a picked-up issue usually needs just Enter.
fn to_free_cell(p: &mut AgendaPane, cx: &Cx) {
    let s = cx.session();
    let wall = Wall::of(s);
    let free = |c: usize, r: usize| wall.place(c, r).is_some_and(|pl| s.issue_at(pl).is_none());
    if free(p.col, p.row) {
        return;
    }
    let cols = wall.spaces.len();
    let cells = cols * wall.slots.len();
    let start = p.row * cols + p.col;
    if let Some(n) = (1..cells)
        .map(|k| (start + k) % cells)
        .find(|&n| free(n % cols, n / cols))
    {
        p.col = n % cols;
        p.row = n / cols;
    }
}

fn carry(p: &mut AgendaPane, issue: IssueId, key: KeyEvent, cx: &mut Cx) -> Handled {
    if let Some(by) = step(key.code) {
        move_cursor(p, by, cx);
        return Handled::Yes;
    }
    match key.code {
        KeyCode::Enter | KeyCode::Char('p') | KeyCode::Char('m') => put(p, issue, cx),
        KeyCode::Esc => {
            p.mode = Mode::Browse;
            cx.info(format!("Issue {issue} stays where it was"));
        }
        _ => return Handled::No,
    }
    Handled::Yes
}

/// With an issue chosen by `s`: arrows choose the other one, Enter swaps them (one step, one
/// undo), Enter on a free cell moves it there, Esc cancels.
fn swap(p: &mut AgendaPane, issue: IssueId, key: KeyEvent, cx: &mut Cx) -> Handled {
    if let Some(by) = step(key.code) {
        move_cursor(p, by, cx);
        return Handled::Yes;
    }
    match key.code {
        KeyCode::Enter | KeyCode::Char('s') => {
            let wall = Wall::of(cx.session());
            let s = cx.session();
            let (Some(there), Some(from)) = (
                wall.place(p.col, p.row),
                s.issues.get(&issue).and_then(|i| i.placement),
            ) else {
                p.mode = Mode::Browse;
                return Handled::Yes;
            };
            let Some(other) = s.issue_at(there).map(|i| i.id) else {
                // A free cell: the chosen issue simply moves there.
                put(p, issue, cx);
                return Handled::Yes;
            };
            if other == issue {
                p.mode = Mode::Browse;
                cx.info(format!("Issue {issue} stays where it was"));
                return Handled::Yes;
            }
            let step = vec![
                Change::IssueUnplaced { issue },
                Change::IssuePlaced {
                    issue: other,
                    space: from.space,
                    slot: from.slot,
                },
                Change::IssuePlaced {
                    issue,
                    space: there.space,
                    slot: there.slot,
                },
            ];
            if cx.record_step(step) {
                p.mode = Mode::Browse;
                cx.info(format!(
                    "Issues {issue} and {other} swapped places (u undoes)"
                ));
            }
        }
        KeyCode::Esc => {
            p.mode = Mode::Browse;
            cx.info(format!("Issue {issue} stays where it was"));
        }
        _ => return Handled::No,
    }
    Handled::Yes
}

/// Places (or moves) an issue into the cursor cell. A taken cell is refused by the domain,
/// whose reason becomes the notice; the issue stays picked up for another try.
fn put(p: &mut AgendaPane, issue: IssueId, cx: &mut Cx) {
    let wall = Wall::of(cx.session());
    let Some(place) = wall.place(p.col, p.row) else {
        cx.error(need_wall(&wall));
        return;
    };
    let (space, slot) = (
        text::clean(&wall.spaces[p.col].name).into_owned(),
        text::clean(&wall.slots[p.row].label).into_owned(),
    );
    let before = cx.session().issues.get(&issue).and_then(|i| i.placement);
    if before == Some(place) {
        p.mode = Mode::Browse;
        cx.info(format!("Issue {issue} stays where it was"));
        return;
    }
    if cx.record(Change::IssuePlaced {
        issue,
        space: place.space,
        slot: place.slot,
    }) {
        p.mode = Mode::Browse;
        let verb = if before.is_some() {
            "moved to"
        } else {
            "placed in"
        };
        cx.info(format!("Issue {issue} {verb} {space}, {slot}"));
    }
}

fn timer_key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> bool {
    // A timer belongs to the day as it happens, not to a replay of it.
    if cx.read_only {
        return false;
    }
    let fresh = AgendaPane::fresh(cx.session(), cx.now);
    let now = cx.now;
    let t = &mut p.timer;
    match key.code {
        KeyCode::Char('t') => {
            t.toggle(now, fresh);
            let left = clock_text(t.left(now, fresh));
            cx.info(match t.phase() {
                Phase::Running => format!("Timer running: {left} to go"),
                _ => format!("Timer paused at {left}"),
            });
        }
        KeyCode::Char('T') => {
            t.reset();
            cx.info(format!("Timer reset to {}", clock_text(fresh)));
        }
        KeyCode::Char('+') | KeyCode::Char('=') => {
            t.adjust(now, STEP_SECONDS, fresh);
            cx.info(format!(
                "Five more minutes: {}",
                clock_text(t.left(now, fresh))
            ));
        }
        KeyCode::Char('-') | KeyCode::Char('_') => {
            t.adjust(now, -STEP_SECONDS, fresh);
            cx.info(format!(
                "Five minutes less: {}",
                clock_text(t.left(now, fresh))
            ));
        }
        _ => return false,
    }
    p.shown = -1;
    true
}

pub(super) fn mouse(p: &mut AgendaPane, event: MouseEvent, cx: &mut Cx) -> Handled {
    if matches!(
        p.mode,
        Mode::Form(_) | Mode::Confirm(_) | Mode::Reports(_) | Mode::Reminder(_)
    ) {
        return Handled::No;
    }
    let at = Position::new(event.column, event.row);
    let in_list = p.geo.list.contains(at);
    let count = Wall::of(cx.session()).unplaced.len();
    match event.kind {
        MouseEventKind::Down(_) if in_list => {
            let n = p.list_offset + (event.row - p.geo.list.y) as usize;
            if n < count {
                p.pick = n;
                p.focus = Focus::List;
            }
        }
        MouseEventKind::Down(_) => {
            let col = p.geo.cols.iter().find(|b| b.holds(event.column));
            let row = p.geo.rows.iter().find(|b| b.holds(event.row));
            let (Some(col), Some(row)) = (col, row) else {
                return Handled::No;
            };
            (p.col, p.row) = (col.index, row.index);
            p.focus = Focus::Grid;
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let by = if event.kind == MouseEventKind::ScrollDown {
                1
            } else {
                -1
            };
            if in_list {
                p.pick = moved(p.pick, by, count);
            } else {
                move_cursor(p, (0, by), cx);
            }
        }
        MouseEventKind::ScrollRight => {
            move_cursor(p, (1, 0), cx);
        }
        MouseEventKind::ScrollLeft => {
            move_cursor(p, (-1, 0), cx);
        }
        _ => return Handled::No,
    }
    Handled::Yes
}
