//! The command line: what each subcommand takes, and where it is handled.

mod app;
mod check;
mod copy;
mod export;
mod files;
mod follow_up;
mod history;
mod import;
mod list;
mod log;
mod merge;
mod new;
mod open;
mod output;
mod progress;
mod replay;
mod roster;
mod synth;

pub use crate::ui::theme::ThemeName;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "convene",
    version,
    about = "Facilitate an Open Space workshop from the terminal: issues, agenda, dot voting, leads.",
    long_about = None
)]
pub struct Cli {
    /// Where sessions are kept (default: the platform data directory, on Linux
    /// ~/.local/share/convene).
    #[arg(long, global = true, env = "CONVENE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Colours for the screen.
    #[arg(long, global = true, value_enum, default_value_t = ThemeName::Projector)]
    pub theme: ThemeName,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
    Csv,
    Html,
    Ics,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new session on a theme (the workshop's question).
    New {
        /// The theme, e.g. "How do we get people home from hospital well?"
        // Its own id: `theme` is already the global colour option.
        #[arg(id = "workshop_theme", value_name = "THEME")]
        theme: String,
        /// A space (room, corner) where breakouts meet; repeat for each.
        #[arg(long = "space", value_name = "NAME")]
        spaces: Vec<String>,
        /// A time slot, e.g. "10:00-11:00" or "Morning"; repeat for each.
        #[arg(long = "slot", value_name = "LABEL")]
        slots: Vec<String>,
        /// Participants: one name per line, or CSV with `name,organisation`.
        #[arg(long, value_name = "FILE")]
        participants: Option<PathBuf>,
        /// Only create the file and print its path; do not open the app.
        #[arg(long)]
        no_open: bool,
    },
    /// Open a session in the app.
    Open {
        /// A session file, its name in the sessions folder, or its theme.
        file_or_name: String,
    },
    /// Open a copy of the built-in demo session (your own sessions are not touched).
    Demo {
        /// Open a follow-up meeting of the demo, three months later, with progress recorded.
        #[arg(long)]
        follow_up: bool,
    },
    /// Start the next meeting of a programme: a new session that carries the roster, every
    /// priority with a lead and every open action of an earlier one (which is not changed).
    FollowUp {
        /// The earlier session: a file, its name in the sessions folder, or its theme.
        file: String,
        /// The new meeting's theme (default: the earlier one's).
        #[arg(id = "follow_up_theme", value_name = "THEME")]
        theme: Option<String>,
        /// The meeting's date (default today), e.g. 2027-02-10: names the file, is printed
        /// in exports, and actions due before it are overdue.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Carry the spaces and slots of the agenda too.
        #[arg(long)]
        agenda: bool,
        /// Only create the file and print its path; do not open the app.
        #[arg(long)]
        no_open: bool,
    },
    /// Print the programme a session belongs to, oldest meeting first: each meeting's date
    /// and theme, and its actions promised, done, overdue and dropped.
    History {
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the sessions in the data directory.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Load, validate and rebuild a session file; print a one-line summary.
    Check { file: PathBuf },
    /// Print the session's timeline, one line per event.
    Log { file: PathBuf },
    /// Write the proceedings of a session.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write (default: standard output).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Replace personal names with roles or neutral labels.
        #[arg(long)]
        anonymous: bool,
        /// With --anonymous: fold organisations and groups with fewer people into "Other".
        #[arg(long, value_name = "N", default_value_t = 3, requires = "anonymous")]
        min_group: usize,
        /// For CSV: which table to write (issues, actions, results, or progress in a follow-up).
        #[arg(long, value_name = "TABLE")]
        table: Option<String>,
        /// For CSV: leave out the UTF-8 byte-order mark (for pipelines rather than Excel).
        #[arg(long)]
        no_bom: bool,
    },
    /// Add issues collected elsewhere to a session.
    Import {
        file: PathBuf,
        /// CSV with columns `title,convener,description`.
        #[arg(long, value_name = "CSV")]
        issues: PathBuf,
    },
    /// Copy a session for another laptop (a newsroom, a second hall), to merge back later.
    Copy {
        file: PathBuf,
        /// Where to write the copy: a new file, or a folder.
        dest: PathBuf,
        /// What to call the copy, e.g. "Newsroom 2" (default: the copy's file name).
        #[arg(long = "as", value_name = "LABEL")]
        label: Option<String>,
    },
    /// Bring back what was captured on copies of MAIN, as one step.
    Merge {
        /// The session to merge into.
        main: PathBuf,
        /// The copies to bring back (never changed).
        #[arg(required = true)]
        others: Vec<PathBuf>,
        /// Print what would come in, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Watch the session unfold again, read-only.
    Replay { file: PathBuf },
    /// Write a realistic, deterministic session of a given size (for benchmarks and tests).
    Synth {
        #[arg(long, default_value_t = 60)]
        participants: u32,
        #[arg(long, default_value_t = 40)]
        issues: u32,
        #[arg(long, default_value_t = 2000)]
        events: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

/// Runs a parsed command line. Errors are for the user's eyes: the caller prints them.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = crate::store::data_dir(cli.data_dir.as_deref())?;
    let data_dir = data_dir.as_path();
    let theme = cli.theme;
    let result = match cli.command {
        None => app::picker(data_dir, theme),
        Some(Command::New {
            theme: words,
            spaces,
            slots,
            participants,
            no_open,
        }) => {
            let request = new::Request {
                theme: words,
                spaces,
                slots,
                participants,
                no_open,
            };
            new::run(data_dir, request, theme)
        }
        Some(Command::Open { file_or_name }) => open::run(data_dir, &file_or_name, theme),
        Some(Command::Demo { follow_up }) => app::demo(theme, follow_up),
        Some(Command::FollowUp {
            file,
            theme: words,
            date,
            agenda,
            no_open,
        }) => follow_up::run(
            data_dir,
            follow_up::Request {
                file,
                theme: words,
                date,
                agenda,
                no_open,
            },
            theme,
        ),
        Some(Command::History { file, json }) => history::run(data_dir, &file, json),
        Some(Command::List { json }) => list::run(data_dir, json),
        Some(Command::Check { file }) => check::run(data_dir, &file),
        Some(Command::Log { file }) => log::run(data_dir, &file),
        Some(Command::Export {
            file,
            format,
            output,
            anonymous,
            min_group,
            table,
            no_bom,
        }) => export::run(
            data_dir,
            &file,
            format,
            output.as_deref(),
            crate::export::Options {
                anonymous,
                bom: !no_bom,
                min_group,
            },
            table.as_deref(),
        ),
        Some(Command::Import { file, issues }) => import::run(data_dir, &file, &issues),
        Some(Command::Copy { file, dest, label }) => {
            copy::run(data_dir, &file, &dest, label.as_deref())
        }
        Some(Command::Merge {
            main,
            others,
            dry_run,
        }) => merge::run(data_dir, &main, &others, dry_run),
        Some(Command::Replay { file }) => app::replay(data_dir, &file, theme),
        Some(Command::Synth {
            participants,
            issues,
            events,
            seed,
            output,
        }) => synth::synth(
            &crate::synth::SynthParams {
                participants,
                issues,
                events,
                seed,
            },
            &output,
        ),
    };
    // Stopped by a signal (everything saved on the way out): say so to the shell.
    if let (Ok(_), Some(signal)) = (&result, crate::signals::stop_requested()) {
        return Ok(ExitCode::from(128u8.saturating_add(signal as u8)));
    }
    output::settle(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clap checks the definitions only when parsing; a clash between two arguments of the
    /// same name would otherwise surface as a panic in the user's hands.
    #[test]
    fn definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn new_takes_a_theme_beside_the_colour_option() {
        let cli = Cli::try_parse_from(["convene", "--theme", "dark", "new", "Home well"]).unwrap();
        assert_eq!(cli.theme, ThemeName::Dark);
        assert!(matches!(cli.command, Some(Command::New { theme, .. }) if theme == "Home well"));
    }
}
