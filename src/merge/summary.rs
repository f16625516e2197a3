//! What a merge says it did: per copy, what came in and every conflict with what was kept.

use crate::model::Change;

/// What became of one change captured on a copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Recorded in the merged log (perhaps with the other side's text appended).
    Merged,
    /// The main session already says the same: nothing to add.
    AlreadyThere,
    /// It could not hold beside the other side's change: listed as a conflict.
    Conflict,
}

/// Changes that could not both hold, and what the merge kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The change's seq in the copy.
    pub seq: u64,
    /// What met: "report of issue 7 edited on both".
    pub what: String,
    /// What was kept: "MAIN kept, Newsroom 2's text appended".
    pub kept: String,
    /// Text of the losing side that is not kept anywhere in the session (empty when it
    /// was appended where it belongs).
    pub lost: String,
}

/// How many changes of each kind came in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub reports: usize,
    pub issues: usize,
    pub people: usize,
    pub dots: usize,
    pub steps: usize,
    pub other: usize,
}

impl Counts {
    pub fn add(&mut self, change: &Change) {
        match change {
            Change::ReportRecorded { .. } => self.reports += 1,
            Change::IssueRaised { .. } => self.issues += 1,
            Change::ParticipantAdded { .. } => self.people += 1,
            Change::DotAdded { .. } => self.dots += 1,
            Change::StepAdded { .. } => self.steps += 1,
            Change::SessionCreated { .. }
            | Change::ThemeSet { .. }
            | Change::ReportReminderSet { .. }
            | Change::Undo
            | Change::Redo
            | Change::ParticipantUpdated { .. }
            | Change::ParticipantRemoved { .. }
            | Change::SpaceAdded { .. }
            | Change::SpaceRenamed { .. }
            | Change::SpaceRemoved { .. }
            | Change::SlotAdded { .. }
            | Change::SlotUpdated { .. }
            | Change::SlotRemoved { .. }
            | Change::IssuePlaced { .. }
            | Change::IssueUnplaced { .. }
            | Change::IssueEdited { .. }
            | Change::IssueDeleted { .. }
            | Change::IssuesMerged { .. }
            | Change::IssueCancelled { .. }
            | Change::RoundOpened { .. }
            | Change::RoundClosed { .. }
            | Change::RoundReopened { .. }
            | Change::ResultsRevealed { .. }
            | Change::DotRemoved { .. }
            | Change::TallySet { .. }
            | Change::LeadAssigned { .. }
            | Change::SupporterAdded { .. }
            | Change::SupporterRemoved { .. }
            | Change::StepUpdated { .. }
            | Change::StepRemoved { .. }
            | Change::TriageSet { .. }
            | Change::FollowUpStarted { .. }
            | Change::PriorityCarried { .. }
            | Change::StepCarried { .. }
            | Change::ProgressRecorded { .. }
            | Change::AbsenceSet { .. }
            | Change::CopyMade { .. }
            | Change::CopyMerged { .. } => self.other += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.reports + self.issues + self.people + self.dots + self.steps + self.other
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The copy holds nothing the main session lacks: it was merged before (through its
    /// latest change), or nothing was captured on it since it was made.
    NothingNew { merged_before: bool },
    Merged {
        counts: Counts,
        conflicts: Vec<Conflict>,
        fates: Vec<(u64, Fate)>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopySummary {
    pub file: String,
    pub label: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub copies: Vec<CopySummary>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl MergeSummary {
    /// Changes that came in, over every copy.
    pub fn merged(&self) -> usize {
        self.copies
            .iter()
            .map(|c| match &c.outcome {
                Outcome::Merged { counts, .. } => counts.total(),
                Outcome::NothingNew { .. } => 0,
            })
            .sum()
    }

    pub fn conflicts(&self) -> impl Iterator<Item = (&CopySummary, &Conflict)> {
        self.copies.iter().flat_map(|c| match &c.outcome {
            Outcome::Merged { conflicts, .. } => conflicts.iter().map(move |x| (c, x)).collect(),
            Outcome::NothingNew { .. } => Vec::new(),
        })
    }

    /// Whether the merge would add anything at all.
    pub fn adds_anything(&self) -> bool {
        self.copies
            .iter()
            .any(|c| matches!(c.outcome, Outcome::Merged { .. }))
    }

    /// The summary in lines a facilitator reads: one per copy, then its conflicts.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for copy in &self.copies {
            let name = if copy.label == copy.file || copy.file.is_empty() {
                copy.file.clone()
            } else {
                format!("{} ({})", copy.file, copy.label)
            };
            match &copy.outcome {
                Outcome::NothingNew {
                    merged_before: true,
                } => {
                    out.push(format!("from {name}: nothing new (merged before)"));
                }
                Outcome::NothingNew {
                    merged_before: false,
                } => {
                    out.push(format!(
                        "from {name}: nothing new (no changes since the copy)"
                    ));
                }
                Outcome::Merged {
                    counts, conflicts, ..
                } => {
                    let mut parts = Vec::new();
                    for (n, one, many) in [
                        (counts.reports, "report", "reports"),
                        (counts.issues, "issue", "issues"),
                        (counts.people, "person", "people"),
                        (counts.dots, "dot", "dots"),
                        (counts.steps, "next step", "next steps"),
                        (counts.other, "other change", "other changes"),
                    ] {
                        if n > 0 {
                            parts.push(plural(n, one, many));
                        }
                    }
                    if parts.is_empty() {
                        parts.push("no changes".to_string());
                    }
                    let mut line = format!("from {name}: {}", parts.join(", "));
                    if !conflicts.is_empty() {
                        line.push_str(&format!(
                            "; {}",
                            plural(conflicts.len(), "conflict", "conflicts")
                        ));
                        if let [only] = conflicts.as_slice() {
                            line.push_str(&format!(" ({}; {})", only.what, only.kept));
                        }
                    }
                    out.push(line);
                    if conflicts.len() > 1 {
                        for c in conflicts {
                            out.push(format!("  conflict: {}; {}", c.what, c.kept));
                        }
                    }
                    for c in conflicts.iter().filter(|c| !c.lost.trim().is_empty()) {
                        out.push(format!("  not kept from {}: {}", copy.label, c.lost.trim()));
                    }
                }
            }
        }
        out
    }
}
