//! Reading a participants file for `convene new`: one name per line, or CSV with
//! `name,organisation` and optionally a third column for the stakeholder group.

use crate::model::Group;
use std::path::Path;

/// One person from the file, with the line they were on for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub line: u64,
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
}

pub fn read(path: &Path) -> anyhow::Result<Vec<Person>> {
    let bytes = std::fs::read(path).map_err(|e| {
        anyhow::anyhow!("{}: cannot read the participants file: {e}", path.display())
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: the participants file is not UTF-8 text",
            path.display()
        )
    })?;
    parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// A file with a comma anywhere is CSV; otherwise every non-blank line is a name.
pub fn parse(text: &str) -> anyhow::Result<Vec<Person>> {
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
        let record = record.map_err(|e| anyhow::anyhow!("not readable as CSV: {e}"))?;
        let line = record.position().map_or(n as u64 + 1, |p| {
            super::import::line_at(text.as_bytes(), p.byte())
        });
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if n == 0 && is_header(field(0)) {
            continue;
        }
        let group = match field(2) {
            "" => None,
            text => Some(Group::parse(text).ok_or_else(|| {
                let known: Vec<&str> = Group::ALL.iter().map(|g| g.label()).collect();
                anyhow::anyhow!(
                    "line {line}: unknown group \"{text}\" (use one of: {})",
                    known.join(", ")
                )
            })?),
        };
        people.push(Person {
            line,
            name: field(0).to_string(),
            organisation: Some(field(1).to_string()).filter(|o| !o.is_empty()),
            group,
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
        let people = parse("Amira Patel\n\n  Sam Hale  \n").unwrap();
        assert_eq!(
            names(&people),
            [("Amira Patel", None, None, 1), ("Sam Hale", None, None, 3)]
        );
    }

    #[test]
    fn csv_with_header_organisation_and_group() {
        let text = "\u{feff}name,organisation,group\nAmira Patel,Bromley Council,council\n\
                    \"Hale, Sam\",,carer\nJo Green,St Mary's,\n";
        let people = parse(text).unwrap();
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
    fn csv_without_header() {
        let people = parse("Amira Patel,NHS\nSam Hale\n").unwrap();
        assert_eq!(
            names(&people),
            [
                ("Amira Patel", Some("NHS"), None, 1),
                ("Sam Hale", None, None, 2)
            ]
        );
    }

    #[test]
    fn unknown_group_names_the_line() {
        let err = parse("Amira Patel,NHS,astronaut\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 1: unknown group \"astronaut\""),
            "{err}"
        );
    }
}
