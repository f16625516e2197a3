//! Drawing the Progress pane: the review's figures, then each priority and its actions,
//! with how each stood last time. Overdue is said in words and marked with "!", never by
//! colour alone.

use super::{ProgressPane, Row};
use crate::model::describe::day;
use crate::model::followup::{is_overdue, tally};
use crate::model::{NextStep, Session, StepStatus};
use crate::ui::paint;
use crate::ui::pane::View;
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// A status as a sign and a word, so it reads without colour.
pub fn mark(status: StepStatus) -> (&'static str, &'static str) {
    match status {
        StepStatus::Done => ("✓", "DONE"),
        StepStatus::UnderWay => ("▸", "UNDER WAY"),
        StepStatus::Stuck => ("■", "STUCK"),
        StepStatus::NotStarted => ("○", "NOT STARTED"),
        StepStatus::Dropped => ("✗", "DROPPED"),
    }
}

pub fn status_style(status: StepStatus, t: &Theme) -> Style {
    match status {
        StepStatus::Done => t.ok,
        StepStatus::Stuck => t.warn,
        StepStatus::Dropped => t.dim,
        _ => t.base,
    }
}

/// "! 1 OVERDUE · 19 actions: 4 done, 3 under way, 2 stuck, 1 dropped, 9 to start".
pub fn figures(session: &Session) -> String {
    let date = session.meeting_date().unwrap_or_default();
    let (a, _) = tally(session, date, false);
    // Overdue first, so a narrow screen cuts the tail and never the warning.
    let overdue = match a.overdue {
        0 => String::new(),
        n => format!("! {n} OVERDUE · "),
    };
    format!(
        "{overdue}{} actions: {} done, {} under way, {} stuck, {} dropped, {} to start",
        a.actions, a.done, a.under_way, a.stuck, a.dropped, a.not_started
    )
}

/// What is said about an action besides its text: owner, due date, overdue, last time.
pub fn details(session: &Session, step: &NextStep) -> (String, bool) {
    let mut parts = vec![];
    parts.push(match step.owner {
        Some(o) => session.participant_name(o).to_string(),
        None => "no owner".to_string(),
    });
    let overdue = session
        .meeting_date()
        .is_some_and(|date| is_overdue(step, date));
    match step.due {
        Some(d) if overdue => parts.push(format!("due {} — OVERDUE", day(d))),
        Some(d) => parts.push(format!("due {}", day(d))),
        None => parts.push("no due date".into()),
    }
    match step.last_time() {
        Some(m) if m.note.is_empty() => parts.push(format!("last time: {}", m.status.label())),
        Some(m) => parts.push(format!("last time: {}, {}", m.status.label(), m.note)),
        None => parts.push("new at this meeting".into()),
    }
    (parts.join(" · "), overdue)
}

/// How many lines `row_lines` gives the row, known without making them.
pub fn row_height(session: &Session, row: Row) -> usize {
    match row {
        Row::Priority(id) => usize::from(session.issues.contains_key(&id)),
        Row::Action(i, s) => session
            .issues
            .get(&i)
            .and_then(|i| i.plan.steps.get(&s))
            .map_or(0, |step| 2 + usize::from(!step.note.is_empty())),
    }
}

/// The lines of one row; the first starts with the selection marker, and is drawn in the
/// selection's style when selected.
fn row_lines(
    session: &Session,
    row: Row,
    width: usize,
    t: &Theme,
    selected: bool,
) -> Vec<Line<'static>> {
    let mut lines = row_text(session, row, width.saturating_sub(2), t);
    if let Some(first) = lines.first_mut() {
        let gutter = if selected { "▶ " } else { "  " };
        first.spans.insert(0, Span::raw(gutter));
        if selected {
            for span in &mut first.spans {
                span.style = t.selected;
            }
        }
    }
    for line in lines.iter_mut().skip(1) {
        line.spans.insert(0, Span::raw("  "));
    }
    lines
}

fn row_text(session: &Session, row: Row, width: usize, t: &Theme) -> Vec<Line<'static>> {
    match row {
        Row::Priority(id) => {
            let Some(issue) = session.issues.get(&id) else {
                return vec![];
            };
            let lead = match issue.plan.lead {
                Some(l) => format!("lead {}", session.participant_name(l)),
                None => "no lead".into(),
            };
            let carried = if issue.carried_from.is_some() {
                ""
            } else {
                " · new"
            };
            let head = format!("{id}  {}", text::clean(&issue.title));
            let tail = format!("  ({lead}{carried})");
            let room = width.saturating_sub(text::width(&tail) + 2);
            vec![Line::from(vec![
                Span::styled(text::fit(&head, room), t.title),
                Span::styled(tail, t.dim),
            ])]
        }
        Row::Action(i, s) => {
            let Some(step) = session.issues.get(&i).and_then(|i| i.plan.steps.get(&s)) else {
                return vec![];
            };
            let (sign, word) = mark(step.status);
            let (more, overdue) = details(session, step);
            let lead = format!("  {sign} {word:<11} ");
            let first = if overdue {
                let warn = "! OVERDUE  ";
                let room = width.saturating_sub(text::width(&lead) + warn.len() + 2);
                Line::from(vec![
                    Span::styled(lead, status_style(step.status, t)),
                    Span::styled(warn, t.warn),
                    Span::styled(text::fit(&text::clean(&step.text), room), t.base),
                ])
            } else {
                let room = width.saturating_sub(text::width(&lead) + 2);
                Line::from(vec![
                    Span::styled(lead, status_style(step.status, t)),
                    Span::styled(text::fit(&text::clean(&step.text), room), t.base),
                ])
            };
            let indent = "                ";
            let mut out = vec![
                first,
                Line::styled(
                    text::fit(&format!("{indent}{}", text::clean(&more)), width),
                    t.dim,
                ),
            ];
            if !step.note.is_empty() {
                out.push(Line::styled(
                    text::fit(&format!("{indent}now: {}", text::clean(&step.note)), width),
                    t.accent,
                ));
            }
            out
        }
    }
}

pub fn draw(pane: &mut ProgressPane, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let session = view.session;
    paint::style(buf, area, t.base);
    if area.height < 4 || area.width < 20 {
        return;
    }
    let width = area.width as usize;
    let review = pane.review(session);
    let head = match &session.follow_up {
        Some(f) => format!(
            "Progress since {} · this meeting {}",
            day(f.follows.date),
            day(f.date)
        ),
        None => "Progress: this session follows no earlier meeting".to_string(),
    };
    Line::styled(text::fit(&head, width), t.title).render(Rect { height: 1, ..area }, buf);
    Line::styled(text::fit(&review.figures, width), t.base).render(
        Rect {
            y: area.y + 1,
            height: 1,
            ..area
        },
        buf,
    );
    // The field, with room for the names it offers (owner, lead) below it.
    let form_h = pane
        .editing
        .as_ref()
        .map_or(0, |e| e.field.height(1).min(area.height.saturating_sub(4)));
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(3 + form_h),
        ..area
    };
    let all = &review.rows;
    if all.is_empty() {
        Line::styled(
            text::fit(
                "Nothing was carried. p adds a priority; the Leads pane works as usual.",
                width,
            ),
            t.dim,
        )
        .render(Rect { height: 1, ..list }, buf);
    }
    pane.selected = pane.selected.min(all.len().saturating_sub(1));
    // Scroll so the selected row is whole on screen.
    let height = list.height as usize;
    pane.scroll = pane.scroll.min(pane.selected);
    if let Some(upto) = review.heights.get(pane.scroll..=pane.selected) {
        let mut used: usize = upto.iter().sum();
        for h in upto {
            if used <= height || pane.scroll >= pane.selected {
                break;
            }
            used -= h;
            pane.scroll += 1;
        }
    }
    // Only the rows on screen are made into lines: a review may hold thousands.
    let mut y = list.y;
    for (n, row) in all.iter().enumerate().skip(pane.scroll) {
        if y >= list.y + list.height {
            break;
        }
        let selected = n == pane.selected;
        for (k, line) in row_lines(session, *row, width, t, selected)
            .into_iter()
            .enumerate()
        {
            if y >= list.y + list.height {
                break;
            }
            let r = Rect {
                y,
                height: 1,
                ..list
            };
            if selected && k == 0 {
                paint::style(buf, r, t.selected);
            }
            paint::line(&line, r, buf);
            y += 1;
        }
    }
    if let Some(editing) = &mut pane.editing {
        let r = Rect {
            y: area.y + area.height - form_h,
            height: form_h,
            ..area
        };
        buf.set_style(r, t.base);
        let field = r;
        editing.field.render(field, buf, t, true);
    }
}
