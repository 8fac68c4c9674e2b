//! Property tests over the one entry point for untrusted content, `parse`: whatever arrives
//! (any text, any JSON, a valid payload with any field replaced), it answers with content or
//! with field errors, and never panics. Content it accepts is written back as JSON that reads
//! the same: what the server stores is what it serves.

use std::fmt::Debug;

use plantzette_content::{parse, Activity, Announcement, Content, DayMenu, InfoPage, Programme, Residence, Valid};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON, with strings that look like the contract's dates, times and names now and then.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?".prop_map(Value::from),
        prop::sample::select(vec!["Mon", "Sun", "diner", "souper", "gluten", "urgent", "music", "fr", "short_stay"]).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6).prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A valid weekly activity, to replace one field of at a time.
fn activity() -> Value {
    json!({
        "title": { "fr": "Gym douce", "de": "Sanfte Gymnastik" },
        "place": { "fr": "Salle polyvalente" },
        "category": "movement",
        "registration_required": false,
        "wheelchair_accessible": true,
        "starts_at": "2026-11-23T10:00:00",
        "ends_at": "2026-11-23T10:45:00",
        "recurrence": { "weekdays": ["Mon", "Wed"], "until": "2027-06-30", "except": ["2026-12-28"] },
        "cancelled": false
    })
}

/// Parses `json` as `T`; if accepted, the content written back reads as the same content.
fn answers<T: Content + PartialEq + Debug>(json: &str) {
    if let Ok(content) = parse::<T>(json) {
        let written = serde_json::to_string(&content).expect("content serialises");
        let read_back = parse::<T>(&written).map(Valid::into_inner);
        assert_eq!(read_back.as_ref(), Ok(&*content), "{json} was accepted, but written as {written}");
    }
}

fn every_kind(json: &str) {
    answers::<Activity>(json);
    answers::<DayMenu>(json);
    answers::<Programme>(json);
    answers::<Announcement>(json);
    answers::<InfoPage>(json);
    answers::<Residence>(json);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_gets_an_answer(text in ".{0,200}") {
        every_kind(&text);
    }

    #[test]
    fn any_json_gets_an_answer(value in any_json()) {
        every_kind(&value.to_string());
    }

    #[test]
    fn a_valid_activity_with_any_field_replaced_gets_an_answer(field in prop::sample::select(activity().as_object().unwrap().keys().cloned().collect::<Vec<_>>()), value in any_json()) {
        let mut payload = activity();
        payload[&field] = value;
        answers::<Activity>(&payload.to_string());
    }

    #[test]
    fn a_valid_activity_cut_anywhere_gets_an_answer(cut in 0usize..400) {
        let text = activity().to_string();
        let cut = text.char_indices().map(|(i, _)| i).take_while(|i| *i <= cut).last().unwrap_or(0);
        answers::<Activity>(&text[..cut]);
    }
}

#[test]
fn the_valid_activity_is_accepted() {
    assert!(parse::<Activity>(&activity().to_string()).is_ok());
}
