//! "Merge a copy in", as the picker and the Closing pane offer it: type where the copy is,
//! see what would come in (the same summary as `convene merge --dry-run`), confirm. The
//! copy is read on a worker (`Next::Read`), never inside a key; recording and saving are
//! for the caller, through the store or `Cx`.

use super::text;
use super::theme::Theme;
use super::widgets::{Field, FieldKey, popup};
use crate::merge::Merge;
use crate::model::Journal;
use crate::service::merge::{DryRun, ReadCopy, work_out};
use crate::store;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::path::{Path, PathBuf};

pub enum MergeCopy {
    /// Where is the copy?
    Path(Box<Field>),
    /// The copy is being read, and what it brings worked out, against the session as it
    /// was then (`Against`).
    Reading { file: String, against: Against },
    /// What would come in; `y` merges.
    Confirm {
        copy: Box<ReadCopy>,
        merge: Box<Merge>,
        against: Against,
        lines: Vec<String>,
        adds: bool,
    },
}

/// Which state of the session a merge was worked out against: a merge recorded into any
/// other is worked out again first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Against {
    last_seq: u64,
    events: usize,
}

impl Against {
    fn of(main: &Journal) -> Against {
        Against {
            last_seq: main.session.last_seq,
            events: main.events.len(),
        }
    }
}

/// What a key leaves for the flow's holder to do next.
pub enum Next {
    Stay,
    Cancelled,
    /// Read the copy at this path (on a worker) and hand the result to `read`.
    Read(PathBuf),
    /// Record this merge now: it was worked out against the journal as it is now.
    Merge {
        file: String,
        merge: Box<Merge>,
    },
    /// Why the copy cannot be merged.
    Refused(String),
}

impl MergeCopy {
    pub fn start() -> MergeCopy {
        MergeCopy::Path(Box::new(Field::new(
            "Copy to merge in: a file, or a name in the sessions folder",
        )))
    }

    pub fn paste(&mut self, text: &str) {
        if let MergeCopy::Path(field) = self {
            field.paste(text);
        }
    }

    /// `sessions` is where a bare name is looked for.
    pub fn key(&mut self, key: KeyEvent, main: &Journal, sessions: &Path) -> Next {
        match self {
            MergeCopy::Path(field) => {
                if field.key(key) == FieldKey::Used {
                    return Next::Stay;
                }
                match key.code {
                    KeyCode::Esc => Next::Cancelled,
                    KeyCode::Enter => {
                        let typed = field.text();
                        let typed = typed.trim();
                        if typed.is_empty() {
                            return Next::Refused("Type where the copy is".to_string());
                        }
                        let path = find(sessions, typed);
                        *self = MergeCopy::Reading {
                            file: crate::service::read::name_of(&path),
                            against: Against::of(main),
                        };
                        Next::Read(path)
                    }
                    _ => Next::Stay,
                }
            }
            MergeCopy::Reading { .. } => match key.code {
                KeyCode::Esc => Next::Cancelled,
                _ => Next::Stay,
            },
            MergeCopy::Confirm {
                copy,
                merge,
                against,
                adds,
                ..
            } => match key.code {
                KeyCode::Char('y' | 'Y') if *adds => {
                    if *against == Against::of(main) {
                        return Next::Merge {
                            file: copy.file.clone(),
                            merge: merge.clone(),
                        };
                    }
                    match work_out(main, std::slice::from_ref(copy)) {
                        Ok(merge) => Next::Merge {
                            file: copy.file.clone(),
                            merge: Box::new(merge),
                        },
                        Err(why) => Next::Refused(why.to_string()),
                    }
                }
                _ => Next::Cancelled,
            },
        }
    }

    /// Takes in what the copy being read would bring in. A copy no longer waited for
    /// (the flow was cancelled) is dropped.
    pub fn read(&mut self, dry: DryRun) {
        let MergeCopy::Reading { file, against } = self else {
            return;
        };
        if *file != dry.copy.file {
            return;
        }
        let against = *against;
        *self = MergeCopy::Confirm {
            lines: dry.merge.summary.lines(),
            adds: dry.merge.summary.adds_anything(),
            copy: Box::new(dry.copy),
            merge: Box::new(dry.merge),
            against,
        };
    }

    pub fn render(&mut self, area: Rect, buf: &mut Buffer, t: &Theme) {
        match self {
            MergeCopy::Path(field) => {
                let r = popup::centred(area, (area.width * 4 / 5).max(60), 7);
                let inside = popup::frame(r, buf, t, "Merge a copy in");
                field.render(
                    Rect {
                        height: 4,
                        ..inside
                    },
                    buf,
                    t,
                    true,
                );
                Line::styled("Enter see what would come in · Esc cancel", t.dim).render(
                    Rect {
                        y: inside.y + inside.height.saturating_sub(1),
                        height: 1,
                        ..inside
                    },
                    buf,
                );
            }
            MergeCopy::Reading { file, .. } => {
                let r = popup::centred(area, (area.width * 4 / 5).max(60), 5);
                let inside = popup::frame(r, buf, t, "Merge a copy in");
                let w = inside.width as usize;
                let shown = vec![
                    Line::styled(
                        text::fit(&format!("Reading {}…", text::clean(file)), w),
                        t.base,
                    ),
                    Line::raw(""),
                    Line::styled(text::fit("Esc stops waiting for it", w), t.dim),
                ];
                Paragraph::new(shown).render(inside, buf);
            }
            MergeCopy::Confirm { lines, adds, .. } => {
                let height = (lines.len() as u16 + 5).min(area.height);
                let r = popup::centred(area, (area.width * 9 / 10).clamp(60, 110), height);
                let inside = popup::frame(r, buf, t, "Merge a copy in?");
                let w = inside.width as usize;
                let mut shown: Vec<Line> = lines
                    .iter()
                    .map(|l| Line::styled(text::clean(l).into_owned(), t.base))
                    .collect();
                shown.push(Line::raw(""));
                let hint = if *adds {
                    "y merge as one step (u undoes it) · any other key cancels"
                } else {
                    "Nothing to merge · any key closes"
                };
                shown.push(Line::styled(text::fit(hint, w), t.accent));
                Paragraph::new(shown)
                    .wrap(Wrap { trim: false })
                    .render(inside, buf);
            }
        }
    }
}

/// A path as typed, or a session found by `store::resolve` in the data directory that
/// holds `sessions`; what cannot be found is read as typed, to say why.
fn find(sessions: &Path, typed: &str) -> PathBuf {
    let data_dir = sessions.parent().unwrap_or(Path::new(""));
    store::resolve(data_dir, typed).unwrap_or_else(|| PathBuf::from(typed))
}
