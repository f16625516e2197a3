//! How an event looks in a file: one flat JSON object, `{"seq":…,"at":…,"type":…, fields}`.
//!
//! serde could derive this (`#[serde(flatten)]` over an enum tagged `type`), but that
//! buffers every event twice before reading it, which made loading a long day slower than
//! `jq` reads the same file. Here the enum's fields are derived as usual (`Change` derives
//! with `remote = "Self"`, which gives inherent `serialize`/`deserialize` functions for the
//! externally tagged form) and this module moves the tag into the object: on the way out it
//! writes `type` then the fields into the event's own map; on the way in it reads `type`
//! and hands the rest of the map straight to the variant's fields. Only keys that come
//! before `type` (never in files Convene writes) are buffered.

use super::event::{Change, Event};
use chrono::{DateTime, FixedOffset};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::ser::{self, Impossible, SerializeMap, SerializeStructVariant};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

const TAG: &str = "type";

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("seq", &self.seq)?;
        map.serialize_entry("at", &super::stamp::Ser(&self.at))?;
        if let Some(step) = self.part_of {
            map.serialize_entry("part_of", &step)?;
        }
        if let Some(from) = &self.from {
            map.serialize_entry("captured", from)?;
        }
        Change::serialize(&self.change, Flat(&mut map))?;
        map.end()
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        Change::serialize(self, Flat(&mut map))?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let (head, change) = deserializer.deserialize_map(TaggedVisitor { event: true })?;
        Ok(Event {
            seq: head.seq.ok_or_else(|| de::Error::missing_field("seq"))?,
            at: head.at.ok_or_else(|| de::Error::missing_field("at"))?,
            part_of: head.part_of,
            from: head.from,
            change,
        })
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Change, D::Error> {
        let (_, change) = deserializer.deserialize_map(TaggedVisitor { event: false })?;
        Ok(change)
    }
}

/// Writes a change's tag and fields into an enclosing map.
struct Flat<'a, M>(&'a mut M);

fn not_a_change<E: ser::Error>() -> E {
    E::custom("a change is written as a unit or struct variant")
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, Self::Error> {
            Err(not_a_change())
        })*
    };
}

impl<'a, M: SerializeMap> Serializer for Flat<'a, M> {
    type Ok = ();
    type Error = M::Error;
    type SerializeSeq = Impossible<(), M::Error>;
    type SerializeTuple = Impossible<(), M::Error>;
    type SerializeTupleStruct = Impossible<(), M::Error>;
    type SerializeTupleVariant = Impossible<(), M::Error>;
    type SerializeMap = Impossible<(), M::Error>;
    type SerializeStruct = Impossible<(), M::Error>;
    type SerializeStructVariant = Self;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(TAG, variant)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, M::Error> {
        self.0.serialize_entry(TAG, variant)?;
        Ok(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), M::Error> {
        Err(not_a_change())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), M::Error> {
        Err(not_a_change())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), M::Error> {
        Err(not_a_change())
    }

    refuse! {
        serialize_bool(bool) -> ();
        serialize_i8(i8) -> ();
        serialize_i16(i16) -> ();
        serialize_i32(i32) -> ();
        serialize_i64(i64) -> ();
        serialize_u8(u8) -> ();
        serialize_u16(u16) -> ();
        serialize_u32(u32) -> ();
        serialize_u64(u64) -> ();
        serialize_f32(f32) -> ();
        serialize_f64(f64) -> ();
        serialize_char(char) -> ();
        serialize_str(&str) -> ();
        serialize_bytes(&[u8]) -> ();
        serialize_none() -> ();
        serialize_unit() -> ();
        serialize_unit_struct(&'static str) -> ();
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize)
            -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
    }
}

impl<'a, M: SerializeMap> SerializeStructVariant for Flat<'a, M> {
    type Ok = ();
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(key, value)
    }

    fn end(self) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Reads one object holding a change (and, for an event, its `seq` and `at`); a missing
/// `seq` or `at` is for the caller to refuse, after the change's own errors.
struct TaggedVisitor {
    event: bool,
}

/// An event's own fields, picked out wherever they come in the object.
#[derive(Default)]
struct Head {
    event: bool,
    seq: Option<u64>,
    at: Option<DateTime<FixedOffset>>,
    part_of: Option<u64>,
    from: Option<Box<super::event::Captured>>,
}

impl Head {
    /// Reads the value of `key` if it is one of the event's own fields.
    fn take<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "seq" if self.event => {
                if self.seq.is_some() {
                    return Err(de::Error::duplicate_field("seq"));
                }
                self.seq = Some(map.next_value()?);
            }
            "at" if self.event => {
                if self.at.is_some() {
                    return Err(de::Error::duplicate_field("at"));
                }
                self.at = Some(map.next_value_seed(super::stamp::De)?);
            }
            "part_of" if self.event => {
                if self.part_of.is_some() {
                    return Err(de::Error::duplicate_field("part_of"));
                }
                self.part_of = Some(map.next_value()?);
            }
            "captured" if self.event => {
                if self.from.is_some() {
                    return Err(de::Error::duplicate_field("captured"));
                }
                self.from = Some(map.next_value()?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Visitor<'de> for TaggedVisitor {
    type Value = (Head, Change);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(if self.event { "an event" } else { "a change" })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = Head {
            event: self.event,
            ..Head::default()
        };
        let mut early = Vec::new();
        let tag = loop {
            let Some(key) = map.next_key_seed(Key)? else {
                return Err(de::Error::missing_field(TAG));
            };
            if key == TAG {
                break map.next_value_seed(Key)?;
            }
            if !head.take(&key, &mut map)? {
                early.push((key, map.next_value::<serde_json::Value>()?));
            }
        };
        let change = Change::deserialize(Variant {
            tag,
            rest: Rest {
                early: early.into_iter(),
                pending: None,
                live: &mut map,
                head: &mut head,
            },
        })?;
        Ok((head, change))
    }
}

/// A key or tag, borrowed from the input when it can be.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// The rest of the object after the tag: first any keys that came before it, then the
/// ones still to be read, with the event's own fields taken out.
struct Rest<'a, 'de, A> {
    early: std::vec::IntoIter<(Cow<'de, str>, serde_json::Value)>,
    pending: Option<serde_json::Value>,
    live: &'a mut A,
    head: &'a mut Head,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.early.next() {
            self.pending = Some(value);
            return seed.deserialize(key.into_deserializer()).map(Some);
        }
        loop {
            let Some(key) = self.live.next_key_seed(Key)? else {
                return Ok(None);
            };
            if key == TAG {
                return Err(de::Error::duplicate_field(TAG));
            }
            if !self.head.take(&key, self.live)? {
                return seed.deserialize(key.into_deserializer()).map(Some);
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.live.next_value_seed(seed),
        }
    }
}

/// The change's tag and fields, shown to the derived code as an externally tagged enum.
struct Variant<'a, 'de, A> {
    tag: Cow<'de, str>,
    rest: Rest<'a, 'de, A>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Variant<'_, 'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'a, 'de, A: MapAccess<'de>> de::EnumAccess<'de> for Variant<'a, 'de, A> {
    type Error = A::Error;
    type Variant = Rest<'a, 'de, A>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let variant = seed.deserialize(self.tag.into_deserializer())?;
        Ok((variant, self.rest))
    }
}

impl<'de, A: MapAccess<'de>> de::VariantAccess<'de> for Rest<'_, 'de, A> {
    type Error = A::Error;

    /// Undo and redo carry no fields; any other key is refused, as for the other kinds
    /// (the schema allows no extra fields, and a save would silently drop them).
    fn unit_variant(mut self) -> Result<(), A::Error> {
        match self.next_key_seed(Key)? {
            Some(key) => Err(de::Error::unknown_field(&key, &[])),
            None => Ok(()),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, A::Error> {
        Err(de::Error::invalid_type(
            de::Unexpected::NewtypeVariant,
            &"a change",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, A::Error> {
        Err(de::Error::invalid_type(
            de::Unexpected::TupleVariant,
            &"a change",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::*;

    fn event(change: Change) -> Event {
        Event::new(
            7,
            DateTime::parse_from_rfc3339("2026-03-12T09:30:00+01:00").unwrap(),
            change,
        )
    }

    #[test]
    fn a_step_mark_comes_after_the_time_and_reads_back() {
        let mut marked = event(Change::IssueUnplaced { issue: IssueId(2) });
        marked.part_of = Some(6);
        let text = serde_json::to_string(&marked).unwrap();
        assert_eq!(
            text,
            r#"{"seq":7,"at":"2026-03-12T09:30:00+01:00","part_of":6,"type":"issue_unplaced","issue":2}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), marked);
        let late = r#"{"type":"issue_unplaced","issue":2,"part_of":6,"seq":7,"at":"2026-03-12T09:30:00+01:00"}"#;
        assert_eq!(serde_json::from_str::<Event>(late).unwrap(), marked);
    }

    #[test]
    fn where_a_merged_change_was_captured_reads_back_beside_an_issues_merged_from() {
        let mut merged = event(Change::IssuesMerged {
            from: IssueId(2),
            into: IssueId(3),
        });
        merged.part_of = Some(6);
        merged.from = Some(Box::new(super::super::event::Captured {
            copy: "c1".into(),
            label: "Newsroom 2".into(),
            seq: 41,
        }));
        let text = serde_json::to_string(&merged).unwrap();
        assert_eq!(
            text,
            r#"{"seq":7,"at":"2026-03-12T09:30:00+01:00","part_of":6,"captured":{"copy":"c1","label":"Newsroom 2","seq":41},"type":"issues_merged","from":2,"into":3}"#
        );
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), merged);
        let twice = text.replace(
            r#""type""#,
            r#""captured":{"copy":"c","label":"l","seq":1},"type""#,
        );
        let err = serde_json::from_str::<Event>(&twice)
            .unwrap_err()
            .to_string();
        assert!(err.contains("duplicate field `captured`"), "{err}");
    }

    /// The exact bytes the derived `#[serde(flatten)]` form wrote, so files stay the same.
    #[test]
    fn events_are_written_as_before() {
        let raised = event(Change::IssueRaised {
            issue: IssueId(3),
            title: "Housing \"first\"".into(),
            convener: None,
            description: String::new(),
        });
        assert_eq!(
            serde_json::to_string(&raised).unwrap(),
            r#"{"seq":7,"at":"2026-03-12T09:30:00+01:00","type":"issue_raised","issue":3,"title":"Housing \"first\""}"#
        );
        assert_eq!(
            serde_json::to_string(&event(Change::Undo)).unwrap(),
            r#"{"seq":7,"at":"2026-03-12T09:30:00+01:00","type":"undo"}"#
        );
        assert_eq!(
            serde_json::to_string(&Change::RoundClosed { round: RoundId(2) }).unwrap(),
            r#"{"type":"round_closed","round":2}"#
        );
    }

    #[test]
    fn keys_may_come_in_any_order() {
        let want = event(Change::SpaceAdded {
            space: SpaceId(4),
            name: "Hall".into(),
        });
        for text in [
            r#"{"seq":7,"at":"2026-03-12T09:30:00+01:00","type":"space_added","space":4,"name":"Hall"}"#,
            r#"{"name":"Hall","space":4,"type":"space_added","at":"2026-03-12T09:30:00+01:00","seq":7}"#,
            r#"{"space":4,"seq":7,"name":"Hall","at":"2026-03-12T09:30:00+01:00","type":"space_added"}"#,
            r#"{"type":"space_added","name":"Hall","at":"2026-03-12T09:30:00+01:00","space":4,"seq":7}"#,
        ] {
            assert_eq!(serde_json::from_str::<Event>(text).unwrap(), want, "{text}");
            // Read through a reader too, where keys cannot be borrowed from the input.
            let read: Event = serde_json::from_reader(text.as_bytes()).unwrap();
            assert_eq!(read, want, "{text}");
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::from_value::<Event>(value).unwrap(), want);
        }
        let undo: Event =
            serde_json::from_str(r#"{"type":"undo","seq":7,"at":"2026-03-12T09:30:00+01:00"}"#)
                .unwrap();
        assert_eq!(undo, event(Change::Undo));
        let change: Change = serde_json::from_str(r#"{"round":2,"type":"round_closed"}"#).unwrap();
        assert_eq!(change, Change::RoundClosed { round: RoundId(2) });
    }

    #[test]
    fn malformed_events_are_refused_with_the_reason() {
        let err = |text: &str| serde_json::from_str::<Event>(text).unwrap_err().to_string();
        let at = r#""at":"2026-03-12T09:30:00+01:00""#;
        assert!(err(&format!(r#"{{"seq":1,{at}}}"#)).contains("missing field `type`"));
        assert!(err(&format!(r#"{{"type":"undo",{at}}}"#)).contains("missing field `seq`"));
        assert!(err(r#"{"type":"undo","seq":1}"#).contains("missing field `at`"));
        assert!(
            err(&format!(r#"{{"seq":1,{at},"type":"theme_set"}}"#))
                .contains("missing field `theme`")
        );
        assert!(
            err(&format!(r#"{{"seq":1,{at},"type":"issue_exploded"}}"#))
                .contains("unknown variant `issue_exploded`")
        );
        assert!(
            err(&format!(r#"{{"seq":1,"seq":2,{at},"type":"undo"}}"#))
                .contains("duplicate field `seq`")
        );
        assert!(
            err(&format!(r#"{{"seq":1,{at},"type":"undo","type":"redo"}}"#))
                .contains("duplicate field `type`")
        );
        assert!(
            err(&format!(
                r#"{{"seq":1,{at},"type":"theme_set","theme":"a","theme":"b"}}"#
            ))
            .contains("duplicate field `theme`")
        );
        assert!(
            err(&format!(r#"{{"seq":1,{at},"type":7}}"#)).contains("invalid type: integer `7`")
        );
        assert!(
            err(&format!(r#"{{"theme":5,"seq":1,{at},"type":"theme_set"}}"#))
                .contains("invalid type")
        );
        assert!(err(r#"[1,2]"#).contains("invalid type: sequence"));
    }

    /// The schema allows no other fields, and a save would drop them without a word: a
    /// file with one is refused, naming it, wherever it comes in the object.
    #[test]
    fn unknown_fields_are_refused_by_name() {
        let err = |text: &str| serde_json::from_str::<Event>(text).unwrap_err().to_string();
        let at = r#""at":"2026-03-12T09:30:00+01:00""#;
        for (text, field) in [
            (
                format!(
                    r#"{{"seq":7,{at},"type":"space_added","space":4,"name":"Hall","extra":[1]}}"#
                ),
                "extra",
            ),
            (
                format!(
                    r#"{{"colour":"red","seq":7,{at},"type":"space_added","space":4,"name":"H"}}"#
                ),
                "colour",
            ),
            (format!(r#"{{"type":"undo","seq":7,"x":{{}},{at}}}"#), "x"),
            (format!(r#"{{"x":1,"type":"redo","seq":7,{at}}}"#), "x"),
            (
                format!(
                    r#"{{"seq":1,{at},"type":"report_recorded","issue":1,"report":{{"attendees":2,"mood":"good"}}}}"#
                ),
                "mood",
            ),
        ] {
            let message = err(&text);
            assert!(
                message.contains(&format!("unknown field `{field}`")),
                "{text}: {message}"
            );
        }
    }
}
