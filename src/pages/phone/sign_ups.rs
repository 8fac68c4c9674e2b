//! Signing up for an event on a phone or a PC (the API's `registrations`, as plain HTML forms):
//! the form at `/sign-ups/{event}`, its answer (a place, or a rank on the waiting list, with
//! the event's calendar file and the private link), and the private link's page at
//! `/sign-up/{token}`, to see or cancel the sign-up and erase its data. The kiosk never
//! shows these pages: it shows a QR code of the form instead.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::sign_up::{Availability, EventRef, MySignUp, SignUpAnswer, SignUpFields, Status};
use plantzette_content::{FieldError, Lang, Session, Text};

use super::calendar_link::{occurrence_calendar, programme_calendar, session_calendar, AddToCalendar};
use super::form::{Choice, Errors, RobotTrap, TextField};
use crate::components::local_text::LocalText;
use crate::components::places::{Offer, Places};
use crate::components::programme::SessionWhenAndWhere;
use crate::i18n::{counted, lang, ui};

/// What a sign-up is for, as its pages name it.
#[derive(Clone)]
pub struct EventInfo {
    pub event: EventRef,
    pub title: Text,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: Text,
    /// A session's rank in its programme, from 1 (its calendar file's address).
    pub session_number: Option<usize>,
    /// A course's sessions, every one in order; empty for one event.
    pub course: Vec<Session>,
}

impl EventInfo {
    /// The event's own page.
    fn page(&self) -> String {
        match self.event {
            EventRef::Session { programme_id, .. } | EventRef::Course { programme_id } => format!("/programmes/{programme_id}"),
            EventRef::Occurrence { activity_id, date } => format!("/activities/{activity_id}/{date}"),
        }
    }

    fn calendar(&self, lang: Lang) -> String {
        match self.event {
            EventRef::Session { programme_id, .. } => session_calendar(programme_id, self.session_number.unwrap_or(1), lang),
            EventRef::Course { programme_id } => programme_calendar(programme_id, lang),
            EventRef::Occurrence { activity_id, date } => occurrence_calendar(activity_id, date, lang),
        }
    }
}

/// The sign-up form's page: the event, its places, and the form or its answer.
pub struct SignUpPage {
    pub event: EventInfo,
    pub places: Availability,
    pub stage: SignUpStage,
    /// Whether the residence sends e-mail (a mail relay): without, it confirms by phone, and
    /// the form asks for a number and no address.
    pub by_mail: bool,
}

pub enum SignUpStage {
    /// The form, empty or sent back: what was typed, its errors, and why it was refused.
    Filling { fields: SignUpFields, errors: Vec<FieldError>, refused: Option<Refused> },
    /// Signed up: where the sign-up stands, and its private link's token (given this once).
    Answered(SignUpAnswer),
}

/// Why the server did not take a form.
#[derive(Clone, Copy)]
pub enum Refused {
    /// A field is wrong: each says why.
    Fields,
    /// Full, closed, or not open yet.
    NoMorePlaces,
    /// More today from this address or for this contact than anyone sends.
    TooManyToday,
}

/// The event's title, when and where (a course: every session), under a heading that says what
/// the page is for.
#[component]
fn EventHeading(info: EventInfo, heading: &'static str) -> impl IntoView {
    let page = info.page();
    let when = if info.course.is_empty() {
        view! {
            <p class="lead when">{long_date(info.starts_at.date(), lang())}", "{time_span(info.starts_at, info.ends_at)}</p>
            <p><LocalText text=info.place/></p>
        }
        .into_any()
    } else {
        view! { <CourseSessions sessions=info.course/> }.into_any()
    };
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{heading}</span><LocalText text=info.title/></h1>
            <a href=page>"← "{ui().sign_up.to_the_event}</a>
        </div>
        {when}
    }
}

/// `origin`: the site's, which the private link is written out with (to note down).
#[component]
pub fn SignUpContent(page: SignUpPage, origin: String) -> impl IntoView {
    let words = ui().sign_up;
    let SignUpPage { event, places, stage, by_mail } = page;
    let calendar = event.calendar(lang());
    let key = event.event.key();
    let heading = if event.course.is_empty() { words.sign_up } else { words.sign_up_course };
    let open = places.takes_sign_ups();
    let kept_days = places.kept_days;
    view! {
        <EventHeading info=event.clone() heading/>
        // The count follows the others' sign-ups; the form below keeps what is typed.
        <p class="places-line" id="places" data-live=""><Places event=event.event places offer=Offer::Nothing/></p>
        {match stage {
            SignUpStage::Answered(answer) => view! { <Answer answer origin calendar/> }.into_any(),
            SignUpStage::Filling { fields, errors, refused } if open => view! { <SignUpForm key fields errors=Errors(errors) refused kept_days by_mail/> }.into_any(),
            SignUpStage::Filling { .. } => view! { <p class="notice">{words.no_more_sign_ups}</p> }.into_any(),
        }}
    }
}

#[component]
fn SignUpForm(key: String, fields: SignUpFields, errors: Errors, refused: Option<Refused>, kept_days: u32, by_mail: bool) -> impl IntoView {
    let ui = ui();
    let words = ui.sign_up;
    let consent = words.consent.replace("{days}", &kept_days.to_string());
    let problem = refused.map(|refused| match refused {
        Refused::Fields => words.check_the_fields,
        Refused::NoMorePlaces => words.no_more_sign_ups,
        Refused::TooManyToday => words.too_many_today,
    });
    let people = if fields.people.is_empty() { "1".to_string() } else { fields.people.clone() };
    view! {
        <form class="sign-up-form" method="post" action=format!("/sign-ups/{key}") novalidate="">
            {problem.map(|problem| view! { <p class="notice error" role="alert">{problem}</p> })}
            <TextField id="name" label=words.name hint=words.name_hint value=fields.name errors=errors.clone() autocomplete="name"/>
            <TextField id="phone" label=ui.phone hint=if by_mail { words.contact_hint } else { words.phone_hint } value=fields.phone errors=errors.clone() autocomplete="tel" kind="tel"/>
            {by_mail.then(|| view! { <TextField id="email" label=ui.email value=fields.email errors=errors.clone() autocomplete="email" kind="email"/> })}
            <Choice name="people" legend=words.how_many options=vec![("1", words.one_person), ("2", words.with_a_carer)] chosen=people errors=errors.clone()/>
            <TextField id="note" label=words.note hint=words.note_hint value=fields.note errors autocomplete="off" multiline=true/>
            <RobotTrap/>
            <p class="consent">{consent}</p>
            <button type="submit" class="button">{words.send}</button>
        </form>
    }
}

/// The answer: the place or the rank, how the person will hear, the calendar file, and the
/// private link (given this once). Read first: its heading takes the focus.
#[component]
fn Answer(answer: SignUpAnswer, origin: String, calendar: String) -> impl IntoView {
    let words = ui().sign_up;
    let private_link = answer.token.as_ref().map(|token| format!("/sign-up/{token}"));
    view! {
        <section class="sign-up-answer notice" aria-labelledby="answer">
            <h2 id="answer" tabindex="-1" autofocus="">{standing(answer.status, answer.position)}</h2>
            <p>{if answer.emailed { words.emailed } else { words.residence_will_call }}</p>
            {(answer.status != Status::Cancelled).then(|| view! { <p><AddToCalendar href=calendar/></p> })}
            {private_link.map(|link| view! {
                <p>{words.private_link}<br/><a href=link.clone()>{format!("{origin}{link}")}</a></p>
                <p>{words.keep_the_link}</p>
            })}
        </section>
    }
}

/// Where a sign-up stands, in a sentence.
fn standing(status: Status, position: Option<u32>) -> String {
    let words = ui().sign_up;
    match status {
        Status::Confirmed => words.place_confirmed.to_string(),
        Status::Waiting => words.on_waiting_list.replace("{n}", &position.unwrap_or(1).to_string()),
        Status::Cancelled => words.cancelled.to_string(),
    }
}

/// The private link's page.
// Made once per request and moved once into the page: boxing would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum MySignUpPage {
    /// The sign-up (its event, if it is still published), and a cancellation being confirmed.
    Shown { token: String, event: Option<EventInfo>, mine: MySignUp, cancelling: Option<Cancelling> },
    /// Cancelled, or erased, just now.
    Done(Cancelling),
}

/// What the person asked for: to cancel, or to cancel and erase their data at once.
#[derive(Clone, Copy, PartialEq)]
pub enum Cancelling {
    Cancel,
    Erase,
}

impl Cancelling {
    pub fn as_str(self) -> &'static str {
        match self {
            Cancelling::Cancel => "cancel",
            Cancelling::Erase => "erase",
        }
    }

    pub fn parse(value: &str) -> Option<Cancelling> {
        [Cancelling::Cancel, Cancelling::Erase].into_iter().find(|c| c.as_str() == value)
    }
}

#[component]
pub fn MySignUpContent(page: MySignUpPage) -> impl IntoView {
    let words = ui().sign_up;
    let (token, event, mine, cancelling) = match page {
        MySignUpPage::Done(done) => {
            let said = match done {
                Cancelling::Cancel => words.cancelled,
                Cancelling::Erase => words.erased,
            };
            return view! { <h1>{words.your_sign_up}</h1><p class="notice" role="status">{said}</p> }.into_any();
        }
        MySignUpPage::Shown { token, event, mine, cancelling } => (token, event, mine, cancelling),
    };
    let cancelled = mine.status == Status::Cancelled;
    let cancel = if event.as_ref().is_some_and(|e| !e.course.is_empty()) { words.cancel_course } else { words.cancel };
    let calendar = event.as_ref().filter(|_| !cancelled).map(|event| event.calendar(lang()));
    let address = format!("/sign-up/{token}");
    view! {
        {match event {
            Some(info) => view! { <EventHeading info heading=words.your_sign_up/> }.into_any(),
            None => view! { <h1>{words.your_sign_up}</h1> }.into_any(),
        }}
        {calendar.map(|href| view! { <p><AddToCalendar href/></p> })}
        // Followed live: a rank on the waiting list moves up as others cancel.
        <section class="notice sign-up-answer" aria-labelledby="standing-heading" id="standing" data-live="">
            <h2 id="standing-heading">{standing(mine.status, mine.position)}</h2>
            <p>{words.in_the_name_of}" "<strong>{mine.name.clone()}</strong>", "{counted(mine.people as usize, &words.people)}</p>
        </section>
        {match (cancelling, cancelled) {
            (Some(asked), _) => view! {
                <form class="confirm" method="post" action=address.clone() aria-labelledby="really">
                    <p id="really"><strong>{words.really_cancel}</strong></p>
                    <button type="submit" name="action" value=asked.as_str() class="button danger" autofocus="">{words.yes_cancel}</button>
                    " "
                    <a href=address.clone() class="button secondary">{words.keep_it}</a>
                </form>
            }
            .into_any(),
            (None, true) => view! {
                <form method="post" action=address.clone()>
                    <p><button type="submit" name="action" value=Cancelling::Erase.as_str() class="button secondary">{words.erase_now}</button></p>
                </form>
            }
            .into_any(),
            (None, false) => view! {
                <form class="actions" method="get" action=address.clone()>
                    <button type="submit" name="confirm" value=Cancelling::Cancel.as_str() class="button danger">{cancel}</button>
                    " "
                    <button type="submit" name="confirm" value=Cancelling::Erase.as_str() class="button secondary">{words.cancel_and_erase}</button>
                </form>
            }
            .into_any(),
        }}
    }
    .into_any()
}

/// A course's sessions, every one in order (called off too), and what one enrolment means.
#[component]
pub fn CourseSessions(sessions: Vec<Session>) -> impl IntoView {
    let words = ui().sign_up;
    view! {
        <section class="course-sessions" aria-labelledby="course-sessions">
            <h2 id="course-sessions">{words.course_sessions}</h2>
            <ol>{sessions.into_iter().map(|session| view! { <li><SessionWhenAndWhere session/></li> }).collect_view()}</ol>
            <p>{words.one_for_all}</p>
        </section>
    }
}
