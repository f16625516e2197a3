//! The terminal app. `run` owns the terminal and the loop; everything it draws comes from
//! `App`, which can also be driven directly by tests on a `TestBackend`.

pub mod app;
mod help;
pub mod merge_copy;
pub mod pane;
pub mod panes;
pub mod picker;
pub mod replay;
pub mod testkit;
pub mod text;
pub mod theme;
pub mod widgets;

pub use app::{App, PaneId};
pub use theme::Theme;

use crate::store::{Opened, Saver};
use chrono::Local;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::time::Duration;

/// How often the clock (and a running timer) is redrawn when nothing else happens.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app on an opened session until the user quits. Every change is handed to the
/// saver as it happens; on return everything has been written, or the error says why not.
pub fn run(opened: Opened, theme: Theme) -> anyhow::Result<()> {
    let name = opened
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut saver = Saver::start(
        opened.path.clone(),
        opened.meta.clone(),
        opened.journal.clone(),
    );
    let mut app = App::new(opened.journal, name, theme, Local::now().fixed_offset());
    app.panes.closing.file = Some(opened.path.clone());
    let result = with_terminal(|terminal| event_loop(terminal, &mut app, &mut saver));
    let last = saver.finish();
    drop(opened.lock);
    result?;
    match last {
        crate::store::SaveState::Failed(why) => anyhow::bail!(
            "the last changes could not be saved to {}: {why}",
            opened.path.display()
        ),
        _ => Ok(()),
    }
}

/// Sets the terminal up, runs `f`, and restores the terminal whatever `f` returns.
/// (`ratatui::try_init` also installs a panic hook that restores it on a panic.)
pub fn with_terminal<T>(
    f: impl FnOnce(&mut ratatui::DefaultTerminal) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the app needs a terminal; for scripts use the subcommands (see `convene --help`)"
        );
    }
    let mut terminal =
        ratatui::try_init().map_err(|e| anyhow::anyhow!("cannot set up the terminal: {e}"))?;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let result = f(&mut terminal);
    let _ = execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
    result
}

/// Hidden, for benches/startup.sh: `CONVENE_EXIT_AFTER_FIRST_FRAME=1` quits (saving as
/// usual) as soon as the first frame is drawn, so start to first frame can be timed as a
/// whole process and peak memory read with a session open.
pub(crate) fn exit_after_first_frame() -> bool {
    std::env::var_os("CONVENE_EXIT_AFTER_FIRST_FRAME").is_some_and(|v| v == "1")
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut last_minute = String::new();
    while !app.quit {
        app.now = Local::now().fixed_offset();
        let minute = app.now.format("%H:%M:%S").to_string();
        if minute != last_minute {
            last_minute = minute;
            dirty = true;
        }
        let state = saver.state().clone();
        if state != app.save_state {
            app.save_state = state;
            dirty = true;
        }
        dirty |= app.tick();
        if std::mem::take(&mut app.bell) {
            use std::io::Write;
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07");
            let _ = out.flush();
        }
        for e in app.outbox.drain(..) {
            saver.push(e);
        }
        if dirty {
            terminal.draw(|frame| app.render(frame.area(), frame.buffer_mut()))?;
            dirty = false;
            if exit_after_first_frame() {
                break;
            }
        }
        if event::poll(TICK)? {
            // Take every queued input before drawing again, so a fast typist or a paste
            // costs one frame, not one per key.
            loop {
                let ev = event::read()?;
                dirty |= app.handle(&ev);
                for e in app.outbox.drain(..) {
                    saver.push(e);
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
    Ok(())
}
