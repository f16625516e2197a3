//! The Closing pane: what the room achieved, in figures big enough to read from the back
//! (people, organisations, issues, reports, dots, priorities with a lead), the next steps
//! by horizon with their nearest due dates, and the command that exports the proceedings.

use crate::model::{Horizon, Session, StepStatus};
use crate::ui::merge_copy::{self, MergeCopy, Step};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::text;
use crate::ui::theme::Theme;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use std::path::PathBuf;
use tui_big_text::{BigText, PixelSize};

#[derive(Default)]
pub struct ClosingPane {
    /// The session's file, for the export command shown to the facilitator.
    pub file: Option<PathBuf>,
    /// A copy being merged in (`M`).
    merging: Option<MergeCopy>,
}

/// The day in numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub participants: usize,
    pub organisations: usize,
    pub issues: usize,
    pub reports: usize,
    pub dots: u32,
    pub rounds: usize,
    /// Issues given dots in the latest round (every issue if there was no vote).
    pub priorities: usize,
    /// Of those, the ones with a lead.
    pub led: usize,
    pub horizons: Vec<HorizonSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonSummary {
    pub horizon: Horizon,
    /// Steps not dropped.
    pub steps: usize,
    /// The soonest due dates of steps still to do, soonest first.
    pub nearest: Vec<NaiveDate>,
}

impl Summary {
    pub fn of(session: &Session) -> Summary {
        let active: Vec<_> = session.active_issues().collect();
        let priorities: Vec<_> = match session.latest_round() {
            Some(round) => round
                .ranking()
                .into_iter()
                .filter(|r| r.dots > 0)
                .filter_map(|r| session.issues.get(&r.issue))
                .filter(|i| i.is_active())
                .collect(),
            None => active.clone(),
        };
        let horizons = Horizon::ALL
            .iter()
            .map(|&horizon| {
                let steps: Vec<_> = active
                    .iter()
                    .flat_map(|i| i.plan.steps.values())
                    .filter(|s| s.horizon == horizon && s.status != StepStatus::Dropped)
                    .collect();
                let mut nearest: Vec<NaiveDate> = steps
                    .iter()
                    .filter(|s| s.status != StepStatus::Done)
                    .filter_map(|s| s.due)
                    .collect();
                nearest.sort();
                nearest.dedup();
                nearest.truncate(3);
                HorizonSummary {
                    horizon,
                    steps: steps.len(),
                    nearest,
                }
            })
            .collect();
        Summary {
            participants: session.participants.len(),
            organisations: session.organisation_count(),
            issues: active.len(),
            reports: active.iter().filter(|i| !i.report.is_empty()).count(),
            dots: session.rounds.values().map(|r| r.dots_cast()).sum(),
            rounds: session.rounds.len(),
            priorities: priorities.len(),
            led: priorities.iter().filter(|i| i.plan.lead.is_some()).count(),
            horizons,
        }
    }
}

/// The command that writes the proceedings, with the path quoted for a shell.
pub fn export_command(file: Option<&PathBuf>) -> String {
    let path = file.map_or_else(
        || "<session file>".to_string(),
        |p| shell_quote(&p.to_string_lossy()),
    );
    format!("convene export {path} --format markdown -o proceedings.md")
}

fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./-+:=@%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

impl Pane for ClosingPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        let Some(flow) = &mut self.merging else {
            if key.code == KeyCode::Char('M') {
                self.merging = Some(MergeCopy::start());
                return Handled::Yes;
            }
            return Handled::No;
        };
        // A bare name is looked for beside the session's own file.
        let sessions = self
            .file
            .as_ref()
            .and_then(|f| f.parent())
            .map(PathBuf::from)
            .unwrap_or_default();
        match flow.key(key, cx.journal(), &sessions) {
            Step::Stay => {}
            Step::Cancelled => {
                self.merging = None;
                cx.info("Nothing was merged");
            }
            Step::Refused(why) => {
                self.merging = None;
                cx.error(why);
            }
            Step::Merge { file, copy } => {
                self.merging = None;
                match merge_copy::work_out(cx.journal(), &file, &copy) {
                    Ok(merge) => {
                        if cx.record_merge(&merge) {
                            cx.info(format!(
                                "Merged {} changes from {file} as one step (u undoes it)",
                                merge.summary.merged()
                            ));
                        }
                    }
                    Err(why) => cx.error(why),
                }
            }
        }
        Handled::Yes
    }

    fn paste(&mut self, text: &str, _cx: &mut Cx) -> Handled {
        match &mut self.merging {
            Some(flow) => {
                flow.paste(text);
                Handled::Yes
            }
            None => Handled::No,
        }
    }

    fn capturing(&self) -> bool {
        self.merging.is_some()
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        draw(area, buf, view, self.file.as_ref(), false);
        if let Some(flow) = &mut self.merging {
            flow.render(area, buf, view.theme);
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        draw(area, buf, view, self.file.as_ref(), true);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        vec![
            KeyHelp::more("f", "present the summary to the room"),
            KeyHelp::more("M", "merge a copy in (from another laptop)"),
        ]
    }
}

fn draw(area: Rect, buf: &mut Buffer, view: &View, file: Option<&PathBuf>, present: bool) {
    let t = view.theme;
    buf.set_style(area, t.base);
    if area.height < 8 || area.width < 30 {
        return;
    }
    let s = Summary::of(view.session);
    let theme_h = if area.height >= 30 { 3 } else { 1 };
    let steps_h = 1 + Horizon::ALL.len() as u16;
    let command = format!("Proceedings: {}", text::clean(&export_command(file)));
    // The command keeps the foot of the pane, wrapped over as many rows as it needs.
    let export_h = if present {
        0
    } else {
        (text::width(&command) as u16).div_ceil(area.width.max(1))
    };
    let spare = area
        .height
        .saturating_sub(theme_h + 1 + steps_h + 1 + export_h);
    // Two rows of three while they can be tall enough for full-size figures; one row of six
    // on a wide but short screen.
    let per_row: u16 = if spare / 2 < 10 && area.width >= 150 {
        6
    } else {
        3
    };
    let tile_rows = 6 / per_row;
    let tile_h = (spare / tile_rows).clamp(3, 13);

    let theme_area = Rect {
        height: theme_h,
        ..area
    };
    Paragraph::new(Line::styled(
        text::clean(&view.session.theme).into_owned(),
        t.title,
    ))
    .wrap(Wrap { trim: true })
    .render(theme_area, buf);

    let priorities = if s.rounds == 0 {
        "issues"
    } else {
        "priorities"
    };
    let led_note = format!("of {} {priorities}", s.priorities);
    let dots_note = match s.rounds {
        0 => "no vote yet".to_string(),
        1 => "in one round".to_string(),
        n => format!("in {n} rounds"),
    };
    let tiles: [(&str, String, String); 6] = [
        ("People", s.participants.to_string(), "took part".into()),
        (
            "Organisations",
            s.organisations.to_string(),
            "represented".into(),
        ),
        ("Issues", s.issues.to_string(), "raised".into()),
        ("Reports", s.reports.to_string(), "captured".into()),
        ("Dots", s.dots.to_string(), dots_note),
        ("With a lead", s.led.to_string(), led_note),
    ];
    let tile_w = area.width / per_row;
    let top = area.y + theme_h + 1;
    for (n, (title, figure, note)) in tiles.iter().enumerate() {
        let n = n as u16;
        let r = Rect {
            x: area.x + (n % per_row) * tile_w,
            y: top + (n / per_row) * tile_h,
            width: tile_w.saturating_sub(1),
            height: tile_h,
        }
        .intersection(area);
        tile(r, buf, t, title, figure, note);
    }

    let mut y = top + tile_rows * tile_h + 1;
    let bottom = area.y + area.height;
    if y < bottom {
        Line::styled("Next steps", t.title).render(line_at(area, y), buf);
        y += 1;
    }
    for h in &s.horizons {
        if y >= bottom {
            break;
        }
        let label = format!("  {:<12}", capitalised(h.horizon.label()));
        let count = match h.steps {
            0 => "no steps yet".to_string(),
            1 => "1 step".to_string(),
            n => format!("{n} steps"),
        };
        // As many of the nearest dates as fit, soonest first.
        let room = (area.width as usize).saturating_sub(text::width(&label) + text::width(&count));
        let mut due = String::new();
        for (n, d) in h.nearest.iter().enumerate() {
            let next = format!(
                "{}{}",
                if n == 0 { " · next due " } else { ", " },
                d.format("%a %-d %b %Y")
            );
            if text::width(&due) + text::width(&next) > room {
                break;
            }
            due.push_str(&next);
        }
        Line::from(vec![
            Span::styled(label, t.accent),
            Span::styled(count, t.base),
            Span::styled(due, t.base),
        ])
        .render(line_at(area, y), buf);
        y += 1;
    }
    if !present {
        let r = Rect {
            y: bottom.saturating_sub(export_h).max(y),
            height: export_h.min(bottom.saturating_sub(y)),
            ..area
        };
        let (label, cmd) = command.split_at("Proceedings: ".len());
        Paragraph::new(Line::from(vec![
            Span::styled(label.to_string(), t.dim),
            Span::styled(cmd.to_string(), t.accent),
        ]))
        .wrap(Wrap { trim: false })
        .render(r, buf);
    }
}

fn line_at(area: Rect, y: u16) -> Rect {
    Rect {
        y,
        height: 1,
        ..area
    }
}

fn capitalised(s: &str) -> String {
    crate::ui::pane::capitalise(s)
}

/// One figure in a box: what it counts on the top border, the number as large as the box
/// allows, a note on the bottom border.
fn tile(r: Rect, buf: &mut Buffer, t: &Theme, title: &str, figure: &str, note: &str) {
    if r.width < 6 || r.height < 3 {
        return;
    }
    let note = text::fit(&format!(" {note} "), r.width.saturating_sub(2) as usize);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {title} "), t.title))
        .title_bottom(Line::styled(note, t.base).alignment(Alignment::Center));
    let room = block.inner(r);
    block.render(r, buf);
    let glyphs = figure.chars().count() as u16;
    let size = [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| room.width >= w * glyphs && room.height >= *h);
    match size {
        Some((size, _, h)) => {
            let big = Rect {
                y: room.y + (room.height - h) / 2,
                height: h,
                ..room
            };
            BigText::builder()
                .pixel_size(size)
                .style(t.accent)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(figure.to_string())])
                .build()
                .render(big, buf);
        }
        None => {
            let mid = Rect {
                y: room.y + room.height.saturating_sub(1) / 2,
                height: 1,
                ..room
            };
            Line::styled(figure.to_string(), t.accent)
                .alignment(Alignment::Center)
                .render(mid, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_the_shell() {
        assert_eq!(shell_quote("/tmp/a-b.json"), "/tmp/a-b.json");
        assert_eq!(shell_quote("/tmp/my file.json"), "'/tmp/my file.json'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}
