//! `convene export`: the proceedings of a session file, to standard output or to a file.
//! It only reads the session (no lock), so a session open in the app can be exported too.

use super::ExportFormat;
use crate::export::{Format, Options, Table, export, review};
use crate::store;
use anyhow::{Context, bail};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    data_dir: &Path,
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    options: Options,
    table: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let format = match (format, table) {
        (ExportFormat::Csv, table) => Format::Csv(table.map_or(Ok(Table::default()), str::parse)?),
        (_, Some(_)) => bail!("--table applies only to --format csv"),
        (ExportFormat::Json, None) => Format::Json,
        (ExportFormat::Markdown, None) => Format::Markdown,
        (ExportFormat::Html, None) => Format::Html,
        (ExportFormat::Ics, None) => Format::Ics,
    };
    if !options.bom && !matches!(format, Format::Csv(_)) {
        bail!("--no-bom applies only to --format csv");
    }
    let file = &super::files::session_file(data_dir, file)?;
    let loaded = store::load(file)?;
    let text = export(&loaded, format, options);
    match output {
        Some(out) => {
            if same_file(file, out) {
                bail!(
                    "{}: that is the session file itself; choose another name for the export",
                    out.display()
                );
            }
            store::write_atomic(out, text.as_bytes())
                .with_context(|| format!("{}: cannot write the export", out.display()))?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // The reader went away (`| head`): what they wanted has been written.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("cannot write to standard output")?,
            }
        }
    }
    if options.anonymous {
        tell_review(&review(&loaded, options));
    }
    Ok(ExitCode::SUCCESS)
}

/// Most passages listed; the rest are counted.
const REVIEW_LINES: usize = 40;

/// Anonymisation matches names it knows; this tells the person what to read before
/// publishing, on stderr so the export itself stays clean.
fn tell_review(passages: &[crate::export::Passage]) {
    let mut err = std::io::stderr().lock();
    if passages.is_empty() {
        let _ = writeln!(
            err,
            "anonymised: no passage looks like it names someone; read the export before publishing all the same."
        );
        return;
    }
    let _ = writeln!(
        err,
        "anonymised: {} may still name someone (a capitalised word that is not a known word). Check before publishing:",
        match passages.len() {
            1 => "1 passage".to_string(),
            n => format!("{n} passages"),
        }
    );
    for p in passages.iter().take(REVIEW_LINES) {
        let _ = writeln!(err, "  {}", crate::export::clean_line(&p.to_string()));
    }
    if passages.len() > REVIEW_LINES {
        let _ = writeln!(err, "  … and {} more", passages.len() - REVIEW_LINES);
    }
}

/// Whether writing `out` would replace the session being exported.
fn same_file(session: &Path, out: &Path) -> bool {
    match (session.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
