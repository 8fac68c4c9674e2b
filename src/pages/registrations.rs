//! Signing up for an event on a phone or a PC (the API's `registrations`): the form at
//! `/registrations/{event}`, its answer (a place, or a rank on the waiting list, with the
//! event's calendar file and the private link), and the private link's page at
//! `/registration/{token}`, to see or cancel the sign-up and erase its data. The kiosk never
//! shows these pages: it shows a QR code of the form instead (`components::places`).

use chrono::NaiveDateTime;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use plantzette_content::format::{long_date, time_span};
use plantzette_content::registration::{EventRef, MySignUp, SignUp, SignUpAnswer, Status};
use plantzette_content::{DateRange, FieldError, Text};
use plantzette_web::RequestError;

use crate::api;
use crate::components::calendar_link::AddToCalendar;
use crate::components::fetched::Fetched;
use crate::components::form::{focus_first_error, Choice, RobotTrap, TextField};
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::places::PlacesLeft;
use crate::fetch::Fetch;
use crate::i18n::{counted, lang, ui};
use crate::kiosk::is_kiosk;
use crate::live::live_resource;

/// What a sign-up is for, as its pages name it.
#[derive(Clone)]
struct EventInfo {
    title: Text,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
    place: Text,
    /// The event's own page.
    page: String,
    /// Its calendar file, in the chosen language.
    calendar: String,
}

/// The event as published: a programme's session by its start, an activity's occurrence by its
/// day. Gone (taken out, deleted, cancelled): not found.
async fn event_info(event: EventRef) -> Result<EventInfo, RequestError> {
    let lang = lang();
    match event {
        EventRef::Session { programme_id, starts_at } => {
            let item = api::programme(programme_id.to_string()).await?;
            let (index, session) = item.content.sessions.iter().enumerate().find(|(_, s)| s.starts_at == starts_at).ok_or(RequestError::NotFound)?;
            Ok(EventInfo {
                title: item.content.title.clone(),
                starts_at,
                ends_at: session.ends_at,
                place: session.place.clone(),
                page: format!("/programmes/{programme_id}"),
                calendar: api::session_calendar(programme_id, index + 1, lang),
            })
        }
        EventRef::Occurrence { activity_id, date } => {
            let item = api::activity(activity_id.to_string()).await?;
            let occurrence = item.occurrences(DateRange::day(date)).into_iter().next().ok_or(RequestError::NotFound)?;
            Ok(EventInfo {
                title: occurrence.info.title,
                starts_at: occurrence.starts_at,
                ends_at: occurrence.ends_at,
                place: occurrence.info.place,
                page: format!("/activities/{activity_id}/{date}"),
                calendar: api::occurrence_calendar(activity_id, date, lang),
            })
        }
    }
}

/// The event's title, when and where, under a heading that says what the page is for.
#[component]
fn EventHeading(info: EventInfo, heading: &'static str) -> impl IntoView {
    let lang = lang();
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{heading}</span><LocalText text=info.title/></h1>
            <A href=info.page>"← "{ui().sign_up.to_the_event}</A>
        </div>
        <p class="lead when">{long_date(info.starts_at.date(), lang)}", "{time_span(info.starts_at, info.ends_at)}</p>
        <p><LocalText text=info.place/></p>
    }
}

/// `/registrations/programmes/{id}/{start}` and `/registrations/activities/{id}/{date}`.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let words = ui().sign_up;
    set_page_title(words.sign_up);
    let path = use_location().pathname.get_untracked();
    let Some(event) = path.strip_prefix("/registrations/").and_then(EventRef::parse) else {
        return view! { <crate::pages::NotFound/> }.into_any();
    };
    // Nobody types personal data on the lobby's public screen, even reached by a typed address.
    if is_kiosk() {
        return view! {
            <h1>{words.sign_up}</h1>
            <div class="notice places-line">
                <img class="sign-up-qr" src=api::sign_up_qr(&event.key()) alt=words.qr_code width="160" height="160"/>
                <p class="sign-up-where">{words.scan_or_reception}</p>
            </div>
        }
        .into_any();
    }
    let info = Fetch::new(move || event_info(event));
    view! { <Fetched resource=info render=move |info: EventInfo| view! { <SignUpForm event info/> }/> }.into_any()
}

/// Where the form stands: being filled in, sent, or answered.
#[derive(Clone)]
enum Stage {
    Filling { problem: Option<&'static str> },
    Sending,
    Answered(SignUpAnswer),
}

#[component]
fn SignUpForm(event: EventRef, info: EventInfo) -> impl IntoView {
    let ui = ui();
    let words = ui.sign_up;
    let key = event.key();
    // Asked once: the form must not be drawn again (and its typing lost) at each sign-up of
    // others; the count above it follows them live.
    let availability = Fetch::new({
        let key = key.clone();
        move || api::availability(key.clone())
    });
    let calendar = info.calendar.clone();
    view! {
        <EventHeading info heading=words.sign_up/>
        <p class="places-line"><PlacesLeft event/></p>
        <Fetched resource=availability render=move |places: plantzette_content::registration::Availability| {
            if places.takes_sign_ups() {
                view! { <Form key=key.clone() kept_days=places.kept_days calendar=calendar.clone()/> }.into_any()
            } else {
                view! { <p class="notice">{words.no_more_sign_ups}</p> }.into_any()
            }
        }/>
    }
}

#[component]
fn Form(key: String, kept_days: u32, calendar: String) -> impl IntoView {
    let ui = ui();
    let words = ui.sign_up;
    let lang = lang();
    let (name, phone, email, note, website) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // 0: the person alone, 1: with a carer (`MAX_PEOPLE` is 2).
    let with_a_carer = RwSignal::new(0usize);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let stage = RwSignal::new(Stage::Filling { problem: None });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if matches!(stage.get_untracked(), Stage::Sending) {
            return;
        }
        let form = SignUp {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            people: with_a_carer.get_untracked() as u32 + 1,
            note: note.get_untracked(),
            lang,
            website: website.get_untracked(),
        };
        // The server's own rules, checked here first: errors at once, field by field, in the
        // reader's language.
        if let Err(invalid) = form.validate() {
            errors.set(invalid.errors);
            stage.set(Stage::Filling { problem: Some(words.check_the_fields) });
            request_animation_frame(focus_first_error);
            return;
        }
        errors.set(Vec::new());
        stage.set(Stage::Sending);
        let key = key.clone();
        spawn_local(async move {
            stage.set(match api::sign_up(key, form).await {
                Ok(answer) => Stage::Answered(answer),
                Err(error) => Stage::Filling { problem: Some(refusal(&error)) },
            });
        });
    };
    let consent = words.consent.replace("{days}", &kept_days.to_string());
    move || match stage.get() {
        Stage::Answered(answer) => view! { <Answer answer calendar=calendar.clone()/> }.into_any(),
        filling_or_sending => {
            let sending = matches!(filling_or_sending, Stage::Sending);
            let problem = match filling_or_sending {
                Stage::Filling { problem } => problem,
                _ => None,
            };
            view! {
                <form class="sign-up-form" novalidate on:submit=submit.clone()>
                    {problem.map(|problem| view! { <p class="notice error" role="alert">{problem}</p> })}
                    <TextField id="name" label=words.name hint=words.name_hint value=name errors autocomplete="name"/>
                    <TextField id="phone" label=ui.phone hint=words.contact_hint value=phone errors autocomplete="tel" kind="tel"/>
                    <TextField id="email" label=ui.email value=email errors autocomplete="email" kind="email"/>
                    <Choice name="people" legend=words.how_many options=vec![words.one_person, words.with_a_carer] chosen=with_a_carer/>
                    <TextField id="note" label=words.note hint=words.note_hint value=note errors autocomplete="off" multiline=true/>
                    <RobotTrap value=website/>
                    <p class="consent">{consent.clone()}</p>
                    <button type="submit" class="button" disabled=sending>{if sending { words.sending } else { words.send }}</button>
                </form>
            }
            .into_any()
        }
    }
}

/// What a refused sign-up says to the person.
fn refusal(error: &RequestError) -> &'static str {
    let ui = ui();
    match error {
        RequestError::Refused { status: 409, .. } | RequestError::NotFound => ui.sign_up.no_more_sign_ups,
        RequestError::Refused { status: 429, .. } => ui.sign_up.too_many_today,
        RequestError::Refused { status: 422, .. } => ui.sign_up.check_the_fields,
        RequestError::Network(_) => ui.error_network,
        _ => ui.error_server,
    }
}

/// The answer, at once: the place or the rank, how the person will hear, the calendar file,
/// and the private link (given this once).
#[component]
fn Answer(answer: SignUpAnswer, calendar: String) -> impl IntoView {
    let words = ui().sign_up;
    let heading = NodeRef::<leptos::html::H2>::new();
    // Read first: the answer replaces the form, and the focus goes to it.
    request_animation_frame(move || {
        if let Some(heading) = heading.get_untracked() {
            let _ = heading.focus();
        }
    });
    let link = answer.token.map(|token| format!("/registration/{token}"));
    let origin = window().location().origin().unwrap_or_default();
    view! {
        <section class="sign-up-answer notice" aria-labelledby="answer">
            <h2 id="answer" tabindex="-1" node_ref=heading>{standing(answer.status, answer.position)}</h2>
            {answer.already.then(|| view! { <p>{words.already}</p> })}
            <p>{if answer.emailed { words.emailed } else { words.residence_will_call }}</p>
            {(answer.status != Status::Cancelled).then(|| view! { <p><AddToCalendar href=calendar/></p> })}
            {link.map(|link| view! {
                <p>{words.private_link}<br/><A href=link.clone()>{format!("{origin}{link}")}</A></p>
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

/// `/registration/{token}`: the private link.
#[component]
pub fn RegistrationPage() -> impl IntoView {
    let words = ui().sign_up;
    set_page_title(words.your_sign_up);
    let token = use_params_map().get_untracked().get("token").unwrap_or_default();
    let done = RwSignal::new(None::<&'static str>);
    move || match done.get() {
        Some(done) => view! { <h1>{words.your_sign_up}</h1><p class="notice" role="status">{done}</p> }.into_any(),
        None => {
            // Followed live (a rank on the waiting list moves up as others cancel) until the
            // sign-up is cancelled here: then it is not asked for again.
            let mine = live_resource({
                let token = token.clone();
                move || api::my_sign_up(token.clone())
            });
            let token = token.clone();
            view! { <Fetched resource=mine render=move |mine: MySignUp| view! { <MySignUpView mine token=token.clone() done/> }/> }.into_any()
        }
    }
}

#[component]
fn MySignUpView(mine: MySignUp, token: String, done: RwSignal<Option<&'static str>>) -> impl IntoView {
    let words = ui().sign_up;
    let event = EventRef::parse(&mine.event);
    let info = Fetch::new(move || async move { event_info(event.ok_or(RequestError::NotFound)?).await });
    let confirming = RwSignal::new(None::<bool>);
    let failed = RwSignal::new(None::<&'static str>);
    let cancelled = mine.status == Status::Cancelled;
    let cancel = move |erase: bool| {
        let token = token.clone();
        spawn_local(async move {
            match api::cancel_my_sign_up(token, erase).await {
                Ok(()) => done.set(Some(if erase { words.erased } else { words.cancelled })),
                Err(error) => failed.set(Some(refusal(&error))),
            }
        });
    };
    view! {
        <Fetched resource=info render=move |info: EventInfo| {
            let calendar = (!cancelled).then(|| info.calendar.clone());
            view! {
                <EventHeading info heading=words.your_sign_up/>
                {calendar.map(|href| view! { <p><AddToCalendar href/></p> })}
            }
        }/>
        <section class="notice sign-up-answer" aria-labelledby="standing">
            <h2 id="standing">{standing(mine.status, mine.position)}</h2>
            <p>{words.in_the_name_of}" "<strong>{mine.name.clone()}</strong>", "{counted(mine.people as usize, &words.people)}</p>
        </section>
        {move || failed.get().map(|problem| view! { <p class="notice error" role="alert">{problem}</p> })}
        {
            let cancel = cancel.clone();
            move || {
                let cancel = cancel.clone();
                match confirming.get() {
                    Some(erase) => view! {
                        <div class="confirm" role="group" aria-labelledby="really">
                            <p id="really"><strong>{words.really_cancel}</strong></p>
                            <button type="button" class="button danger" on:click=move |_| cancel(erase)>{words.yes_cancel}</button>
                            " "
                            <button type="button" class="button secondary" on:click=move |_| confirming.set(None)>{words.keep_it}</button>
                        </div>
                    }
                    .into_any(),
                    None if cancelled => view! {
                        <p><button type="button" class="button secondary" on:click=move |_| cancel(true)>{words.erase_now}</button></p>
                    }
                    .into_any(),
                    None => view! {
                        <p class="actions">
                            <button type="button" class="button danger" on:click=move |_| confirming.set(Some(false))>{words.cancel}</button>
                            " "
                            <button type="button" class="button secondary" on:click=move |_| confirming.set(Some(true))>{words.cancel_and_erase}</button>
                        </p>
                    }
                    .into_any(),
                }
            }
        }
    }
}
