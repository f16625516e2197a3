//! Text people bring from a spreadsheet: the names file that fills a roster (read by
//! `convene new --participants` and by the roster's import in the app), and where in such a
//! file a CSV record starts, so an error sends the user to the right row.

use crate::model::Group;

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

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not readable as CSV: {0}")]
pub struct NotCsv(String);

/// A names file: one name per line, or CSV rows of `name,organisation[,group]` (a header row
/// is skipped; quotes allow commas and line breaks in a field). A file with no comma at all
/// is one name per line, so a name with a stray quote still reads as typed.
pub fn parse_names(text: &str) -> Result<Vec<Person>, NotCsv> {
    // Spreadsheets often save CSV with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains(',') {
        return Ok(text
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
            .collect());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut people = vec![];
    for (n, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| NotCsv(crate::model::describe::printable(&e.to_string())))?;
        let line = record
            .position()
            .map_or(n as u64 + 1, |p| line_at(text.as_bytes(), p.byte()));
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

fn is_header(first: &str) -> bool {
    matches!(
        first.to_lowercase().as_str(),
        "name" | "names" | "participant" | "participants" | "full name"
    )
}

/// The line a record starting at `offset` is on. The csv crate's own line count misses
/// blank lines, and its offset is where it began reading, before any blank lines, so both
/// would send the user to the wrong row of their spreadsheet.
pub fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut start = (offset as usize).min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
        start += 1;
    }
    bytes[..start].iter().filter(|&&b| b == b'\n').count() as u64 + 1
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
}
