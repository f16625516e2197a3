//! "Merge a copy in", as the picker and the Closing pane offer it: type where the copy is,
//! read what would come in (the same summary as `convene merge --dry-run`), confirm. The
//! copy is only read; recording and saving are for the caller, through the store or `Cx`.

use super::text;
use super::theme::Theme;
use super::widgets::{Field, FieldKey, popup};
use crate::merge::{self, Copy, Merge};
use crate::model::Journal;
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
    /// What would come in; `y` merges.
    Confirm {
        file: String,
        copy: Box<Journal>,
        lines: Vec<String>,
        adds: bool,
    },
}

/// What a key did to the flow.
pub enum Step {
    Stay,
    Cancelled,
    /// Merge this copy now (worked out again against the journal as it is then).
    Merge {
        file: String,
        copy: Box<Journal>,
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
    pub fn key(&mut self, key: KeyEvent, main: &Journal, sessions: &Path) -> Step {
        match self {
            MergeCopy::Path(field) => {
                if field.key(key) == FieldKey::Used {
                    return Step::Stay;
                }
                match key.code {
                    KeyCode::Esc => Step::Cancelled,
                    KeyCode::Enter => {
                        let typed = field.text();
                        match dry_run(main, &find(sessions, typed.trim())) {
                            Ok(next) => {
                                *self = next;
                                Step::Stay
                            }
                            Err(why) => Step::Refused(why),
                        }
                    }
                    _ => Step::Stay,
                }
            }
            MergeCopy::Confirm {
                file, copy, adds, ..
            } => match key.code {
                KeyCode::Char('y' | 'Y') if *adds => Step::Merge {
                    file: file.clone(),
                    copy: copy.clone(),
                },
                _ => Step::Cancelled,
            },
        }
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

/// A path as typed, or a session name in the sessions folder.
fn find(sessions: &Path, typed: &str) -> PathBuf {
    let direct = PathBuf::from(typed);
    if direct.is_file() || typed.contains('/') {
        return direct;
    }
    [typed.to_string(), format!("{typed}.json")]
        .into_iter()
        .map(|name| sessions.join(name))
        .find(|p| p.is_file())
        .unwrap_or(direct)
}

/// Reads the copy and works out what it would bring in.
fn dry_run(main: &Journal, path: &Path) -> Result<MergeCopy, String> {
    if path.as_os_str().is_empty() {
        return Err("Type where the copy is".to_string());
    }
    let loaded = store::load(path).map_err(|e| e.to_string())?;
    let file = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let merge = work_out(main, &file, &loaded.journal)?;
    Ok(MergeCopy::Confirm {
        file,
        lines: merge.summary.lines(),
        adds: merge.summary.adds_anything(),
        copy: Box::new(loaded.journal),
    })
}

/// The merge of one copy into `main`, as `convene merge` works it out.
pub fn work_out(main: &Journal, file: &str, copy: &Journal) -> Result<Merge, String> {
    merge::merge(
        main,
        &[Copy {
            journal: copy,
            file: file.to_string(),
        }],
    )
    .map_err(|e| e.to_string())
}
