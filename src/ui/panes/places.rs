//! Places in a ranking as the room reads them: "=2" when two issues share second place,
//! so a tie never looks like a decision. Shared by the Vote and Leads panes.

use crate::model::Ranked;

/// "=2" when the place is shared, "2" when not.
pub fn place(rows: &[Ranked], at: usize) -> String {
    let rank = rows[at].rank;
    let shared =
        (at > 0 && rows[at - 1].rank == rank) || rows.get(at + 1).is_some_and(|r| r.rank == rank);
    if shared {
        format!("={rank}")
    } else {
        rank.to_string()
    }
}

/// `text` padded with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    let gap = width.saturating_sub(crate::ui::text::width(text));
    format!("{text}{}", " ".repeat(gap))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IssueId;

    #[test]
    fn shared_places_read_as_ties() {
        let r = |issue, dots, rank| Ranked {
            issue: IssueId(issue),
            dots,
            rank,
        };
        let rows = [r(1, 5, 1), r(2, 3, 2), r(3, 3, 2), r(4, 1, 4)];
        let places: Vec<String> = (0..4).map(|i| place(&rows, i)).collect();
        assert_eq!(places, ["1", "=2", "=2", "4"]);
    }
}
