use chrono::{DateTime, Utc};

use super::*;
use crate::parse::parse;
use crate::schedule::{residence_instant, Week};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn gym(starts: &str, ends: &str, recurrence: Option<Recurrence>) -> Item<Activity> {
    Item {
        id: 7,
        version: 1,
        content: Activity {
            info: ActivityInfo {
                title: Text::fr_de("Gym douce", "Sanfte Gymnastik"),
                description: None,
                place: Text::fr("Salle commune"),
                category: Category::Movement,
                registration_required: false,
                wheelchair_accessible: true,
                places: None,
            },
            starts_at: at(starts),
            ends_at: at(ends),
            recurrence,
            cancelled: false,
        },
    }
}

fn weekly(weekdays: &[Weekday], until: &str) -> Option<Recurrence> {
    Some(Recurrence { weekdays: weekdays.to_vec(), until: day(until), except: vec![] })
}

#[test]
fn category_names_read_back_as_in_json() {
    for category in Category::ALL {
        assert_eq!(Category::parse(category.as_str()), Some(category));
        assert_eq!(serde_json::to_string(&category).unwrap(), format!("\"{}\"", category.as_str()));
    }
}

#[test]
fn one_off_activity_occurs_only_on_its_day() {
    let activity = gym("2026-11-24 10:00", "2026-11-24 11:00", None);
    let week = Week::containing(day("2026-11-24")).range();
    let occurrences = activity.occurrences(week);
    assert_eq!(occurrences.len(), 1);
    assert_eq!(occurrences[0].starts_at, at("2026-11-24 10:00"));
    assert!(activity.occurrences(Week::containing(day("2026-12-01")).range()).is_empty());
}

#[test]
fn weekly_activity_occurs_on_each_chosen_day_until_its_end() {
    let activity = gym("2026-11-23 10:00", "2026-11-23 11:00", weekly(&[Weekday::Mon, Weekday::Thu], "2026-12-03"));
    let range = DateRange::new(day("2026-11-20"), day("2026-12-31")).unwrap();
    let days: Vec<NaiveDate> = activity.occurrences(range).iter().map(|o| o.starts_at.date()).collect();
    assert_eq!(days, ["2026-11-23", "2026-11-26", "2026-11-30", "2026-12-03"].map(day));
}

#[test]
fn weekly_activity_keeps_its_local_time_across_the_autumn_change() {
    // Summer time ends on 2026-10-25: 10:00 local is 08:00 UTC before and 09:00 UTC after.
    let activity = gym("2026-10-19 10:00", "2026-10-19 11:00", weekly(&[Weekday::Mon], "2026-11-30"));
    let range = DateRange::new(day("2026-10-19"), day("2026-10-26")).unwrap();
    let occurrences = activity.occurrences(range);
    assert_eq!(occurrences.len(), 2);
    assert!(occurrences.iter().all(|o| o.starts_at.format("%H:%M").to_string() == "10:00"));
    let utc = |o: &Occurrence| residence_instant(o.starts_at);
    assert_eq!(utc(&occurrences[0]), "2026-10-19T08:00:00Z".parse::<DateTime<Utc>>().unwrap());
    assert_eq!(utc(&occurrences[1]), "2026-10-26T09:00:00Z".parse::<DateTime<Utc>>().unwrap());
}

#[test]
fn excepted_day_is_shown_cancelled_while_the_series_goes_on() {
    let mut recurrence = weekly(&[Weekday::Tue], "2026-12-29").unwrap();
    recurrence.except.push(day("2026-12-01"));
    let activity = gym("2026-11-24 15:00", "2026-11-24 16:00", Some(recurrence));
    let range = DateRange::new(day("2026-11-24"), day("2026-12-08")).unwrap();
    let cancelled: Vec<bool> = activity.occurrences(range).iter().map(|o| o.cancelled).collect();
    assert_eq!(cancelled, [false, true, false]);
}

#[test]
fn occurrences_of_several_activities_come_in_time_order() {
    let late = gym("2026-11-24 15:00", "2026-11-24 16:00", None);
    let mut early = gym("2026-11-24 09:30", "2026-11-24 10:00", None);
    early.id = 8;
    let range = DateRange::day(day("2026-11-24"));
    let occurrences = occurrences_in([&late, &early], range);
    assert_eq!(occurrences.iter().map(|o| o.activity_id).collect::<Vec<_>>(), [8, 7]);
}

#[test]
fn now_and_next_are_found_from_the_residence_time() {
    let range = DateRange::day(day("2026-11-24"));
    let mut cancelled = gym("2026-11-24 11:00", "2026-11-24 11:30", None);
    cancelled.content.cancelled = true;
    cancelled.id = 9;
    let later = gym("2026-11-24 14:00", "2026-11-24 15:00", None);
    let now_on = gym("2026-11-24 10:00", "2026-11-24 11:00", None);
    let occurrences = occurrences_in([&later, &cancelled, &now_on], range);
    let now = at("2026-11-24 10:30");
    assert_eq!(occurrences[0].timing(now), Timing::Now);
    let next = next_occurrence(&occurrences, now).unwrap();
    assert_eq!(occurrences[next].starts_at, at("2026-11-24 14:00"), "the cancelled one is skipped");
}

#[test]
fn only_today_has_a_next_activity_in_a_week() {
    let week = DateRange::new(day("2026-11-23"), day("2026-11-29")).unwrap();
    let tomorrow = gym("2026-11-25 09:00", "2026-11-25 10:00", None);
    let occurrences = occurrences_in([&tomorrow], week);
    assert_eq!(next_occurrence(&occurrences, at("2026-11-24 10:30")), None, "tomorrow's first is not next today");
    assert_eq!(next_occurrence(&occurrences, at("2026-11-25 08:00")), Some(0));
}

#[test]
fn activity_ending_before_it_starts_is_rejected() {
    let activity = gym("2026-11-24 10:00", "2026-11-24 09:00", None).content;
    let error = activity.validate().unwrap_err();
    assert!(error.has("ends_at", &ErrorCode::EndBeforeStart));
}

#[test]
fn activity_without_french_title_is_rejected() {
    let mut activity = gym("2026-11-24 10:00", "2026-11-24 11:00", None).content;
    activity.info.title = Text { fr: " ".into(), de: Some("Turnen".into()), en: None };
    assert!(activity.validate().unwrap_err().has("title.fr", &ErrorCode::Required));
}

#[test]
fn overlong_german_description_is_rejected() {
    let mut activity = gym("2026-11-24 10:00", "2026-11-24 11:00", None).content;
    activity.info.description = Some(Text::fr_de("Court", "x".repeat(SUMMARY.max + 1)));
    assert!(activity.validate().unwrap_err().has("description.de", &ErrorCode::TooLong { max: SUMMARY.max }));
}

#[test]
fn recurrence_without_days_or_past_its_limit_is_rejected() {
    let activity = gym("2026-11-24 10:00", "2026-11-24 11:00", weekly(&[], "2030-01-01")).content;
    let error = activity.validate().unwrap_err();
    assert!(error.has("recurrence.weekdays", &ErrorCode::Required));
    assert!(error.errors.iter().any(|e| e.field == "recurrence.until"));
}

#[test]
fn recurrence_must_include_the_first_date_s_weekday() {
    // 2026-11-24 is a Tuesday; a series "on Mondays" starting then would be undefined in calendars.
    let activity = gym("2026-11-24 10:00", "2026-11-24 11:00", weekly(&[Weekday::Mon], "2027-01-25")).content;
    let error = activity.validate().unwrap_err();
    assert!(error.has("recurrence.weekdays", &ErrorCode::UnknownValue { value: "Tue".into() }));
}

#[test]
fn date_in_another_century_is_rejected() {
    let activity = gym("1926-11-24 10:00", "1926-11-24 11:00", None).content;
    assert!(activity.validate().unwrap_err().errors.iter().any(|e| e.field == "starts_at"));
}

#[test]
fn parsed_payload_names_the_unknown_category() {
    let json = r#"{"title":{"fr":"Loto"},"place":{"fr":"Salon"},"category":"bingo",
        "registration_required":false,"wheelchair_accessible":true,
        "starts_at":"2026-11-24T14:00:00","ends_at":"2026-11-24T15:00:00"}"#;
    let error = parse::<Activity>(json).unwrap_err();
    assert_eq!(error.errors[0].code, ErrorCode::UnknownValue { value: "bingo".into() });
}

#[test]
fn parsed_valid_payload_round_trips() {
    let activity = gym("2026-11-24 10:00", "2026-11-24 11:00", weekly(&[Weekday::Tue], "2027-01-26")).content;
    let json = serde_json::to_string(&activity).unwrap();
    assert_eq!(parse::<Activity>(&json).unwrap().into_inner(), activity);
}

#[test]
fn a_new_activity_already_over_is_refused_at_its_last_day() {
    let today = day("2026-11-23");
    let yesterday = gym("2026-11-22 10:00", "2026-11-22 11:00", None);
    assert!(yesterday.content.check_new(today).unwrap_err().has("starts_at", &ErrorCode::InThePast));
    let ended_series = gym("2026-11-02 10:00", "2026-11-02 11:00", weekly(&[Weekday::Mon], "2026-11-16"));
    assert!(ended_series.content.check_new(today).unwrap_err().has("recurrence.until", &ErrorCode::InThePast));
    let running_series = gym("2026-11-02 10:00", "2026-11-02 11:00", weekly(&[Weekday::Mon], "2026-12-28"));
    assert!(running_series.content.check_new(today).is_ok(), "a series begun in the past but still running is fine");
}
