//! Due dates as a facilitator types them under pressure ("+2w", "next monday", "31/12",
//! "31 Dec") turned into real calendar dates, so a next step always carries a date the
//! follow-up meeting can check. Numeric dates put the day first, as in the UK. Pure: "today"
//! and the session's day are passed in, never read from the clock.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// What works, shown whenever something does not.
pub const DATE_EXAMPLES: &str =
    "31/12/2026, 31 Dec, 2026-12-01, +2w, +10d, +3m, today, tomorrow or next monday";

/// Furthest a relative date may reach: a due date ten years out is a typo, not a plan.
const MAX_DAYS: u64 = 3660;
const MAX_WEEKS: u64 = 520;
const MAX_MONTHS: u32 = 120;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("type a due date, e.g. {DATE_EXAMPLES}")]
    Empty,
    #[error("\"{0}\" is not a date; try {DATE_EXAMPLES}")]
    Unknown(String),
    #[error("{0} is not a day of the calendar; try {DATE_EXAMPLES}")]
    NoSuchDay(String),
    #[error("\"{0}\" is too far ahead; try {DATE_EXAMPLES}")]
    TooFar(String),
}

/// Reads a due date: `2026-12-01`, `+10d`, `+2w`, `+3m` (months; the 31st becomes the last
/// day of a shorter month), `today`, `tomorrow`, `monday` … `sunday` or `next monday` …
/// (both mean the first such day after today; the screen shows the real date, which settles
/// any doubt). Case and spacing do not matter; `mon`, `tues`, `2 weeks` and the like work too.
pub fn parse_due(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_due_on(input, today, today)
}

/// As `parse_due`, and also the forms British facilitators type: `31/12/2026`, `31/12/26`,
/// `31/12`, `31.12.2026`, `31 Dec`, `31st December 2026`, `Dec 31`, `December 31, 2026`
/// (day before month in numeric forms). A date without a year is the next such date on or
/// after `day`, the session's day.
pub fn parse_due_on(
    input: &str,
    today: NaiveDate,
    session_day: NaiveDate,
) -> Result<NaiveDate, DateError> {
    let text = input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let unknown = || DateError::Unknown(text.clone());
    match text.as_str() {
        "today" => return Ok(today),
        "tomorrow" => {
            return today
                .succ_opt()
                .ok_or_else(|| DateError::TooFar(text.clone()));
        }
        _ => {}
    }
    if let Some(rest) = text.strip_prefix('+') {
        return relative(rest.trim_start(), today).map_err(|kind| match kind {
            Relative::Unknown => unknown(),
            Relative::TooFar => DateError::TooFar(text.clone()),
        });
    }
    let day = text.strip_prefix("next ").unwrap_or(&text);
    if let Some(weekday) = weekday(day) {
        return Ok(next_weekday(today, weekday));
    }
    if let Some(date) = iso(&text) {
        return date;
    }
    british(&text, session_day).ok_or_else(unknown)?
}

/// What a typed due date will mean, for the field to show before anything is saved:
/// "→ Thu 31 Dec 2026", or why it cannot be read.
pub fn preview_due(input: &str, today: NaiveDate, day: NaiveDate) -> Result<String, DateError> {
    parse_due_on(input, today, day).map(|d| format!("→ {}", d.format("%a %-d %b %Y")))
}

/// A day, a month and maybe a year: `31/12/2026`, `31.12`, `31 dec 2026`, `dec 31, 2026`.
fn british(text: &str, day: NaiveDate) -> Option<Result<NaiveDate, DateError>> {
    let (d, m, y) = numeric(text).or_else(|| worded(text))?;
    let y = match y {
        Some(y) if y < 100 => Some(2000 + y),
        y => y,
    };
    Some(match y {
        Some(y) => {
            NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
        }
        None => next_on_or_after(day, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_string())),
    })
}

/// `31/12/2026`, `31/12/26`, `31/12`, or with dots.
fn numeric(text: &str) -> Option<(u32, u32, Option<i32>)> {
    let sep = if text.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = text.split(sep).collect();
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    match parts.as_slice() {
        [d, m] if digits(d, 1..=2) && digits(m, 1..=2) => {
            Some((d.parse().ok()?, m.parse().ok()?, None))
        }
        [d, m, y]
            if digits(d, 1..=2) && digits(m, 1..=2) && (digits(y, 2..=2) || digits(y, 4..=4)) =>
        {
            Some((d.parse().ok()?, m.parse().ok()?, Some(y.parse().ok()?)))
        }
        _ => None,
    }
}

/// `31 dec`, `31st december 2026`, `dec 31`, `december 31, 2026`.
fn worded(text: &str) -> Option<(u32, u32, Option<i32>)> {
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let day = |w: &str| -> Option<u32> {
        let w = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w);
        (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let year = |w: &str| -> Option<i32> {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let (d, m, rest) = match words.as_slice() {
        [a, b, rest @ ..] if day(a).is_some() && month(b).is_some() => (day(a)?, month(b)?, rest),
        [a, b, rest @ ..] if month(a).is_some() && day(b).is_some() => (day(b)?, month(a)?, rest),
        _ => return None,
    };
    match rest {
        [] => Some((d, m, None)),
        [y] => Some((d, m, Some(year(y)?))),
        _ => None,
    }
}

fn month(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let text = text.trim_end_matches('.');
    if text == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == text || (text.len() == 3 && m.starts_with(text)))
        .map(|n| n as u32 + 1)
}

/// The first `d`/`m` on or after `from` (29 February waits for a leap year).
fn next_on_or_after(from: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    (from.year()..from.year() + 9)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .find(|date| *date >= from)
}

enum Relative {
    Unknown,
    TooFar,
}

/// `10d`, `2w`, `3m`, also with a space or a word for the unit (`2 weeks`).
fn relative(text: &str, today: NaiveDate) -> Result<NaiveDate, Relative> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or(Relative::Unknown)?;
    let (digits, unit) = text.split_at(split);
    if digits.is_empty() {
        return Err(Relative::Unknown);
    }
    // Long digit strings overflow u64: they are far beyond any limit anyway.
    let n: u64 = digits.parse().map_err(|_| Relative::TooFar)?;
    let date = match unit.trim_start() {
        "d" | "day" | "days" => {
            if n > MAX_DAYS {
                return Err(Relative::TooFar);
            }
            today.checked_add_days(Days::new(n))
        }
        "w" | "wk" | "wks" | "week" | "weeks" => {
            if n > MAX_WEEKS {
                return Err(Relative::TooFar);
            }
            today.checked_add_days(Days::new(n * 7))
        }
        "m" | "mo" | "month" | "months" => {
            let n = u32::try_from(n)
                .ok()
                .filter(|n| *n <= MAX_MONTHS)
                .ok_or(Relative::TooFar)?;
            today.checked_add_months(Months::new(n))
        }
        _ => return Err(Relative::Unknown),
    };
    date.ok_or(Relative::TooFar)
}

fn weekday(text: &str) -> Option<Weekday> {
    Some(match text {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" | "weds" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

/// The first `weekday` strictly after `today` (a week on if today is that day).
pub fn next_weekday(today: NaiveDate, weekday: Weekday) -> NaiveDate {
    let now = today.weekday().num_days_from_monday();
    let then = weekday.num_days_from_monday();
    let ahead = match (7 + then - now) % 7 {
        0 => 7,
        n => n,
    };
    today + Days::new(ahead as u64)
}

/// `YYYY-MM-DD` (one-digit month and day allowed). `None` if it is not that shape; an error
/// if it is but names no real day, such as 2026-02-30.
fn iso(text: &str) -> Option<Result<NaiveDate, DateError>> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A Thursday.
    fn today() -> NaiveDate {
        date(2026, 3, 12)
    }

    fn due(text: &str) -> Result<NaiveDate, DateError> {
        parse_due(text, today())
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(due("2026-12-01"), Ok(date(2026, 12, 1)));
        assert_eq!(due("2027-1-5"), Ok(date(2027, 1, 5)));
        // A past date is allowed: the follow-up meeting records what was already done.
        assert_eq!(due("2025-06-30"), Ok(date(2025, 6, 30)));
    }

    #[test]
    fn days_that_do_not_exist_are_refused() {
        for text in [
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-01-00",
        ] {
            assert_eq!(due(text), Err(DateError::NoSuchDay(text.into())), "{text}");
        }
    }

    #[test]
    fn leap_days_only_in_leap_years() {
        assert_eq!(due("2028-02-29"), Ok(date(2028, 2, 29)));
        assert_eq!(due("2000-02-29"), Ok(date(2000, 2, 29)));
        assert_eq!(
            due("2027-02-29"),
            Err(DateError::NoSuchDay("2027-02-29".into()))
        );
        assert_eq!(
            due("2100-02-29"),
            Err(DateError::NoSuchDay("2100-02-29".into()))
        );
    }

    #[test]
    fn relative_days_weeks_and_months() {
        assert_eq!(due("+10d"), Ok(date(2026, 3, 22)));
        assert_eq!(due("+2w"), Ok(date(2026, 3, 26)));
        assert_eq!(due("+3m"), Ok(date(2026, 6, 12)));
        assert_eq!(due("+0d"), Ok(today()));
        assert_eq!(due("+2 weeks"), Ok(date(2026, 3, 26)));
        assert_eq!(due("+ 1 month"), Ok(date(2026, 4, 12)));
        assert_eq!(due("+1 day"), Ok(date(2026, 3, 13)));
        // Across a year end and into a leap day.
        assert_eq!(parse_due("+3w", date(2027, 12, 20)), Ok(date(2028, 1, 10)));
        assert_eq!(parse_due("+1d", date(2028, 2, 28)), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn a_month_on_from_the_31st_is_the_end_of_the_shorter_month() {
        assert_eq!(parse_due("+1m", date(2026, 1, 31)), Ok(date(2026, 2, 28)));
        assert_eq!(parse_due("+1m", date(2028, 1, 31)), Ok(date(2028, 2, 29)));
        assert_eq!(parse_due("+12m", date(2028, 2, 29)), Ok(date(2029, 2, 28)));
    }

    #[test]
    fn too_far_ahead_is_refused_not_wrapped() {
        for text in ["+3661d", "+521w", "+121m", "+99999999999999999999999d"] {
            assert_eq!(due(text), Err(DateError::TooFar(text.into())), "{text}");
        }
        assert_eq!(due("+3660d"), Ok(date(2036, 3, 19)));
        assert!(parse_due("tomorrow", NaiveDate::MAX).is_err());
        assert!(parse_due("+1d", NaiveDate::MAX).is_err());
    }

    #[test]
    fn words_for_days() {
        assert_eq!(due("today"), Ok(today()));
        assert_eq!(due("tomorrow"), Ok(date(2026, 3, 13)));
        assert_eq!(due("next monday"), Ok(date(2026, 3, 16)));
        assert_eq!(due("monday"), Ok(date(2026, 3, 16)));
        assert_eq!(due("next friday"), Ok(date(2026, 3, 13)));
        assert_eq!(due("wednesday"), Ok(date(2026, 3, 18)));
        assert_eq!(due("next sunday"), Ok(date(2026, 3, 15)));
        assert_eq!(due("sat"), Ok(date(2026, 3, 14)));
        assert_eq!(due("tues"), Ok(date(2026, 3, 17)));
        // Today is a Thursday: "thursday" means a week today, not today.
        assert_eq!(due("thursday"), Ok(date(2026, 3, 19)));
        assert_eq!(due("next thursday"), Ok(date(2026, 3, 19)));
    }

    #[test]
    fn every_weekday_is_one_to_seven_days_ahead() {
        for offset in 0..7 {
            let from = today() + Days::new(offset);
            for day in [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ] {
                let got = parse_due(&format!("next {day}"), from).unwrap();
                let ahead = (got - from).num_days();
                assert!((1..=7).contains(&ahead), "{day} from {from}: {got}");
                assert_eq!(weekday(day), Some(got.weekday()));
            }
        }
    }

    /// The session's day; `today()` is the day the form is filled in.
    fn session_day() -> NaiveDate {
        date(2026, 3, 10)
    }

    fn uk(text: &str) -> Result<NaiveDate, DateError> {
        parse_due_on(text, today(), session_day())
    }

    #[test]
    fn british_dates_put_the_day_first() {
        for text in [
            "31/12/2026",
            "31/12/26",
            "31.12.2026",
            "31/12",
            "31 Dec",
            "31 dec 2026",
            "31st December 2026",
            "31 December",
            "Dec 31",
            "December 31, 2026",
            "dec 31 2026",
        ] {
            assert_eq!(uk(text), Ok(date(2026, 12, 31)), "{text}");
        }
        assert_eq!(uk("01/12/2026"), Ok(date(2026, 12, 1)));
        assert_eq!(
            uk("1/2"),
            Ok(date(2027, 2, 1)),
            "February is past: next year's"
        );
        assert_eq!(uk("3 Sept"), Ok(date(2026, 9, 3)));
        assert!(matches!(uk("31/02/2026"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(uk("32 Dec"), Err(DateError::NoSuchDay(_))));
    }

    #[test]
    fn a_date_without_a_year_is_on_or_after_the_sessions_day() {
        assert_eq!(uk("10/3"), Ok(date(2026, 3, 10)), "the day itself");
        assert_eq!(uk("9 Mar"), Ok(date(2027, 3, 9)));
        assert_eq!(uk("29/2"), Ok(date(2028, 2, 29)), "the next leap year");
        // Relative forms still count from today.
        assert_eq!(uk("tomorrow"), Ok(date(2026, 3, 13)));
    }

    #[test]
    fn the_preview_says_what_the_text_means() {
        assert_eq!(
            preview_due("31/12/2026", today(), session_day()),
            Ok("→ Thu 31 Dec 2026".to_string())
        );
        assert!(
            preview_due("31/13", today(), session_day())
                .unwrap_err()
                .to_string()
                .contains("31 Dec")
        );
    }

    #[test]
    fn spacing_and_case_do_not_matter() {
        assert_eq!(due("  Next   MONDAY \t"), Ok(date(2026, 3, 16)));
        assert_eq!(due(" TODAY "), Ok(today()));
        assert_eq!(due("+2W"), Ok(date(2026, 3, 26)));
        assert_eq!(due("\n2026-12-01 "), Ok(date(2026, 12, 1)));
    }

    #[test]
    fn anything_else_is_refused_with_an_example_of_what_works() {
        assert_eq!(due("   "), Err(DateError::Empty));
        for text in [
            "soon",
            "next week",
            "next",
            "+",
            "+d",
            "+2",
            "+2y",
            "-2w",
            "2w",
            "12/2026",
            "31 dec 20266",
            "dec",
            "31 decem",
            "2026-12",
            "2026-12-01-02",
            "26-12-01",
            "2026-012-01",
            "２０２６-12-01",
            "next next monday",
        ] {
            let err = due(text).unwrap_err();
            assert!(matches!(err, DateError::Unknown(_)), "{text}: {err:?}");
            let message = err.to_string();
            assert!(
                message.contains("2026-12-01") && message.contains("+2w"),
                "{message}"
            );
        }
        assert!(
            due("2026-02-30")
                .unwrap_err()
                .to_string()
                .contains("next monday")
        );
        assert!(DateError::Empty.to_string().contains("+10d"));
    }
}
