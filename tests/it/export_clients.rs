//! The proceedings opened the way people open them: the HTML through the Nu HTML checker
//! and printed by headless Chromium on A4 and Letter (text read back with poppler's
//! pdftotext), the CSV through Python's csv module as Excel-minded UTF-8, the calendar
//! through Python's icalendar. A test whose program is missing says so and passes, so a
//! plain `cargo test` works on a fresh machine; with `CI` set it fails, and `.ci/run`
//! installs them all.

use crate::support::proceedings::*;
use convene::export::{Format, Options, Table, export};
use convene::store::{Loaded, StateView};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Whether `program` runs; if not, says why the test is skipped, or fails under CI.
fn available(program: &str, args: &[&str], package: &str) -> bool {
    let ok = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        let what = [program]
            .iter()
            .chain(args)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            std::env::var_os("CI").is_none(),
            "`{what}` fails under CI: .ci/run installs {package}"
        );
        println!("skipped: `{what}` does not run here (.ci/run installs {package})");
    }
    ok
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .or_else(|| {
            available("chromium", &["--version"], "the chromium package");
            None
        })
}

/// The Nu checker's jar: `$VNU_JAR`, or where `npm install -g vnu-jar` puts it.
fn vnu_jar() -> Option<PathBuf> {
    if let Some(jar) = std::env::var_os("VNU_JAR") {
        return Some(PathBuf::from(jar));
    }
    let root = Command::new("npm").args(["root", "-g"]).output().ok()?;
    let jar =
        Path::new(String::from_utf8_lossy(&root.stdout).trim()).join("vnu-jar/build/dist/vnu.jar");
    jar.is_file().then_some(jar)
}

fn html_exports() -> Vec<(&'static str, String)> {
    vec![
        ("demo", export(&demo(), Format::Html, Options::default())),
        (
            "demo-anonymous",
            export(&demo(), Format::Html, Options::anonymous()),
        ),
        (
            "forty-spaces",
            export(&forty_spaces(), Format::Html, Options::default()),
        ),
        (
            "hostile",
            export(&hostile(), Format::Html, Options::default()),
        ),
        (
            "hostile-anonymous",
            export(&hostile(), Format::Html, Options::anonymous()),
        ),
    ]
}

#[test]
fn every_html_export_passes_the_nu_checker() {
    if !available("java", &["-version"], "default-jre-headless") {
        return;
    }
    let Some(jar) = vnu_jar() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "vnu.jar is missing under CI: .ci/run runs `npm install -g vnu-jar`"
        );
        println!("skipped: the Nu checker is not installed (npm install -g vnu-jar)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = vec![];
    for (name, html) in html_exports() {
        let path = dir.path().join(format!("{name}.html"));
        std::fs::write(&path, html).expect("write html");
        files.push(path);
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--Werror")
        .args(&files)
        .output()
        .expect("run the Nu checker");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

/// Paper as the person printing chooses it; the page itself names no size.
#[derive(Clone, Copy, Debug)]
enum Paper {
    A4,
    Letter,
}

/// Prints the page to PDF with headless Chromium on that paper.
fn print(chromium: &str, html: &str, paper: Paper, dir: &Path, name: &str) -> PathBuf {
    let chosen = format!(
        "<style>@page{{size:{}}}</style>\n</head>",
        match paper {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    );
    let page = dir.join(format!("{name}-{paper:?}.html"));
    std::fs::write(&page, html.replacen("</head>", &chosen, 1)).expect("write page");
    let pdf = dir.join(format!("{name}-{paper:?}.pdf"));
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "chromium printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The text without spaces or direction marks, so a line wrapped anywhere still matches.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !bidi_control(*c))
        .collect()
}

fn bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `wanted` is in the squeezed `text`. pdftotext gives right-to-left words in the
/// order they sit on the page, so a title with some is looked for word by word.
fn on_paper(text: &str, wanted: &str) -> bool {
    let rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFEFC);
    if wanted.chars().any(rtl) {
        wanted
            .split_whitespace()
            .all(|w| text.contains(&squeeze(w)))
    } else {
        text.contains(&squeeze(wanted))
    }
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
    let end = start + tag[start..].find('"').expect("closing quote");
    tag[start..end].parse().expect("a number")
}

/// Words whose right edge passes the right margin, with their page.
fn past_the_margin(pdf: &Path) -> Vec<String> {
    // The page's own margin is 14 mm (39.7 pt); a little slack for glyph overhang.
    const MARGIN: f64 = 36.0;
    let boxes = pdftotext(pdf, &["-bbox"]);
    let mut width = 0.0;
    let mut page = 0;
    let mut out = vec![];
    for line in boxes.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            width = attr(line, "width");
            page += 1;
        } else if line.starts_with("<word ") {
            let right = attr(line, "xMax");
            let left = attr(line, "xMin");
            if right > width - MARGIN || left < MARGIN {
                out.push(format!("page {page}: {line}"));
            }
        }
    }
    out
}

fn state(loaded: &Loaded) -> StateView {
    StateView::of(&loaded.journal.session)
}

/// Headings that must never be the last thing on a page.
fn headings(view: &StateView) -> Vec<String> {
    let mut out: Vec<String> = [
        "Who came",
        "Agenda",
        "Not placed on the wall",
        "Issues and breakout reports",
        "Key points",
        "Recommendations",
        "Follow-up",
        "Vote",
        "Action plan",
    ]
    .map(String::from)
    .to_vec();
    out.extend(view.rounds.iter().map(|r| format!("Round {}", r.id)));
    let n = view.spaces.len();
    out.extend((0..n.div_ceil(4)).map(|k| {
        let first = k * 4 + 1;
        format!("Spaces {first}–{} of {n}", (first + 3).min(n))
    }));
    out
}

fn check_print(chromium: &str, name: &str, loaded: &Loaded) {
    let view = state(loaded);
    let html = export(loaded, Format::Html, Options::default());
    let dir = tempfile::tempdir().expect("temp dir");
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = print(chromium, &html, paper, dir.path(), name);
        let text = pdftotext(&pdf, &["-raw"]);
        let agenda = squeeze(
            &text[text.find("Agenda").expect("agenda")
                ..text.find("Issues and breakout reports").expect("issues")],
        );
        for space in &view.spaces {
            assert!(
                on_paper(&agenda, &space.name),
                "{name} {paper:?}: space {:?} is not on paper",
                space.name
            );
        }
        let placed: Vec<_> = view
            .issues
            .iter()
            .filter(|i| i.merged_into.is_none() && i.space.is_some())
            .collect();
        let missing: Vec<String> = placed
            .iter()
            .filter(|i| !on_paper(&agenda, &format!("#{} {}", i.id, i.title)))
            .map(|i| format!("#{} {}", i.id, i.title))
            .collect();
        assert!(
            missing.is_empty(),
            "{name} {paper:?}: {} of {} placed issues missing from the agenda on paper: {missing:?}",
            missing.len(),
            placed.len()
        );
        let all = squeeze(&text);
        for issue in view.issues.iter().filter(|i| i.merged_into.is_none()) {
            for step in &issue.next_steps {
                if let Some(owner) = &step.owner {
                    assert!(on_paper(&all, owner), "{name} {paper:?}: owner {owner}");
                }
                assert!(
                    on_paper(&all, &step.text),
                    "{name} {paper:?}: step {}",
                    step.text
                );
            }
        }
        let over = past_the_margin(&pdf);
        assert!(
            over.is_empty(),
            "{name} {paper:?}: text past the page's margin:\n{}",
            over.join("\n")
        );
        let headings = headings(&view);
        let layout = pdftotext(&pdf, &["-layout"]);
        let pages: Vec<&str> = layout.split('\u{c}').collect();
        for (n, page) in pages.iter().enumerate().take(pages.len().saturating_sub(2)) {
            let last = page.lines().rev().find(|l| !l.trim().is_empty());
            if let Some(last) = last {
                assert!(
                    !headings.iter().any(|h| h == last.trim()),
                    "{name} {paper:?}: page {} ends with the heading {last:?}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn the_demo_prints_whole_on_a4_and_letter() {
    let Some(chromium) = chromium() else { return };
    if !available("pdftotext", &["-v"], "poppler-utils") {
        return;
    }
    check_print(chromium, "demo", &demo());
}

#[test]
fn a_forty_space_wall_prints_whole_on_a4_and_letter() {
    let Some(chromium) = chromium() else { return };
    if !available("pdftotext", &["-v"], "poppler-utils") {
        return;
    }
    let loaded = forty_spaces();
    assert_eq!(state(&loaded).spaces.len(), 40);
    check_print(chromium, "forty", &loaded);
}

#[test]
fn an_unclosed_override_does_not_turn_the_text_after_it() {
    let Some(chromium) = chromium() else { return };
    if !available("pdftotext", &["-v"], "poppler-utils") {
        return;
    }
    let html = export(&hostile(), Format::Html, Options::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = print(chromium, &html, Paper::A4, dir.path(), "hostile");
    // pdftotext marks runs it saw reversed with direction controls of its own.
    let text: String = pdftotext(&pdf, &[])
        .chars()
        .filter(|c| !bidi_control(*c))
        .collect();
    assert!(text.contains("(convener: Amira Haddad)"), "{text}");
    assert!(!text.contains("daddaH arimA"), "{text}");
    check_print(chromium, "hostile", &hostile());
}

/// Reads every CSV file with Python's csv module and `encoding="utf-8-sig"`, as a
/// spreadsheet-minded script would, and returns the rows as JSON.
fn python_csv(path: &Path) -> Vec<Vec<String>> {
    let script = "import csv, json, sys\n\
                  with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n\
                  \x20   print(json.dumps(list(csv.reader(f))))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("rows as JSON")
}

fn rust_csv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.expect("CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn python_reads_every_csv_back_cell_for_cell() {
    if !available("python3", &["--version"], "python3") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, loaded) in [("demo", demo()), ("hostile", hostile())] {
        for table in [Table::Issues, Table::Actions, Table::Results] {
            for options in [Options::default(), Options::anonymous()] {
                let text = export(&loaded, Format::Csv(table), options);
                let path = dir.path().join(format!("{name}-{table}.csv"));
                std::fs::write(&path, &text).expect("write csv");
                let rows = python_csv(&path);
                assert_eq!(rows, rust_csv(&text), "{name} {table}");
                assert!(
                    !rows[0][0].starts_with('\u{feff}'),
                    "the BOM is not part of the first header"
                );
                for cell in rows.iter().flatten() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{name} {table}: {cell:?}"
                    );
                }
            }
        }
    }
    let path = dir.path().join("hostile-issues.csv");
    std::fs::write(
        &path,
        export(&hostile(), Format::Csv(Table::Issues), Options::default()),
    )
    .expect("write csv");
    let rows = python_csv(&path);
    assert_eq!(rows[2][1], format!("'{HYPERLINK}"));
    assert_eq!(
        &rows[2][1][1..],
        HYPERLINK,
        "the text once the one ' is off"
    );
    let demo_rows = {
        let path = dir.path().join("demo.csv");
        std::fs::write(
            &path,
            export(&demo(), Format::Csv(Table::Issues), Options::default()),
        )
        .expect("write csv");
        python_csv(&path)
    };
    assert!(
        demo_rows
            .iter()
            .flatten()
            .any(|c| c.contains("Siobhán Kelly")),
        "accents read back as written"
    );
}

#[test]
fn a_calendar_parser_reads_the_next_steps() {
    if !available(
        "python3",
        &["-c", "import icalendar"],
        "python3-icalendar (pip install icalendar)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, loaded) in [("demo", demo()), ("hostile", hostile())] {
        let dated: usize = state(&loaded)
            .issues
            .iter()
            .filter(|i| i.merged_into.is_none())
            .flat_map(|i| &i.next_steps)
            .filter(|s| s.due.is_some())
            .count();
        let path = dir.path().join(format!("{name}.ics"));
        std::fs::write(&path, export(&loaded, Format::Ics, Options::default())).expect("write");
        let script = "import icalendar, json, sys\n\
                      cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
                      print(json.dumps([[str(e['UID']), str(e['SUMMARY']), str(e['DESCRIPTION']), \
                      e['DTSTART'].dt.isoformat(), e['DTSTAMP'].dt.isoformat()] \
                      for e in cal.walk('VEVENT')]))\n";
        let out = Command::new("python3")
            .args(["-c", script])
            .arg(&path)
            .output()
            .expect("run python3");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let events: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(events.len(), dated, "{name}: one entry per dated step");
        let mut uids: Vec<&String> = events.iter().map(|e| &e[0]).collect();
        uids.sort();
        uids.dedup();
        assert_eq!(uids.len(), events.len(), "unique UIDs");
        if name == "hostile" {
            assert_eq!(
                events[0][1], "Write to the trust, with Amira (Amira Haddad)",
                "commas come back unescaped"
            );
            assert!(events[2][2].contains("Owner: Ben Okafor\nIssue #3: Seven dots, then none"));
            assert_eq!(events[0][3], "2027-01-29");
            assert!(
                events[0][4].starts_with("2026-11-12T09:"),
                "{}",
                events[0][4]
            );
        }
    }
}
