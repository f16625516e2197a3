//! Present mode of the Progress pane: the review as the room reads it. What was done since
//! last time comes first, to be celebrated; then each priority: what was promised, what is
//! done, what is next.

use super::draw::mark;
use crate::model::StepStatus;
use crate::model::describe::day;
use crate::model::followup::{is_open, is_overdue};
use crate::ui::paint;
use crate::ui::pane::View;
use crate::ui::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// `figures` is `draw::figures` of the session, kept by the pane.
pub fn draw(figures: &str, area: Rect, buf: &mut Buffer, view: &View) {
    let t = view.theme;
    let session = view.session;
    buf.set_style(area, t.base);
    if area.height < 4 || area.width < 20 {
        return;
    }
    let width = area.width.saturating_sub(4) as usize;
    // Only the lines that fit are made: a review may hold thousands.
    let room = area.height.saturating_sub(1) as usize;
    let meeting = session.meeting_date().unwrap_or_default();
    let mut lines: Vec<Line> = vec![];
    let title = match &session.follow_up {
        Some(f) => format!("Since {}: how the plan has moved", day(f.follows.date)),
        None => "How the plan has moved".to_string(),
    };
    lines.push(Line::styled(text::fit(&title, width), t.title));
    lines.push(Line::styled(text::fit(figures, width), t.base));
    lines.push(Line::raw(""));
    let priorities = session.priorities_under_review();
    let done: Vec<_> = priorities
        .iter()
        .flat_map(|i| i.plan.steps.values())
        .filter(|s| s.done_since_last_time())
        .collect();
    if !done.is_empty() {
        lines.push(Line::styled(
            format!("✓ DONE SINCE LAST TIME ({}) — thank you!", done.len()),
            t.ok,
        ));
        for s in done {
            if lines.len() >= room {
                break;
            }
            let who = s
                .owner
                .map(|o| format!(" — {}", session.participant_name(o)))
                .unwrap_or_default();
            lines.push(Line::styled(
                text::fit(&format!("   ✓ {}{who}", text::clean(&s.text)), width),
                t.ok,
            ));
        }
        lines.push(Line::raw(""));
    }
    for issue in priorities {
        if lines.len() >= room {
            break;
        }
        let steps: Vec<_> = issue.plan.steps.values().collect();
        let lead = issue
            .plan
            .lead
            .map(|l| format!(" — lead {}", session.participant_name(l)))
            .unwrap_or_default();
        lines.push(Line::styled(
            text::fit(&format!("{}{lead}", text::clean(&issue.title)), width),
            t.title,
        ));
        let count = |status| steps.iter().filter(|s| s.status == status).count();
        let (done, stuck) = (count(StepStatus::Done), count(StepStatus::Stuck));
        lines.push(Line::styled(
            text::fit(
                &format!(
                    "   promised {} · done {} · stuck {}",
                    steps.len(),
                    done,
                    stuck
                ),
                width,
            ),
            t.dim,
        ));
        for s in steps.iter().filter(|s| is_open(s.status)) {
            if lines.len() >= room {
                break;
            }
            let (sign, word) = mark(s.status);
            let due = match s.due {
                Some(d) if is_overdue(s, meeting) => format!(" — ! OVERDUE, was due {}", day(d)),
                Some(d) => format!(" — by {}", day(d)),
                None => String::new(),
            };
            let style = if is_overdue(s, meeting) {
                t.warn
            } else {
                t.base
            };
            lines.push(Line::styled(
                text::fit(
                    &format!(
                        "   next: {sign} {} ({}){due}",
                        text::clean(&s.text),
                        word.to_lowercase()
                    ),
                    width,
                ),
                style,
            ));
        }
    }
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(1),
    };
    for (n, line) in lines.into_iter().take(inner.height as usize).enumerate() {
        let r = Rect {
            y: inner.y + n as u16,
            height: 1,
            ..inner
        };
        paint::line(&line, r, buf);
    }
}
