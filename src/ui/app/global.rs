//! The keys every pane shares (switch pane, undo, redo, help, present mode, quit) and the
//! mouse on the tabs: what happens to a key before and after the pane has had it.

use super::{App, Ask, PaneId};
use crate::model::Change;
use crate::model::describe::describe_step;
use crate::store::SaveState;
use crate::ui::keys::{Global, QUIT_ANYWHERE};
use crate::ui::pane::{Handled, Notice};
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

impl App {
    pub fn key(&mut self, key: KeyEvent) {
        let (pane, present) = (self.pane, self.present);
        self.key_inner(key);
        if self.present && (!present || self.pane != pane) {
            self.panes.get(self.pane).present_opened();
        }
    }

    fn key_inner(&mut self, key: KeyEvent) {
        if self.help {
            // Help that does not fit scrolls; any other key closes it.
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    self.help_scroll = self.help_scroll.saturating_sub(1)
                }
                KeyCode::Down | KeyCode::Char('j') => self.help_scroll += 1,
                KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
                KeyCode::PageDown => self.help_scroll += 10,
                _ => self.help = false,
            }
            return;
        }
        if let Some(ask) = self.asking {
            self.answer(ask, key);
            return;
        }
        if QUIT_ANYWHERE.matches(&key) {
            self.request_quit();
            return;
        }
        let global = self.global_keys.find(&key).map(|(_, action)| action);
        let pane = self.pane;
        let present = self.present;
        let (mut cx, panes) = self.cx();
        let target = panes.get(pane);
        let capturing = target.capturing();
        if key.code == KeyCode::Esc && capturing && target.unsaved() {
            self.asking = Some(Ask::Discard);
            return;
        }
        if present && !capturing && target.present_key(key, &mut cx) == Handled::Yes {
            return;
        }
        if target.key(key, &mut cx) == Handled::Yes || capturing {
            if global != Some(Global::Quit) {
                self.quit_armed = false;
            }
            return;
        }
        // Undo and redo are not refused here like a pane's keys: they say why themselves
        // (the file is being checked, nothing to undo, replay is read-only).
        match global {
            Some(Global::Quit) => self.request_quit(),
            Some(Global::GoTo(n)) => {
                let shown = PaneId::shown(&self.journal.session);
                if let Some(id) = shown.get(n) {
                    self.pane = *id;
                }
            }
            Some(Global::Next) => self.cycle(1),
            Some(Global::Previous) => self.cycle(PaneId::shown(&self.journal.session).len() - 1),
            Some(Global::Help) => {
                self.help = true;
                self.help_scroll = 0;
            }
            Some(Global::Present) => self.present = !self.present,
            Some(Global::Undo) => self.undo_redo(Change::Undo),
            Some(Global::Redo) => self.undo_redo(Change::Redo),
            // Esc is the way back out of the room's view rather than a command of its own.
            None if key.code == KeyCode::Esc && self.present => self.present = false,
            None => {}
        }
    }

    fn cycle(&mut self, by: usize) {
        let shown = PaneId::shown(&self.journal.session);
        self.pane = shown[(self.pane.index() + by) % shown.len()];
    }

    fn undo_redo(&mut self, change: Change) {
        if self.checking {
            self.notice = Some(Notice {
                text: crate::ui::pane::CHECKING.into(),
                error: true,
            });
            return;
        }
        let undo = change == Change::Undo;
        let target = if undo {
            self.journal.session.undo_target()
        } else {
            self.journal.session.redo_target()
        };
        let Some(target) = target.map(<[Change]>::to_vec) else {
            self.notice = Some(Notice {
                text: if undo {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                }
                .into(),
                error: true,
            });
            return;
        };
        // Describe the change as it reads in the session where it happens.
        let what = describe_step(&self.journal.session, &target);
        let (mut cx, _) = self.cx();
        if cx.record(change) {
            let verb = if undo { "Undone" } else { "Redone" };
            cx.info(format!("{verb}: {what}"));
        }
    }

    pub(super) fn request_quit(&mut self) {
        if self.unsaved() {
            self.asking = Some(Ask::Quit);
            return;
        }
        if matches!(self.save_state, SaveState::Failed(_)) && !self.quit_armed {
            self.quit_armed = true;
            self.notice = Some(Notice {
                text: "Not saved! Fix the cause shown below, or press q again to quit and lose the unsaved changes".into(),
                error: true,
            });
            return;
        }
        self.quit = true;
    }

    pub(super) fn mouse(&mut self, mouse: MouseEvent) -> bool {
        let inside = |r: Rect| {
            mouse.column >= r.x
                && mouse.column < r.x + r.width
                && mouse.row >= r.y
                && mouse.row < r.y + r.height
        };
        if let MouseEventKind::Down(_) = mouse.kind
            && inside(self.tabs)
        {
            // Tabs are drawn as equal-width cells, so the column says which was clicked.
            let shown = PaneId::shown(&self.journal.session);
            let cell = (self.tabs.width / shown.len() as u16).max(1);
            let n = ((mouse.column - self.tabs.x) / cell) as usize;
            if let Some(id) = shown.get(n) {
                self.pane = *id;
            }
            return true;
        }
        if inside(self.body) {
            let (pane, body) = (self.pane, self.body);
            let (mut cx, panes) = self.cx();
            return panes.get(pane).mouse(mouse, body, &mut cx) == Handled::Yes;
        }
        false
    }
}
