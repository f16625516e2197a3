//! Timestamps as the file holds them (RFC 3339, `2026-03-12T09:30:00+01:00`), read and
//! written without going through chrono's general formatter and parser, which were a
//! large share of loading and saving a long day. Anything outside the one shape Convene
//! writes (other years, leap seconds, offsets with seconds, lenient spellings) goes
//! through chrono as before, so the results are exactly chrono's.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike};
use serde::de::{self, DeserializeSeed, Visitor};
use serde::{Deserializer, Serialize, Serializer};
use std::fmt;

/// Room for the longest timestamp written on the fast path:
/// `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+HH:MM`.
const MAX_LEN: usize = 35;

/// A timestamp written into a stack buffer, as chrono's serde form writes it (`Z` for
/// UTC when `zulu`, as serde does; `+00:00` otherwise, as `to_rfc3339` does).
pub struct Written {
    buf: [u8; MAX_LEN],
    len: usize,
}

impl Written {
    pub fn as_str(&self) -> &str {
        // Only ASCII digits and punctuation are ever written.
        std::str::from_utf8(&self.buf[..self.len]).expect("ASCII")
    }
}

/// Formats `at` the way chrono does, or None where only chrono's own formatter will do.
pub fn write(at: &DateTime<FixedOffset>, zulu: bool) -> Option<Written> {
    let local = at.naive_local();
    let year = local.year();
    let nano = local.nanosecond();
    let offset = at.offset().local_minus_utc();
    if !(0..=9999).contains(&year) || nano >= 1_000_000_000 || offset % 60 != 0 {
        return None;
    }
    let mut out = Written {
        buf: [0; MAX_LEN],
        len: 0,
    };
    let mut put = |byte: u8| {
        out.buf[out.len] = byte;
        out.len += 1;
    };
    let two = |put: &mut dyn FnMut(u8), n: u32| {
        put(b'0' + (n / 10) as u8);
        put(b'0' + (n % 10) as u8);
    };
    two(&mut put, year as u32 / 100);
    two(&mut put, year as u32 % 100);
    put(b'-');
    two(&mut put, local.month());
    put(b'-');
    two(&mut put, local.day());
    put(b'T');
    two(&mut put, local.hour());
    put(b':');
    two(&mut put, local.minute());
    put(b':');
    two(&mut put, local.second());
    // chrono's AutoSi: as few of milli, micro or nano digits as say it exactly.
    let (digits, value) = if nano == 0 {
        (0, 0)
    } else if nano.is_multiple_of(1_000_000) {
        (3, nano / 1_000_000)
    } else if nano.is_multiple_of(1_000) {
        (6, nano / 1_000)
    } else {
        (9, nano)
    };
    if digits > 0 {
        put(b'.');
        for place in (0..digits).rev() {
            put(b'0' + (value / 10u32.pow(place) % 10) as u8);
        }
    }
    if offset == 0 && zulu {
        put(b'Z');
    } else {
        put(if offset < 0 { b'-' } else { b'+' });
        let minutes = offset.unsigned_abs() / 60;
        two(&mut put, minutes / 60);
        put(b':');
        two(&mut put, minutes % 60);
    }
    Some(out)
}

/// Reads a timestamp: the shape Convene writes directly, anything else through chrono.
pub fn parse(text: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    match fast(text.as_bytes()) {
        Some(at) => Ok(at),
        None => text.parse(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)` with valid values, or None.
fn fast(b: &[u8]) -> Option<DateTime<FixedOffset>> {
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    // A leap second (`:60`) is left to chrono.
    if second > 59 {
        return None;
    }
    let mut rest = &b[19..];
    let mut nano = 0;
    if let [b'.', tail @ ..] = rest {
        let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        nano = num(20..20 + digits)? * 10u32.pow(9 - digits as u32);
        rest = &tail[digits..];
    }
    let offset = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digit = |c: &u8| c.is_ascii_digit().then(|| i32::from(c - b'0'));
            let hours = digit(h1)? * 10 + digit(h2)?;
            let minutes = digit(m1)? * 10 + digit(m2)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = (hours * 60 + minutes) * 60;
            if *sign == b'-' { -seconds } else { seconds }
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nano)?;
    let offset = FixedOffset::east_opt(offset)?;
    offset.from_local_datetime(&date.and_time(time)).single()
}

/// Serializes a timestamp as chrono's serde form does, through the fast path.
pub struct Ser<'a>(pub &'a DateTime<FixedOffset>);

impl Serialize for Ser<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match write(self.0, true) {
            Some(text) => serializer.serialize_str(text.as_str()),
            None => self.0.serialize(serializer),
        }
    }
}

/// Deserializes a timestamp through the fast path.
pub struct De;

impl<'de> DeserializeSeed<'de> for De {
    type Value = DateTime<FixedOffset>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for De {
    type Value = DateTime<FixedOffset>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        parse(text).map_err(E::custom)
    }
}

/// For `#[serde(deserialize_with)]` on a timestamp field.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    De.deserialize(d)
}

/// For `#[serde(serialize_with)]` on a timestamp field.
pub fn serialize<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    Ser(at).serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrono_serde(at: &DateTime<FixedOffset>) -> String {
        let json = serde_json::to_string(at).unwrap();
        json.trim_matches('"').to_string()
    }

    #[test]
    fn writes_exactly_what_chrono_writes() {
        let offsets = [0, 3600, -3600, 19800, -34200, 86340, -86340, 45];
        let nanos = [
            0,
            1,
            1_000,
            120_000_000,
            999_999_999,
            123_456_000,
            5_000_000,
        ];
        for offset in offsets {
            let tz = FixedOffset::east_opt(offset).unwrap();
            for (n, nano) in nanos.into_iter().enumerate() {
                let year = [1, 999, 2026, 9999, 10_000, -5][n % 6];
                let Some(at) = tz
                    .with_ymd_and_hms(year, 12, 31, 23, 59, 58)
                    .single()
                    .and_then(|d| d.with_nanosecond(nano))
                else {
                    continue;
                };
                let expected = chrono_serde(&at);
                assert_eq!(
                    serde_json::to_string(&Ser(&at)).unwrap(),
                    format!("\"{expected}\"")
                );
                if let Some(w) = write(&at, false) {
                    assert_eq!(w.as_str(), at.to_rfc3339(), "{expected}");
                }
                // Offsets are written to the minute, so only those read back the same.
                let back = parse(&expected).unwrap();
                assert_eq!(back, expected.parse::<DateTime<FixedOffset>>().unwrap());
                if offset % 60 == 0 {
                    assert_eq!(back, at, "{expected}");
                    assert_eq!(parse(&at.to_rfc3339()).unwrap(), at);
                }
            }
        }
    }

    #[test]
    fn reads_what_chrono_reads_and_refuses_what_it_refuses() {
        for text in [
            "2026-03-12T09:30:00+01:00",
            "2026-03-12T09:30:00Z",
            "2026-03-12T09:30:00.5-05:30",
            "2026-03-12T09:30:00.123456789+00:00",
            "2026-03-12T09:30:00.1234567891+00:00",
            "2026-03-12 09:30:00+01:00",
            "2026-03-12t09:30:00z",
            "2016-12-31T23:59:60Z",
            "2026-02-29T09:30:00Z",
            "2024-02-29T09:30:00Z",
            "2026-13-12T09:30:00Z",
            "2026-03-12T24:00:00Z",
            "2026-03-12T09:30:00+24:00",
            "2026-03-12T09:30:00+23:59",
            "2026-03-12T09:30:00+0100",
            "2026-03-12T09:30:00.+01:00",
            "2026-03-12T09:30:00",
            "+2026-03-12T09:30:00Z",
            "２026-03-12T09:30:00Z",
            "",
            "not a time at all, long enough",
        ] {
            let ours = parse(text).map_err(|e| e.to_string());
            let chrono = text
                .parse::<DateTime<FixedOffset>>()
                .map_err(|e| e.to_string());
            assert_eq!(ours, chrono, "{text:?}");
        }
    }
}
