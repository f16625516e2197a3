//! Which roster names a typed name may mean, best first, for completion: case and accents
//! do not matter ("martinez" finds "Martínez") and a small typo is forgiven ("Nadai" finds
//! "Nadia"). This is for offering names only: whether two names are the same person stays
//! the roster's rule (`Session::find_participant`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Most names offered at once.
pub const OFFERED: usize = 5;

/// Lower case, accents dropped, spaces collapsed: how names are compared here.
pub fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well `name` fits what was typed (already folded), lower is better; `None` if not
/// at all. Whole-name prefixes first, then a word's prefix, then anywhere, then a typo.
fn score(typed: &str, name: &str) -> Option<(u8, usize)> {
    let folded = fold(name);
    if folded.starts_with(typed) {
        return Some((0, 0));
    }
    if folded.split(' ').any(|w| w.starts_with(typed)) {
        return Some((1, 0));
    }
    if folded.contains(typed) {
        return Some((2, 0));
    }
    let len = typed.chars().count();
    // One slip in a short name, two in a long one; nothing under three letters.
    let allowed = match len {
        0..=2 => return None,
        3..=5 => 1,
        _ => 2,
    };
    // The name as far as it was typed, or one whole word of it (a surname typed alone).
    let mut candidates: Vec<String> = vec![folded.chars().take(len).collect()];
    candidates.extend(folded.split(' ').map(str::to_string));
    let best = candidates
        .iter()
        .map(|c| strsim::osa_distance(typed, c))
        .min()
        .unwrap_or(usize::MAX);
    (best <= allowed).then_some((3, best))
}

/// The names that fit `typed`, best first, at most `OFFERED`. A name that is exactly what
/// was typed is not offered again.
pub fn best<'a>(typed: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let typed = fold(typed);
    if typed.is_empty() {
        return vec![];
    }
    let mut found: Vec<((u8, usize), &str)> = names
        .filter(|n| n.trim() != typed && n.trim().to_lowercase() != typed)
        .filter_map(|n| score(&typed, n).map(|s| (s, n)))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    found.dedup_by(|a, b| a.1 == b.1);
    found.truncate(OFFERED);
    found.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: [&str; 7] = [
        "Amira Patel",
        "Amir Khan",
        "Nadia Hussain",
        "Owen Price",
        "Lucía Martínez",
        "Siobhán O'Neill",
        "Sam Hale",
    ];

    fn offered(typed: &str) -> Vec<&'static str> {
        best(typed, ROSTER.iter().copied())
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(offered("martinez"), ["Lucía Martínez"]);
        assert_eq!(offered("siobhan"), ["Siobhán O'Neill"]);
        assert_eq!(offered("LUCIA"), ["Lucía Martínez"]);
        assert_eq!(fold("  Siobhán   O'Neill "), "siobhan o'neill");
    }

    #[test]
    fn best_match_first() {
        // A whole-name prefix beats a word's prefix, which beats a match inside a word.
        assert_eq!(offered("am"), ["Amir Khan", "Amira Patel", "Sam Hale"]);
        assert_eq!(offered("ami"), ["Amir Khan", "Amira Patel"]);
        assert_eq!(offered("owen"), ["Owen Price"]);
        assert_eq!(offered("price"), ["Owen Price"]);
    }

    #[test]
    fn a_small_typo_is_forgiven() {
        assert_eq!(offered("Nadai"), ["Nadia Hussain"]);
        assert_eq!(offered("Owne"), ["Owen Price"]);
        assert_eq!(offered("Husain"), ["Nadia Hussain"]);
        // Two letters are too few to guess from, and a different name is not a typo.
        assert!(offered("xz").is_empty());
        assert!(offered("Bob").is_empty());
    }

    #[test]
    fn the_name_typed_exactly_is_not_offered_again() {
        assert_eq!(offered("sam hale"), Vec::<&str>::new());
        assert_eq!(offered("Amir Khan"), Vec::<&str>::new());
    }
}
