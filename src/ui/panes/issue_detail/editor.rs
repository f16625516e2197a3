//! Editing an issue and its breakout report: seven fields, Tab between them, Ctrl-s saves
//! (as `issue_edited` and `report_recorded`, only for what changed), Esc asks before
//! throwing typed text away. On a small screen only the field being typed in is open.

use crate::model::{Change, IssueId, Report, Session};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::panes::people;
use crate::ui::text;
use crate::ui::widgets::wrap::cell;
use crate::ui::widgets::{Field, FieldKey, popup};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

const TITLE: usize = 0;
const CONVENER: usize = 1;
const DESCRIPTION: usize = 2;
const ATTENDEES: usize = 3;
const KEY_POINTS: usize = 4;
const RECOMMENDATIONS: usize = 5;
const FOLLOW_UP: usize = 6;
const COUNT: usize = 7;

/// Fewest rows worth giving a multi-line field (label, frame and three lines).
const MULTI_MIN: u16 = 6;

pub struct Editor {
    issue: IssueId,
    fields: Vec<Field>,
    original: Vec<String>,
    focus: usize,
    confirm_discard: bool,
    /// The last Ctrl-s recorded something (or found nothing to record) and closed.
    saved: bool,
}

impl Editor {
    /// An editor holding the issue's current text, if the issue is still on the wall.
    pub fn new(session: &Session, issue: IssueId) -> Option<Editor> {
        let it = session.issues.get(&issue).filter(|i| i.is_active())?;
        let r = &it.report;
        let attendees = if r.attendees == 0 {
            String::new()
        } else {
            r.attendees.to_string()
        };
        let fields = vec![
            Field::new("Title").with_text(&it.title),
            Field::new("Convener").with_text(people::name_of(session, it.convener)),
            Field::multiline("Description").with_text(&it.description),
            Field::new("Attendees (how many came)").with_text(&attendees),
            Field::multiline("Key points").with_text(&r.key_points),
            Field::multiline("Recommendations").with_text(&r.recommendations),
            Field::multiline("Follow-up").with_text(&r.follow_up),
        ];
        let original = fields.iter().map(Field::text).collect();
        Some(Editor {
            issue,
            fields,
            original,
            focus: TITLE,
            confirm_discard: false,
            saved: false,
        })
    }

    /// The same editor with the cursor in the report (for the report round and for a
    /// report chased from Closing): the title and description are usually right already.
    pub fn on_report(mut self) -> Editor {
        self.focus = ATTENDEES;
        self
    }

    /// Whether the editor closed by saving rather than by being abandoned.
    pub fn saved(&self) -> bool {
        self.saved
    }

    pub fn issue(&self) -> IssueId {
        self.issue
    }

    fn changed(&self, range: std::ops::Range<usize>) -> bool {
        range
            .into_iter()
            .any(|n| self.fields[n].value() != self.original[n])
    }

    /// Whether anything typed differs from what is saved.
    pub fn dirty(&self) -> bool {
        self.changed(0..COUNT)
    }

    /// Handles a key; true when the editor is finished (saved or abandoned).
    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> bool {
        if self.confirm_discard {
            self.confirm_discard = false;
            return matches!(key.code, KeyCode::Char('y' | 'Y'));
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('s') {
            return self.save(cx);
        }
        if self.fields[self.focus].key(key) == FieldKey::Used {
            if self.focus == CONVENER {
                self.fields[CONVENER].offer(people::names(cx.session()));
            }
            return false;
        }
        match key.code {
            KeyCode::Tab | KeyCode::Enter | KeyCode::Down => self.focus = (self.focus + 1) % COUNT,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + COUNT - 1) % COUNT,
            KeyCode::Esc if self.dirty() => self.confirm_discard = true,
            KeyCode::Esc => return true,
            _ => {}
        }
        false
    }

    pub fn paste(&mut self, text: &str) {
        self.fields[self.focus].paste(text);
    }

    /// Records what changed. Stays open (with everything typed) if the domain refuses.
    fn save(&mut self, cx: &mut Cx) -> bool {
        let attendees = self.fields[ATTENDEES].text();
        let attendees = match attendees.trim() {
            "" => 0,
            n => match n.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    cx.error("Attendees must be a whole number, e.g. 12");
                    self.focus = ATTENDEES;
                    return false;
                }
            },
        };
        // The issue's text and its report are one save: one step, one undo.
        let mut changes = vec![];
        if self.changed(TITLE..ATTENDEES) {
            let Some(who) = people::person(cx, &self.fields[CONVENER].value()) else {
                self.focus = CONVENER;
                return false;
            };
            changes.push(Change::IssueEdited {
                issue: self.issue,
                title: self.fields[TITLE].text(),
                convener: who.id(),
                description: self.fields[DESCRIPTION].text(),
            });
        }
        if self.changed(ATTENDEES..COUNT) {
            let names = cx
                .session()
                .issues
                .get(&self.issue)
                .map(|i| i.report.attendee_names.clone())
                .unwrap_or_default();
            changes.push(Change::ReportRecorded {
                issue: self.issue,
                report: Report {
                    attendees,
                    attendee_names: names,
                    key_points: self.fields[KEY_POINTS].text(),
                    recommendations: self.fields[RECOMMENDATIONS].text(),
                    follow_up: self.fields[FOLLOW_UP].text(),
                },
            });
        }
        if changes.is_empty() {
            cx.info("Nothing changed");
        } else {
            let recorded = if changes.len() == 1 {
                cx.record(changes.remove(0))
            } else {
                cx.record_step(changes)
            };
            if !recorded {
                return false;
            }
            for n in 0..COUNT {
                self.original[n] = self.fields[n].value();
            }
            cx.info(format!("Saved issue {}. u undoes", self.issue));
        }
        self.saved = true;
        true
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        buf.set_style(area, t.base);
        let inner = super::margin(area);
        let [head, body, hint] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let title = format!("Editing issue {}", self.issue);
        Line::styled(text::fit(&title, head.width as usize), t.accent).render(head, buf);
        if body.width >= 140 {
            let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
                .spacing(3)
                .areas(body);
            self.render_column(&[TITLE, CONVENER, DESCRIPTION], left, buf, view);
            self.render_column(
                &[ATTENDEES, KEY_POINTS, RECOMMENDATIONS, FOLLOW_UP],
                right,
                buf,
                view,
            );
        } else {
            self.render_column(&[0, 1, 2, 3, 4, 5, 6], body, buf, view);
        }
        let keys = "Tab next field · Ctrl-s save · Esc cancel";
        Line::styled(text::fit(keys, hint.width as usize), t.dim).render(hint, buf);
        if self.confirm_discard {
            let r = popup::centred(area, 52, 5);
            let inside = popup::frame(r, buf, t, "Discard changes?");
            let lines = [
                Line::styled("Your changes to this issue are not saved.", t.base),
                Line::styled("y discard them · any other key keeps editing", t.accent),
            ];
            for (n, line) in lines.into_iter().enumerate() {
                line.render(
                    Rect {
                        y: inside.y + n as u16,
                        height: 1,
                        ..inside
                    },
                    buf,
                );
            }
        }
    }

    /// Draws some fields in a column: all open if they fit, else only the focused one
    /// open and the others as one-line summaries.
    fn render_column(&mut self, which: &[usize], area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        let is_multi =
            |n: usize| matches!(n, DESCRIPTION | KEY_POINTS | RECOMMENDATIONS | FOLLOW_UP);
        let need: u16 = which
            .iter()
            .map(|&n| {
                if is_multi(n) {
                    MULTI_MIN
                } else {
                    self.fields[n].height(1)
                }
            })
            .sum();
        let multis = which.iter().filter(|&&n| is_multi(n)).count() as u16;
        let all_open = need <= area.height;
        let mut y = area.y;
        let bottom = area.y + area.height;
        for &n in which {
            let open = all_open || n == self.focus;
            let h = if !open {
                1
            } else if all_open && is_multi(n) {
                let singles: u16 = which
                    .iter()
                    .filter(|&&m| !is_multi(m))
                    .map(|&m| self.fields[m].height(1))
                    .sum();
                (area.height - singles) / multis.max(1)
            } else if is_multi(n) {
                let others = which.len() as u16 - 1;
                area.height.saturating_sub(others)
            } else {
                self.fields[n].height(1)
            };
            let h = h.min(bottom.saturating_sub(y));
            if h == 0 {
                break;
            }
            let r = Rect {
                y,
                height: h,
                ..area
            };
            if open && h >= 3 {
                self.fields[n].render(r, buf, t, n == self.focus);
            } else {
                let field = &self.fields[n];
                let first = field.text();
                let first = first.lines().next().unwrap_or("");
                let mark = if n == self.focus { "▶ " } else { "  " };
                let summary = format!("{mark}{}: {first}", field.label);
                let style = if n == self.focus { t.accent } else { t.dim };
                Line::styled(cell(&summary, r.width as usize), style)
                    .render(Rect { height: 1, ..r }, buf);
            }
            y += h;
        }
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        vec![
            KeyHelp::main("Ctrl-s", "save"),
            KeyHelp::main("Tab / Shift-Tab", "next / previous field"),
            KeyHelp::main("Esc", "cancel (asks if anything changed)"),
            KeyHelp::more("Enter", "new line (next field in one-line fields)"),
            KeyHelp::more("↓ / →", "choose a suggested convener"),
        ]
    }
}
