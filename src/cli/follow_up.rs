//! `convene follow-up`: a new session for the next meeting of a programme, carrying the
//! open plan of an earlier one. The earlier file is only read, never written.

use super::{ThemeName, app, files};
use crate::model::dates::parse_due;
use crate::service::follow_up::{self, Meeting};
use crate::store;
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Debug, Default)]
pub struct Request {
    pub file: String,
    pub theme: Option<String>,
    pub date: Option<String>,
    pub agenda: bool,
    pub no_open: bool,
}

pub fn run(data_dir: &Path, request: Request, theme: ThemeName) -> anyhow::Result<ExitCode> {
    let now = files::now();
    let path = files::session_file(data_dir, Path::new(&request.file))?;
    let earlier = follow_up::read_earlier(&path, &mut super::merge::progress_on_stderr())?;
    let date = match &request.date {
        Some(text) => meeting_date(text, now.date_naive())?,
        None => now.date_naive(),
    };
    let meeting = Meeting {
        now,
        date,
        theme: request.theme.as_deref(),
        agenda: request.agenda,
    };
    let journal = follow_up::journal(&earlier, &path, &meeting)
        .map_err(|why| anyhow::anyhow!("cannot follow up {}: {why}", path.display()))?;
    files::usable_dir(&store::sessions_dir(data_dir))?;
    let opened = store::create(data_dir, journal, now)?;
    writeln!(std::io::stdout(), "{}", opened.path.display())?;
    if request.no_open {
        return Ok(ExitCode::SUCCESS);
    }
    app::open_app(opened, theme)
}

/// `--date`: a calendar date in any form the due-date field takes (2027-02-10, +3m, next
/// tuesday …).
fn meeting_date(text: &str, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    parse_due(text, today).map_err(|why| anyhow::anyhow!("--date: {why}"))
}
