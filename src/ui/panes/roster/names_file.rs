//! Reading a names file for the roster: one name per line, or CSV rows of
//! `name,organisation[,group]` (a header row is skipped; quotes allow commas in names).

use crate::model::Group;

/// One person read from the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub organisation: Option<String>,
    pub group: Option<Group>,
    /// The group column held something that is not a known group.
    pub unknown_group: Option<String>,
}

/// People in the file, in order, blank lines and a header row left out.
pub fn parse(text: &str) -> Vec<Entry> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = vec![];
    for (n, line) in text.lines().enumerate() {
        let fields = split_csv(line);
        let field = |i: usize| fields.get(i).map(|f| f.trim()).unwrap_or("");
        if field(0).is_empty() {
            continue;
        }
        if n == 0 && is_header(field(0)) {
            continue;
        }
        let (group, unknown_group) = match field(2) {
            "" => (None, None),
            g => match Group::parse(g) {
                Some(group) => (Some(group), None),
                None => (None, Some(g.to_string())),
            },
        };
        out.push(Entry {
            name: field(0).to_string(),
            organisation: Some(field(1).to_string()).filter(|o| !o.is_empty()),
            group,
            unknown_group,
        });
    }
    out
}

fn is_header(first: &str) -> bool {
    matches!(
        first.to_lowercase().as_str(),
        "name" | "names" | "participant" | "participants" | "full name"
    )
}

/// Splits one CSV line: commas separate, double quotes enclose, `""` is a quote.
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_and_csv_rows() {
        let text = "\u{feff}name,organisation,group\n\
                    Amira Patel,Bromley Council,council\n\n\
                    \"Hale, Sam\",,carer\n\
                    Jo Green\n\
                    Kit Moss,St Mary's,astronaut\n";
        let people = parse(text);
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Amira Patel", "Hale, Sam", "Jo Green", "Kit Moss"]);
        assert_eq!(people[0].organisation.as_deref(), Some("Bromley Council"));
        assert_eq!(people[0].group, Some(Group::Council));
        assert_eq!(people[1].organisation, None);
        assert_eq!(people[1].group, Some(Group::Carer));
        assert_eq!(people[3].unknown_group.as_deref(), Some("astronaut"));
    }

    #[test]
    fn quotes_inside_quotes() {
        assert_eq!(split_csv("\"A \"\"B\"\" C\",x"), ["A \"B\" C", "x"]);
    }
}
