//! The app's own words in French, German and English, and the language chosen.
//!
//! Each language is one `Ui` value, so a missing translation is a compile error. Content texts
//! come translated from the server; these are only the app's labels.

use leptos::prelude::*;
use plantzette_content::Lang;

mod de;
mod en;
mod fr;

use de::DE;
use en::EN;
use fr::FR;

/// The language a view is drawn in, for every component below it: on the kiosk the one chosen on
/// the screen (provided again each time the view is drawn anew in another language), on a page
/// the server renders the request's.
#[derive(Clone, Copy)]
pub struct DrawnIn(pub Lang);

/// The language the view is drawn in.
pub fn lang() -> Lang {
    expect_context::<DrawnIn>().0
}

/// The app's labels in the language the view is drawn in.
pub fn ui() -> &'static Ui {
    labels(lang())
}

/// A noun after a number, in the singular and the plural.
pub struct Noun {
    pub one: &'static str,
    pub other: &'static str,
}

/// "1 autre annonce", "3 autres annonces": a number and its noun, as the language says them.
pub fn counted(count: usize, noun: &Noun) -> String {
    let noun = if lang().takes_singular(count) { noun.one } else { noun.other };
    format!("{count}\u{a0}{noun}")
}

/// The app's labels in one language.
pub struct Ui {
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub language: &'static str,
    pub today: &'static str,
    pub activities: &'static str,
    pub menus: &'static str,
    pub programmes: &'static str,
    pub info: &'static str,
    pub loading: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_unreadable: &'static str,
    pub retry: &'static str,
    pub now_on: &'static str,
    pub next: &'static str,
    /// An activity of the day that is over.
    pub finished: &'static str,
    pub cancelled: &'static str,
    pub registration_required: &'static str,
    pub not_wheelchair_accessible: &'static str,
    pub no_activities: &'static str,
    pub no_activities_of_kind: &'static str,
    pub photos: &'static str,
    pub photos_of_week: &'static str,
    pub no_photos_this_week: &'static str,
    pub no_menu: &'static str,
    /// The row of a week's days at the top of the menus, each a jump to its day.
    pub days_of_the_week: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub this_week: &'static str,
    pub allergens: &'static str,
    pub no_allergens: &'static str,
    pub announcements: &'static str,
    pub todays_activities: &'static str,
    pub todays_menu: &'static str,
    pub next_prevention_session: &'static str,
    pub visiting_hours: &'static str,
    pub contact: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub audience: &'static str,
    pub sessions: &'static str,
    pub price: &'static str,
    pub registration: &'static str,
    pub all_programmes: &'static str,
    pub no_programmes: &'static str,
    pub more_info: &'static str,
    /// The caption of the short-stay beds' table, and its rows read out: "Semaine du 7 décembre".
    pub free_beds_by_day: &'static str,
    pub week_from: &'static str,
    pub of: &'static str,
    pub not_found: &'static str,
    pub not_found_text: &'static str,
    /// An item asked for by its address that is not there (deleted, or a wrong link).
    pub item_not_found: &'static str,
    /// A new install whose residence an administrator has not filled in yet.
    pub not_set_up: &'static str,
    pub not_set_up_text: &'static str,
    pub back_home: &'static str,
    pub in_french_only: &'static str,
    /// "Allergènes : " in French (a non-breaking space before the colon), "Allergene: " otherwise.
    pub colon: &'static str,
    pub add_to_calendar: &'static str,
    pub subscribe_calendar: &'static str,
    pub calendar_address: &'static str,
    pub all_categories: &'static str,
    pub kind_of_activity: &'static str,
    /// The date picker's button: show the week of the date typed.
    pub show: &'static str,
    pub go_to_date: &'static str,
    pub whole_week: &'static str,
    pub swiss_time: &'static str,
    pub urgent: &'static str,
    pub wake_up: &'static str,
    pub highlights: &'static str,
    pub pause_highlights: &'static str,
    pub resume_highlights: &'static str,
    pub announcement: &'static str,
    pub last_updated: &'static str,
    pub showing_last_content: &'static str,
    pub read_aloud: &'static str,
    pub stop_reading: &'static str,
    pub home: &'static str,
    pub day_programme: &'static str,
    pub the_week: &'static str,
    pub preview: &'static str,
    pub no_preview: &'static str,
    /// The pager of a long list on the kiosk: "Page 1 sur 3", its buttons.
    pub pages: &'static str,
    pub page: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub previous_day: &'static str,
    pub next_day: &'static str,
    pub days_of_week: &'static str,
    pub nothing_more_today: &'static str,
    pub more_announcements: Noun,
    pub more_dates: Noun,
    /// Where a dish's meat or fish comes from.
    pub origin: &'static str,
    pub alarm: &'static str,
    pub alarm_since: &'static str,
    pub pairing_code: &'static str,
    pub no_announcements: &'static str,
    pub sign_up: &'static SignUpWords,
    pub stay_request: &'static StayRequestWords,
}

/// The words of the short-stay request form (the choices' own labels are the content crate's).
pub struct StayRequestWords {
    pub title: &'static str,
    pub lead: &'static str,
    pub back: &'static str,
    pub who_asks: &'static str,
    pub your_name: &'static str,
    pub organisation: &'static str,
    pub organisation_hint: &'static str,
    pub contact_hint: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub flexibility: &'static str,
    pub reason: &'static str,
    pub no_health: &'static str,
    /// `{days}`: the days kept after the request is closed.
    pub consent: &'static str,
    pub send: &'static str,
    pub check_the_fields: &'static str,
    pub too_many_today: &'static str,
    /// `{n}`: the request's number.
    pub received: &'static str,
    pub call_back: &'static str,
}

/// The words of signing up for an event: the form, its answer, the private link's page, and
/// the kiosk's invitation to scan (nobody types personal data on the lobby screen).
pub struct SignUpWords {
    pub sign_up: &'static str,
    /// On the kiosk, beside the QR code.
    pub scan_or_reception: &'static str,
    pub qr_code: &'static str,
    pub name: &'static str,
    pub name_hint: &'static str,
    pub contact_hint: &'static str,
    /// The phone's hint where the residence sends no e-mail: it confirms by phone.
    pub phone_hint: &'static str,
    pub how_many: &'static str,
    pub one_person: &'static str,
    pub with_a_carer: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    /// What is kept, who sees it, and for how long: `{days}` is the number of days.
    pub consent: &'static str,
    pub send: &'static str,
    pub check_the_fields: &'static str,
    pub no_more_sign_ups: &'static str,
    pub too_many_today: &'static str,
    pub place_confirmed: &'static str,
    /// `{n}`: the rank on the waiting list.
    pub on_waiting_list: &'static str,
    pub emailed: &'static str,
    pub residence_will_call: &'static str,
    pub private_link: &'static str,
    pub keep_the_link: &'static str,
    pub your_sign_up: &'static str,
    pub in_the_name_of: &'static str,
    pub people: Noun,
    pub cancel: &'static str,
    pub cancel_and_erase: &'static str,
    pub really_cancel: &'static str,
    pub yes_cancel: &'static str,
    pub keep_it: &'static str,
    pub cancelled: &'static str,
    pub erase_now: &'static str,
    pub erased: &'static str,
    pub to_the_event: &'static str,
    /// A course: signed up for once, for all its sessions.
    pub sign_up_course: &'static str,
    pub course_sessions: &'static str,
    /// What one enrolment means, under the course's sessions.
    pub one_for_all: &'static str,
    /// Beside a session of a course that will not take place.
    pub called_off: &'static str,
    /// The private link's cancellation of a course: every session at once.
    pub cancel_course: &'static str,
}

pub fn labels(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
