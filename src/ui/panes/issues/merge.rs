//! Choosing where an issue is merged: type the other issue's number or words of its title,
//! or move through the list. Near-duplicates are common in a busy marketplace.

use crate::model::commands;
use crate::model::{IssueId, Session};
use crate::ui::pane::{Cx, KeyHelp, View};
use crate::ui::widgets::popup;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::wrap::cell;
use crate::ui::widgets::{Field, FieldKey};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct MergePicker {
    pub from: IssueId,
    query: Field,
    scroll: Scroll,
}

pub enum MergeOutcome {
    Stay,
    Close,
    Merged(IssueId),
}

impl MergePicker {
    pub fn new(from: IssueId) -> MergePicker {
        MergePicker {
            from,
            query: Field::new("Merge into issue number, or words of its title"),
            scroll: Scroll::default(),
        }
    }

    /// Other active issues that match what was typed; an exact number comes first.
    fn candidates(&self, session: &Session) -> Vec<IssueId> {
        let typed = self
            .query
            .text()
            .trim()
            .trim_start_matches('#')
            .to_lowercase();
        let number: Option<u32> = typed.parse().ok();
        let mut found: Vec<(bool, IssueId)> = session
            .active_issues()
            .filter(|i| i.id != self.from)
            .filter(|i| {
                typed.is_empty()
                    || number.is_some_and(|n| i.id.0.to_string().starts_with(&n.to_string()))
                    || i.title.to_lowercase().contains(&typed)
            })
            .map(|i| (Some(i.id.0) != number, i.id))
            .collect();
        found.sort();
        found.into_iter().map(|(_, id)| id).collect()
    }

    pub fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> MergeOutcome {
        let found = self.candidates(cx.session());
        if self.scroll.key(key.code, found.len(), 5) {
            return MergeOutcome::Stay;
        }
        if self.query.key(key) == FieldKey::Used {
            self.scroll = Scroll::default();
            return MergeOutcome::Stay;
        }
        match key.code {
            KeyCode::Esc => MergeOutcome::Close,
            KeyCode::Enter => {
                let Some(&into) = found.get(self.scroll.selected) else {
                    cx.error("No issue matches: type another number or title");
                    return MergeOutcome::Stay;
                };
                let session = cx.session();
                let (changes, kept_on) = commands::merge_issues(session, self.from, into);
                let name = kept_on.map(|p| session.participant_name(p).to_string());
                if cx.record_step(changes) {
                    // Short enough for 80 columns with a long name: the lead is the news.
                    cx.info(match name {
                        Some(name) => format!(
                            "Merged #{} into #{into}; {name} (its lead) now supports #{into}. u undoes",
                            self.from
                        ),
                        None => format!(
                            "Merged issue {} into issue {into}: its report and dots carried over. u undoes",
                            self.from
                        ),
                    });
                    MergeOutcome::Merged(into)
                } else {
                    MergeOutcome::Stay
                }
            }
            _ => MergeOutcome::Stay,
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.query.paste(text);
        self.scroll = Scroll::default();
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        let s = view.session;
        let title = s.issues.get(&self.from).map_or("", |i| i.title.as_str());
        let width = (area.width * 4 / 5).max(56).min(area.width);
        let height = area.height.min(20).max(area.height.min(12));
        let r = popup::centred(area, width, height);
        let inner = popup::frame(
            r,
            buf,
            t,
            &format!("Merge issue {} “{title}” into…", self.from),
        );
        if inner.height < 5 {
            return;
        }
        self.query.render(Rect { height: 4, ..inner }, buf, t, true);
        let list = Rect {
            y: inner.y + 4,
            height: inner.height - 5,
            ..inner
        };
        let found = self.candidates(s);
        if found.is_empty() {
            Line::styled("No other issue matches", t.dim).render(list, buf);
        }
        let range = self.scroll.fit(found.len(), list.height as usize);
        for (row, n) in range.enumerate() {
            let Some(issue) = s.issues.get(&found[n]) else {
                continue;
            };
            let selected = n == self.scroll.selected;
            let mark = if selected { "▶ " } else { "  " };
            let text = format!("{mark}{:>4}  {}", issue.id.0, issue.title);
            let style = if selected { t.selected } else { t.base };
            let y = list.y + row as u16;
            Line::styled(cell(&text, list.width as usize), style).render(
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                buf,
            );
        }
        let hint = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        Line::styled("↑↓ choose · Enter merge · Esc cancel", t.dim).render(hint, buf);
    }

    pub fn keys(&self) -> Vec<KeyHelp> {
        vec![
            KeyHelp::main("Enter", "merge into the chosen issue"),
            KeyHelp::main("↑ ↓", "choose"),
            KeyHelp::more("type", "an issue number or words of its title"),
            KeyHelp::main("Esc", "cancel"),
        ]
    }
}
