//! The requests for a stay, with the time each has waited, and their answers.

use leptos::prelude::*;
use plantzette_content::format::date_in_words;
use plantzette_content::short_stay::{RequestEntry, RequestStatus};
use plantzette_content::Lang;

use crate::api;
use crate::components::form::Form;
use crate::components::loaded::{LoadProblem, Loaded};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui, Ui};

fn status_label(ui: &Ui, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::New => ui.request_new,
        RequestStatus::Answered => ui.request_answered,
        RequestStatus::Accepted => ui.request_accepted,
        RequestStatus::Declined => ui.request_declined,
    }
}

/// "3 h 20", "2 j 4 h": how long a request waited, to the quarter hour that matters.
fn waited(minutes: i64, lang: Lang) -> String {
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let day = if lang == Lang::De { "T" } else { "j" };
    match (days, hours) {
        (0, 0) => format!("{minutes} min"),
        (0, _) => format!("{hours} h {minutes:02}"),
        _ => format!("{days} {day} {hours} h"),
    }
}

#[component]
pub(super) fn RequestsSection(requests: Loaded<Vec<RequestEntry>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let set = move |id: i64, status: RequestStatus| form.act(api::set_request_status(form.session, id, status), move |_| refresh());
    view! {
        <section aria-labelledby="requests-heading">
            <h3 id="requests-heading">{ui.stay_requests}</h3>
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            <LoadProblem failed=requests.failed/>
            {move || match requests.value.get() {
                None => view! { <p>{ui.loading}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{ui.no_requests}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="items requests">
                        {list.into_iter().map(|request| {
                            let id = request.id;
                            let who = match (&request.name, &request.organisation) {
                                (Some(name), Some(organisation)) => format!("{name}, {organisation}"),
                                (Some(name), None) => name.clone(),
                                _ => ui.personal_data_erased.to_string(),
                            };
                            let contact = [request.phone.clone(), request.email.clone()].into_iter().flatten().collect::<Vec<_>>().join(" \u{b7} ");
                            let received = request.received_at.format("%d.%m.%Y %H:%M").to_string();
                            view! {
                                <li class=format!("request {}", request.status.as_str())>
                                    <p><strong>{format!("n\u{b0} {id} \u{b7} {}", status_label(ui, request.status))}</strong>{format!(" \u{b7} {}", request.asker.label(lang))}</p>
                                    <p>{who}{(!contact.is_empty()).then(|| format!(" \u{b7} {contact}"))}</p>
                                    <p>{ui.wished_dates}{ui.colon}" "{format!("{} \u{2013} {} ({}) \u{b7} {}", date_in_words(request.from, lang), date_in_words(request.to, lang), request.flexibility.label(lang).to_lowercase(), request.reason.label(lang))}</p>
                                    <p>{ui.received}{ui.colon}" "{received}" \u{b7} "{ui.waited}{ui.colon}" "{waited(request.waited_minutes, lang)}</p>
                                    <div class="form-actions">
                                        {[RequestStatus::Answered, RequestStatus::Accepted, RequestStatus::Declined].into_iter()
                                            .filter(|next| *next != request.status && !request.status.is_closed())
                                            .map(|next| view! { <button type="button" class="button secondary" on:click=move |_| set(id, next)>{status_label(ui, next)}</button> })
                                            .collect_view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
