//! Asking for a short stay on a phone or a PC (the API's `short-stay-requests`): who asks, how
//! to call them back, the wished dates and how firm they are, and why among a few; nothing about
//! health (the CMS calls back). The answer gives the request's number to quote on the phone. The
//! kiosk never shows this form.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use plantzette_content::short_stay::{Asker, Flexibility, Reason, RequestTerms, StayRequest};
use plantzette_content::{ErrorCode, FieldError};
use plantzette_web::clock::residence_today;
use plantzette_web::RequestError;

use crate::api;
use crate::components::fetched::Fetched;
use crate::components::form::{focus_first_error, Choice, RobotTrap, TextField};
use crate::components::layout::set_page_title;
use crate::fetch::Fetch;
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;

/// The info page on short stays, where the form is offered.
const SHORT_STAY_INFO: &str = "/info/short_stay";

#[component]
pub fn ShortStayRequestPage() -> impl IntoView {
    let words = ui().stay_request;
    set_page_title(words.title);
    // Nobody types personal data on the lobby's public screen, even reached by a typed address.
    if is_kiosk() {
        return view! { <h1>{words.title}</h1><p class="notice">{words.at_reception}</p> }.into_any();
    }
    let terms = Fetch::new(api::stay_request_terms);
    view! {
        <div class="page-heading">
            <h1>{words.title}</h1>
            <A href=SHORT_STAY_INFO>"← "{words.back}</A>
        </div>
        <p class="lead">{words.lead}</p>
        <Fetched resource=terms render=|terms: RequestTerms| view! { <RequestForm kept_days=terms.kept_days/> }/>
    }
    .into_any()
}

/// Where the form stands.
#[derive(Clone, Copy)]
enum Stage {
    Filling { problem: Option<&'static str> },
    Sending,
    Received { reference: i64 },
}

#[component]
fn RequestForm(kept_days: u32) -> impl IntoView {
    let ui = ui();
    let words = ui.stay_request;
    let lang = lang();
    let text = || RwSignal::new(String::new());
    let (name, organisation, phone, email, from, to, website) = (text(), text(), text(), text(), text(), text(), text());
    let (asker, flexibility, reason) = (RwSignal::new(0usize), RwSignal::new(0usize), RwSignal::new(0usize));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let stage = RwSignal::new(Stage::Filling { problem: None });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if matches!(stage.get_untracked(), Stage::Sending) {
            return;
        }
        let date = |field: &'static str, value: RwSignal<String>| {
            value.get_untracked().parse::<NaiveDate>().map_err(|_| FieldError { field: field.into(), code: ErrorCode::Required })
        };
        // A date left empty is a field wrong like the others; the rest are the server's rules.
        let (start, end) = (date("from", from), date("to", to));
        let mut wrong: Vec<FieldError> = [start.clone().err(), end.clone().err()].into_iter().flatten().collect();
        let today = residence_today();
        let form = StayRequest {
            asker: Asker::ALL[asker.get_untracked()],
            name: name.get_untracked(),
            organisation: organisation.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            from: start.unwrap_or(today),
            to: end.unwrap_or(today),
            flexibility: Flexibility::ALL[flexibility.get_untracked()],
            reason: Reason::ALL[reason.get_untracked()],
            lang,
            website: website.get_untracked(),
        };
        if let Err(invalid) = form.validate(today) {
            // An empty date's own error stands; the rules' error for its stand-in date does not.
            let empty: Vec<String> = wrong.iter().map(|w| w.field.clone()).collect();
            wrong.extend(invalid.errors.into_iter().filter(|e| !empty.contains(&e.field)));
        }
        if !wrong.is_empty() {
            errors.set(wrong);
            stage.set(Stage::Filling { problem: Some(words.check_the_fields) });
            request_animation_frame(focus_first_error);
            return;
        }
        errors.set(Vec::new());
        stage.set(Stage::Sending);
        spawn_local(async move {
            stage.set(match api::request_short_stay(form).await {
                Ok(reference) => Stage::Received { reference },
                Err(error) => Stage::Filling { problem: Some(refusal(&error)) },
            });
        });
    };
    let consent = words.consent.replace("{days}", &kept_days.to_string());
    let askers = Asker::ALL.map(|a| a.label(lang)).to_vec();
    let flexibilities = Flexibility::ALL.map(|f| f.label(lang)).to_vec();
    let reasons = Reason::ALL.map(|r| r.label(lang)).to_vec();
    move || match stage.get() {
        Stage::Received { reference } => view! { <Received reference/> }.into_any(),
        filling_or_sending => {
            let sending = matches!(filling_or_sending, Stage::Sending);
            let problem = match filling_or_sending {
                Stage::Filling { problem } => problem,
                _ => None,
            };
            view! {
                <form class="sign-up-form" novalidate on:submit=submit>
                    {problem.map(|problem| view! { <p class="notice error" role="alert">{problem}</p> })}
                    <Choice name="asker" legend=words.who_asks options=askers.clone() chosen=asker/>
                    <TextField id="name" label=words.your_name value=name errors autocomplete="name"/>
                    <TextField id="organisation" label=words.organisation hint=words.organisation_hint value=organisation errors autocomplete="organization"/>
                    <TextField id="phone" label=ui.phone hint=words.contact_hint value=phone errors autocomplete="tel" kind="tel"/>
                    <TextField id="email" label=ui.email value=email errors autocomplete="email" kind="email"/>
                    <TextField id="from" label=words.from value=from errors autocomplete="off" kind="date"/>
                    <TextField id="to" label=words.to value=to errors autocomplete="off" kind="date"/>
                    <Choice name="flexibility" legend=words.flexibility options=flexibilities.clone() chosen=flexibility/>
                    <Choice name="reason" legend=words.reason options=reasons.clone() chosen=reason/>
                    <RobotTrap value=website/>
                    <p class="consent">{words.no_health}" "{consent.clone()}</p>
                    <button type="submit" class="button" disabled=sending>{if sending { ui.sign_up.sending } else { words.send }}</button>
                </form>
            }
            .into_any()
        }
    }
}

/// What a refused request says to the person.
fn refusal(error: &RequestError) -> &'static str {
    let ui = ui();
    match error {
        RequestError::Refused { status: 429, .. } => ui.stay_request.too_many_today,
        RequestError::Refused { status: 422, .. } => ui.stay_request.check_the_fields,
        RequestError::Network(_) => ui.error_network,
        _ => ui.error_server,
    }
}

/// The request received: its number, and who calls back. Read first (its heading focused).
#[component]
fn Received(reference: i64) -> impl IntoView {
    let words = ui().stay_request;
    let heading = NodeRef::<leptos::html::H2>::new();
    request_animation_frame(move || {
        if let Some(heading) = heading.get_untracked() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="sign-up-answer notice" aria-labelledby="answer">
            <h2 id="answer" tabindex="-1" node_ref=heading>{words.received.replace("{n}", &reference.to_string())}</h2>
            <p>{words.call_back}</p>
            <p><A href=SHORT_STAY_INFO attr:class="button secondary">{words.back}</A></p>
        </section>
    }
}
