use chrono::NaiveDateTime;

use super::*;
use crate::error::ErrorCode;
use crate::parse::Rules;
use crate::text::Lang;
use crate::validate::Validator;

fn at(time: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(time, "%Y-%m-%d %H:%M").unwrap()
}

fn places(capacity: Option<u32>, waiting_list: bool) -> Places {
    Places { capacity, opens_at: None, closes_at: None, waiting_list }
}

fn sign_up() -> SignUp {
    SignUp { name: "Jeanne Rey".into(), phone: "027 455 12 34".into(), people: 1, lang: Lang::Fr, ..SignUp::default() }
}

const STARTS: &str = "2026-12-10 14:00";

#[test]
fn event_keys_read_back_and_nothing_else_reads() {
    for event in [
        EventRef::Session { programme_id: 3, starts_at: at(STARTS) },
        EventRef::Course { programme_id: 3 },
        EventRef::Occurrence { activity_id: 5, date: "2026-12-10".parse().unwrap() },
    ] {
        assert_eq!(EventRef::parse(&event.key()), Some(event));
    }
    assert_eq!(EventRef::Session { programme_id: 3, starts_at: at(STARTS) }.key(), "programmes/3/2026-12-10T14:00");
    assert_eq!(EventRef::Course { programme_id: 3 }.key(), "programmes/3");
    for wrong in [
        "programmes/3/2",
        "programmes/3/2026-12-10",
        "programmes/x/2026-12-10T14:00",
        "activities/5/2026-13-01",
        "activities/5/2026-12-10/x",
        "menus/1/2",
        "activities/5",
        "programmes/3/",
        "programmes/",
        "",
    ] {
        assert_eq!(EventRef::parse(wrong), None, "{wrong}");
    }
}

#[test]
fn a_place_is_confirmed_while_places_are_left_and_nobody_waits() {
    let now = at("2026-12-01 09:00");
    let three = places(Some(3), true);
    assert_eq!(decide(&three, at(STARTS), now, 2, 0, 1), Ok(Status::Confirmed));
    assert_eq!(decide(&three, at(STARTS), now, 2, 0, 2), Ok(Status::Waiting), "a carer needs a place too");
    assert_eq!(decide(&three, at(STARTS), now, 1, 1, 1), Ok(Status::Waiting), "those waiting come first");
    assert_eq!(decide(&places(Some(3), false), at(STARTS), now, 3, 0, 1), Err(Refusal::Full));
    assert_eq!(decide(&places(None, false), at(STARTS), now, 300, 0, 2), Ok(Status::Confirmed));
}

#[test]
fn signing_up_opens_and_closes_at_its_window_and_never_after_the_start() {
    let window = Places { opens_at: Some(at("2026-12-01 08:00")), closes_at: Some(at("2026-12-09 12:00")), ..places(Some(10), true) };
    assert_eq!(decide(&window, at(STARTS), at("2026-11-30 20:00"), 0, 0, 1), Err(Refusal::NotYetOpen { opens_at: at("2026-12-01 08:00") }));
    assert_eq!(decide(&window, at(STARTS), at("2026-12-01 08:00"), 0, 0, 1), Ok(Status::Confirmed));
    assert_eq!(decide(&window, at(STARTS), at("2026-12-09 12:00"), 0, 0, 1), Err(Refusal::Closed));
    let open = places(Some(10), true);
    assert_eq!(decide(&open, at(STARTS), at("2026-12-10 13:59"), 0, 0, 1), Ok(Status::Confirmed));
    assert_eq!(decide(&open, at(STARTS), at(STARTS), 0, 0, 1), Err(Refusal::Closed));
    let late = Places { closes_at: Some(at("2026-12-11 00:00")), ..open };
    assert_eq!(late.window(at(STARTS), at("2026-12-10 15:00")), Window::Closed, "a closing after the start is the start");
}

#[test]
fn the_first_ones_waiting_move_up_in_order_while_they_fit() {
    assert_eq!(promoted(Some(3), 2, &[1, 1]), 1);
    assert_eq!(promoted(Some(3), 1, &[1, 1, 1]), 2);
    assert_eq!(promoted(Some(3), 2, &[2, 1]), 0, "nobody passes a couple waiting before them");
    assert_eq!(promoted(Some(3), 3, &[1]), 0);
    assert_eq!(promoted(None, 40, &[2, 1]), 2);
}

#[test]
fn the_form_needs_a_name_and_a_phone_or_an_e_mail() {
    assert_eq!(sign_up().check(Confirms::ByMailOrPhone), Ok(()));
    let nobody = SignUp { name: " ".into(), phone: String::new(), ..sign_up() };
    let error = nobody.check(Confirms::ByMailOrPhone).unwrap_err();
    assert!(error.has("name", &ErrorCode::Required));
    assert!(error.has("phone", &ErrorCode::PhoneOrEmail));
    assert!(error.has("email", &ErrorCode::PhoneOrEmail));
    let by_mail = SignUp { phone: String::new(), email: "j.rey@example.ch".into(), ..sign_up() };
    assert_eq!(by_mail.check(Confirms::ByMailOrPhone), Ok(()));
}

#[test]
fn wrong_fields_are_named_one_by_one() {
    let wrong = SignUp { phone: "abc".into(), email: "rey@".into(), people: 3, note: "x".repeat(201), name: "a\nb".into(), ..sign_up() };
    let error = wrong.check(Confirms::ByMailOrPhone).unwrap_err();
    assert!(error.has("phone", &ErrorCode::InvalidPhone));
    assert!(error.has("email", &ErrorCode::InvalidEmail));
    assert!(error.has("people", &ErrorCode::NumberOutOfRange { min: 1, max: 2 }));
    assert!(error.has("note", &ErrorCode::TooLong { max: 200 }));
    assert!(error.has("name", &ErrorCode::LineBreak));
    assert_eq!(SignUp { people: 0, ..sign_up() }.check(Confirms::ByMailOrPhone).unwrap_err().errors[0].field, "people");
}

#[test]
fn without_e_mail_from_the_residence_a_phone_number_is_needed() {
    let by_mail = SignUp { phone: String::new(), email: "j.rey@example.ch".into(), ..sign_up() };
    assert_eq!(by_mail.check(Confirms::ByMailOrPhone), Ok(()));
    let error = by_mail.check(Confirms::ByPhone).unwrap_err();
    assert!(error.has("phone", &ErrorCode::PhoneNeeded));
    assert!(!error.errors.iter().any(|e| e.field == "email"), "the address is not the matter");
    assert_eq!(sign_up().check(Confirms::ByPhone), Ok(()), "a phone number: called");
}

#[test]
fn a_name_that_turns_its_line_around_is_refused() {
    let reversed = SignUp { name: "Jeanne \u{202e}yeR".into(), ..sign_up() };
    assert!(reversed.check(Confirms::ByMailOrPhone).unwrap_err().has("name", &ErrorCode::ControlCharacter));
    let isolated = SignUp { note: "Fauteuil \u{2067}roulant".into(), ..sign_up() };
    assert!(isolated.check(Confirms::ByMailOrPhone).unwrap_err().has("note", &ErrorCode::ControlCharacter));
}

#[test]
fn one_contact_is_one_person_however_it_is_written() {
    let spaced = SignUp { phone: "027 455 12 34".into(), ..sign_up() };
    let dotted = SignUp { phone: "027.455.12.34".into(), ..sign_up() };
    assert_eq!(spaced.contact_key(), dotted.contact_key());
    let mail = SignUp { email: "J.Rey@Example.ch ".into(), ..sign_up() };
    assert_eq!(mail.contact_key(), "email:j.rey@example.ch", "the e-mail address decides when there is one");
}

#[test]
fn a_robot_fills_in_the_hidden_field() {
    assert!(!sign_up().is_from_a_robot());
    assert!(SignUp { website: "http://spam.example".into(), ..sign_up() }.is_from_a_robot());
}

#[test]
fn places_offered_are_checked() {
    let mut v = Validator::default();
    Places { capacity: Some(0), opens_at: Some(at(STARTS)), closes_at: Some(at("2026-12-01 00:00")), waiting_list: false }.check(&mut v);
    let error = v.finish().unwrap_err();
    assert!(error.has("capacity", &ErrorCode::NumberOutOfRange { min: 1, max: 500 }));
    assert!(error.has("closes_at", &ErrorCode::EndBeforeStart));
}

#[test]
fn personal_data_is_kept_a_set_number_of_days_after_the_event() {
    assert_eq!(erased_if_ended_by(at("2027-01-09 16:00"), KEEP_DAYS), at("2026-12-10 16:00"));
}

#[test]
fn places_left_never_go_below_zero() {
    let full = Availability { capacity: Some(3), taken: 4, waiting: 2, waiting_list: true, window: Window::Open, kept_days: KEEP_DAYS };
    assert_eq!(full.places_left(), Some(0));
    assert_eq!(Availability { capacity: None, ..full }.places_left(), None);
}

#[test]
fn the_places_read_as_the_kiosk_says_them() {
    let open = Availability { capacity: Some(12), taken: 9, waiting: 0, waiting_list: true, window: Window::Open, kept_days: KEEP_DAYS };
    assert_eq!(open.headline(Lang::Fr), "3 places libres");
    assert_eq!(open.headline(Lang::De), "3 Plätze frei");
    assert_eq!(Availability { taken: 11, ..open }.headline(Lang::Fr), "1 place libre");
    assert_eq!(Availability { taken: 12, ..open }.headline(Lang::Fr), "Complet : liste d\u{2019}attente");
    assert_eq!(Availability { taken: 12, waiting_list: false, ..open }.headline(Lang::De), "Ausgebucht");
    assert_eq!(
        Availability { taken: 11, waiting: 2, ..open }.headline(Lang::Fr),
        "Complet : liste d\u{2019}attente",
        "the free place is for those waiting"
    );
    assert_eq!(Availability { capacity: None, ..open }.headline(Lang::Fr), "Inscriptions ouvertes");
    assert_eq!(Availability { window: Window::Closed, ..open }.headline(Lang::De), "Anmeldung geschlossen");
    let opens_at = "2026-12-07T08:00:00".parse().unwrap();
    assert_eq!(Availability { window: Window::NotYetOpen { opens_at }, ..open }.headline(Lang::Fr), "Inscriptions dès le 7 décembre, 08:00");
}

#[test]
fn the_form_takes_a_sign_up_while_a_place_or_the_waiting_list_is_there() {
    let open = Availability { capacity: Some(12), taken: 11, waiting: 0, waiting_list: false, window: Window::Open, kept_days: KEEP_DAYS };
    assert!(open.takes_sign_ups(), "one place left");
    assert!(!Availability { taken: 12, ..open }.takes_sign_ups(), "full, no list");
    assert!(!Availability { waiting: 1, ..open }.takes_sign_ups(), "the free place is for the one waiting, and no list to join");
    assert!(Availability { taken: 12, waiting_list: true, ..open }.takes_sign_ups(), "full, on the list");
    assert!(Availability { capacity: None, taken: 40, ..open }.takes_sign_ups(), "no limit");
    assert!(!Availability { window: Window::Closed, ..open }.takes_sign_ups());
    let opens_at = "2026-12-07T08:00:00".parse().unwrap();
    assert!(!Availability { window: Window::NotYetOpen { opens_at }, ..open }.takes_sign_ups());
}

#[test]
fn a_posted_form_reads_into_a_sign_up_in_the_readers_language() {
    let fields = SignUpFields { name: "Jeanne Rey".into(), phone: "027 455 12 34".into(), ..SignUpFields::default() };
    let alone = fields.read(Lang::De, Confirms::ByPhone).unwrap();
    assert_eq!((alone.people, alone.lang), (1, Lang::De), "the person alone unless a carer is chosen");
    let with_a_carer = SignUpFields { people: "2".into(), ..fields.clone() }.read(Lang::Fr, Confirms::ByPhone).unwrap();
    assert_eq!(with_a_carer.people, 2);
    let nonsense = SignUpFields { people: "plenty".into(), ..fields.clone() }.read(Lang::Fr, Confirms::ByPhone);
    assert!(nonsense.unwrap_err().has("people", &ErrorCode::NumberOutOfRange { min: 1, max: 2 }));
    let no_number = SignUpFields { phone: String::new(), email: "jeanne@example.ch".into(), ..fields }.read(Lang::Fr, Confirms::ByPhone);
    assert!(no_number.unwrap_err().has("phone", &ErrorCode::PhoneNeeded), "the same rules as the JSON form's");
}
