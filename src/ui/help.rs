//! The `?` overlay: every key of the screen, then the keys that work everywhere. It must
//! show every key at 80x24 as on a projector, so entries flow into as many columns as the
//! screen needs, and a long description wraps under itself rather than under the keys.

use super::pane::KeyHelp;
use super::text;
use super::theme::Theme;
use super::widgets::wrap::{cell, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

/// Most columns side by side; narrower ones would wrap every description.
const MAX_COLUMNS: usize = 2;

/// Blank columns between two columns of keys.
const GAP: usize = 2;

fn widest_line(lines: &[Line]) -> usize {
    lines.iter().map(Line::width).max().unwrap_or(0)
}

/// One section of keys under its title.
struct Section<'a> {
    title: String,
    keys: &'a [KeyHelp],
}

/// Draws the overlay centred in `area`: the keys of a wrapping mode (replay) first if there
/// is one, then the pane's, then the global ones. Where even two columns cannot hold them
/// (a small window), one column scrolls; `scroll` is kept within what there is to see.
/// What help lists: the pane's keys under its title, a wrapping mode's keys (replay) and
/// whether the session is read-only there (no undo or redo then).
pub struct Listed<'a> {
    pub pane_title: &'a str,
    pub keys: &'a [KeyHelp],
    /// The app's own keys, listed last under "Everywhere".
    pub global: &'a [KeyHelp],
    pub mode: Option<&'a (&'static str, Vec<KeyHelp>)>,
    pub read_only: bool,
    /// How many panes there are (the follow-up's Progress is the seventh).
    pub panes: usize,
}

pub fn render(
    Listed {
        pane_title,
        keys,
        global,
        mode,
        read_only,
        panes,
    }: Listed,
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
    scroll: &mut usize,
) {
    let mut sections: Vec<Section> = vec![];
    if let Some((title, mode_keys)) = mode {
        sections.push(Section {
            title: title.to_string(),
            keys: mode_keys,
        });
    }
    sections.push(Section {
        title: format!("{pane_title} pane"),
        keys,
    });
    // Undo and redo change the session: replay has neither.
    let global: Vec<KeyHelp> = global
        .iter()
        .copied()
        .filter(|k| !(read_only && k.edits))
        .map(|k| match k.keys {
            "1–7" if panes < 7 => KeyHelp { keys: "1–6", ..k },
            // Nothing is saved in replay, which only reads.
            "q / Ctrl-c" if read_only => KeyHelp { what: "quit", ..k },
            _ => k,
        })
        .collect();
    sections.push(Section {
        title: "Everywhere".into(),
        keys: &global,
    });

    let inner_h = area.height.saturating_sub(2) as usize;
    let inner_w = area.width.saturating_sub(2) as usize;
    // One column, three quarters of the screen wide, when it fits; else two: each as wide
    // as its text when they fit side by side unwrapped, else equal with descriptions
    // wrapped; else one scrolling column across the screen.
    let narrow = (area.width * 3 / 4).max(40).min(area.width);
    let mut layout = None;
    for n in 1..=MAX_COLUMNS {
        let whole = flow(&sections, usize::MAX / 4, inner_h, n, t);
        let natural: Vec<usize> = whole.iter().map(|c| widest_line(c)).collect();
        let gaps = GAP * whole.len().saturating_sub(1);
        if whole.len() <= n && natural.iter().sum::<usize>() + gaps <= inner_w {
            let width = if n == 1 {
                narrow.max(natural[0] as u16 + 2).min(area.width)
            } else {
                area.width
            };
            layout = Some((whole, Some(natural), width));
            break;
        }
        let width = if n == 1 { narrow } else { area.width };
        let column_w = (width.saturating_sub(2) as usize).saturating_sub(GAP * (n - 1)) / n;
        let wrapped = flow(&sections, column_w, inner_h, n, t);
        if wrapped.len() <= n {
            layout = Some((wrapped, None, width));
            break;
        }
    }
    let mut more = false;
    let (columns, natural, width) = layout.unwrap_or_else(|| {
        let mut all = flow(&sections, inner_w, usize::MAX, 1, t).concat();
        *scroll = (*scroll).min(all.len().saturating_sub(inner_h));
        all.drain(..*scroll);
        more = true;
        (vec![all], None, area.width)
    });
    if !more {
        *scroll = 0;
    }
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let h = (tallest as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - h) / 2,
        width,
        height: h,
    };
    Clear.render(r, buf);
    let hint = if more {
        " ↑↓ more · any other key closes "
    } else {
        " Press any key to close "
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent)
        .title(" Keys ")
        // On the frame, so it shows however many keys there are.
        .title_bottom(Line::styled(hint, t.dim));
    let inner = block.inner(r);
    block.style(t.base).render(r, buf);
    // Columns as wide as their text, the last taking what is left; wrapped ones equal.
    let constraints: Vec<Constraint> = match natural {
        Some(widths) => {
            let mut c: Vec<Constraint> = widths
                .iter()
                .map(|w| Constraint::Length(*w as u16))
                .collect();
            if let Some(last) = c.last_mut() {
                *last = Constraint::Fill(1);
            }
            c
        }
        None => vec![Constraint::Fill(1); columns.len()],
    };
    let cells = Layout::horizontal(constraints)
        .spacing(GAP as u16)
        .split(inner);
    for (lines, cell) in columns.into_iter().zip(cells.iter()) {
        Paragraph::new(lines).style(t.base).render(*cell, buf);
    }
}

/// The sections laid out in columns of `column_w` by `height`, as many as they take. A
/// section that fits in a column is kept whole; a longer one breaks between entries. An
/// entry's lines stay together, a title stays with its first entry, and a blank line
/// separates sections except at the top of a column.
fn flow(
    sections: &[Section],
    column_w: usize,
    height: usize,
    columns: usize,
    t: &Theme,
) -> Vec<Vec<Line<'static>>> {
    // With one column every section lines up on the same key width; side by side each
    // lines up its own.
    let widest = |keys: &[KeyHelp]| keys.iter().map(|k| text::width(k.keys)).max();
    let shared = sections.iter().filter_map(|s| widest(s.keys)).max();
    let mut out: Vec<Vec<Line<'static>>> = vec![vec![]];
    for section in sections {
        let key_w = if columns == 1 {
            shared
        } else {
            widest(section.keys)
        }
        .unwrap_or(0);
        let what_w = column_w.saturating_sub(key_w + 4).max(8);
        let mut blocks: Vec<Vec<Line<'static>>> = section
            .keys
            .iter()
            .map(|k| {
                wrap(k.what, what_w)
                    .into_iter()
                    .enumerate()
                    .map(|(n, part)| {
                        let keys = if n == 0 { k.keys } else { "" };
                        Line::from(vec![
                            Span::styled(format!("  {}  ", cell(keys, key_w)), t.accent),
                            Span::styled(part, t.base),
                        ])
                    })
                    .collect()
            })
            .collect();
        let title = Line::styled(section.title.clone(), t.title);
        match blocks.first_mut() {
            Some(first) => first.insert(0, title),
            None => blocks.push(vec![title]),
        }
        let total: usize = blocks.iter().map(Vec::len).sum();
        let column = out.last_mut().expect("one column");
        let gap = usize::from(!column.is_empty());
        if !column.is_empty() && column.len() + gap + total > height && total <= height {
            out.push(vec![]);
        }
        for (i, block) in blocks.into_iter().enumerate() {
            let column = out.last_mut().expect("one column");
            let gap = i == 0 && !column.is_empty();
            if !column.is_empty() && column.len() + usize::from(gap) + block.len() > height {
                out.push(block);
                continue;
            }
            if gap {
                column.push(Line::raw(""));
            }
            column.extend(block);
        }
    }
    out
}
