//! The replay screen: the same app and panes, read-only, showing the session as it was at a
//! cursor in its log, above a timeline of the day. Replay keys move the cursor; every other
//! key goes to the app, so panes switch and scroll as they do live. Edits are refused by
//! the app itself because it is read-only, and nothing here can write a file.
//!
//! A long log is still being read while the screen already shows its start (see
//! `replay::behind`): the timeline says how far it is read, moves stop at the last event
//! read, and what needs the whole day (its end, a time, the marks to come) says "a moment"
//! until it is there. A file refused part way is said at once and on quitting.

mod event_loop;
pub mod follow;
pub(in crate::ui) mod keys;
mod reading;
pub mod timeline;

pub use event_loop::run;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::keys::Keymap;
use super::pane::Notice;
use super::theme::Theme;
use super::widgets::field::{Field, FieldKey};
use crate::model::{BadEvent, Event, Journal};
use crate::replay::behind::Built;
use crate::replay::{Playback, Replayer};
use crate::store::LoadError;
use chrono::{FixedOffset, NaiveTime, TimeZone};
use keys::Action;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::sync::mpsc::Receiver;
use std::time::Duration;
use timeline::{Rows, Timeline};

/// Pane keys that replay's own keys take before the pane sees them.
const SHADOWED: [&str; 6] = ["Space", "+/-", "+ / -", "Home / End", "g", "←→"];

pub struct ReplayScreen {
    pub app: App,
    pub replay: Replayer,
    pub playback: Playback,
    /// The "go to time" prompt, while open.
    goto: Option<Field>,
    /// Where the timeline was last drawn, for clicks.
    rows: Option<Rows>,
    /// Shows the pane of each change as replay reaches it, until the viewer picks a pane.
    pub follow: bool,
    /// The rest of the log, until the event loop passes it on to its input channel.
    behind: Option<Receiver<Built>>,
    /// The rest of the log is still being read and built.
    reading: bool,
    /// Why the file was refused after the screen opened: replay stops before that point,
    /// and the command fails with this once the viewer quits.
    refused: Option<LoadError>,
    /// Something waited for the whole log: say when it is there.
    waited: bool,
    keymap: Keymap<Action>,
}

impl ReplayScreen {
    /// Opens a replay of `events` at the first event.
    pub fn new(events: Vec<Event>, name: String, theme: Theme) -> Result<ReplayScreen, BadEvent> {
        Ok(ReplayScreen::open(
            Replayer::new(events)?,
            None,
            name,
            theme,
        ))
    }

    /// Opens a replay at the first event while the rest of the log is still being built:
    /// `behind` brings it (see `built`).
    pub fn reading(
        replay: Replayer,
        behind: Receiver<Built>,
        name: String,
        theme: Theme,
    ) -> ReplayScreen {
        ReplayScreen::open(replay, Some(behind), name, theme)
    }

    fn open(
        replay: Replayer,
        behind: Option<Receiver<Built>>,
        name: String,
        theme: Theme,
    ) -> ReplayScreen {
        let now = replay.events().first().map_or_else(
            || {
                FixedOffset::east_opt(0)
                    .expect("UTC")
                    .timestamp_opt(0, 0)
                    .unwrap()
            },
            |e| e.at,
        );
        let mut app = App::new(Journal::default(), name, theme, now);
        app.read_only = true;
        let keymap = Keymap::<Action>::default();
        app.mode_keys = Some(("Replay", keymap.help()));
        app.shadowed = &SHADOWED;
        let mut screen = ReplayScreen {
            app,
            replay,
            playback: Playback::default(),
            goto: None,
            rows: None,
            follow: true,
            reading: behind.is_some(),
            behind,
            refused: None,
            waited: false,
            keymap,
        };
        let first = screen.replay.first();
        screen.go(first);
        screen
    }

    /// Moves the cursor and shows the session as it was there.
    fn go(&mut self, n: usize) {
        // The app draws from the replay's own state, lent to it between moves: copying a
        // large session on every step would cost more than the step.
        self.replay.take_back(&mut self.app.journal.session);
        self.replay.seek(n);
        self.replay.lend(&mut self.app.journal.session);
        if let Some(e) = self.replay.event() {
            // The status bar's clock shows the time of the event, not of today.
            self.app.now = e.at;
            if self.follow
                && let Some(pane) = follow::pane_of(&e.change)
            {
                self.app.pane = pane;
            }
        }
    }

    /// Passes an input to the app; a pane chosen there stops replay following the changes.
    fn pass_to_app(&mut self, event: &TermEvent) -> bool {
        let before = self.app.pane;
        let redraw = self.app.handle(event);
        if self.app.pane != before && self.follow {
            self.follow = false;
            self.info(format!(
                "Staying on {}: F follows the changes again",
                self.app.pane.title()
            ));
        }
        redraw
    }

    fn info(&mut self, text: impl Into<String>) {
        self.app.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    fn refuse(&mut self, text: impl Into<String>) {
        self.app.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }

    /// Handles one terminal event. Returns true if the screen should be redrawn.
    pub fn handle(&mut self, event: &TermEvent) -> bool {
        match event {
            TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
                self.key(*key);
                true
            }
            TermEvent::Paste(text) => {
                if let Some(field) = &mut self.goto {
                    field.paste(text);
                    return true;
                }
                self.pass_to_app(event)
            }
            TermEvent::Mouse(mouse) => {
                if let (MouseEventKind::Down(MouseButton::Left), Some(rows)) =
                    (mouse.kind, self.rows)
                {
                    let on_line = |r: Rect| {
                        mouse.row >= r.y
                            && mouse.row < r.bottom()
                            && mouse.column >= r.x
                            && mouse.column < r.right()
                    };
                    if on_line(rows.axis) || on_line(rows.marks) {
                        if !self.replay.is_complete() {
                            self.a_moment("Going to a time works once the whole log is read");
                            return true;
                        }
                        if let Some(n) = timeline::time_at(&self.replay, rows.axis, mouse.column)
                            .and_then(|at| self.replay.last_at_or_before(at))
                        {
                            self.moved_to(n);
                        }
                        return true;
                    }
                }
                self.pass_to_app(event)
            }
            other => self.pass_to_app(other),
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        if self.goto.is_some() {
            self.goto_key(key);
            return;
        }
        // Help and open forms take keys as they do live.
        if self.app.help || self.app.capturing() {
            self.app.key(key);
            return;
        }
        let Some((_, action)) = self.keymap.find(&key) else {
            let event = TermEvent::Key(key);
            self.pass_to_app(&event);
            return;
        };
        match action {
            Action::PlayPause => self.toggle_play(),
            Action::Jump(forward) => self.jump(forward),
            Action::NextStep(true) => {
                if self.replay.position() < self.replay.len() {
                    let n = self.replay.position() + 1;
                    self.moved_to(n);
                } else if self.replay.is_complete() {
                    self.at_the_end();
                } else {
                    self.a_moment("The next event is still being read");
                }
            }
            Action::NextStep(false) => {
                if self.replay.position() <= self.replay.first() {
                    self.info("This is the first event");
                } else {
                    let n = self.replay.position() - 1;
                    self.moved_to(n);
                }
            }
            Action::First => self.moved_to(self.replay.first()),
            Action::Last if !self.replay.is_complete() => {
                self.a_moment("End works once the whole log is read")
            }
            Action::Last => self.moved_to(self.replay.len()),
            Action::Faster => {
                if self.playback.faster() {
                    self.info(format!("Speed {}x", self.playback.speed()));
                } else {
                    self.info(format!("Speed {}x is the fastest", self.playback.speed()));
                }
            }
            Action::Slower => {
                if self.playback.slower() {
                    self.info(format!("Speed {}x", self.playback.speed()));
                } else {
                    self.info("Speed 1x is the slowest");
                }
            }
            Action::GoToTime => {
                self.playback.pause();
                self.goto = Some(Field::new("Go to time (HH:MM)"));
                self.app.notice = None;
            }
            Action::Follow => {
                self.follow = true;
                let n = self.replay.position();
                self.go(n);
                self.info("Following the changes from pane to pane");
            }
        }
    }

    /// A move by hand: a playing replay carries on from there after a full wait.
    fn moved_to(&mut self, n: usize) {
        self.app.notice = None;
        self.go(n);
        self.playback.restart_wait();
    }

    fn toggle_play(&mut self) {
        if self.playback.playing() {
            self.playback.pause();
            self.info("Paused");
            return;
        }
        if self.replay.position() >= self.replay.len() && self.replay.is_complete() {
            self.go(self.replay.first());
        }
        self.playback.play();
        self.info(format!("Playing at {}x", self.playback.speed()));
    }

    fn jump(&mut self, forward: bool) {
        let mark = if forward {
            self.replay.next_mark()
        } else {
            self.replay.prev_mark()
        };
        match mark.copied() {
            Some(m) => {
                self.moved_to(m.position);
                self.info(format!("{} {}", m.phase.letter(), m.phase.label()));
            }
            None if forward && !self.replay.is_complete() => {
                self.a_moment("Shift-→ works once the whole log is read")
            }
            None if forward => self.info("No phase mark after this point"),
            None => self.info("No phase mark before this point"),
        }
    }

    fn goto_key(&mut self, key: KeyEvent) {
        let Some(field) = &mut self.goto else { return };
        if field.key(key) == FieldKey::Used {
            return;
        }
        match key.code {
            KeyCode::Esc => {
                self.goto = None;
                self.app.notice = None;
            }
            KeyCode::Enter if !self.replay.is_complete() => {
                self.a_moment("Going to a time works once the whole log is read")
            }
            KeyCode::Enter => {
                let typed = field.text();
                match parse_time(&typed).map(|t| (t, end_of(&typed, t))) {
                    None => self.refuse(format!(
                        "{:?} is not a time: type it as HH:MM, for example 10:30",
                        crate::ui::text::fit(typed.trim(), 20)
                    )),
                    Some((time, end)) => match self.replay.seek_time(end) {
                        Some(n) => {
                            self.goto = None;
                            self.moved_to(n);
                            let at = self
                                .replay
                                .time_of(n)
                                .map(|t| t.format("%H:%M").to_string());
                            let typed = time.format("%H:%M").to_string();
                            if let Some(at) = at.filter(|at| *at != typed) {
                                self.info(format!("Nothing changed between {at} and {typed}"));
                            }
                        }
                        None => {
                            let first = self.replay.time_of(1).map_or_else(String::new, |t| {
                                format!(": the first event is at {}", t.format("%H:%M"))
                            });
                            self.refuse(format!(
                                "Nothing had happened by {}{first}",
                                time.format("%H:%M")
                            ));
                        }
                    },
                }
            }
            _ => {}
        }
    }

    /// Lets wall time pass: a playing replay advances by the events now due.
    /// Returns true if the screen should be redrawn.
    pub fn advance(&mut self, elapsed: Duration) -> bool {
        let was_playing = self.playback.playing();
        let pos = self.replay.position();
        let complete = self.replay.is_complete();
        let steps = self
            .playback
            .advance(self.replay.events(), complete, pos, elapsed);
        if steps > 0 {
            self.go(pos + steps);
        }
        if was_playing && !self.playback.playing() {
            if self.refused.is_some() {
                self.at_the_end();
            } else {
                self.info("End of the session: Space plays it again");
            }
        }
        steps > 0 || was_playing != self.playback.playing()
    }

    /// Draws the app above the timeline.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.app.theme.base);
        let tl_height = timeline::height(area.height);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT + tl_height {
            self.rows = None;
            let text = format!(
                "Make the window larger to replay: at least {MIN_WIDTH}×{} (now {}×{})",
                MIN_HEIGHT + tl_height,
                area.width,
                area.height
            );
            Paragraph::new(text)
                .style(self.app.theme.warn)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        if self.app.help {
            // Help closes on the next key; until then it may use the whole screen.
            self.rows = None;
            self.app.render(area, buf);
            return;
        }
        let top = Rect {
            height: area.height - tl_height,
            ..area
        };
        let bottom = Rect {
            y: top.bottom(),
            height: tl_height,
            ..area
        };
        self.app.render(top, buf);
        let theme = self.app.theme;
        match &mut self.goto {
            Some(field) => {
                self.rows = None;
                render_goto(field, &self.replay, bottom, buf, &theme);
            }
            None => {
                self.rows = Some(Rows::new(bottom, &self.replay));
                Timeline {
                    replay: &self.replay,
                    playback: &self.playback,
                    refused: self.refused.as_ref(),
                    theme: &theme,
                }
                .render(bottom, buf);
            }
        }
    }
}

/// The prompt in place of the timeline, with the range of the day beside it.
fn render_goto(field: &mut Field, replay: &Replayer, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, t.base);
    let box_w = 20.min(area.width.saturating_sub(2));
    let field_area = Rect {
        x: area.x + 1,
        y: area.bottom().saturating_sub(4),
        width: box_w,
        height: 4.min(area.height),
    };
    field.render(field_area, buf, t, true);
    let range = match (replay.time_of(1), replay.time_of(replay.len())) {
        (Some(a), Some(_)) if !replay.is_complete() => {
            format!("From {}; the log is still being read · ", a.format("%H:%M"))
        }
        (Some(a), Some(b)) => format!("Between {} and {} · ", a.format("%H:%M"), b.format("%H:%M")),
        _ => String::new(),
    };
    let hint = format!("{range}Enter goes there · Esc cancels");
    let hint_area = Rect {
        x: field_area.right() + 2,
        y: field_area.y + 2,
        width: area.right().saturating_sub(field_area.right() + 2),
        height: 1,
    };
    Line::styled(crate::ui::text::fit(&hint, hint_area.width as usize), t.dim)
        .render(hint_area, buf);
}

/// The last instant a typed time covers: "02:42" means up to the end of that minute, so
/// going there lands on the last change made at or before 02:42:59, not the one before
/// 02:42:00; "02:42:10" means up to the end of that second.
fn end_of(typed: &str, time: NaiveTime) -> NaiveTime {
    let last = if typed.trim().matches(':').count() == 1 {
        59_999_999_999
    } else {
        999_999_999
    };
    time + chrono::Duration::nanoseconds(last)
}

/// "9:05", "09:05" or "09:05:30" as a time of day.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let mut parts = text.split(':');
    let mut num = |max: u32| -> Option<u32> {
        let p = parts.next()?;
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok().filter(|n| *n <= max)
    };
    let h = num(23)?;
    let m = num(59)?;
    let s = match num(59) {
        Some(s) => s,
        None if text.matches(':').count() == 1 => 0,
        None => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

#[cfg(test)]
mod tests {
    use super::parse_time;
    use chrono::NaiveTime;

    #[test]
    fn times_of_day_parse_strictly() {
        let t = |h, m, s| NaiveTime::from_hms_opt(h, m, s);
        assert_eq!(parse_time("10:30"), t(10, 30, 0));
        assert_eq!(parse_time(" 9:05 "), t(9, 5, 0));
        assert_eq!(parse_time("09:05:30"), t(9, 5, 30));
        assert_eq!(parse_time("23:59"), t(23, 59, 0));
        for bad in [
            "",
            "10",
            "24:00",
            "10:60",
            "1030",
            "10:3a",
            "10:30:",
            "10:30:00:00",
            "-1:00",
            "１０:３０",
            "10:030",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }
}
