//! The proceedings as one HTML page: self-contained (inline CSS, no scripts, no fonts or
//! images fetched from anywhere), readable on screen and when printed, with the vote as a
//! bar chart whose numbers are printed beside the bars so nothing rests on colour or length
//! alone. Every piece of typed text is escaped.

use super::Proceedings;
use super::proceedings::*;
use crate::view::IssueView;
use std::fmt::Write;

/// Most spaces side by side in one agenda table: more would not fit a portrait A4 or
/// Letter page, so a bigger wall is written as several tables of this many spaces.
const SPACES_PER_TABLE: usize = 4;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif;\
max-width:62rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff;line-height:1.45;\
overflow-wrap:break-word}
h1{font-size:1.9rem;margin-bottom:.3rem}
h2{font-size:1.4rem;border-bottom:2px solid #222;padding-bottom:.2rem;margin-top:2.5rem}
h3{font-size:1.15rem;margin:1.6rem 0 .3rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0 1.2rem}
caption{text-align:left;font-weight:bold;padding:.2rem 0}
th,td{border:1px solid #888;padding:.35rem .5rem;text-align:left;vertical-align:top;\
overflow-wrap:anywhere}
th{background:#e8e8e8}
table.wall{table-layout:fixed}
table.wall .slot{width:7.5rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;\
overflow-wrap:normal}
.facts{color:#333;margin:.2rem 0 .6rem}
.note{font-style:italic}
.free{color:#555}
.pad{border:none;background:none}
.cancelled{text-decoration:line-through}
.chart td{border:none;border-bottom:1px solid #ccc}
.chart .track{width:45%;white-space:nowrap;overflow-wrap:normal}
.bar{display:inline-block;height:1.1rem;background:#1f4e8c;border:1px solid #0b2447;\
vertical-align:middle;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.dots{font-weight:bold;margin-left:.4rem}
.steps th:nth-child(2),.steps th:nth-child(3){width:18%}
.steps th:nth-child(4),.steps th:nth-child(5){width:12%}
@page{margin:15mm 14mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt;line-height:1.35}\
h1,h2,h3,h4,caption{break-after:avoid;page-break-after:avoid}\
h2{margin-top:1.6rem}tr,li,.facts{break-inside:avoid;page-break-inside:avoid}\
.facts{break-after:avoid;page-break-after:avoid}\
thead{display:table-header-group}tbody tr:first-child{break-before:avoid;page-break-before:avoid}}
@media (max-width:40rem){body{margin:1rem auto;padding:0 .6rem}th,td{padding:.25rem .3rem}\
table.wall,table.wall tbody,table.wall tr,table.wall th,table.wall td{display:block;width:auto}\
table.wall thead,table.wall td.pad{display:none}table.wall tr{margin-bottom:.6rem}\
table.wall td::before{content:attr(data-space) \": \";font-weight:bold;unicode-bidi:isolate}\
table.wall .slot{width:auto}}
";

pub fn render(p: &Proceedings) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&without_bidi_controls(&super::clean::line(&p.state.theme))),
        u(&p.state.theme)
    );
    let _ = writeln!(
        out,
        "<p>Proceedings of the Open Space held on {}: {}.</p>",
        long_date(p.date),
        esc(&summary(p))
    );
    if p.anonymous {
        out.push_str(
            "<p class=\"note\">Personal names have been replaced with neutral labels; small \
             organisations and groups are folded together so nobody is picked out by them.</p>\n",
        );
    }
    who_came(&mut out, p);
    agenda(&mut out, p);
    issues(&mut out, p);
    vote(&mut out, p);
    plan(&mut out, p);
    progress(&mut out, p);
    out.push_str("</body>\n</html>\n");
    out
}

fn who_came(out: &mut String, p: &Proceedings) {
    out.push_str("<h2>Who came</h2>\n");
    if p.state.participants.is_empty() {
        out.push_str("<p>No participants were recorded.</p>\n");
        return;
    }
    let groups: Vec<String> = p
        .group_counts()
        .into_iter()
        .map(|(g, n)| format!("{g} {n}"))
        .collect();
    let _ = writeln!(out, "<p>{}</p>\n<ul>", esc(&groups.join(" · ")));
    for a in p.attendance() {
        if !a.listed {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({})</li>",
                u(&a.heading),
                a.people.len()
            );
            continue;
        }
        let names: Vec<String> = a.people.iter().map(|x| u(&x.name)).collect();
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> ({}): {}</li>",
            u(&a.heading),
            a.people.len(),
            names.join(", ")
        );
    }
    out.push_str("</ul>\n");
}

/// The wall as tables of a few spaces each, so every space fits the printed page.
fn agenda(out: &mut String, p: &Proceedings) {
    out.push_str("<h2>Agenda</h2>\n");
    let (spaces, slots) = (&p.state.spaces, &p.state.slots);
    if spaces.is_empty() || slots.is_empty() {
        out.push_str("<p>No agenda wall was set up.</p>\n");
    } else {
        let parts = spaces.len().div_ceil(SPACES_PER_TABLE);
        for (n, group) in spaces.chunks(SPACES_PER_TABLE).enumerate() {
            out.push_str("<table class=\"wall\">\n");
            if parts > 1 {
                let first = n * SPACES_PER_TABLE + 1;
                let _ = writeln!(
                    out,
                    "<caption>Spaces {first}–{} of {}</caption>",
                    first + group.len() - 1,
                    spaces.len()
                );
            }
            out.push_str("<thead><tr><th scope=\"col\" class=\"slot\">Slot</th>");
            for s in group {
                let _ = write!(out, "<th scope=\"col\">{}</th>", u(&s.name));
            }
            // Empty columns keep every part's columns as wide as the first's.
            for _ in group.len()..SPACES_PER_TABLE.min(spaces.len()) {
                out.push_str("<td class=\"pad\"></td>");
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for slot in slots {
                let _ = write!(
                    out,
                    "<tr><th scope=\"row\">{}<br>{}</th>",
                    u(&slot.label),
                    slot_times(slot)
                );
                for space in group {
                    // On a phone the wall is read slot by slot, each cell named by its space.
                    let named = format!("data-space=\"{}\"", esc(&space.name));
                    match p.cell(space, slot) {
                        Some(i) if i.cancelled => {
                            let _ = write!(
                                out,
                                "<td {named}><span class=\"cancelled\">#{} {}</span> (did not take place)</td>",
                                i.id,
                                u(&i.title)
                            );
                        }
                        Some(i) => {
                            let _ = write!(out, "<td {named}>#{} {}</td>", i.id, u(&i.title));
                        }
                        None => {
                            let _ = write!(out, "<td class=\"free\" {named}>free</td>");
                        }
                    }
                }
                for _ in group.len()..SPACES_PER_TABLE.min(spaces.len()) {
                    out.push_str("<td class=\"pad\"></td>");
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    let unplaced = p.unplaced();
    if !unplaced.is_empty() {
        out.push_str("<h3>Not placed on the wall</h3>\n<ul>\n");
        for i in unplaced {
            let _ = writeln!(out, "<li>#{} {}{}</li>", i.id, u(&i.title), convener(i));
        }
        out.push_str("</ul>\n");
    }
}

fn convener(i: &IssueView) -> String {
    i.convener
        .as_deref()
        .map_or_else(String::new, |c| format!(" (convener: {})", u(c)))
}

fn issues(out: &mut String, p: &Proceedings) {
    out.push_str("<h2>Issues and breakout reports</h2>\n");
    if p.issues().next().is_none() {
        out.push_str("<p>No issues were raised.</p>\n");
    }
    for i in p.issues() {
        let _ = writeln!(
            out,
            "<section class=\"issue\">\n<h3>{}. {}</h3>",
            i.id,
            u(&i.title)
        );
        let _ = writeln!(
            out,
            "<p class=\"facts\">{}</p>",
            p.facts_as(i, u).join(" · ")
        );
        for line in i
            .description
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            let _ = writeln!(out, "<p dir=\"auto\">{}</p>", esc(line));
        }
        for m in p.merged_into(i.id) {
            let _ = writeln!(
                out,
                "<p>Merged into this issue: #{} {}{}.</p>",
                m.id,
                u(&m.title),
                convener(m)
            );
        }
        report(out, i);
        out.push_str("</section>\n");
    }
}

/// Who convened it, where and when it ran, and its dots, with each typed part isolated.
fn report(out: &mut String, i: &IssueView) {
    let r = &i.report;
    if i.cancelled {
        out.push_str("<p><strong>This breakout did not take place.</strong></p>\n");
    }
    if r.attendees == 0
        && r.key_points.is_empty()
        && r.recommendations.is_empty()
        && r.follow_up.is_empty()
    {
        if !i.cancelled {
            out.push_str("<p class=\"note\">No report was recorded.</p>\n");
        }
        return;
    }
    if r.attendees > 0 || !r.attendee_names.is_empty() {
        let names: Vec<String> = r.attendee_names.iter().map(|n| u(n)).collect();
        let list = if names.is_empty() {
            "names not recorded.".to_string()
        } else {
            names.join(", ")
        };
        // A short list of names says so: "(9 attended, 8 named)".
        let count = if names.is_empty() || names.len() >= r.attendees as usize {
            r.attendees.to_string()
        } else {
            r.attendance()
        };
        let _ = writeln!(out, "<p><strong>Attendees ({count}):</strong> {list}</p>");
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
        let _ = writeln!(out, "<h4>{title}</h4>\n<ul>");
        for point in list {
            let _ = writeln!(out, "<li dir=\"auto\">{}</li>", esc(point));
        }
        out.push_str("</ul>\n");
    }
}

fn vote(out: &mut String, p: &Proceedings) {
    out.push_str("<h2>Vote</h2>\n");
    if p.state.rounds.is_empty() {
        out.push_str("<p>No vote was held.</p>\n");
        return;
    }
    for round in &p.state.rounds {
        let _ = writeln!(
            out,
            "<h3>Round {}</h3>\n<p>{}.</p>",
            round.id,
            esc(&round_terms(p, round))
        );
        out.push_str(
            "<table class=\"chart\">\n<thead><tr><th class=\"num\" scope=\"col\">Rank</th>\
             <th scope=\"col\">Issue</th><th scope=\"col\">Dots</th></tr></thead>\n<tbody>\n",
        );
        let top = round.results.first().map_or(0, |r| r.dots).max(1);
        for r in &round.results {
            let title = p.issue(r.issue).map_or("", |i| i.title.as_str());
            // No bar at all for no dots, rather than a sliver that reads as one. The longest
            // bar takes three quarters of its cell, so the count beside it never wraps.
            let bar = match r.dots {
                0 => String::new(),
                n => format!(
                    "<span class=\"bar\" style=\"width:{}%\"></span>",
                    (n * 75).div_ceil(top)
                ),
            };
            let _ = writeln!(
                out,
                "<tr><td class=\"num\">{}</td><td>#{} {}</td><td class=\"track\">{bar}\
                 <span class=\"dots\">{}</span></td></tr>",
                rank_label(round, r),
                r.issue,
                u(title),
                r.dots
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

/// One block per priority, with its next steps in a five-column table: nine columns side by
/// side would not fit a printed page.
fn plan(out: &mut String, p: &Proceedings) {
    out.push_str("<h2>Action plan</h2>\n");
    let priorities = p.priorities();
    if priorities.is_empty() {
        out.push_str("<p>No action plan was recorded.</p>\n");
        return;
    }
    let latest = p.state.rounds.last();
    for pr in priorities {
        let i = pr.issue;
        let rank = match (latest, pr.result) {
            (Some(round), Some(r)) => format!("Priority {}: ", rank_label(round, r)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<section class=\"priority\">\n<h3>{rank}#{} {}</h3>",
            i.id,
            u(&i.title)
        );
        let mut facts = vec![];
        if let Some(t) = i.triage {
            facts.push(format!("Decision: {}", t.label()));
        }
        facts.push(match &i.lead {
            Some(lead) => format!("Lead: {}", u(lead)),
            None => "No lead yet".to_string(),
        });
        if !i.supporters.is_empty() {
            let names: Vec<String> = i.supporters.iter().map(|s| u(s)).collect();
            facts.push(format!("Supporters: {}", names.join(", ")));
        }
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
        if i.next_steps.is_empty() {
            out.push_str("<p class=\"note\">No next steps were recorded.</p>\n</section>\n");
            continue;
        }
        out.push_str(
            "<table class=\"steps\">\n<thead><tr><th scope=\"col\">Next step</th>\
             <th scope=\"col\">Owner</th><th scope=\"col\">Due</th>\
             <th scope=\"col\">Horizon</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n",
        );
        for s in &i.next_steps {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                u(&s.text),
                s.owner.as_deref().map_or_else(String::new, u),
                s.due.map_or_else(String::new, short_date),
                s.horizon.label(),
                s.status.label()
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
}

/// Typed text, escaped and isolated: whatever direction it runs in, or however its bidi
/// controls are left open, the text around it keeps its own.
fn u(raw: &str) -> String {
    format!("<bdi>{}</bdi>", esc(raw))
}

/// The page title cannot hold markup, so its direction controls are dropped instead.
fn without_bidi_controls(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// A follow-up's progress report: each action's story across the programme's meetings.
fn progress(out: &mut String, p: &Proceedings) {
    use super::progress::{entries, meetings, priorities, story};
    if p.state.follow_up.is_none() {
        return;
    }
    out.push_str("<h2>Progress on the plan</h2>\n");
    let named: Vec<String> = meetings(p)
        .iter()
        .map(|(d, theme)| format!("{} ({})", long_date(*d), esc(theme)))
        .collect();
    let _ = writeln!(
        out,
        "<p>Meetings of this programme: {}.</p>",
        named.join("; ")
    );
    let priorities = priorities(p);
    if priorities.is_empty() {
        out.push_str("<p>No actions were carried or added.</p>\n");
        return;
    }
    for i in priorities {
        let lead = i
            .lead
            .as_deref()
            .map(|l| format!(" (lead: {})", esc(l)))
            .unwrap_or_default();
        let new = if i.carried_from.is_none() {
            " <em>(new at this meeting)</em>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<section class=\"issue\">\n<h3>#{} {}{lead}{new}</h3>",
            i.id,
            esc(&i.title)
        );
        if i.next_steps.is_empty() {
            out.push_str("<p>No next steps.</p>\n</section>\n");
            continue;
        }
        out.push_str("<ul>\n");
        for s in &i.next_steps {
            let owner = s
                .owner
                .as_deref()
                .map(|o| format!(" ({})", esc(o)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>{owner}: {}</li>",
                esc(&s.text),
                esc(&story(&entries(s, p.date)))
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
}

/// Text escaped for HTML content and attribute values; line breaks shown as breaks.
fn esc(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}
