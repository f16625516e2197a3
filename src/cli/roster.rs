//! Reading a participants file for `convene new`: one name per line, or CSV with
//! `name,organisation` and optionally a third column for the stakeholder group. A script
//! wants to hear of a group it mistyped, so an unknown group refuses the file.

use super::progress::Progress;
use crate::model::Group;
use crate::sheet::{Person, at_most, parse_names_with};
use std::path::Path;

pub fn read(path: &Path, progress: &mut Progress) -> anyhow::Result<Vec<Person>> {
    let bytes = crate::sheet::read_file(path).map_err(|e| {
        anyhow::anyhow!("{}: cannot read the participants file: {e}", path.display())
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: the participants file is not UTF-8 text",
            path.display()
        )
    })?;
    let total = text.len() as u64;
    parse(&text, &mut |done| progress.report("reading", done, total))
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn parse(text: &str, progress: &mut dyn FnMut(u64)) -> anyhow::Result<Vec<Person>> {
    let people = parse_names_with(text, progress).and_then(at_most)?;
    if let Some(p) = people.iter().find(|p| p.unknown_group.is_some()) {
        let known: Vec<&str> = Group::ALL.iter().map(|g| g.label()).collect();
        anyhow::bail!(
            "line {}: unknown group \"{}\" (use one of: {})",
            p.line,
            p.unknown_group.as_deref().unwrap_or_default(),
            known.join(", ")
        );
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_group_names_the_line() {
        let err = parse("Amira Patel,NHS,astronaut\n", &mut |_| {})
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 1: unknown group \"astronaut\""),
            "{err}"
        );
    }
}
