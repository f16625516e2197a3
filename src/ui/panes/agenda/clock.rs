//! The agenda against the clock: which slot is running now, which comes next, how long the
//! running one has left, and slot times as the room reads and the facilitator types them.
//! Times of day only: the wall is about the day of the event, whatever the laptop's zone.

use crate::model::Slot;
use chrono::NaiveTime;

/// When a slot ends: its own end time, else the start of the next slot that starts later.
/// The last slot without an end runs to the end of the day.
pub fn effective_end(slots: &[&Slot], index: usize) -> Option<NaiveTime> {
    let slot = slots.get(index)?;
    if slot.ends.is_some() {
        return slot.ends;
    }
    let starts = slot.starts?;
    slots
        .iter()
        .filter_map(|s| s.starts)
        .filter(|s| *s > starts)
        .min()
}

/// The slot running at `t` (index in the order given), if any.
pub fn now_slot(slots: &[&Slot], t: NaiveTime) -> Option<usize> {
    (0..slots.len()).find(|&i| {
        let Some(starts) = slots[i].starts else {
            return false;
        };
        starts <= t && effective_end(slots, i).is_none_or(|end| t < end)
    })
}

/// The first slot starting after `t`.
pub fn next_slot(slots: &[&Slot], t: NaiveTime) -> Option<usize> {
    (0..slots.len())
        .filter(|&i| slots[i].starts.is_some_and(|s| s > t))
        .min_by_key(|&i| slots[i].starts)
}

/// Seconds left in the running slot, if one is running and has an end.
pub fn seconds_left(slots: &[&Slot], t: NaiveTime) -> Option<i64> {
    let i = now_slot(slots, t)?;
    let end = effective_end(slots, i)?;
    Some((end - t).num_seconds().max(0))
}

/// "10:00–10:45", "from 10:00", "until 10:45", or "" when the slot has no times or its
/// label already says them.
pub fn times(slot: &Slot) -> String {
    crate::model::slot_times(&slot.label, slot.starts, slot.ends)
}

pub fn hm(t: Option<NaiveTime>) -> String {
    t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
}

/// A typed time of day: empty means none; "9:30", "09:30" and "9.30" are accepted.
/// The error is a sentence for the screen, with an example.
pub fn parse_time(text: &str) -> Result<Option<NaiveTime>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let normal = text.replace('.', ":");
    let parsed = normal.split_once(':').and_then(|(h, m)| {
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(h) || h.len() > 2 || m.len() != 2 || !digits(m) {
            return None;
        }
        NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
    });
    parsed.map(Some).ok_or_else(|| {
        format!(
            "\"{}\" is not a time: type HH:MM, e.g. 09:30",
            crate::ui::text::fit(text, 12)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SlotId;

    fn slot(id: u32, starts: Option<&str>, ends: Option<&str>) -> Slot {
        let t = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").unwrap();
        Slot {
            id: SlotId(id),
            label: format!("Slot {id}"),
            starts: starts.map(t),
            ends: ends.map(t),
        }
    }

    fn at(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M:%S").unwrap()
    }

    #[test]
    fn running_slot_by_time_of_day() {
        let a = slot(1, Some("10:00"), Some("10:45"));
        let b = slot(2, Some("11:00"), None);
        let c = slot(3, Some("13:30"), None);
        let d = slot(4, None, None);
        let slots = [&a, &b, &c, &d];
        assert_eq!(now_slot(&slots, at("09:59:59")), None);
        assert_eq!(now_slot(&slots, at("10:00:00")), Some(0));
        assert_eq!(now_slot(&slots, at("10:45:00")), None);
        assert_eq!(next_slot(&slots, at("10:45:00")), Some(1));
        assert_eq!(
            now_slot(&slots, at("12:00:00")),
            Some(1),
            "runs until the next start"
        );
        assert_eq!(
            now_slot(&slots, at("23:00:00")),
            Some(2),
            "last one runs on"
        );
        assert_eq!(seconds_left(&slots, at("10:30:30")), Some(14 * 60 + 30));
        assert_eq!(seconds_left(&slots, at("23:00:00")), None);
    }

    #[test]
    fn typed_times() {
        assert_eq!(parse_time(""), Ok(None));
        assert_eq!(parse_time(" 9:30 "), Ok(Some(at("09:30:00"))));
        assert_eq!(parse_time("14.05"), Ok(Some(at("14:05:00"))));
        for bad in ["9", "25:00", "10:60", "9h30", "1:5", "-1:30", "١٠:٣٠"] {
            let err = parse_time(bad).unwrap_err();
            assert!(err.contains("09:30"), "{bad}: {err}");
        }
        assert_eq!(times(&slot(1, Some("10:00"), Some("10:45"))), "10:00–10:45");
        assert_eq!(times(&slot(1, None, None)), "");
    }
}
