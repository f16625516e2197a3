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

use crate::store::{Opened, SaveState, Saver, proceedings};
use chrono::Local;
use pane::Request;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often the clock (and a running timer) is redrawn when nothing else happens.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app on an opened session until the user quits. Every change is handed to the
/// saver as it happens; on return everything has been written, or the error says why not.
/// `keep_proceedings_at` is for the demo, whose folder goes when it closes: the proceedings
/// are then written where the user says, starting from that suggestion.
pub fn run(
    opened: Opened,
    theme: Theme,
    keep_proceedings_at: Option<PathBuf>,
) -> anyhow::Result<()> {
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
    app.panes.closing.keep_at = keep_proceedings_at;
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

/// How long writing the proceedings waits for the changes before it to reach the disk.
const SETTLE: Duration = Duration::from_secs(10);

/// Does the work the panes asked for (writing the proceedings) and hands each outcome
/// back to the app. The proceedings are written from the session file as saved, once the
/// saver has caught up (`saved`), so they are exactly the bytes `convene export` gives.
pub fn perform(app: &mut App, saved: &SaveState) {
    for request in std::mem::take(&mut app.requests) {
        let outcome = match &request {
            Request::WriteProceedings { dir, anonymous } => {
                let file = app.panes.closing.file.clone();
                write_proceedings(file.as_deref(), saved, dir, *anonymous)
            }
        };
        app.finished(&request, outcome);
    }
}

fn write_proceedings(
    file: Option<&Path>,
    saved: &SaveState,
    dir: &Path,
    anonymous: bool,
) -> Result<String, String> {
    match saved {
        SaveState::Saved => {}
        SaveState::Saving => return Err("Still saving; try again in a moment".into()),
        SaveState::Failed(why) => {
            return Err(format!(
                "Not written: the proceedings come from the saved file, and it is not saved ({why})"
            ));
        }
    }
    let file = file.ok_or("This session has no file to write the proceedings from")?;
    let loaded = crate::store::load(file).map_err(|e| e.to_string())?;
    let written = proceedings::write(dir, &loaded, anonymous).map_err(|e| e.to_string())?;
    Ok(format!(
        "{} files written to {}/",
        written.files.len(),
        written.dir.display()
    ))
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
                if !app.requests.is_empty() {
                    let saved = saver.settle(SETTLE);
                    perform(app, &saved);
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
    Ok(())
}
