//! The verdict for each kind of change a copy brings, once its ids are this session's:
//! brought in, already there, or a conflict recorded with both values.

use super::texts::*;
use super::*;

impl Target {
    /// A person, space or slot added on the copy that is already here by the roster's
    /// rule for names is the same one.
    pub(super) fn matched(&mut self, cx: &mut Cx, item: &Item) -> bool {
        match &item.change {
            Change::ParticipantAdded {
                participant,
                name,
                organisation,
                group,
            } => {
                let Some(same) = self
                    .session
                    .participants
                    .values()
                    .find(|p| same_name(p.name.trim(), name.trim()))
                    .cloned()
                else {
                    return false;
                };
                cx.map.participants.insert(participant.0, same.id.0);
                let org = organisation.clone().filter(|o| !o.trim().is_empty());
                let details = |name: &str| Change::ParticipantUpdated {
                    participant: same.id,
                    name: name.to_string(),
                    organisation: org.clone().or(same.organisation.clone()),
                    group: group.or(same.group),
                };
                if self.would_change(item.at, &details(&same.name)) == Some(false) {
                    self.already(cx, item, &details(&same.name));
                    return true;
                }
                let what = format!("{} added on both with other details", quote(name.trim()));
                match self.verdict(cx, Key::Details(same.id), item.at) {
                    Verdict::Free => {
                        self.emit_or_conflict(cx, item, details(&same.name));
                    }
                    Verdict::Win(loser) => {
                        let theirs = Change::ParticipantUpdated {
                            participant: same.id,
                            name: name.trim().to_string(),
                            organisation: org.clone(),
                            group: *group,
                        };
                        if self.emit_or_conflict(cx, item, theirs) {
                            let kept =
                                format!("{}'s kept (captured earlier than {loser}'s)", cx.label);
                            cx.conflicts.push(Conflict {
                                seq: item.seq,
                                what,
                                kept,
                                lost: String::new(),
                            });
                        }
                    }
                    Verdict::Keep(owner) => {
                        let kept = format!("{owner}'s details kept");
                        self.conflict(cx, item, what, kept, org.unwrap_or_default());
                    }
                }
                true
            }
            Change::SpaceAdded { space, name } => {
                let Some(same) = self
                    .session
                    .spaces
                    .values()
                    .find(|s| same_name(s.name.trim(), name.trim()))
                else {
                    return false;
                };
                let key = Change::SpaceRemoved { space: same.id };
                cx.map.spaces.insert(space.0, same.id.0);
                self.already(cx, item, &key);
                true
            }
            Change::SlotAdded { slot, label, .. } => {
                let Some(same) = self
                    .session
                    .slots
                    .values()
                    .find(|s| same_name(s.label.trim(), label.trim()))
                else {
                    return false;
                };
                let key = Change::SlotRemoved { slot: same.id };
                cx.map.slots.insert(slot.0, same.id.0);
                self.already(cx, item, &key);
                true
            }
            Change::SessionCreated { .. }
            | Change::ParticipantUpdated { .. }
            | Change::SpaceRemoved { .. }
            | Change::SlotRemoved { .. }
            | Change::ThemeSet { .. }
            | Change::ReportReminderSet { .. }
            | Change::Undo
            | Change::Redo
            | Change::ParticipantRemoved { .. }
            | Change::SpaceRenamed { .. }
            | Change::SlotUpdated { .. }
            | Change::IssuePlaced { .. }
            | Change::IssueUnplaced { .. }
            | Change::IssueRaised { .. }
            | Change::IssueEdited { .. }
            | Change::IssueDeleted { .. }
            | Change::IssuesMerged { .. }
            | Change::IssueCancelled { .. }
            | Change::ReportRecorded { .. }
            | Change::RoundOpened { .. }
            | Change::RoundClosed { .. }
            | Change::RoundReopened { .. }
            | Change::ResultsRevealed { .. }
            | Change::DotAdded { .. }
            | Change::DotRemoved { .. }
            | Change::TallySet { .. }
            | Change::LeadAssigned { .. }
            | Change::SupporterAdded { .. }
            | Change::SupporterRemoved { .. }
            | Change::StepAdded { .. }
            | Change::StepUpdated { .. }
            | Change::StepRemoved { .. }
            | Change::TriageSet { .. }
            | Change::FollowUpStarted { .. }
            | Change::PriorityCarried { .. }
            | Change::StepCarried { .. }
            | Change::ProgressRecorded { .. }
            | Change::AbsenceSet { .. }
            | Change::CopyMade { .. }
            | Change::CopyMerged { .. } => false,
        }
    }

    /// The verdict for each kind of change, once its ids are this session's.
    pub(super) fn settle(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        use Change::*;
        match &change {
            // Never part of a copy's net changes (see `net`), and nothing to bring in.
            // A follow-up's founding step comes before any copy of it, so it is there too.
            SessionCreated { .. }
            | Undo
            | Redo
            | CopyMade { .. }
            | CopyMerged { .. }
            | FollowUpStarted { .. }
            | PriorityCarried { .. }
            | StepCarried { .. } => {
                cx.fates.push((item.seq, Fate::AlreadyThere));
            }
            ParticipantAdded { .. }
            | SpaceAdded { .. }
            | SlotAdded { .. }
            | IssueRaised { .. }
            | IssuesMerged { .. }
            | RoundOpened { .. }
            | RoundClosed { .. }
            | RoundReopened { .. }
            | ResultsRevealed { .. }
            | DotAdded { .. }
            | DotRemoved { .. }
            | SupporterAdded { .. }
            | SupporterRemoved { .. }
            | StepAdded { .. } => {
                self.emit_or_conflict(cx, item, change);
            }
            ThemeSet { .. }
            | ReportReminderSet { .. }
            | TallySet { .. }
            | ParticipantUpdated { .. }
            | SpaceRenamed { .. }
            | SlotUpdated { .. }
            | IssueUnplaced { .. }
            | IssueCancelled { .. }
            | LeadAssigned { .. }
            | StepUpdated { .. }
            | ProgressRecorded { .. }
            | AbsenceSet { .. }
            | TriageSet { .. } => self.scalar(cx, item, change, what),
            ParticipantRemoved { .. } | IssueDeleted { .. } | StepRemoved { .. } => {
                self.removal(cx, item, change, what)
            }
            SpaceRemoved { space } => {
                let used = self
                    .session
                    .active_issues()
                    .any(|i| i.placement.is_some_and(|p| p.space == *space));
                if used {
                    let kept = "MAIN kept it: issues are placed there".to_string();
                    self.conflict(cx, item, what, kept, String::new());
                } else {
                    self.removal(cx, item, change, what);
                }
            }
            SlotRemoved { slot } => {
                let used = self
                    .session
                    .active_issues()
                    .any(|i| i.placement.is_some_and(|p| p.slot == *slot));
                if used {
                    let kept = "MAIN kept it: issues are placed in it".to_string();
                    self.conflict(cx, item, what, kept, String::new());
                } else {
                    self.removal(cx, item, change, what);
                }
            }
            IssuePlaced { .. } => self.place(cx, item, change, what),
            ReportRecorded { .. } => self.report(cx, item, change),
            IssueEdited { .. } => self.issue_text(cx, item, change, what),
        }
    }

    /// One value that either side may set: the main side's stands, between copies the
    /// earlier one.
    fn scalar(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let key = keys(&change)
            .into_iter()
            .find(|k| !matches!(k, Key::Issue(_)))
            .expect("every scalar change sets a key of its own");
        match self.verdict(cx, key, item.at) {
            Verdict::Free => {
                self.emit_or_conflict(cx, item, change);
            }
            Verdict::Win(loser) => {
                if self.would_change(item.at, &change) == Some(false) {
                    self.already(cx, item, &change);
                } else if self.emit_or_conflict(cx, item, change) {
                    cx.conflicts.push(Conflict {
                        seq: item.seq,
                        what: changed_both(&what),
                        kept: format!("{} kept (captured earlier than {loser}'s)", cx.label),
                        lost: String::new(),
                    });
                }
            }
            Verdict::Keep(owner) => match self.would_change(item.at, &change) {
                Some(false) => self.already(cx, item, &change),
                Some(true) => {
                    let lost = texts_of(&item.change);
                    self.conflict(cx, item, changed_both(&what), format!("{owner} kept"), lost);
                }
                None => {
                    self.emit_or_conflict(cx, item, change);
                }
            },
        }
    }

    /// Taking something away holds only if nobody else touched it since the parting:
    /// for an issue, nor any issue folded into it, which goes with it.
    fn removal(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let mut gone = keys(&change);
        gone.truncate(1);
        if let Change::IssueDeleted { issue } = change {
            let mut next = 0;
            let mut ids = vec![issue];
            while let Some(&target) = ids.get(next) {
                let folded = self.session.issues.values();
                ids.extend(
                    folded
                        .filter(|i| i.merged_into == Some(target))
                        .map(|i| i.id),
                );
                next += 1;
            }
            gone = ids.into_iter().map(Key::Issue).collect();
        }
        for key in gone {
            if let Verdict::Keep(owner) | Verdict::Win(owner) = self.verdict(cx, key, item.at) {
                let kept = format!("kept, since {owner} changed it meanwhile");
                self.conflict(cx, item, what, kept, String::new());
                return;
            }
        }
        self.emit_or_conflict(cx, item, change);
    }

    fn place(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let Change::IssuePlaced { issue, space, slot } = change else {
            return;
        };
        let here = Placement { space, slot };
        let current = self.session.issues.get(&issue).and_then(|i| i.placement);
        if current == Some(here) {
            self.already(cx, item, &change);
            return;
        }
        if let Verdict::Keep(owner) = self.verdict(cx, Key::Placement(issue), item.at) {
            let kept = format!("{owner}'s placement kept");
            self.conflict(cx, item, changed_both(&what), kept, String::new());
            return;
        }
        let occupant = self.session.issue_at(here).map(|i| (i.id, i.title.clone()));
        let Some((other, title)) = occupant else {
            self.emit_or_conflict(cx, item, change);
            return;
        };
        let what = format!("{what}: the cell was filled on both");
        match self.verdict(cx, Key::Cell(here), item.at) {
            Verdict::Win(loser) => {
                // The later move of the other issue into this cell gives way: it goes back
                // where this copy has it, if that is free, else off the wall.
                let back = self
                    .where_theirs(cx, other)
                    .filter(|p| *p != here && self.session.issue_at(*p).is_none());
                let unplace = match back {
                    Some(p) => Change::IssuePlaced {
                        issue: other,
                        space: p.space,
                        slot: p.slot,
                    },
                    None => Change::IssueUnplaced { issue: other },
                };
                if self.emit(cx, item, unplace).is_ok() && self.emit_or_conflict(cx, item, change) {
                    cx.conflicts.push(Conflict {
                        seq: item.seq,
                        what,
                        kept: format!(
                            "{}'s kept (captured earlier); {loser}'s issue {other} {} moved back",
                            cx.label,
                            quote(&title)
                        ),
                        lost: String::new(),
                    });
                }
            }
            Verdict::Keep(owner) => {
                let kept = format!("{owner}'s issue {other} {} kept there", quote(&title));
                self.conflict(cx, item, what, kept, String::new());
            }
            Verdict::Free => {
                let kept = format!("MAIN's issue {other} {} kept there", quote(&title));
                self.conflict(cx, item, what, kept, String::new());
            }
        }
    }

    /// Where the copy has an issue of this session, in this session's ids.
    fn where_theirs(&self, cx: &Cx, issue: IssueId) -> Option<Placement> {
        let back = |map: &BTreeMap<u32, u32>, shared: u32, id: u32| {
            map.iter()
                .find(|(_, n)| **n == id)
                .map(|(o, _)| *o)
                .or((id <= shared).then_some(id))
        };
        let (m, b) = (&cx.map, &cx.before);
        let theirs = IssueId(back(&m.issues, b.issue, issue.0)?);
        let place = cx.theirs.issues.get(&theirs)?.placement?;
        let forward = |map: &BTreeMap<u32, u32>, shared: u32, id: u32| {
            map.get(&id).copied().or((id <= shared).then_some(id))
        };
        Some(Placement {
            space: SpaceId(forward(&m.spaces, b.space, place.space.0)?),
            slot: SlotId(forward(&m.slots, b.slot, place.slot.0)?),
        })
    }

    /// Settles a text (`key`, of `issue`) that MAIN and the copy both edited: the first
    /// time, the verdict says whose stands first, `note` says what the conflict list reads
    /// (given that and the other side's label) and the settlement is kept for the copy's
    /// later edits of the same text; `None` where `theirs` was simply brought in (or found
    /// already there), with nothing to join.
    #[allow(clippy::too_many_arguments)]
    fn settle_both<T: Clone>(
        &mut self,
        cx: &mut Cx,
        item: &Item,
        (key, issue): (Key, IssueId),
        kept: fn(&mut Cx) -> &mut BTreeMap<IssueId, Resolution<T>>,
        current: T,
        theirs: Change,
        note: impl FnOnce(bool, &str) -> (String, String),
    ) -> Option<Resolution<T>> {
        if let Some(r) = kept(cx).get(&issue) {
            return Some(r.clone());
        }
        let verdict = self.verdict(cx, key, item.at);
        if let Verdict::Free = verdict {
            self.emit_or_conflict(cx, item, theirs);
            return None;
        }
        match self.would_change(item.at, &theirs) {
            Some(false) => {
                self.already(cx, item, &theirs);
                return None;
            }
            Some(true) => {}
            None => {
                self.emit_or_conflict(cx, item, theirs);
                return None;
            }
        }
        let (main_first, kept_label) = match verdict {
            Verdict::Keep(owner) => (true, owner),
            Verdict::Win(loser) => (false, loser),
            Verdict::Free => unreachable!("handled above"),
        };
        let (what, said) = note(main_first, &kept_label);
        cx.conflicts.push(Conflict {
            seq: item.seq,
            what,
            kept: said,
            lost: String::new(),
        });
        let r = Resolution {
            main_first,
            kept: current,
            kept_label,
        };
        kept(cx).insert(issue, r.clone());
        Some(r)
    }

    fn report(&mut self, cx: &mut Cx, item: &Item, change: Change) {
        let Change::ReportRecorded { issue, report } = change else {
            return;
        };
        let Some(current) = self
            .session
            .issues
            .get(&issue)
            .filter(|i| i.is_active())
            .map(|i| i.report.clone())
        else {
            self.emit_or_conflict(cx, item, Change::ReportRecorded { issue, report });
            return;
        };
        let label = cx.label.clone();
        let theirs = Change::ReportRecorded {
            issue,
            report: report.clone(),
        };
        let note = |main_first: bool, kept_label: &str| {
            let kept = if main_first {
                format!("{kept_label} kept, {label}'s text appended")
            } else {
                format!("{label}'s kept (captured earlier), {kept_label}'s text appended")
            };
            (format!("report of issue {issue} edited on both"), kept)
        };
        let key = (Key::Report(issue), issue);
        let Some(resolution) =
            self.settle_both(cx, item, key, |cx| &mut cx.reports, current, theirs, note)
        else {
            return;
        };
        let joined = if resolution.main_first {
            join_reports(&resolution.kept, &report, &label)
        } else {
            join_reports(&report, &resolution.kept, &resolution.kept_label)
        };
        self.emit_or_conflict(
            cx,
            item,
            Change::ReportRecorded {
                issue,
                report: Box::new(joined),
            },
        );
    }

    fn issue_text(&mut self, cx: &mut Cx, item: &Item, change: Change, what: String) {
        let Change::IssueEdited {
            issue,
            title,
            convener,
            description,
        } = change
        else {
            return;
        };
        let theirs: IssueText = (title, convener, description);
        let edit = |t: IssueText| Change::IssueEdited {
            issue,
            title: t.0,
            convener: t.1,
            description: t.2,
        };
        let Some(current) = self
            .session
            .issues
            .get(&issue)
            .filter(|i| i.is_active())
            .map(|i| (i.title.clone(), i.convener, i.description.clone()))
        else {
            self.emit_or_conflict(cx, item, edit(theirs));
            return;
        };
        let label = cx.label.clone();
        let note = |main_first: bool, kept_label: &str| {
            let kept = if main_first {
                format!("{kept_label}'s kept, {label}'s text appended to the description")
            } else {
                format!(
                    "{label}'s kept (captured earlier), {kept_label}'s text appended to the \
                     description"
                )
            };
            (changed_both(&what), kept)
        };
        let key = (Key::IssueText(issue), issue);
        let probe = edit(theirs.clone());
        let Some(resolution) =
            self.settle_both(cx, item, key, |cx| &mut cx.texts, current, probe, note)
        else {
            return;
        };
        let joined = if resolution.main_first {
            join_issue_text(&resolution.kept, &theirs, &label)
        } else {
            join_issue_text(&theirs, &resolution.kept, &resolution.kept_label)
        };
        self.emit_or_conflict(cx, item, edit(joined));
    }
}
