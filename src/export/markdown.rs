//! The proceedings as Markdown, for the email after the event: readable as plain text and
//! rendered well by GitHub-flavoured Markdown (tables). All typed text is escaped, so a
//! title with `*`, `|` or `<` shows as typed and never breaks a table or becomes a link.

use super::Proceedings;
use super::proceedings::*;
use crate::view::IssueView;
use std::fmt::Write;

/// What an anonymous export says about itself.
const ANONYMOUS_NOTE: &str = "*Personal names have been replaced with neutral labels; small \
organisations and groups are folded together so nobody is picked out by them.*\n\n";

/// Longest vote bar, in dots; larger totals are scaled to fit.
const BAR: u32 = 30;

pub fn render(p: &Proceedings) -> String {
    let mut out = String::new();
    header(&mut out, p);
    who_came(&mut out, p);
    agenda(&mut out, p);
    issues(&mut out, p);
    vote(&mut out, p);
    plan(&mut out, p);
    progress(&mut out, p);
    out
}

/// A follow-up's progress report: each action's story across the programme's meetings.
fn progress(out: &mut String, p: &Proceedings) {
    use super::progress::{entries, meetings, priorities, story};
    if p.state.follow_up.is_none() {
        return;
    }
    out.push_str(
        "## Progress on the plan

",
    );
    let named: Vec<String> = meetings(p)
        .iter()
        .map(|(d, theme)| format!("{} ({})", long_date(*d), text(theme)))
        .collect();
    let _ = writeln!(out, "Meetings of this programme: {}.\n", named.join("; "));
    let priorities = priorities(p);
    if priorities.is_empty() {
        out.push_str("No actions were carried or added.\n\n");
        return;
    }
    for i in priorities {
        let lead = i
            .lead
            .as_deref()
            .map(|l| format!(" (lead: {})", text(l)))
            .unwrap_or_default();
        let new = if i.carried_from.is_none() {
            " *(new at this meeting)*"
        } else {
            ""
        };
        let _ = writeln!(out, "### #{} {}{lead}{new}\n", i.id, text(&i.title));
        if i.next_steps.is_empty() {
            out.push_str("No next steps.\n\n");
            continue;
        }
        for s in &i.next_steps {
            let owner = s
                .owner
                .as_deref()
                .map(|o| format!(" ({})", text(o)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}**{owner}: {}",
                text(&s.text),
                text(&story(&entries(s, p.date)))
            );
        }
        out.push('\n');
    }
}

fn header(out: &mut String, p: &Proceedings) {
    let _ = writeln!(out, "# {}\n", text(&p.state.theme));
    let _ = writeln!(
        out,
        "Proceedings of the Open Space held on {}: {}.\n",
        long_date(p.date),
        summary(p)
    );
    if p.anonymous {
        out.push_str(ANONYMOUS_NOTE);
    }
}

fn who_came(out: &mut String, p: &Proceedings) {
    out.push_str("## Who came\n\n");
    if p.state.participants.is_empty() {
        out.push_str("No participants were recorded.\n\n");
        return;
    }
    let groups: Vec<String> = p
        .group_counts()
        .into_iter()
        .map(|(g, n)| format!("{g} {n}"))
        .collect();
    if !groups.is_empty() {
        let _ = writeln!(out, "{}\n", groups.join(" · "));
    }
    for a in p.attendance() {
        if !a.listed {
            let _ = writeln!(out, "- **{}** ({})", text(&a.heading), a.people.len());
            continue;
        }
        let names: Vec<String> = a.people.iter().map(|x| text(&x.name)).collect();
        let _ = writeln!(
            out,
            "- **{}** ({}): {}",
            text(&a.heading),
            a.people.len(),
            names.join(", ")
        );
    }
    out.push('\n');
}

fn agenda(out: &mut String, p: &Proceedings) {
    out.push_str("## Agenda\n\n");
    let (spaces, slots) = (&p.state.spaces, &p.state.slots);
    if spaces.is_empty() || slots.is_empty() {
        out.push_str("No agenda wall was set up.\n\n");
    } else {
        out.push_str("| Slot |");
        for s in spaces {
            let _ = write!(out, " {} |", cell(&s.name));
        }
        out.push_str("\n| --- |");
        out.push_str(&" --- |".repeat(spaces.len()));
        out.push('\n');
        for slot in slots {
            let times = slot_times(slot);
            let sep = if times.is_empty() { "" } else { " " };
            let _ = write!(out, "| **{}**{sep}{times} |", cell(&slot.label));
            for space in spaces {
                match p.cell(space, slot) {
                    Some(i) if i.cancelled => {
                        let _ = write!(
                            out,
                            " #{} {} *(did not take place)* |",
                            i.id,
                            cell(&i.title)
                        );
                    }
                    Some(i) => {
                        let _ = write!(out, " #{} {} |", i.id, cell(&i.title));
                    }
                    None => out.push_str(" — |"),
                }
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let unplaced = p.unplaced();
    if !unplaced.is_empty() {
        out.push_str("Not placed on the wall:\n\n");
        for i in unplaced {
            let _ = writeln!(out, "- #{} {}{}", i.id, text(&i.title), convener(i));
        }
        out.push('\n');
    }
}

fn convener(i: &IssueView) -> String {
    i.convener
        .as_deref()
        .map_or_else(String::new, |c| format!(" (convener: {})", text(c)))
}

fn issues(out: &mut String, p: &Proceedings) {
    out.push_str("## Issues and breakout reports\n\n");
    if p.issues().next().is_none() {
        out.push_str("No issues were raised.\n\n");
    }
    for i in p.issues() {
        let _ = writeln!(out, "### {}. {}\n", i.id, text(&i.title));
        let facts: Vec<String> = p.facts(i).iter().map(|f| text(f)).collect();
        let _ = writeln!(out, "{}\n", facts.join(" · "));
        for line in i
            .description
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let _ = writeln!(out, "{}\n", block_line(line));
        }
        for m in p.merged_into(i.id) {
            let _ = writeln!(
                out,
                "Merged into this issue: #{} {}{}.\n",
                m.id,
                text(&m.title),
                convener(m)
            );
        }
        report(out, i);
    }
}

fn report(out: &mut String, i: &IssueView) {
    let r = &i.report;
    if i.cancelled {
        out.push_str("**This breakout did not take place.**\n\n");
    }
    if r.attendees == 0 && r.key_points.is_empty() && r.recommendations.is_empty() {
        if !i.cancelled && r.follow_up.is_empty() {
            out.push_str("*No report was recorded.*\n\n");
        }
        if r.follow_up.is_empty() {
            return;
        }
    }
    if r.attendees > 0 || !r.attendee_names.is_empty() {
        let names: Vec<String> = r.attendee_names.iter().map(|n| text(n)).collect();
        // A short list of names says so: "(9 attended, 8 named)".
        let count = if names.is_empty() || names.len() >= r.attendees as usize {
            r.attendees.to_string()
        } else {
            r.attendance()
        };
        let _ = write!(out, "**Attendees ({count}):**");
        if names.is_empty() {
            out.push_str(" names not recorded.\n\n");
        } else {
            let _ = writeln!(out, " {}\n", names.join(", "));
        }
    }
    for (title, body) in [
        ("Key points", &r.key_points),
        ("Recommendations", &r.recommendations),
        ("Follow-up", &r.follow_up),
    ] {
        let list = points(body);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{title}**\n");
        for point in list {
            let _ = writeln!(out, "- {}", block_line(point));
        }
        out.push('\n');
    }
}

fn vote(out: &mut String, p: &Proceedings) {
    out.push_str("## Vote\n\n");
    if p.state.rounds.is_empty() {
        out.push_str("No vote was held.\n\n");
        return;
    }
    for round in &p.state.rounds {
        let _ = writeln!(out, "### Round {}\n", round.id);
        let _ = writeln!(out, "{}.\n", round_terms(p, round));
        out.push_str("| Rank | Issue | Dots | |\n| ---: | --- | ---: | --- |\n");
        let top = round.results.first().map_or(0, |r| r.dots);
        for r in &round.results {
            let title = p.issue(r.issue).map_or("", |i| i.title.as_str());
            let bar = if top <= BAR {
                r.dots
            } else {
                (r.dots * BAR).div_ceil(top.max(1))
            };
            let _ = writeln!(
                out,
                "| {} | #{} {} | {} | {} |",
                rank_label(round, r),
                r.issue,
                cell(title),
                r.dots,
                "●".repeat(bar as usize)
            );
        }
        if top > BAR {
            out.push_str("\nBars are scaled to fit; the numbers are exact.\n");
        }
        out.push('\n');
    }
}

fn plan(out: &mut String, p: &Proceedings) {
    out.push_str("## Action plan\n\n");
    let priorities = p.priorities();
    if priorities.is_empty() {
        out.push_str("No action plan was recorded.\n");
        return;
    }
    out.push_str(
        "| Priority | Decision | Lead | Supporters | Next step | Owner | Due | Horizon | Status |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let latest = p.state.rounds.last();
    for pr in priorities {
        let i = pr.issue;
        let rank = match (latest, pr.result) {
            (Some(round), Some(r)) => format!("**{}** ", rank_label(round, r)),
            _ => String::new(),
        };
        let first = [
            format!("{rank}#{} {}", i.id, cell(&i.title)),
            i.triage.map_or_else(String::new, |t| t.label().to_string()),
            i.lead.as_deref().map_or_else(String::new, cell),
            i.supporters
                .iter()
                .map(|s| cell(s))
                .collect::<Vec<_>>()
                .join(", "),
        ];
        let steps: Vec<[String; 5]> = i
            .next_steps
            .iter()
            .map(|s| {
                [
                    cell(&s.text),
                    s.owner.as_deref().map_or_else(String::new, cell),
                    s.due.map_or_else(String::new, short_date),
                    s.horizon.label().to_string(),
                    s.status.label().to_string(),
                ]
            })
            .collect();
        if steps.is_empty() {
            let _ = writeln!(out, "| {} |  |  |  |  |  |", first.join(" | "));
        }
        for (n, step) in steps.iter().enumerate() {
            let lead = if n == 0 {
                first.join(" | ")
            } else {
                ["", "", "", ""].join(" | ")
            };
            let _ = writeln!(out, "| {lead} | {} |", step.join(" | "));
        }
    }
}

/// Inline text on one line, with Markdown's special characters escaped.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c == '\n' || c == '\t' {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text for a table cell: escaped, on one line.
fn cell(raw: &str) -> String {
    text(raw.trim())
}

/// A line that starts a paragraph: escaped, and kept from turning into a list, heading or
/// rule by what it happens to begin with.
fn block_line(raw: &str) -> String {
    let escaped = text(raw);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let next = escaped[digits..].chars().next();
    if digits > 0 && matches!(next, Some('.') | Some(')')) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else if matches!(escaped.chars().next(), Some('-' | '+' | '=')) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}
