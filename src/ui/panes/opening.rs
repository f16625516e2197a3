//! The Opening pane: the theme in big letters, the principles and the law of two feet, who
//! is in the room and the time. `e` changes the theme; `p` opens the participants roster.

pub(super) mod keys;

use super::roster::{Roster, RosterOutcome};
use crate::model::commands;
use crate::ui::keys::{Keymap, Press};
use crate::ui::pane::{Cx, Handled, KeyHelp, Pane, View};
use crate::ui::text;
use crate::ui::widgets::wrap::wrap;
use crate::ui::widgets::{BigTitle, Field, FieldKey};
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};

pub const PRINCIPLES: [&str; 5] = [
    "Whoever comes are the right people",
    "Whatever happens is the only thing that could have",
    "Whenever it starts is the right time",
    "Wherever it happens is the right place",
    "When it's over, it's over",
];

pub const LAW_OF_TWO_FEET: &str =
    "The law of two feet: if you are neither learning nor contributing, go somewhere you can.";

enum Mode {
    Welcome,
    EditTheme(Box<Field>),
    Roster,
}

pub struct OpeningPane {
    mode: Mode,
    roster: Roster,
    keymap: Keymap<Action>,
}

impl Default for OpeningPane {
    fn default() -> Self {
        OpeningPane {
            mode: Mode::Welcome,
            roster: Roster::default(),
            keymap: Keymap::default(),
        }
    }
}

impl OpeningPane {
    fn theme_key(&mut self, key: KeyEvent, cx: &mut Cx) {
        let Mode::EditTheme(field) = &mut self.mode else {
            return;
        };
        if field.key(key) == FieldKey::Used {
            return;
        }
        match key.code {
            KeyCode::Esc => self.mode = Mode::Welcome,
            KeyCode::Enter => match commands::set_theme(cx.session(), &field.text()) {
                None => self.mode = Mode::Welcome,
                Some(change) => {
                    if cx.record(change) {
                        cx.info("Theme changed. u undoes");
                        self.mode = Mode::Welcome;
                    }
                }
            },
            _ => {}
        }
    }

    fn people_line(view: &View) -> String {
        let s = view.session;
        let people = s.participants.len();
        let orgs = s.organisation_count();
        if people == 0 {
            // Replay cannot add anyone, so it does not invite it.
            return if view.read_only {
                "No participants yet".into()
            } else {
                "No participants yet: press p to add them".into()
            };
        }
        let mut line = format!(
            "{people} participant{} from {orgs} organisation{}",
            if people == 1 { "" } else { "s" },
            if orgs == 1 { "" } else { "s" }
        );
        // A follow-up's roster is carried whole; who sent apologies is said.
        let away = s.participants.values().filter(|p| p.absent).count();
        if away > 0 {
            line.push_str(&format!(", {away} away today"));
        }
        line
    }
}

/// The principles and the law, as lines.
fn principle_lines<'a>(view: &View, width: usize) -> Vec<Line<'a>> {
    let t = view.theme;
    let mut lines: Vec<Line> = PRINCIPLES
        .iter()
        .flat_map(|p| {
            wrap(p, width.saturating_sub(2))
                .into_iter()
                .enumerate()
                .map(|(n, l)| {
                    let mark = if n == 0 { "• " } else { "  " };
                    Line::styled(format!("{mark}{l}"), t.base)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrap(LAW_OF_TWO_FEET, width)
            .into_iter()
            .map(|l| Line::styled(l, t.accent)),
    );
    lines
}

/// The clock in big digits when there is room, else plain.
fn render_clock(area: Rect, buf: &mut Buffer, view: &View) {
    let time = view.now.format("%H:%M").to_string();
    if area.height >= 4 && area.width >= 20 {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(view.theme.title)
            .alignment(Alignment::Center)
            .lines(vec![Line::from(time)])
            .build()
            .render(Rect { height: 4, ..area }, buf);
    } else {
        Paragraph::new(Line::styled(time, view.theme.title))
            .alignment(Alignment::Center)
            .render(area, buf);
    }
}

impl Pane for OpeningPane {
    fn key(&mut self, key: KeyEvent, cx: &mut Cx) -> Handled {
        match &self.mode {
            Mode::EditTheme(_) => {
                self.theme_key(key, cx);
                Handled::Yes
            }
            Mode::Roster => match self.roster.key(key, cx) {
                RosterOutcome::Used => Handled::Yes,
                RosterOutcome::Unused => Handled::No,
                RosterOutcome::Close => {
                    self.mode = Mode::Welcome;
                    Handled::Yes
                }
            },
            Mode::Welcome => match self.keymap.press(&key, cx) {
                Press::Act(Action::EditTheme) => {
                    let field = Field::new("Theme").with_text(&cx.session().theme);
                    self.mode = Mode::EditTheme(Box::new(field));
                    Handled::Yes
                }
                Press::Act(Action::Participants) => {
                    self.mode = Mode::Roster;
                    Handled::Yes
                }
                Press::Refused => Handled::Yes,
                Press::Unbound => Handled::No,
            },
        }
    }

    fn paste(&mut self, pasted: &str, _cx: &mut Cx) -> Handled {
        match &mut self.mode {
            Mode::EditTheme(field) => field.paste(pasted),
            Mode::Roster => self.roster.paste(pasted),
            Mode::Welcome => return Handled::No,
        }
        Handled::Yes
    }

    fn mouse(&mut self, event: MouseEvent, _area: Rect, cx: &mut Cx) -> Handled {
        if matches!(self.mode, Mode::Roster) && self.roster.mouse(event, cx.session()) {
            return Handled::Yes;
        }
        Handled::No
    }

    fn capturing(&self) -> bool {
        match &self.mode {
            Mode::EditTheme(_) => true,
            Mode::Roster => self.roster.capturing(),
            Mode::Welcome => false,
        }
    }

    fn unsaved(&self) -> bool {
        match &self.mode {
            Mode::EditTheme(field) => field.edited(),
            Mode::Roster => self.roster.unsaved(),
            Mode::Welcome => false,
        }
    }

    fn discard(&mut self) {
        match self.mode {
            Mode::EditTheme(_) => self.mode = Mode::Welcome,
            Mode::Roster => self.roster.discard(),
            Mode::Welcome => {}
        }
    }

    fn render(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        buf.set_style(area, t.base);
        if let Mode::Roster = self.mode {
            self.roster.render(area, buf, view);
            return;
        }
        let tall = area.height >= 36;
        let inner = Rect {
            x: area.x + 2,
            width: area.width.saturating_sub(4),
            ..area
        };
        let wide = inner.width >= 120;
        let below_w = if wide { inner.width / 2 } else { inner.width } as usize;
        let principles = principle_lines(view, below_w.saturating_sub(2));
        let below_h = principles.len() as u16 + if wide { 0 } else { 2 };
        let [theme_area, _gap, below] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(if tall { 2 } else { 1 }),
            Constraint::Length(below_h.min(area.height.saturating_sub(5))),
        ])
        .areas(inner);
        if let Mode::EditTheme(field) = &mut self.mode {
            let h = 5.min(theme_area.height);
            let r = Rect {
                y: theme_area.y + (theme_area.height - h) / 2,
                height: h,
                ..theme_area
            };
            field.render(r, buf, t, true);
            if r.height == 5 {
                Line::styled("Enter save · Esc cancel", t.dim).render(
                    Rect {
                        y: r.y + 4,
                        height: 1,
                        ..r
                    },
                    buf,
                );
            }
        } else {
            BigTitle::new(&view.session.theme, t.title).render(theme_area, buf);
        }
        let people = Self::people_line(view);
        if wide {
            let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
                .spacing(4)
                .areas(below);
            Paragraph::new(principles).render(left, buf);
            let [who, clock] =
                Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(right);
            Paragraph::new(Line::styled(people, t.accent))
                .alignment(Alignment::Center)
                .render(who, buf);
            render_clock(clock, buf, view);
        } else {
            let rows = below.height.saturating_sub(2);
            Paragraph::new(principles).render(
                Rect {
                    height: rows,
                    ..below
                },
                buf,
            );
            let foot = Rect {
                y: below.y + below.height.saturating_sub(1),
                height: 1,
                ..below
            };
            let clock = view.now.format("%H:%M").to_string();
            let left = text::fit(&people, (foot.width as usize).saturating_sub(8));
            Line::from(vec![Span::styled(left, t.accent)]).render(foot, buf);
            Paragraph::new(Line::styled(clock, t.title))
                .alignment(Alignment::Right)
                .render(foot, buf);
        }
    }

    fn render_present(&mut self, area: Rect, buf: &mut Buffer, view: &View) {
        let t = view.theme;
        buf.set_style(area, t.base);
        let inner = Rect {
            x: area.x + 3,
            y: area.y + 1,
            width: area.width.saturating_sub(6),
            height: area.height.saturating_sub(2),
        };
        let principles = principle_lines(view, (inner.width as usize).min(90));
        let below_h = (principles.len() as u16).min(inner.height / 2);
        let [theme_area, _, below] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(below_h),
        ])
        .areas(inner);
        BigTitle::new(&view.session.theme, t.title).render(theme_area, buf);
        let w = (inner.width).min(90);
        let r = Rect {
            x: below.x + (below.width - w) / 2,
            width: w,
            ..below
        };
        Paragraph::new(principles).render(r, buf);
    }

    fn keys(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::EditTheme(_) => vec![
                KeyHelp::main("Enter", "save the theme"),
                KeyHelp::main("Esc", "cancel"),
            ],
            Mode::Roster => self.roster.keys(),
            Mode::Welcome => self.keymap.help(),
        }
    }
}
