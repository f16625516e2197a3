//! Text people bring from a spreadsheet: the names file that fills a roster (read by
//! `convene new --participants` and by the roster's import in the app), the issues CSV of
//! `convene import`, and where in such a file a CSV record starts, so an error sends the
//! user to the right row. Each is read in one pass, whatever its size.

use crate::model::Group;

/// Rows read between two reports of progress.
pub const PROGRESS_EVERY: usize = 4096;

/// One person from a names file, with the line they were on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub line: u64,
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
    /// The group column held something that is not a known group. The command line refuses
    /// the file; the app, in front of the room, adds the person without a group and says so.
    pub unknown_group: Option<String>,
}

/// The most rows one names or issues file may hold. A roster or a wall of this size is far
/// beyond any room; a bigger file is almost certainly the wrong one, and would make a
/// session file of hundreds of megabytes that every later command must read.
pub const MAX_ROWS: usize = 100_000;

/// The largest names or issues file read, in bytes (far more than `MAX_ROWS` rows need).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("not readable as CSV: {0}")]
    NotCsv(String),
    #[error(
        "{rows} rows, more than Convene takes from one file (at most {MAX_ROWS}); \
         is it the right file?"
    )]
    TooMany { rows: usize },
}

/// The rows of a names or issues file, or a refusal if there are more than `MAX_ROWS`.
/// The readers themselves take any number, in one pass, so the refusal can say how many.
pub fn at_most<T>(rows: Vec<T>) -> Result<Vec<T>, SheetError> {
    if rows.len() > MAX_ROWS {
        return Err(SheetError::TooMany { rows: rows.len() });
    }
    Ok(rows)
}

fn not_csv(e: csv::Error) -> SheetError {
    SheetError::NotCsv(crate::model::describe::printable(&e.to_string()))
}

/// Reads a names or issues file whole, refusing one larger than `MAX_BYTES` before
/// reading it, and anything but a regular file (a FIFO would never end).
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    // Without O_NONBLOCK, opening a FIFO waits for a writer that may never come.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let too_big = || {
        std::io::Error::other(format!(
            "larger than {} MB, which is more than Convene reads",
            MAX_BYTES / 1024 / 1024
        ))
    };
    if meta.len() > MAX_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// A names file: one name per line, or CSV rows of `name,organisation[,group]` (a header row
/// is skipped; quotes allow commas and line breaks in a field). A file with no comma at all
/// is one name per line, so a name with a stray quote still reads as typed.
pub fn parse_names(text: &str) -> Result<Vec<Person>, SheetError> {
    parse_names_with(text, &mut |_| {})
}

/// As `parse_names`, telling `progress` how many bytes have been read now and then.
pub fn parse_names_with(
    text: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Person>, SheetError> {
    // Spreadsheets often save CSV with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains(',') {
        progress(0);
        let people: Vec<Person> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, l)| Person {
                line: n as u64 + 1,
                name: l.trim().to_string(),
                organisation: None,
                group: None,
                unknown_group: None,
            })
            .collect();
        return Ok(people);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut people = vec![];
    let mut lines = Lines::new(text.as_bytes());
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(not_csv)?;
        let line = record
            .position()
            .map_or(n as u64 + 1, |p| lines.line_at(p.byte()));
        if n % PROGRESS_EVERY == 0 {
            progress(record.position().map_or(0, |p| p.byte()));
        }
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        if record.iter().all(str::is_empty) {
            continue;
        }
        if n == 0 && is_header(field(0)) {
            continue;
        }
        let (group, unknown_group) = match field(2) {
            "" => (None, None),
            text => match Group::parse(text) {
                Some(group) => (Some(group), None),
                None => (None, Some(text.to_string())),
            },
        };
        people.push(Person {
            line,
            name: field(0).to_string(),
            organisation: Some(field(1).to_string()).filter(|o| !o.is_empty()),
            group,
            unknown_group,
        });
    }
    Ok(people)
}

/// One issue from an issues CSV, with the spreadsheet row it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub row: u64,
    pub title: String,
    pub convener: String,
    pub description: String,
}

/// Columns are `title,convener,description`, in that order unless a header row names them.
pub fn parse_issues(bytes: &[u8]) -> Result<Vec<Row>, SheetError> {
    parse_issues_with(bytes, &mut |_| {})
}

/// As `parse`, telling `progress` how many bytes are read now and then.
pub fn parse_issues_with(
    bytes: &[u8],
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Row>, SheetError> {
    // Spreadsheets often save CSV with a byte-order mark.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut columns = [0, 1, 2];
    let mut rows = vec![];
    let mut lines = Lines::new(bytes);
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(not_csv)?;
        let row = record
            .position()
            .map_or(n as u64 + 1, |p| lines.line_at(p.byte()));
        if n % PROGRESS_EVERY == 0 {
            progress(record.position().map_or(0, |p| p.byte()));
        }
        if n == 0
            && let Some(found) = header(&record)
        {
            columns = found;
            continue;
        }
        let field = |i: usize| record.get(columns[i]).unwrap_or("").to_string();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        rows.push(Row {
            row,
            title: field(0),
            convener: field(1),
            description: field(2),
        });
    }
    Ok(rows)
}

/// Where title, convener and description are, if this record is a header naming them.
fn header(record: &csv::StringRecord) -> Option<[usize; 3]> {
    let names: Vec<String> = record.iter().map(|f| f.trim().to_lowercase()).collect();
    let at = |want: &str| names.iter().position(|n| n == want);
    let title = at("title")?;
    let known = ["title", "convener", "description", ""];
    if !names.iter().all(|n| known.contains(&n.as_str())) {
        return None;
    }
    // A column the header leaves out reads as empty.
    let missing = names.len() + 1;
    Some([
        title,
        at("convener").unwrap_or(missing),
        at("description").unwrap_or(missing),
    ])
}

fn is_header(first: &str) -> bool {
    matches!(
        first.to_lowercase().as_str(),
        "name" | "names" | "participant" | "participants" | "full name"
    )
}

/// The line each CSV record starts on, counted as the reader moves forward, so a file of a
/// million rows is counted once rather than once per row. The csv crate's own line count
/// misses blank lines, and its offset is where it began reading, before any blank lines, so
/// both would send the user to the wrong row of their spreadsheet.
pub struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before `at` hold `newlines` line breaks.
    at: usize,
    newlines: u64,
}

impl<'a> Lines<'a> {
    pub fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines {
            bytes,
            at: 0,
            newlines: 0,
        }
    }

    /// The line a record starting at `offset` is on.
    pub fn line_at(&mut self, offset: u64) -> u64 {
        let bytes = self.bytes;
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        if start < self.at {
            // Records come in order; asked about an earlier one, count again from the top.
            (self.at, self.newlines) = (0, 0);
        }
        self.newlines += line_breaks(bytes, self.at, start);
        self.at = start;
        self.newlines + 1
    }
}

/// Line breaks in `bytes[from..to]` as a spreadsheet counts them: `\n`, `\r\n`, or a `\r`
/// on its own (old Mac files), which the CSV reader also takes as the end of a record.
pub fn line_breaks(bytes: &[u8], from: usize, to: usize) -> u64 {
    (from..to)
        .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(people: &[Person]) -> Vec<(&str, Option<&str>, Option<Group>, u64)> {
        people
            .iter()
            .map(|p| (p.name.as_str(), p.organisation.as_deref(), p.group, p.line))
            .collect()
    }

    #[test]
    fn one_name_per_line_skips_blank_lines() {
        let people = parse_names("Amira Patel\n\n  Sam Hale  \n").unwrap();
        assert_eq!(
            names(&people),
            [("Amira Patel", None, None, 1), ("Sam Hale", None, None, 3)]
        );
    }

    #[test]
    fn csv_with_header_organisation_and_group() {
        let text = "\u{feff}name,organisation,group\nAmira Patel,Bromley Council,council\n\
                    \"Hale, Sam\",,carer\nJo Green,St Mary's,\n";
        let people = parse_names(text).unwrap();
        assert_eq!(
            names(&people),
            [
                (
                    "Amira Patel",
                    Some("Bromley Council"),
                    Some(Group::Council),
                    2
                ),
                ("Hale, Sam", None, Some(Group::Carer), 3),
                ("Jo Green", Some("St Mary's"), None, 4),
            ]
        );
    }

    #[test]
    fn an_unknown_group_is_kept_for_the_caller_to_judge() {
        let people = parse_names("Amira Patel,NHS,astronaut\n").unwrap();
        assert_eq!(people[0].group, None);
        assert_eq!(people[0].unknown_group.as_deref(), Some("astronaut"));
    }

    #[test]
    fn quotes_inside_quotes_and_line_breaks_in_a_field() {
        let people = parse_names("\"A \"\"B\"\" C\",x\n\"Two\nlines\",y\nLast\n").unwrap();
        let names: Vec<(&str, u64)> = people.iter().map(|p| (p.name.as_str(), p.line)).collect();
        assert_eq!(names, [("A \"B\" C", 1), ("Two\nlines", 2), ("Last", 4)]);
    }

    #[test]
    fn csv_without_header() {
        let people = parse_names("Amira Patel,NHS\nSam Hale\n").unwrap();
        assert_eq!(
            names(&people),
            [
                ("Amira Patel", Some("NHS"), None, 1),
                ("Sam Hale", None, None, 2)
            ]
        );
    }

    fn row(row: u64, title: &str, convener: &str, description: &str) -> Row {
        Row {
            row,
            title: title.into(),
            convener: convener.into(),
            description: description.into(),
        }
    }

    #[test]
    fn positional_columns_without_header() {
        let rows =
            parse_issues(b"Carers' voice,Sam Hale,Who speaks for carers?\nTransport,,\n").unwrap();
        assert_eq!(
            rows,
            [
                row(1, "Carers' voice", "Sam Hale", "Who speaks for carers?"),
                row(2, "Transport", "", "")
            ]
        );
    }

    #[test]
    fn header_in_any_order_and_multi_line_cells() {
        let text = "\u{feff}convener,title,description\nSam Hale,Carers' voice,\"two\nlines\"\n\nAmira,Data,\n";
        let rows = parse_issues(text.as_bytes()).unwrap();
        assert_eq!(
            rows,
            [
                row(2, "Carers' voice", "Sam Hale", "two\nlines"),
                row(5, "Data", "Amira", "")
            ]
        );
    }

    #[test]
    fn header_without_description() {
        let rows = parse_issues(b"title,convener\nTransport,Jo\n").unwrap();
        assert_eq!(rows, [row(2, "Transport", "Jo", "")]);
    }

    #[test]
    fn lines_are_counted_forward_and_again_from_the_top_when_asked_back() {
        let text = b"a\n\nb\r\n\"c\nd\"\ne\n";
        let mut lines = Lines::new(text);
        assert_eq!(lines.line_at(0), 1);
        assert_eq!(lines.line_at(2), 3);
        assert_eq!(lines.line_at(6), 4);
        assert_eq!(lines.line_at(12), 6);
        assert_eq!(lines.line_at(2), 3);
        assert_eq!(lines.line_at(1000), 7);
    }

    #[test]
    fn a_hundred_thousand_rows_read_completely() {
        let text: String = (0..100_000)
            .map(|n| format!("Person {n},Org {}\n", n % 7))
            .collect();
        let people = parse_names(&text).unwrap();
        assert_eq!(people.len(), 100_000);
        assert_eq!(people[99_999].name, "Person 99999");
        assert_eq!(people[99_999].line, 100_000);
    }
}

#[cfg(test)]
mod carriage_returns {
    use super::*;

    /// Found by fuzzing: a `\r` on its own ends a record, so it starts a line too, and two
    /// records never share a row number.
    #[test]
    fn a_lone_carriage_return_starts_a_new_row() {
        let rows = parse_issues(b"Falls\rTransport,Sam,\r\nNight care,,\n").unwrap();
        let numbers: Vec<u64> = rows.iter().map(|r| r.row).collect();
        assert_eq!(numbers, [1, 2, 3]);
    }
}
