//! `/short-stay-requests`: asking for a short stay on a phone or a PC (the API's
//! `short-stay-requests`, as a plain HTML form): who asks, how to call them back, the wished
//! dates and how firm they are, and why among a few; nothing about health (the CMS calls back).
//! The answer gives the request's number to quote on the phone. The kiosk never shows this form.

use leptos::prelude::*;
use plantzette_content::short_stay::{Asker, Flexibility, Reason, StayRequestFields};
use plantzette_content::FieldError;

use super::form::{Choice, Errors, RobotTrap, TextField};
use super::sign_ups::Refused;
use crate::i18n::{lang, ui};

/// The info page on short stays, where the form is offered.
const SHORT_STAY_INFO: &str = "/info/short_stay";

pub struct StayRequestPage {
    /// Days a request's personal data is kept once it is closed (the form says so).
    pub kept_days: u32,
    pub stage: StayRequestStage,
}

// Made once per request and moved once into the page: boxing would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum StayRequestStage {
    /// The form, empty or sent back: what was typed, its errors, and why it was refused.
    Filling { fields: StayRequestFields, errors: Vec<FieldError>, refused: Option<Refused> },
    /// Received: the request's number, to quote.
    Received { reference: i64 },
}

#[component]
pub fn StayRequestContent(page: StayRequestPage) -> impl IntoView {
    let words = ui().stay_request;
    view! {
        <div class="page-heading">
            <h1>{words.title}</h1>
            <a href=SHORT_STAY_INFO>"← "{words.back}</a>
        </div>
        {match page.stage {
            StayRequestStage::Received { reference } => view! {
                <section class="sign-up-answer notice" aria-labelledby="answer">
                    <h2 id="answer" tabindex="-1" autofocus="">{words.received.replace("{n}", &reference.to_string())}</h2>
                    <p>{words.call_back}</p>
                    <p><a href=SHORT_STAY_INFO class="button secondary">{words.back}</a></p>
                </section>
            }
            .into_any(),
            StayRequestStage::Filling { fields, errors, refused } => view! {
                <p class="lead">{words.lead}</p>
                <RequestForm fields errors=Errors(errors) refused kept_days=page.kept_days/>
            }
            .into_any(),
        }}
    }
}

#[component]
fn RequestForm(fields: StayRequestFields, errors: Errors, refused: Option<Refused>, kept_days: u32) -> impl IntoView {
    let ui = ui();
    let words = ui.stay_request;
    let lang = lang();
    let consent = words.consent.replace("{days}", &kept_days.to_string());
    let problem = refused.map(|refused| match refused {
        Refused::TooManyToday => words.too_many_today,
        Refused::Fields | Refused::NoMorePlaces => words.check_the_fields,
    });
    let askers = Asker::ALL.map(|a| (a.as_str(), a.label(lang))).to_vec();
    let flexibilities = Flexibility::ALL.map(|f| (f.as_str(), f.label(lang))).to_vec();
    let reasons = Reason::ALL.map(|r| (r.as_str(), r.label(lang))).to_vec();
    // The first of each choice until another is made (a form not sent yet has none).
    let chosen = |value: &str, first: &str| if value.is_empty() { first.to_string() } else { value.to_string() };
    view! {
        <form class="sign-up-form" method="post" action="/short-stay-requests" novalidate="">
            {problem.map(|problem| view! { <p class="notice error" role="alert">{problem}</p> })}
            <Choice name="asker" legend=words.who_asks options=askers chosen=chosen(&fields.asker, Asker::Person.as_str()) errors=errors.clone()/>
            <TextField id="name" label=words.your_name value=fields.name errors=errors.clone() autocomplete="name"/>
            <TextField id="organisation" label=words.organisation hint=words.organisation_hint value=fields.organisation errors=errors.clone() autocomplete="organization"/>
            <TextField id="phone" label=ui.phone hint=words.contact_hint value=fields.phone errors=errors.clone() autocomplete="tel" kind="tel"/>
            <TextField id="email" label=ui.email value=fields.email errors=errors.clone() autocomplete="email" kind="email"/>
            <TextField id="from" label=words.from value=fields.from errors=errors.clone() autocomplete="off" kind="date"/>
            <TextField id="to" label=words.to value=fields.to errors=errors.clone() autocomplete="off" kind="date"/>
            <Choice name="flexibility" legend=words.flexibility options=flexibilities chosen=chosen(&fields.flexibility, Flexibility::Exact.as_str()) errors=errors.clone()/>
            <Choice name="reason" legend=words.reason options=reasons chosen=chosen(&fields.reason, Reason::AfterHospital.as_str()) errors/>
            <RobotTrap/>
            <p class="consent">{words.no_health}" "{consent}</p>
            <button type="submit" class="button">{words.send}</button>
        </form>
    }
}
