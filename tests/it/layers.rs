//! The layers of the crate, bottom first, and a check that every import in `src/` points
//! down them: a module may use what sits on a lower level, never what sits on its own
//! level or above, and the files inside one module do not import each other in a circle.
//! An import that runs back up is how a rule ends up living in two places (issue 20), and
//! the compiler allows it; this test does not. It reads the source text, so it holds for
//! every file whatever features or targets are built. Test modules are left out: a test
//! may build its fixtures from anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The levels, bottom first. A module may import any module on a lower level, and none on
/// its own level or above.
const LAYERS: &[&[&str]] = &[
    // Plain text helpers and the process's signal handling: they know nothing of sessions.
    &["text", "signals"],
    // The domain: the session, its events and the rules that apply them.
    &["model"],
    // The read model: the session as readers see it (a file's `state`, every export's start).
    &["view"],
    // Files: the format, atomic saves, the lock, listing sessions.
    &["store"],
    // The proceedings, in every format.
    &["export"],
    // What reads and makes sessions: merging copies, replay, the demo, the generator, sheets.
    &["merge", "replay", "demo", "synth", "sheet"],
    // Work the app runs on a worker and the command line runs itself: merging a copy,
    // starting a follow-up, writing the proceedings.
    &["service"],
    // The screens.
    &["ui"],
    // The command line.
    &["cli"],
    // The binary, and the library root that declares the modules.
    &["main", "lib"],
];

/// Imports known to run up, each until the part of issue 20 that removes it lands. An entry
/// that no longer matches an import fails the test, so the list only ever shrinks.
const PENDING: &[(&str, &str, &str)] = &[];

/// Modules whose files may still import each other in a circle, with why.
const CIRCLES_LEFT: &[(&str, &str)] = &[];

#[test]
fn every_import_points_down_the_layers() {
    let crate_ = Crate::read(Path::new("src"));
    let mut wrong = vec![];
    let mut pending_seen = BTreeSet::new();
    for module in crate_
        .files
        .values()
        .map(|f| f.top())
        .collect::<BTreeSet<_>>()
    {
        if level(&module).is_none() {
            wrong.push(format!(
                "src/{module}: the module is on no level; add it to LAYERS in tests/it/layers.rs"
            ));
        }
    }
    for import in crate_.imports() {
        let (Some(from), Some(to)) = (level(&import.from_top), level(&import.to_top)) else {
            continue;
        };
        if import.from_top == import.to_top || to < from {
            continue;
        }
        let file = import.file.display().to_string();
        if let Some(at) = PENDING
            .iter()
            .position(|(f, m, _)| *f == file && *m == import.to_top)
        {
            pending_seen.insert(at);
            continue;
        }
        let how = if to == from {
            "a module on its own level"
        } else {
            "a module on a higher level"
        };
        wrong.push(format!(
            "{file}:{}: `{}` climbs from {} (level {from}) to {} (level {to}), {how}",
            import.line, import.text, import.from_top, import.to_top
        ));
    }
    for (at, (file, module, why)) in PENDING.iter().enumerate() {
        if !pending_seen.contains(&at) {
            wrong.push(format!(
                "{file} no longer imports {module} ({why}): remove its entry from PENDING"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn no_files_of_one_module_import_each_other_in_a_circle() {
    let crate_ = Crate::read(Path::new("src"));
    let mut edges: BTreeMap<PathBuf, BTreeMap<PathBuf, Import>> = BTreeMap::new();
    for import in crate_.imports() {
        let from = &crate_.files[&import.file];
        let to = &crate_.files[&import.to_file];
        let inside_its_parent =
            to.module.len() < from.module.len() && from.module.starts_with(&to.module);
        // A file using what its parent module declares or names is how Rust modules are
        // built, not a circle: only imports between files that do not contain each other count.
        if import.from_top != import.to_top || import.file == import.to_file || inside_its_parent {
            continue;
        }
        edges
            .entry(import.file.clone())
            .or_default()
            .entry(import.to_file.clone())
            .or_insert(import);
    }
    let mut wrong = vec![];
    for circle in circles(&edges) {
        let top = crate_.files[&circle[0]].top();
        if CIRCLES_LEFT.iter().any(|(m, _)| *m == top) {
            continue;
        }
        let mut text = format!("a circle of {} files in {top}:", circle.len());
        for (n, file) in circle.iter().enumerate() {
            let next = &circle[(n + 1) % circle.len()];
            let import = &edges[file][next];
            text.push_str(&format!(
                "\n  {}:{}: `{}` -> {}",
                file.display(),
                import.line,
                import.text,
                next.display()
            ));
        }
        wrong.push(text);
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// The reader itself, on small pieces of source whose answers are known.
#[test]
fn the_reader_finds_grouped_inline_and_relative_imports() {
    let code = "use crate::{model::Session, store::{self, Meta}};\n\
                // use crate::ui::Nothing;\n\
                fn f() { let s = \"crate::cli::no\"; crate::export::run(super::sibling::X); }\n\
                #[cfg(test)]\n\
                mod tests {\n    use crate::demo;\n}\n";
    let found: Vec<(usize, Vec<String>)> = paths(&without_tests(&strip(code)))
        .into_iter()
        .map(|(line, path, _)| (line, path))
        .collect();
    let seg = |s: &str| s.split("::").map(String::from).collect::<Vec<_>>();
    assert_eq!(
        found,
        [
            (1, seg("crate::model::Session")),
            (1, seg("crate::store")),
            (1, seg("crate::store::Meta")),
            (3, seg("crate::export::run")),
            (3, seg("super::sibling::X")),
        ]
    );
}

fn level(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// A source file: where it sits in the module tree, and its text with comments, string
/// contents and test modules blanked out.
struct File {
    /// `["ui", "panes", "agenda", "grid"]`; the library root is `[]`, the binary `["main"]`.
    module: Vec<String>,
    code: String,
}

impl File {
    fn top(&self) -> String {
        self.module.first().cloned().unwrap_or_else(|| "lib".into())
    }
}

struct Crate {
    files: BTreeMap<PathBuf, File>,
    /// The file of each module path.
    modules: BTreeMap<Vec<String>, PathBuf>,
}

/// One path named in a file, and what it resolves to.
#[derive(Clone)]
struct Import {
    file: PathBuf,
    line: usize,
    text: String,
    from_top: String,
    to_file: PathBuf,
    to_top: String,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut all = vec![];
        walk(src, &mut all);
        all.sort();
        let mut files = BTreeMap::new();
        let mut modules = BTreeMap::new();
        let mut tests = BTreeSet::new();
        for path in &all {
            let module = module_of(src, path);
            let code = strip(&std::fs::read_to_string(path).expect("a source file reads"));
            for child in test_children(&code) {
                let mut m = module.clone();
                m.push(child);
                tests.insert(m);
            }
            let code = without_tests(&code);
            modules.insert(module.clone(), path.clone());
            files.insert(path.clone(), File { module, code });
        }
        // Files of test modules (and everything under them) are not the crate's layers.
        files.retain(|_, f| !tests.iter().any(|t| f.module.starts_with(t)));
        modules.retain(|m, _| !tests.iter().any(|t| m.starts_with(t)));
        Crate { files, modules }
    }

    fn imports(&self) -> Vec<Import> {
        let mut out = vec![];
        for (path, file) in &self.files {
            let binary = file.module == ["main"];
            for (line, segments, text) in paths(&file.code) {
                let Some(target) = self.resolve(&file.module, binary, &segments) else {
                    continue;
                };
                out.push(Import {
                    file: path.clone(),
                    line,
                    text,
                    from_top: file.top(),
                    to_top: self.files[&target].top(),
                    to_file: target,
                });
            }
        }
        out
    }

    /// The file a path leads into, or None for a path outside this crate.
    fn resolve(&self, here: &[String], binary: bool, segments: &[String]) -> Option<PathBuf> {
        let mut rest = segments;
        let mut base: Vec<String> = match rest.first().map(String::as_str) {
            Some("crate") if !binary => {
                rest = &rest[1..];
                vec![]
            }
            Some("convene") if binary => {
                rest = &rest[1..];
                vec![]
            }
            Some("self") => {
                rest = &rest[1..];
                here.to_vec()
            }
            Some("super") => {
                let mut base = here.to_vec();
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
                base
            }
            // A child module named without `self::`, or another crate.
            Some(first) => {
                let mut child = here.to_vec();
                child.push(first.to_string());
                if !self.modules.contains_key(&child) {
                    return None;
                }
                here.to_vec()
            }
            None => return None,
        };
        let start = base.len();
        base.extend(rest.iter().cloned());
        (start.max(1)..=base.len())
            .rev()
            .find_map(|k| self.modules.get(&base[..k]))
            .cloned()
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ reads") {
        let path = entry.expect("src/ reads").path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn module_of(src: &Path, path: &Path) -> Vec<String> {
    let rel = path
        .strip_prefix(src)
        .expect("under src/")
        .with_extension("");
    let mut module: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if module == ["lib"] || module.last().is_some_and(|m| m == "mod") {
        module.pop();
    }
    module
}

/// The modules a file declares as `#[cfg(test)] mod name;`, in files of their own.
fn test_children(code: &str) -> Vec<String> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = vec![];
    for pair in lines.windows(2) {
        if pair[0].trim() == "#[cfg(test)]"
            && let Some(name) = pair[1]
                .trim()
                .strip_prefix("mod ")
                .and_then(|r| r.strip_suffix(';'))
        {
            out.push(name.trim().to_string());
        }
    }
    out
}

/// The source with comments and the contents of string and character literals turned into
/// spaces, line breaks kept so that lines still count.
fn strip(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            out.extend(std::iter::repeat_n(' ', j - i + 1));
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|h| chars.get(i + h) == Some(&'#')) {
                    out.extend(std::iter::repeat_n(' ', hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal (a lifetime has no closing quote two along).
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The code with every item under `#[cfg(test)]` blanked, down to the line that closes it
/// at its own indent (rustfmt's layout).
fn without_tests(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut n = 0;
    while n < lines.len() {
        let line = lines[n];
        if line.trim() != "#[cfg(test)]" {
            out.push(line.to_string());
            n += 1;
            continue;
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        let item = lines.get(n + 1).copied().unwrap_or("");
        let end = if item.trim_end().ends_with('{') {
            (n + 1..lines.len())
                .find(|&k| lines[k].trim_end() == close)
                .unwrap_or(lines.len() - 1)
        } else {
            n + 1
        };
        for _ in n..=end.min(lines.len() - 1) {
            out.push(String::new());
        }
        n = end + 1;
    }
    out.join("\n")
}

/// Every path into a module that a file names, with its line and how it was written:
/// each path of a `use` (groups flattened), then paths written inline (`crate::x::f()`,
/// `super::y::Z`).
fn paths(code: &str) -> Vec<(usize, Vec<String>, String)> {
    let mut out = vec![];
    let mut rest_of_code = code.to_string();
    // `use` statements first, then blanked so their paths are not read again inline.
    let bytes = code.as_bytes();
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        at = start + 4;
        let before = code[..start].chars().last();
        if before.is_some_and(|c| !(c.is_whitespace() || c == '}' || c == ';' || c == ')')) {
            continue;
        }
        let Some(len) = code[start..].find(';') else {
            break;
        };
        let end = start + len;
        let tree = &code[start + 4..end];
        let line = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
        let text: String = code[start..=end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut flat = vec![];
        flatten(tree, &mut vec![], &mut flat);
        for path in flat {
            out.push((line, path, text.clone()));
        }
        let blanked: String = code[start..=end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        rest_of_code.replace_range(start..=end, &blanked);
        at = end;
    }
    let code = rest_of_code;
    for (n, line) in code.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let starts_word = i == 0
                || !(chars[i - 1].is_alphanumeric()
                    || chars[i - 1] == '_'
                    || chars[i - 1] == '$'
                    || chars[i - 1] == ':');
            let word: String = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            let root = matches!(word.as_str(), "crate" | "super" | "self" | "convene");
            if starts_word
                && root
                && line[byte(&chars, i + word.chars().count())..].starts_with("::")
            {
                let mut segments = vec![];
                let mut j = i;
                loop {
                    let seg: String = chars[j..]
                        .iter()
                        .take_while(|c| c.is_alphanumeric() || **c == '_')
                        .collect();
                    if seg.is_empty() {
                        break;
                    }
                    j += seg.chars().count();
                    segments.push(seg);
                    if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let text: String = chars[i..j].iter().collect();
                out.push((n + 1, segments, text));
                i = j;
            } else {
                i += word.chars().count().max(1);
            }
        }
    }
    out.sort_by_key(|(line, _, _)| *line);
    out
}

fn byte(chars: &[char], i: usize) -> usize {
    chars[..i.min(chars.len())]
        .iter()
        .map(|c| c.len_utf8())
        .sum()
}

/// The paths of a use tree (`a::{b, c::{self, d}}` gives `a::b`, `a::c`, `a::c::d`).
fn flatten(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    let tree = tree.strip_prefix("::").unwrap_or(tree);
    if let Some(inner) = tree.strip_prefix('{') {
        let inner = inner.strip_suffix('}').unwrap_or(inner);
        let mut depth = 0;
        let mut from = 0;
        for (k, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    flatten(&inner[from..k], prefix, out);
                    from = k + 1;
                }
                _ => {}
            }
        }
        flatten(&inner[from..], prefix, out);
        return;
    }
    let (head, rest) = match tree.find("::") {
        Some(k) => (&tree[..k], Some(&tree[k + 2..])),
        None => (tree, None),
    };
    let head = head.split(" as ").next().unwrap_or("").trim();
    match (head, rest) {
        ("" | "*", None) | ("self", None) if !prefix.is_empty() => out.push(prefix.clone()),
        ("", _) | ("*", _) => {}
        (name, None) => {
            let mut path = prefix.clone();
            path.push(name.to_string());
            out.push(path);
        }
        (name, Some(rest)) => {
            prefix.push(name.to_string());
            flatten(rest, prefix, out);
            prefix.pop();
        }
    }
}

/// The circles in a graph, each once, as files in the order their imports run.
fn circles(edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Import>>) -> Vec<Vec<PathBuf>> {
    // Strongly connected parts by two searches (Kosaraju); then one circle through each.
    let nodes: BTreeSet<&PathBuf> = edges
        .iter()
        .flat_map(|(from, to)| std::iter::once(from).chain(to.keys()))
        .collect();
    let mut order = vec![];
    let mut seen = BTreeSet::new();
    for &node in &nodes {
        finish_order(node, edges, &mut seen, &mut order);
    }
    let mut reverse: BTreeMap<&PathBuf, Vec<&PathBuf>> = BTreeMap::new();
    for (from, to) in edges {
        for target in to.keys() {
            reverse.entry(target).or_default().push(from);
        }
    }
    let mut placed = BTreeSet::new();
    let mut out = vec![];
    for node in order.into_iter().rev() {
        if placed.contains(node) {
            continue;
        }
        let mut part = BTreeSet::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if placed.insert(n) {
                part.insert(n);
                stack.extend(reverse.get(n).into_iter().flatten().copied());
            }
        }
        if part.len() > 1 {
            out.push(circle_through(&part, edges));
        }
    }
    out
}

fn finish_order<'a>(
    node: &'a PathBuf,
    edges: &'a BTreeMap<PathBuf, BTreeMap<PathBuf, Import>>,
    seen: &mut BTreeSet<&'a PathBuf>,
    order: &mut Vec<&'a PathBuf>,
) {
    if !seen.insert(node) {
        return;
    }
    for next in edges.get(node).into_iter().flat_map(|to| to.keys()) {
        finish_order(next, edges, seen, order);
    }
    order.push(node);
}

/// A shortest circle from the first file of a strongly connected part back to itself.
fn circle_through(
    part: &BTreeSet<&PathBuf>,
    edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Import>>,
) -> Vec<PathBuf> {
    let start = *part.iter().next().expect("a part has files");
    let mut came_from: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for next in edges.get(n).into_iter().flat_map(|to| to.keys()) {
            if !part.contains(next) {
                continue;
            }
            if next == start {
                let mut path = vec![n.clone()];
                let mut at = n;
                while at != start {
                    at = came_from[at];
                    path.push(at.clone());
                }
                path.reverse();
                return path;
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, n);
                queue.push_back(next);
            }
        }
    }
    part.iter().map(|p| (*p).clone()).collect()
}
