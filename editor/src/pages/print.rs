//! Printing for the notice boards: the week's programme (A4 or A3), the week's menus, or today's
//! sheet, in French, German or both, previewed as it will print and printed with one button.
//! The documents are the server's (`/print/…`): the same addresses print from any browser.

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use plantzette_content::Lang;
use plantzette_web::clock::residence_now;

use crate::i18n::{lang, ui};

/// The documents, by their address under `/print/`.
const DOCUMENTS: [&str; 3] = ["week", "menus", "today"];
/// The languages a document is printed in, as `lang=` takes them.
const LANGUAGES: [&str; 3] = ["fr", "de", "fr+de"];

#[component]
pub fn PrintPage() -> impl IntoView {
    let ui = ui();
    let document = RwSignal::new("week");
    let day = RwSignal::new(residence_now().date());
    // In the language the staff member works in, to begin with.
    let language = RwSignal::new(if lang() == Lang::De { "de" } else { "fr" });
    let paper = RwSignal::new("a4");
    let address = move || {
        let size = if document.get() == "week" { format!("&size={}", paper.get()) } else { String::new() };
        // `+` in a query is a space: sent as %2B.
        format!("/print/{}?from={}&lang={}{size}", document.get(), day.get(), language.get().replace('+', "%2B"))
    };
    let frame = NodeRef::<html::Iframe>::new();
    let print = move |_| {
        if let Some(window) = frame.get().and_then(|frame| frame.content_window()) {
            let _ = window.print();
        }
    };
    let document_name = move |name: &str| match name {
        "week" => ui.print_week,
        "menus" => ui.print_menus,
        _ => ui.print_today,
    };
    let language_name = move |code: &str| match code {
        "fr" => ui.print_in_french,
        "de" => ui.print_in_german,
        _ => ui.print_in_both,
    };
    view! {
        <h2>{ui.print}</h2>
        <div class="print-choices">
            <div class="field">
                <label for="print-document">{ui.print_document}</label>
                <select id="print-document" on:change=move |ev| document.set(DOCUMENTS.into_iter().find(|d| *d == event_target_value(&ev)).unwrap_or("week"))>
                    {DOCUMENTS.map(|d| view! { <option value=d selected=move || document.get() == d>{document_name(d)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="print-day">{move || if document.get() == "today" { ui.date } else { ui.print_week_of }}</label>
                <input id="print-day" type="date" prop:value=move || day.get().to_string() on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse::<NaiveDate>() { day.set(chosen) }
                }/>
            </div>
            <div class="field">
                <label for="print-language">{ui.print_language}</label>
                <select id="print-language" on:change=move |ev| language.set(LANGUAGES.into_iter().find(|l| *l == event_target_value(&ev)).unwrap_or("fr"))>
                    {LANGUAGES.map(|l| view! { <option value=l selected=move || language.get() == l>{language_name(l)}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || document.get() == "week">
                <div class="field">
                    <label for="print-paper">{ui.print_paper}</label>
                    <select id="print-paper" on:change=move |ev| paper.set(if event_target_value(&ev) == "a3" { "a3" } else { "a4" })>
                        <option value="a4" selected=move || paper.get() == "a4">{ui.paper_a4}</option>
                        <option value="a3" selected=move || paper.get() == "a3">{ui.paper_a3}</option>
                    </select>
                </div>
            </Show>
        </div>
        <p>
            <button type="button" class="button" on:click=print>{ui.print}</button>
            " "
            <a class="button secondary" href=address target="_blank">{ui.print_open}</a>
        </p>
        <figure class="print-preview">
            <figcaption>{ui.preview}</figcaption>
            <iframe node_ref=frame src=address title=ui.preview></iframe>
        </figure>
    }
}
