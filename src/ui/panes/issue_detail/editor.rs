//! Editing an issue and its breakout report: seven fields, Tab between them, Ctrl-s saves
//! (as `issue_edited` and `report_recorded`, only for what changed, as one step); Esc on
//! typed text is the app's to question, as in every form. On a small screen only the field being typed in is open.

use crate::model::commands;
use crate::model::{IssueId, Report, Session};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::panes::people::{self, Person};
use crate::ui::text;
use crate::ui::widgets::wrap::cell;
use crate::ui::widgets::{Field, FieldKey};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;

const TITLE: usize = 0;
const CONVENER: usize = 1;
const DESCRIPTION: usize = 2;
const ATTENDEES: usize = 3;
const NAMES: usize = 4;
const KEY_POINTS: usize = 5;
const RECOMMENDATIONS: usize = 6;
const FOLLOW_UP: usize = 7;
const COUNT: usize = 8;

/// Fewest rows worth giving a multi-line field (label, frame and three lines).
const MULTI_MIN: u16 = 6;

pub struct Editor {
    issue: IssueId,
    fields: Vec<Field>,
    original: Vec<String>,
    focus: usize,
    /// The last Ctrl-s recorded something (or found nothing to record) and closed.
    saved: bool,
    /// A new convener's name already questioned once.
    pending: Option<String>,
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
            Field::names_list("Who came (names, comma-separated)")
                .with_text(&r.attendee_names.join(", ")),
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
            saved: false,
            pending: None,
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
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('s') {
            return self.save(cx);
        }
        if self.fields[self.focus].key(key) == FieldKey::Used {
            if matches!(self.focus, CONVENER | NAMES) {
                self.fields[self.focus].offer(people::names(cx.session()));
            }
            return false;
        }
        let left = self.focus;
        match key.code {
            KeyCode::Tab | KeyCode::Enter | KeyCode::Down => self.focus = (self.focus + 1) % COUNT,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + COUNT - 1) % COUNT,
            KeyCode::Esc => return true,
            _ => {}
        }
        if left != self.focus {
            self.fields[left].forget_offers();
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
        let mut changes = Vec::new();
        let mut who = Person::Nobody;
        if self.changed(TITLE..ATTENDEES) {
            let Some(w) = people::resolve(cx, &mut self.fields[CONVENER], &mut self.pending, None)
            else {
                self.focus = CONVENER;
                return false;
            };
            changes.extend(commands::edit_issue(
                cx.session(),
                self.issue,
                &self.fields[TITLE].text(),
                &w,
                &self.fields[DESCRIPTION].text(),
            ));
            who = w;
        }
        if self.changed(ATTENDEES..COUNT) {
            let names: Vec<String> = self.fields[NAMES]
                .text()
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            let report = Report {
                attendees,
                attendee_names: names,
                key_points: self.fields[KEY_POINTS].text(),
                recommendations: self.fields[RECOMMENDATIONS].text(),
                follow_up: self.fields[FOLLOW_UP].text(),
            };
            changes.push(commands::record_report(cx.session(), self.issue, report));
        }
        if changes.is_empty() {
            cx.info("Nothing changed");
            self.saved = true;
            return true;
        }
        // Whatever one Ctrl-s saves is one step: one undo takes it all back.
        let saved = cx.record_step(changes);
        if saved {
            for n in 0..COUNT {
                self.original[n] = self.fields[n].value();
            }
            cx.info(format!(
                "Saved issue {}{}. u undoes",
                self.issue,
                people::joined(&who)
            ));
            self.saved = true;
        }
        saved
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
                &[ATTENDEES, NAMES, KEY_POINTS, RECOMMENDATIONS, FOLLOW_UP],
                right,
                buf,
                view,
            );
        } else {
            self.render_column(&[0, 1, 2, 3, 4, 5, 6, 7], body, buf, view);
        }
        let keys = "Tab next field · Ctrl-s save · Esc cancel";
        Line::styled(text::fit(keys, hint.width as usize), t.dim).render(hint, buf);
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
            KeyHelp::more("↓ / →", "choose a suggested convener or attendee"),
            KeyHelp::more(
                "Who came",
                "names on the roster take its spelling; others are kept as written, not added",
            ),
            KeyHelp::more(
                "Ctrl-s twice",
                "a convener not on the roster joins it (the first only asks)",
            ),
        ]
    }
}
