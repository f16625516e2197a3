//! The ranking as a horizontal bar chart, biggest first, for the back of the room: thick
//! bars when there is space, the count printed beside each bar, shared places shown as
//! "=2". While a round hides its results it draws the ballot with no counts at all.

use crate::model::{IssueId, ParticipantId, Ranked, Round, Session};
use crate::ui::paint;
use crate::ui::panes::places::{pad, place};
use crate::ui::text;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The rows the pane lists, in order: ranked when asked (`ranked`) and the room may see the
/// totals; otherwise in ballot order, the order people read dots off the wall, so a row
/// never moves under the cursor while dots are counted, and hidden totals give nothing away.
pub fn rows(round: &Round, ranked: bool) -> Vec<Ranked> {
    if round.results_visible() {
        let ranking = round.ranking();
        if ranked {
            return ranking;
        }
        let mut by_issue: std::collections::HashMap<IssueId, Ranked> =
            ranking.into_iter().map(|r| (r.issue, r)).collect();
        round
            .ballot
            .iter()
            .filter_map(|i| by_issue.remove(i))
            .collect()
    } else {
        round
            .ballot
            .iter()
            .map(|&issue| Ranked {
                issue,
                dots: 0,
                rank: 0,
            })
            .collect()
    }
}

pub struct Chart<'a> {
    pub session: &'a Session,
    pub round: &'a Round,
    pub rows: &'a [Ranked],
    pub selected: Option<IssueId>,
    /// In by-person mode, whose dots to show beside each issue.
    pub voter: Option<ParticipantId>,
    pub theme: &'a Theme,
    /// Present mode: thicker bars.
    pub big: bool,
    /// Rows come ranked (ties are then neighbours), not in ballot order.
    pub ranked: bool,
}

impl Chart<'_> {
    /// Rows of the screen each issue takes: thick bars with a gap when there is room.
    fn row_height(&self, area: Rect) -> u16 {
        let n = self.rows.len().max(1) as u16;
        let most = if self.big { 5 } else { 3 };
        (area.height / n).clamp(1, most)
    }

    /// How many issues fit in `area`.
    pub fn capacity(&self, area: Rect) -> usize {
        (area.height / self.row_height(area)).max(1) as usize
    }

    /// Draws the rows from `offset`, which is moved so the selected issue stays in view.
    pub fn render(&self, area: Rect, buf: &mut Buffer, offset: &mut usize) {
        if area.height == 0 || area.width < 20 {
            return;
        }
        let t = self.theme;
        let row_h = self.row_height(area);
        let thick = if row_h == 1 { 1 } else { row_h - 1 };
        let fits = self.capacity(area);
        let at = self
            .selected
            .and_then(|s| self.rows.iter().position(|r| r.issue == s));
        if let Some(at) = at {
            if at < *offset {
                *offset = at;
            } else if at >= *offset + fits {
                *offset = at + 1 - fits;
            }
        }
        *offset = (*offset).min(self.rows.len().saturating_sub(fits));
        let visible = self.round.results_visible();
        let most = self.rows.iter().map(|r| r.dots).max().unwrap_or(0).max(1);
        let cols = Columns::new(self, area.width);
        for (n, (i, row)) in self
            .rows
            .iter()
            .enumerate()
            .skip(*offset)
            .take(fits)
            .enumerate()
        {
            let y = area.y + n as u16 * row_h;
            let selected = Some(row.issue) == self.selected;
            let style = if selected { t.selected } else { t.base };
            let band = Rect {
                x: area.x,
                y,
                width: area.width,
                height: thick,
            };
            paint::style(buf, band, style);
            let title = self
                .session
                .issues
                .get(&row.issue)
                .map_or("(gone)", |i| i.title.as_str());
            let rank = if visible && self.ranked {
                place(self.rows, i)
            } else if visible {
                shared_place(self.rows, i)
            } else {
                String::new()
            };
            let mut spans = vec![
                Span::styled(if selected { "▶ " } else { "  " }, style),
                Span::styled(
                    format!("{rank:>w$} ", w = cols.rank),
                    if selected { style } else { t.title },
                ),
                Span::styled(
                    format!("#{:<w$} ", row.issue.0, w = cols.id),
                    if selected { style } else { t.dim },
                ),
                Span::styled(pad(&text::fit(title, cols.title), cols.title), style),
            ];
            if let Some(voter) = self.voter {
                let mine = self.round.given(voter, row.issue);
                spans.push(Span::styled(
                    format!(" {:<w$}", dots(mine), w = cols.mine),
                    if selected { style } else { t.accent },
                ));
            }
            paint::line(&Line::from(spans), Rect { height: 1, ..band }, buf);
            if visible {
                let x = area.x + cols.bar_x;
                let room = area.width.saturating_sub(cols.bar_x) as usize;
                let bar_room = room.saturating_sub(cols.count + 1);
                let bar = bar(row.dots, most, bar_room);
                let bar_style = if selected { style } else { t.accent };
                let count_style = if selected { style } else { t.title };
                for dy in 0..thick {
                    let line = Line::from(vec![
                        Span::styled(bar.clone(), bar_style),
                        Span::styled(
                            if dy == 0 {
                                format!(" {}", row.dots)
                            } else {
                                String::new()
                            },
                            count_style,
                        ),
                    ]);
                    let r = Rect {
                        x,
                        y: y + dy,
                        width: room as u16,
                        height: 1,
                    };
                    paint::line(&line, r, buf);
                }
            }
        }
    }
}

/// "=2" when another row anywhere shares the place: in ballot order ties are not neighbours.
fn shared_place(rows: &[Ranked], at: usize) -> String {
    let rank = rows[at].rank;
    let shared = rows
        .iter()
        .enumerate()
        .any(|(n, r)| n != at && r.rank == rank);
    if shared {
        format!("={rank}")
    } else {
        rank.to_string()
    }
}

/// Where each column starts and how wide it is.
struct Columns {
    rank: usize,
    id: usize,
    title: usize,
    mine: usize,
    count: usize,
    bar_x: u16,
}

impl Columns {
    fn new(chart: &Chart, width: u16) -> Columns {
        let w = width as usize;
        let rank = chart.rows.len().to_string().len() + 1;
        let id = chart
            .rows
            .iter()
            .map(|r| r.issue.0.to_string().len())
            .max()
            .unwrap_or(1);
        let count = chart
            .rows
            .iter()
            .map(|r| r.dots.to_string().len())
            .max()
            .unwrap_or(1);
        let mine = if chart.voter.is_some() { 5 } else { 0 };
        let fixed = 2 + rank + 1 + 1 + id + 1 + if mine > 0 { mine + 1 } else { 0 } + 1;
        let rest = w.saturating_sub(fixed);
        // The title gets a little under half of what is left, the bar the rest.
        let title = if chart.round.results_visible() {
            (rest * 9 / 20).clamp(10.min(rest), 70)
        } else {
            rest
        };
        Columns {
            rank,
            id,
            title,
            mine,
            count,
            bar_x: (fixed + title) as u16,
        }
    }
}

/// A person's dots on one issue: "●●●", or "●×12" when there are many.
fn dots(n: u32) -> String {
    match n {
        0 => "·".into(),
        1..=4 => "●".repeat(n as usize),
        n => format!("●×{n}"),
    }
}

/// A bar `dots / most` of `room` columns long, in eighths of a cell, never invisible
/// for a count above zero.
fn bar(dots: u32, most: u32, room: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (dots as u64 * room as u64 * 8 / most.max(1) as u64) as usize;
    let eighths = if dots > 0 { eighths.max(1) } else { 0 };
    format!("{}{}", "█".repeat(eighths / 8), PARTS[eighths % 8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_biggest() {
        assert_eq!(bar(4, 4, 5), "█████");
        assert_eq!(bar(2, 4, 5), "██▌");
        assert_eq!(bar(0, 4, 5), "");
        assert_eq!(bar(1, 1000, 5), "▏");
    }
}
