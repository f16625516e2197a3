//! Keys and clicks on the wall: moving the cursors, placing, moving and unplacing issues,
//! marking a breakout that never happened, opening the forms, and the timer.

use super::keys::{CarryAction, Dir, GridAction, ListAction, SwapAction, TimerAction, WallAction};
use super::timer::{Phase, STEP_SECONDS, clock_text};
use super::{AgendaPane, Focus, Mode, Wall, edit, removal, reports};
use crate::model::{IssueId, commands};
use crate::ui::keys::Press;
use crate::ui::pane::{Cx, Handled};
use crate::ui::text;
use ratatui::crossterm::event::{KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
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

/// Said when a key needs the issue in the cursor's cell and there is none.
const EMPTY_CELL: &str = "This cell is empty: Enter places the issue chosen in the unplaced list";

fn grid(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let action = match p.keys.grid.press(&key, cx) {
        Press::Act(action) => action,
        Press::Refused => return Handled::Yes,
        Press::Unbound => return wall_key(p, key, cx),
    };
    let wall = Wall::of(cx.session());
    let place = wall.place(p.col, p.row);
    let here = place.and_then(|pl| cx.session().issue_at(pl)).map(|i| i.id);
    match action {
        GridAction::Move(dir) => {
            let by = dir.step();
            // Past the edge next to the unplaced list, the arrow goes on into the list.
            let toward_list = if p.geo.list_beside {
                by.0 > 0
            } else {
                by.1 > 0
            };
            if !move_cursor(p, by, cx) && toward_list && by.0.abs() <= 1 && by.1.abs() <= 1 {
                p.focus = Focus::List;
            }
        }
        GridAction::ToList => p.focus = Focus::List,
        GridAction::Swap => match here {
            Some(issue) => {
                p.mode = Mode::Swap(issue);
                cx.info(format!(
                    "Swapping issue {issue}: choose the issue to trade places with, Enter swaps"
                ));
            }
            None => cx.error("This cell is empty: s swaps the issue in a cell with another"),
        },
        GridAction::PickUp => match here {
            Some(issue) => p.mode = Mode::Carry(issue),
            None => cx.error(EMPTY_CELL),
        },
        GridAction::PlaceOrMove if here.is_some() => {
            if let Some(issue) = here {
                p.mode = Mode::Carry(issue);
            }
        }
        GridAction::PlaceOrMove | GridAction::Place => {
            if place.is_none() {
                cx.error(need_wall(&wall));
            } else if let Some(issue) = wall.unplaced.get(p.pick).map(|i| i.id) {
                put(p, issue, cx);
            } else {
                cx.error("No issue is waiting for a place: raise issues in the Issues pane (2)");
            }
        }
        GridAction::Unplace | GridAction::Cancelled if here.is_none() => cx.error(EMPTY_CELL),
        GridAction::Unplace => {
            if let Some(issue) = here
                && cx.record(commands::unplace(issue))
            {
                cx.info(format!(
                    "Issue {issue} is back in the unplaced list (u undoes)"
                ));
            }
        }
        GridAction::Cancelled => {
            let Some(issue) = here.and_then(|i| cx.session().issues.get(&i)) else {
                return Handled::Yes;
            };
            let (id, cancelled) = (issue.id, !issue.cancelled);
            if cx.record(commands::mark_cancelled(id, cancelled)) {
                cx.info(if cancelled {
                    format!("Issue {id} marked: did not take place")
                } else {
                    format!("Issue {id} took place after all")
                });
            }
        }
    }
    Handled::Yes
}

/// The wall's own keys, whether the grid or the list has the focus. The report round and
/// its reminder are about the cursor's slot, so they wait for the grid.
fn wall_key(p: &mut AgendaPane, key: KeyEvent, cx: &mut Cx) -> Handled {
    let on_grid = p.focus == Focus::Grid;
    let live = |action| on_grid || !matches!(action, WallAction::Reports | WallAction::Reminder);
    let action = match p.keys.wall.press_when(&key, cx, live) {
        Press::Act(action) => action,
        Press::Refused => return Handled::Yes,
        Press::Unbound => return Handled::No,
    };
    let wall = Wall::of(cx.session());
    match action {
        WallAction::AddSpace => p.mode = Mode::Form(Box::new(edit::Form::add_space())),
        WallAction::AddSlot => p.mode = Mode::Form(Box::new(edit::Form::add_slot())),
        WallAction::RenameSpace => match wall.spaces.get(p.col) {
            Some(space) => p.mode = Mode::Form(Box::new(edit::Form::rename_space(space))),
            None => cx.error("No space to rename: press a to add one"),
        },
        WallAction::EditSlot => match wall.slots.get(p.row) {
            Some(slot) => p.mode = Mode::Form(Box::new(edit::Form::edit_slot(slot))),
            None => cx.error("No slot to edit: press A to add one"),
        },
        WallAction::RemoveSpace => removal::remove_space(p, cx),
        WallAction::RemoveSlot => removal::remove_slot(p, cx),
        WallAction::Reports => reports::start(p, cx),
        WallAction::Reminder => reports::ask_reminder(p, cx),
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
    let action = match p.keys.list.press(&key, cx) {
        Press::Act(action) => action,
        Press::Refused => return Handled::Yes,
        Press::Unbound => return wall_key(p, key, cx),
    };
    match action {
        ListAction::Move(Dir::Up) if p.pick == 0 && !p.geo.list_beside => {
            p.focus = Focus::Grid;
        }
        ListAction::Move(Dir::Left) if p.geo.list_beside => p.focus = Focus::Grid,
        ListAction::ToWall | ListAction::Back => p.focus = Focus::Grid,
        ListAction::PickUp | ListAction::Place => {
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
        // The list only goes up and down; sideways moves are taken and do nothing.
        ListAction::Move(dir) => {
            let (_, dr) = dir.step();
            if dr != 0 {
                p.pick = moved(p.pick, dr, count);
            }
        }
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
    let action = match p.keys.carry.press(&key, cx) {
        Press::Act(action) => action,
        Press::Refused => return Handled::Yes,
        Press::Unbound => return Handled::No,
    };
    match action {
        CarryAction::Move(dir) => {
            move_cursor(p, dir.step(), cx);
        }
        CarryAction::Put => put(p, issue, cx),
        CarryAction::Cancel => {
            p.mode = Mode::Browse;
            cx.info(format!("Issue {issue} stays where it was"));
        }
    }
    Handled::Yes
}

/// With an issue chosen by `s`: arrows choose the other one, Enter swaps them (one step, one
/// undo), Enter on a free cell moves it there, Esc cancels.
fn swap(p: &mut AgendaPane, issue: IssueId, key: KeyEvent, cx: &mut Cx) -> Handled {
    let action = match p.keys.swap.press(&key, cx) {
        Press::Act(action) => action,
        Press::Refused => return Handled::Yes,
        Press::Unbound => return Handled::No,
    };
    match action {
        SwapAction::Move(dir) => {
            move_cursor(p, dir.step(), cx);
        }
        SwapAction::Swap => {
            let wall = Wall::of(cx.session());
            let s = cx.session();
            let (Some(there), Some(_)) = (
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
            if let Some(step) = commands::swap_places(s, issue, other)
                && cx.record_step(step)
            {
                p.mode = Mode::Browse;
                cx.info(format!(
                    "Issues {issue} and {other} swapped places (u undoes)"
                ));
            }
        }
        SwapAction::Cancel => {
            p.mode = Mode::Browse;
            cx.info(format!("Issue {issue} stays where it was"));
        }
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
    if cx.record(commands::place(issue, place)) {
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
    // A timer belongs to the day as it happens, not to a replay of it: there its keys are
    // not refused but left to whatever else takes them.
    let live = !cx.read_only;
    let action = match p.keys.timer.press_when(&key, cx, |_| live) {
        Press::Act(action) => action,
        Press::Refused | Press::Unbound => return false,
    };
    let fresh = AgendaPane::fresh(cx.session(), cx.now);
    let now = cx.now;
    let t = &mut p.timer;
    match action {
        TimerAction::StartPause => {
            t.toggle(now, fresh);
            let left = clock_text(t.left(now, fresh));
            cx.info(match t.phase() {
                Phase::Running => format!("Timer running: {left} to go"),
                _ => format!("Timer paused at {left}"),
            });
        }
        TimerAction::Reset => {
            t.reset();
            cx.info(format!("Timer reset to {}", clock_text(fresh)));
        }
        TimerAction::Adjust(true) => {
            t.adjust(now, STEP_SECONDS, fresh);
            cx.info(format!(
                "Five more minutes: {}",
                clock_text(t.left(now, fresh))
            ));
        }
        TimerAction::Adjust(false) => {
            t.adjust(now, -STEP_SECONDS, fresh);
            cx.info(format!(
                "Five minutes less: {}",
                clock_text(t.left(now, fresh))
            ));
        }
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
