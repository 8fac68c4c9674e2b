use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::*;
use crate::error::ErrorCode;
use crate::schedule::DateRange;
use crate::text::Lang;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A calendar of `beds` beds from `from`, every day free but those `taken` says.
fn calendar(from: NaiveDate, beds: i64, taken: &[(i64, &str, &str, DayState)]) -> Calendar {
    let range = horizon(from);
    let beds = (1..=beds)
        .map(|id| BedCalendar {
            id,
            name: format!("Chambre {id}"),
            kind: if id % 2 == 0 { BedKind::SharedRoom } else { BedKind::SingleRoom },
            days: range
                .days()
                .map(|date| {
                    let state = taken
                        .iter()
                        .find(|(bed, from, to, _)| *bed == id && (day(from)..=day(to)).contains(&date))
                        .map(|(_, _, _, state)| *state)
                        .unwrap_or_default();
                    BedDay { date, state, note: String::new() }
                })
                .collect(),
        })
        .collect();
    Calendar { range, beds, extra: Vec::new() }
}

#[test]
fn the_calendar_reaches_eight_weeks_ahead_from_today() {
    let range = horizon(day("2026-12-03"));
    assert_eq!((range.from, range.to), (day("2026-12-03"), day("2027-01-27")));
    assert_eq!(range.days().count(), 56);
}

#[test]
fn free_days_make_periods_broken_by_any_other_day() {
    use DayState::*;
    let days = [("2026-12-03", Free), ("2026-12-04", Free), ("2026-12-05", Reserved), ("2026-12-06", Free), ("2026-12-07", Closed)];
    let periods = free_periods(days.map(|(date, state)| (day(date), state)));
    assert_eq!(periods, [DateRange { from: day("2026-12-03"), to: day("2026-12-04") }, DateRange::day(day("2026-12-06"))]);
}

#[test]
fn the_public_sees_free_beds_by_day_and_the_first_day_one_is_free() {
    let today = day("2026-12-03");
    let calendar = calendar(
        today,
        3,
        &[
            (1, "2026-12-03", "2026-12-20", DayState::Reserved),
            (2, "2026-12-03", "2026-12-13", DayState::Reserved),
            (3, "2026-12-01", "2027-01-27", DayState::Closed),
        ],
    );
    let public = calendar.public();
    assert_eq!(public.next_free, Some(FreeOnDay { date: day("2026-12-14"), free: 1 }));
    assert_eq!(public.days[0], FreeOnDay { date: today, free: 0 });
    assert_eq!(public.days.iter().find(|d| d.date == day("2026-12-21")).unwrap().free, 2);
    assert_eq!(public.beds[1].free, [DateRange { from: day("2026-12-14"), to: day("2027-01-27") }]);
    assert!(public.beds[2].free.is_empty());
    assert_eq!(public.headline(today, Lang::Fr), "1 lit libre dès le 14 décembre");
    assert_eq!(public.headline(today, Lang::De), "1 Bett frei ab 14. Dezember");
}

#[test]
fn extra_beds_count_only_in_their_period() {
    let today = day("2026-12-03");
    let mut calendar =
        calendar(today, 2, &[(1, "2026-12-03", "2027-01-27", DayState::Reserved), (2, "2026-12-03", "2027-01-27", DayState::Reserved)]);
    calendar.extra.push(ExtraPeriod { id: 1, from: day("2026-12-10"), to: day("2026-12-24"), count: 2 });
    let public = calendar.public();
    assert_eq!(public.next_free, Some(FreeOnDay { date: day("2026-12-10"), free: 2 }));
    assert_eq!(public.days.iter().find(|d| d.date == day("2026-12-25")).unwrap().free, 0);
    assert_eq!(public.extra, [ExtraBeds { from: day("2026-12-10"), to: day("2026-12-24"), count: 2 }]);
    assert_eq!(public.headline(today, Lang::Fr), "2 lits libres dès le 10 décembre");
}

#[test]
fn the_headline_says_today_and_says_when_nothing_is_free() {
    let today = day("2026-12-03");
    let free = calendar(today, 2, &[]).public();
    assert_eq!(free.headline(today, Lang::Fr), "2 lits libres aujourd'hui");
    assert_eq!(free.headline(today, Lang::De), "2 Betten frei ab heute");
    assert_eq!(free.headline(today, Lang::En), "2 beds free today");
    let full = calendar(today, 1, &[(1, "2026-12-03", "2027-01-27", DayState::Reserved)]).public();
    assert_eq!(full.next_free, None);
    assert_eq!(full.headline(today, Lang::Fr), "Aucun lit libre d'ici au 27 janvier");
    assert_eq!(full.headline(today, Lang::De), "Kein Bett frei bis zum 27. Januar");
}

#[test]
fn no_note_reaches_the_public() {
    let today = day("2026-12-03");
    let mut calendar = calendar(today, 1, &[(1, "2026-12-03", "2026-12-05", DayState::Reserved)]);
    calendar.beds[0].days[0].note = "M.B.".into();
    let public = serde_json::to_string(&calendar.public()).unwrap();
    assert!(!public.contains("M.B."), "{public}");
    assert!(!public.contains("Chambre"), "staff's bed names stay in the editor: {public}");
}

#[test]
fn a_days_change_stays_within_the_calendar_and_in_order() {
    let today = day("2026-12-03");
    let change =
        |from: &str, to: &str| DaysChange { from: day(from), to: day(to), state: DayState::Reserved, note: "M.B.".into(), replacing: vec![] };
    assert!(change("2026-12-03", "2026-12-10").validate(today).is_ok());
    assert!(change("2026-12-02", "2026-12-10").validate(today).unwrap_err().has("from", &ErrorCode::InThePast));
    assert!(change("2026-12-10", "2026-12-09").validate(today).unwrap_err().has("to", &ErrorCode::EndBeforeStart));
    let beyond = change("2026-12-10", "2027-01-28").validate(today).unwrap_err();
    assert!(beyond.has("to", &ErrorCode::DateOutOfRange { min: "2026-12-03".into(), max: "2027-01-27".into() }));
    let long_note = DaysChange { note: "Madame Bonvin".into(), ..change("2026-12-03", "2026-12-04") };
    assert!(long_note.validate(today).unwrap_err().has("note", &ErrorCode::TooLong { max: DAY_NOTE.max }));
}

#[test]
fn a_booking_is_replaced_only_where_staff_were_shown_it() {
    // Chambre 11: M.B. from the 14th to the 18th; J.I. now asks for the 12th to the 15th.
    let today = day("2026-12-07");
    let mut calendar = calendar(today, 1, &[(1, "2026-12-14", "2026-12-18", DayState::Reserved)]);
    calendar.beds[0].days.iter_mut().filter(|d| d.state == DayState::Reserved).for_each(|d| d.note = "M.B.".into());
    let days = &calendar.beds[0].days;
    let change = DaysChange { from: day("2026-12-12"), to: day("2026-12-15"), state: DayState::Reserved, note: "J.I.".into(), replacing: vec![] };
    let asked = change.bookings_replaced(days);
    assert_eq!(asked, [Booking { note: "M.B.".into(), from: day("2026-12-14"), to: day("2026-12-15") }]);
    assert_eq!(asked[0].in_short(), "M.B. 14.12. \u{2013} 15.12.");
    let refused = change.check_replacing(days).unwrap_err();
    assert!(refused.has("from", &ErrorCode::ReplacesBooking { bookings: "M.B. 14.12. \u{2013} 15.12.".into() }));

    // Confirmed for the days shown: accepted. One day more booked meanwhile: refused again.
    let confirmed = DaysChange { replacing: vec![day("2026-12-14"), day("2026-12-15")], ..change.clone() };
    assert!(confirmed.check_replacing(days).is_ok());
    let seen_before = DaysChange { replacing: vec![day("2026-12-14")], ..change.clone() };
    assert!(seen_before.check_replacing(days).is_err());

    // The same initials again, or free days, replace nobody.
    let same = DaysChange { from: day("2026-12-14"), to: day("2026-12-18"), note: " M.B.".into(), ..change.clone() };
    assert!(same.bookings_replaced(days).is_empty());
    let before = DaysChange { from: day("2026-12-08"), to: day("2026-12-13"), ..change.clone() };
    assert!(before.check_replacing(days).is_ok());
    // Freeing or closing a booked day replaces it too.
    let freed = DaysChange { from: day("2026-12-18"), to: day("2026-12-20"), state: DayState::Free, note: String::new(), replacing: vec![] };
    assert_eq!(freed.bookings_replaced(days)[0].in_short(), "M.B. 18.12.");
}

#[test]
fn extra_beds_are_counted_within_bounds() {
    let today = day("2026-12-03");
    let extra = |count| ExtraBeds { from: today, to: today + Duration::days(6), count };
    assert!(extra(2).validate(today).is_ok());
    assert!(extra(0).validate(today).unwrap_err().has("count", &ErrorCode::NumberOutOfRange { min: 1, max: MAX_BEDS.into() }));
}

fn request(today: NaiveDate) -> StayRequest {
    StayRequest {
        asker: Asker::Hospital,
        name: "Anne Zufferey".into(),
        organisation: "Hôpital du Valais, Sion".into(),
        phone: "027 603 40 00".into(),
        email: String::new(),
        from: today + Duration::days(7),
        to: today + Duration::days(28),
        flexibility: Flexibility::Days,
        reason: Reason::AfterHospital,
        lang: Lang::Fr,
        website: String::new(),
    }
}

#[test]
fn a_request_needs_a_name_and_a_way_to_call_back() {
    let today = day("2026-12-03");
    assert!(request(today).validate(today).is_ok());
    let nameless = StayRequest { name: " ".into(), phone: String::new(), ..request(today) };
    let errors = nameless.validate(today).unwrap_err();
    assert!(errors.has("name", &ErrorCode::Required));
    assert!(errors.has("phone", &ErrorCode::PhoneOrEmail) && errors.has("email", &ErrorCode::PhoneOrEmail));
    let bad_email = StayRequest { email: "anne@".into(), ..request(today) };
    assert!(bad_email.validate(today).unwrap_err().has("email", &ErrorCode::InvalidEmail));
}

#[test]
fn a_request_begins_today_or_later_and_lasts_at_most_three_months() {
    let today = day("2026-12-03");
    let dated = |from: i64, to: i64| StayRequest { from: today + Duration::days(from), to: today + Duration::days(to), ..request(today) };
    assert!(dated(0, 1).validate(today).is_ok());
    assert!(dated(-1, 10).validate(today).unwrap_err().has("from", &ErrorCode::InThePast));
    assert!(dated(5, 5).validate(today).unwrap_err().has("to", &ErrorCode::EndBeforeStart));
    assert!(dated(1, 1 + LONGEST_STAY_DAYS).validate(today).is_ok());
    let too_long = dated(1, 2 + LONGEST_STAY_DAYS).validate(today).unwrap_err();
    assert!(too_long.errors.iter().any(|e| e.field == "to" && matches!(e.code, ErrorCode::DateOutOfRange { .. })));
    let too_far = dated(ASK_AHEAD_DAYS + 1, ASK_AHEAD_DAYS + 10).validate(today).unwrap_err();
    assert!(too_far.errors.iter().any(|e| e.field == "from" && matches!(e.code, ErrorCode::DateOutOfRange { .. })));
}

#[test]
fn a_robot_fills_in_the_hidden_field() {
    let today = day("2026-12-03");
    assert!(!request(today).is_from_a_robot());
    assert!(StayRequest { website: "http://spam.example".into(), ..request(today) }.is_from_a_robot());
}

#[test]
fn every_choice_reads_back_from_its_name_and_is_named_as_in_the_json() {
    for asker in Asker::ALL {
        assert_eq!(Asker::parse(asker.as_str()), Some(asker));
        assert_eq!(serde_json::to_value(asker).unwrap(), asker.as_str());
    }
    for reason in Reason::ALL {
        assert_eq!(Reason::parse(reason.as_str()), Some(reason));
        assert_eq!(serde_json::to_value(reason).unwrap(), reason.as_str());
    }
    for flexibility in Flexibility::ALL {
        assert_eq!(Flexibility::parse(flexibility.as_str()), Some(flexibility));
        assert_eq!(serde_json::to_value(flexibility).unwrap(), flexibility.as_str());
    }
    for status in RequestStatus::ALL {
        assert_eq!(RequestStatus::parse(status.as_str()), Some(status));
        assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
    }
    for state in DayState::ALL {
        assert_eq!(DayState::parse(state.as_str()), Some(state));
        assert_eq!(serde_json::to_value(state).unwrap(), state.as_str());
    }
    for kind in BedKind::ALL {
        assert_eq!(BedKind::parse(kind.as_str()), Some(kind));
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
}

#[test]
fn a_closed_request_is_erased_after_the_days_kept_and_waiting_is_counted_until_answered() {
    let closed: NaiveDateTime = "2026-12-03T10:00:00".parse().unwrap();
    assert!(!request_erased_by(closed, closed + Duration::days(30) - Duration::seconds(1), 30));
    assert!(request_erased_by(closed, closed + Duration::days(30), 30));
    let received: NaiveDateTime = "2026-12-03T08:00:00".parse().unwrap();
    assert_eq!(waited_minutes(received, None, received + Duration::minutes(90)), 90);
    assert_eq!(waited_minutes(received, Some(received + Duration::minutes(20)), received + Duration::days(3)), 20);
    assert!(RequestStatus::Accepted.is_closed() && RequestStatus::Declined.is_closed());
    assert!(!RequestStatus::New.is_closed() && !RequestStatus::Answered.is_closed());
}

#[test]
fn the_days_fall_into_weeks_from_monday_with_the_days_outside_the_range_empty() {
    // A Thursday: the first week has Monday to Wednesday empty; eight weeks end on a Wednesday.
    let today = day("2026-12-03");
    let weeks = calendar(today, 1, &[(1, "2026-12-07", "2026-12-07", DayState::Reserved)]).public().weeks();
    assert_eq!(weeks.len(), 9);
    assert_eq!(weeks[0][..3], [None, None, None]);
    assert_eq!(weeks[0][3], Some(FreeOnDay { date: today, free: 1 }));
    assert_eq!(weeks[1][0], Some(FreeOnDay { date: day("2026-12-07"), free: 0 }));
    assert_eq!(weeks[8][2].map(|d| d.date), Some(day("2027-01-27")));
    assert_eq!(weeks[8][3], None);
}

#[test]
fn extra_beds_say_their_period() {
    let extra = ExtraBeds { from: day("2026-12-14"), to: day("2026-12-20"), count: 2 };
    assert_eq!(extra.statement(Lang::Fr), "2 lits de plus du 14 décembre au 20 décembre");
    assert_eq!(extra.statement(Lang::De), "2 zusätzliche Betten vom 14. Dezember bis 20. Dezember");
    let one = ExtraBeds { count: 1, ..extra };
    assert_eq!(one.statement(Lang::Fr), "1 lit de plus du 14 décembre au 20 décembre");
}

#[test]
fn a_posted_form_reads_into_a_request_or_into_every_fields_error() {
    let today = day("2026-12-03");
    let fields = StayRequestFields {
        asker: "relative".into(),
        name: "Anne Zufferey".into(),
        phone: "027 455 12 34".into(),
        from: "2026-12-14".into(),
        to: "2026-12-28".into(),
        reason: "carers_rest".into(),
        ..StayRequestFields::default()
    };
    let request = fields.read(Lang::De, today).unwrap();
    assert_eq!(
        (request.asker, request.reason, request.flexibility, request.lang),
        (Asker::Relative, Reason::CarersRest, Flexibility::Exact, Lang::De)
    );
    assert_eq!((request.from, request.to), (day("2026-12-14"), day("2026-12-28")));

    // Nothing chosen, a date left empty and one typed wrong: each its own error, and the rules'
    // errors of the fields read (no name, no contact), never one for a stand-in date.
    let empty = StayRequestFields { from: "14.12.2026".into(), ..StayRequestFields::default() };
    let invalid = empty.read(Lang::Fr, today).unwrap_err();
    let fields: Vec<&str> = invalid.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["asker", "name", "phone", "email", "from", "to", "reason"], "in the form's order");
    assert!(invalid.has("from", &ErrorCode::Required));
    let past = StayRequestFields { from: "2026-12-01".into(), to: "2026-12-05".into(), ..fields_of_a_relative() };
    assert!(past.read(Lang::Fr, today).unwrap_err().has("from", &ErrorCode::InThePast));
}

fn fields_of_a_relative() -> StayRequestFields {
    StayRequestFields {
        asker: "relative".into(),
        name: "Anne".into(),
        email: "anne@example.ch".into(),
        reason: "other".into(),
        ..StayRequestFields::default()
    }
}
