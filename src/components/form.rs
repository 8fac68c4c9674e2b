//! The pieces of the public forms (signing up, asking for a short stay): a labelled field with
//! its hint and its error read with it, a choice of radio buttons, the field robots fill in, and
//! the focus moved to the first field wrong. Errors are the server's own rules (checked in the
//! browser first), in the reader's language.

use leptos::prelude::*;
use plantzette_content::FieldError;
use wasm_bindgen::JsCast;

use crate::i18n::lang;

/// A labelled field with its hint and its error, both read with it.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    autocomplete: &'static str,
    /// The input's type (`tel`, `email`, `date`); text by default.
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let lang = lang();
    let error = move || errors.read().iter().find(|e| e.field == id).map(|e| e.code.message(lang));
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || [hint.map(|_| hint_id.clone()), error().map(|_| error_id.clone())].into_iter().flatten().collect::<Vec<_>>().join(" ")
    };
    let invalid = move || error().is_some().then_some("true");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {move || error().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
            {if multiline {
                view! { <textarea id=id name=id rows="3" autocomplete=autocomplete aria-describedby=described_by.clone() aria-invalid=invalid bind:value=value></textarea> }.into_any()
            } else {
                view! { <input id=id name=id type=kind.unwrap_or("text") autocomplete=autocomplete aria-describedby=described_by.clone() aria-invalid=invalid bind:value=value/> }.into_any()
            }}
        </div>
    }
}

/// One choice among a few, as radio buttons: `chosen` is the index of the option chosen.
#[component]
pub fn Choice(name: &'static str, legend: &'static str, options: Vec<&'static str>, chosen: RwSignal<usize>) -> impl IntoView {
    view! {
        <fieldset class="choice">
            <legend>{legend}</legend>
            {options.into_iter().enumerate().map(|(index, label)| view! {
                <label>
                    <input type="radio" name=name value=index.to_string() prop:checked=move || chosen.get() == index on:change=move |_| chosen.set(index)/>
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// The field that people do not see and robots fill in: what comes with it is dropped.
#[component]
pub fn RobotTrap(value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="trap" aria-hidden="true">
            <label>"Website"<input name="website" tabindex="-1" autocomplete="off" bind:value=value/></label>
        </div>
    }
}

/// The first field marked wrong, focused: a screen reader reads its label and its error.
pub fn focus_first_error() {
    let first = document().query_selector("[aria-invalid=\"true\"]").ok().flatten();
    if let Some(field) = first.and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}
