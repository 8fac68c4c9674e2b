//! What every form of the editor shares: field errors next to their field (the content crate's
//! validation, run here before sending and again by the server), labelled inputs, and the outcome
//! of a save in words: saved, fix these fields, the network is down, someone else saved first.

use leptos::prelude::*;
use plantzette_content::{Content, FieldError, Item, Lang};

use crate::api::{self, EditorError};
use crate::fields::TextInputs;
use crate::i18n::{labels, lang, ui};
use crate::session::{use_session, Session};

/// What the last save did.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Content saved: the screens show it within seconds.
    Saved,
    /// Anything else done (attendance ticked, a request answered): said without promising a screen.
    Done,
    Problem(&'static str),
    LoggedOut,
    /// Someone else saved first: their item, as the server has it now.
    Conflict(serde_json::Value),
}

/// A form's state. It holds the language and the session it was drawn with, because saving
/// goes on after an `await`, where no component's context can be looked up.
#[derive(Clone, Copy)]
pub struct Form {
    pub errors: RwSignal<Vec<FieldError>>,
    pub status: RwSignal<Option<Status>>,
    /// The menus page's copy of last week went through.
    pub copied: RwSignal<bool>,
    /// How many times Preview was pressed: each press draws the previews anew.
    pub previews: RwSignal<u32>,
    pub session: Session,
    pub lang: Lang,
}

impl Form {
    pub fn new() -> Form {
        Form {
            errors: RwSignal::new(Vec::new()),
            status: RwSignal::new(None),
            copied: RwSignal::new(false),
            previews: RwSignal::new(0),
            session: use_session(),
            lang: lang(),
        }
    }

    /// The messages for `field` and the fields inside it (`recurrence` has `recurrence.until`).
    pub fn error_at(&self, field: &str) -> Option<String> {
        let lang = self.lang;
        let messages: Vec<String> = self.errors.with(|errors| {
            errors
                .iter()
                .filter(|e| e.field == field || e.field.strip_prefix(field).is_some_and(|rest| rest.starts_with(['.', '['])))
                .map(|e| e.code.message(lang))
                .collect()
        });
        (!messages.is_empty()).then(|| messages.join(" "))
    }

    /// Inputs that could not be read (an empty date): shown like validation errors.
    pub fn unreadable(&self, errors: Vec<FieldError>) {
        self.errors.set(errors);
        self.status.set(Some(Status::Problem(labels(self.lang).fix_fields)));
    }

    /// Sends `change`, says on the form how it went, then runs `after` with whether it was done: a
    /// refresh either way (refused, the page shows what changed meanwhile), a form cleared only
    /// when done. Every button of the editor that changes something goes through here.
    pub fn act<T: 'static>(self, change: impl std::future::Future<Output = Result<T, EditorError>> + 'static, after: impl FnOnce(bool) + 'static) {
        leptos::task::spawn_local(async move {
            let done = self.report(change.await).is_some();
            if done {
                self.status.set(Some(Status::Done));
            }
            after(done);
        });
    }

    /// Creates (`existing` is `None`) or replaces the item at its version; `None` if not saved.
    pub async fn save<T: Content>(self, existing: Option<(i64, i64)>, content: T) -> Option<Item<T>> {
        if let Err(invalid) = content.validate() {
            self.unreadable(invalid.errors);
            return None;
        }
        let result = match existing {
            None => api::create(self.session, &content).await,
            Some((id, version)) => api::update(self.session, id, version, &content).await,
        };
        self.report(result)
    }

    pub fn report<T>(self, result: Result<T, EditorError>) -> Option<T> {
        let ui = labels(self.lang);
        self.errors.set(Vec::new());
        let status = match result {
            Ok(saved) => {
                self.status.set(Some(Status::Saved));
                return Some(saved);
            }
            Err(EditorError::Invalid(errors)) => {
                self.errors.set(errors);
                Status::Problem(ui.fix_fields)
            }
            Err(EditorError::Stale(current)) => Status::Conflict(current),
            Err(EditorError::LoggedOut) => Status::LoggedOut,
            Err(EditorError::Network) => Status::Problem(ui.network),
            Err(EditorError::Forbidden) => Status::Problem(ui.forbidden),
            Err(EditorError::TooManyAttempts) => Status::Problem(ui.too_many_attempts),
            Err(EditorError::AlreadyDone) => Status::Problem(ui.already_done),
            Err(EditorError::Other(message)) => {
                leptos::logging::error!("save failed: {message}");
                Status::Problem(ui.network)
            }
        };
        self.status.set(Some(status));
        None
    }
}

/// A labelled field with its error below, tied to the input by `aria-describedby`.
#[component]
pub fn Field(form: Form, id: String, label: String, #[prop(into)] field: String, children: Children) -> impl IntoView {
    let error_id = format!("{id}-error");
    let field_for_message = field.clone();
    view! {
        <div class="field" class:invalid=move || form.error_at(&field).is_some()>
            <label for=id.clone()>{label}</label>
            {children()}
            <p class="field-error" id=error_id>{move || form.error_at(&field_for_message)}</p>
        </div>
    }
}

/// A one-line text input bound to a signal.
#[component]
pub fn TextInput(
    form: Form,
    id: String,
    label: String,
    #[prop(into)] field: String,
    value: RwSignal<String>,
    #[prop(optional)] kind: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <Field form id=id.clone() label field=field.clone()>
            <input
                id=id
                type=kind.unwrap_or("text")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || form.error_at(&field).is_some().to_string()
                aria-describedby=error_id
            />
        </Field>
    }
}

/// A multi-line text bound to a signal: every field the content crate lets hold paragraphs
/// (`Limit::paragraphs`), whose line breaks a one-line input would drop on the next save.
#[component]
pub fn TextArea(form: Form, id: String, label: String, #[prop(into)] field: String, value: RwSignal<String>) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <Field form id=id.clone() label field=field.clone()>
            <textarea
                id=id
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || form.error_at(&field).is_some().to_string()
                aria-describedby=error_id
            ></textarea>
        </Field>
    }
}

/// A checkbox bound to a signal.
#[component]
pub fn CheckBox(label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || value.get() on:change=move |ev| value.set(event_target_checked(&ev))/>
            {label}
        </label>
    }
}

/// A translatable text's three inputs, `{id}-fr`, `{id}-de` and `{id}-en`: French is the
/// reference; a German or English still empty while the French is written is marked "to
/// translate" (the kiosk then shows the French).
#[component]
pub fn TextFields(
    form: Form,
    #[prop(into)] id: String,
    label: &'static str,
    #[prop(into)] field: String,
    inputs: TextInputs,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let ui = ui();
    let languages = [("fr", ui.french, inputs.fr), ("de", ui.german, inputs.de), ("en", ui.english, inputs.en)];
    languages
        .into_iter()
        .map(|(code, language, value)| {
            let written = |input: RwSignal<String>| input.with(|text| !text.trim().is_empty());
            let missing = move || code != "fr" && written(inputs.fr) && !written(value);
            let label = format!("{label} ({language})");
            let (id, field) = (format!("{id}-{code}"), format!("{field}.{code}"));
            let input = if multiline {
                view! { <TextArea form id label field value/> }.into_any()
            } else {
                view! { <TextInput form id label field value/> }.into_any()
            };
            view! {
                <div class="translation" class:missing=missing>
                    {input}
                    <Show when=missing><p class="missing-note">{ui.missing_translation}</p></Show>
                </div>
            }
        })
        .collect_view()
}
