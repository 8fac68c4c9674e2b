//! The pieces of the public forms (signing up, asking for a short stay), as plain HTML forms that
//! the server answers: a labelled field with its hint and its error read with it, a choice of
//! radio buttons, and the field robots fill in. A form sent back with errors keeps what was
//! typed, says each error beside its field in the reader's language (the content crate's rules,
//! checked by the server), and its first field wrong takes the focus as the page opens.

use leptos::prelude::*;
use plantzette_content::FieldError;

use crate::i18n::lang;

/// The errors of a form sent, field by field (none for a form not sent yet).
#[derive(Clone, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    fn of(&self, field: &str) -> Option<String> {
        self.0.iter().find(|e| e.field == field).map(|e| e.code.message(lang()))
    }

    /// Whether `field` is the form's first field wrong, which takes the focus.
    fn first_is(&self, field: &str) -> bool {
        self.0.first().is_some_and(|e| e.field == field)
    }
}

/// A labelled field with its hint and its error, both read with it.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: String,
    errors: Errors,
    autocomplete: &'static str,
    /// The input's type (`tel`, `email`, `date`); text by default.
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let error = errors.of(id);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = [hint.map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = error.is_some().then_some("true");
    let focused = errors.first_is(id);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {error.map(|message| view! { <p class="field-error" id=error_id>{message}</p> })}
            {if multiline {
                view! { <textarea id=id name=id rows="3" autocomplete=autocomplete aria-describedby=described_by aria-invalid=invalid autofocus=focused>{value}</textarea> }.into_any()
            } else {
                view! { <input id=id name=id type=kind.unwrap_or("text") value=value autocomplete=autocomplete aria-describedby=described_by aria-invalid=invalid autofocus=focused/> }.into_any()
            }}
        </div>
    }
}

/// One choice among a few, as radio buttons: `options` are each a value and its label.
#[component]
pub fn Choice(name: &'static str, legend: &'static str, options: Vec<(&'static str, &'static str)>, chosen: String, errors: Errors) -> impl IntoView {
    let error = errors.of(name);
    let error_id = format!("{name}-error");
    let described_by = error.as_ref().map(|_| error_id.clone());
    view! {
        <fieldset class="choice" aria-describedby=described_by>
            <legend>{legend}</legend>
            {error.map(|message| view! { <p class="field-error" id=error_id>{message}</p> })}
            {options.into_iter().map(|(value, label)| view! {
                <label>
                    <input type="radio" name=name value=value checked=chosen == value/>
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// The field that people do not see and robots fill in: what comes with it is dropped.
#[component]
pub fn RobotTrap() -> impl IntoView {
    view! {
        <div class="trap" aria-hidden="true">
            <label>"Website"<input name="website" tabindex="-1" autocomplete="off"/></label>
        </div>
    }
}
