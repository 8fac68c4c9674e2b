//! What every form of the editor shares: field errors next to their field (the content crate's
//! validation, run here before sending and again by the server), and a save that reports what
//! happened in words: saved, fix these fields, the network is down, someone else saved first.

use leptos::prelude::*;
use plantzette_content::staff::{DRAFT_CONTENT_KEY, DRAFT_KIND_KEY};
use plantzette_content::{Content, FieldError, Item, Lang};

use crate::api::{self, EditorError};
use crate::components::login::LoginForm;
use crate::fields::Reader;
use crate::i18n::{labels, lang, ui};
use crate::session::{use_session, Session};

/// What the last save did.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Saved,
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
    lang: Lang,
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
            Err(EditorError::Other(message)) => {
                leptos::logging::error!("save failed: {message}");
                Status::Problem(ui.network)
            }
        };
        self.status.set(Some(status));
        None
    }
}

/// The save cycle of one item, the same in every form: read the inputs (`read` names the ones
/// that cannot be read), save from the version opened, and after a conflict either save again
/// over the other version or `load` it into the inputs.
pub struct Saving {
    pub save: Callback<()>,
    pub keep_mine: Callback<i64>,
    pub take_theirs: Callback<serde_json::Value>,
    /// Shows the inputs as the kiosk and a phone would, without saving (see `Preview`).
    pub preview: Callback<()>,
}

pub fn use_saving<T, R, L, S>(form: Form, opened: Option<(i64, i64)>, read: R, load: L, on_saved: S) -> Saving
where
    T: Content + Send + Sync + 'static,
    R: Fn(&mut Reader) -> Option<T> + Send + Sync + Copy + 'static,
    L: Fn(T) + Send + Sync + Copy + 'static,
    S: Fn() + Send + Sync + Copy + 'static,
{
    let existing = RwSignal::new(opened);
    let save = Callback::new(move |()| {
        let mut reader = Reader::default();
        let Some(content) = read(&mut reader).filter(|_| reader.errors.is_empty()) else {
            form.unreadable(reader.errors);
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(saved) = form.save(existing.get_untracked(), content).await {
                existing.set(Some((saved.id, saved.version)));
                on_saved();
            }
        });
    });
    let keep_mine = Callback::new(move |version: i64| {
        existing.update(|e| *e = e.map(|(id, _)| (id, version)));
        save.run(());
    });
    let take_theirs = Callback::new(move |current: serde_json::Value| {
        if let Ok(theirs) = serde_json::from_value::<Item<T>>(current) {
            existing.set(Some((theirs.id, theirs.version)));
            load(theirs.content);
            form.status.set(None);
        }
    });
    let preview = Callback::new(move |()| {
        let mut reader = Reader::default();
        let Some(content) = read(&mut reader).filter(|_| reader.errors.is_empty()) else {
            form.unreadable(reader.errors);
            return;
        };
        // As an item, the shape the app already reads from the API.
        let draft = Item { id: 0, version: 0, content };
        if let (Some(storage), Ok(json)) = (window().local_storage().ok().flatten(), serde_json::to_string(&draft)) {
            let _ = storage.set_item(DRAFT_KIND_KEY, T::COLLECTION);
            let _ = storage.set_item(DRAFT_CONTENT_KEY, &json);
        }
        form.previews.update(|n| *n += 1);
    });
    Saving { save, keep_mine, take_theirs, preview }
}

/// The item as the app draws it, on the kiosk and on a phone, in frames of the app's
/// `/preview` page; drawn anew at each press of Preview.
#[component]
pub fn Preview(form: Form) -> impl IntoView {
    let ui = labels(form.lang);
    move || {
        let shown = form.previews.get();
        (shown > 0).then(|| {
            view! {
                <div class="previews">
                    <figure class="preview-kiosk">
                        <figcaption>{ui.preview_kiosk}</figcaption>
                        <div class="frame"><iframe src=format!("/preview?as=kiosk&n={shown}") title=ui.preview_kiosk></iframe></div>
                    </figure>
                    <figure class="preview-phone">
                        <figcaption>{ui.preview_phone}</figcaption>
                        <div class="frame"><iframe src=format!("/preview?as=phone&n={shown}") title=ui.preview_phone></iframe></div>
                    </figure>
                </div>
            }
        })
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

/// A multi-line text bound to a signal (page bodies: paragraphs separated by a blank line).
#[component]
pub fn TextArea(form: Form, id: String, label: String, #[prop(into)] field: String, value: RwSignal<String>) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <Field form id=id.clone() label field=field.clone()>
            <textarea
                id=id
                rows="8"
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

/// What the last save did, and what the user can do about it. `on_keep_mine` saves again over
/// the other version; `on_take_theirs` loads the other version into the form.
#[component]
pub fn SaveStatus(form: Form, on_keep_mine: Callback<i64>, on_take_theirs: Callback<serde_json::Value>) -> impl IntoView {
    let ui = ui();
    move || {
        form.status.get().map(|status| match status {
            Status::Saved => view! { <p class="status saved" role="status">{ui.saved}</p> }.into_any(),
            Status::Problem(message) => view! { <p class="status problem" role="alert">{message}</p> }.into_any(),
            Status::LoggedOut => view! {
                <div class="status problem" role="alert">
                    <p>{ui.session_ended}</p>
                    <LoginForm on_done=Callback::new(move |_| form.status.set(None))/>
                </div>
            }
            .into_any(),
            Status::Conflict(current) => {
                let version = current["version"].as_i64().unwrap_or_default();
                let theirs = current.clone();
                view! {
                    <div class="status conflict" role="alert">
                        <p>{ui.conflict}</p>
                        <details open>
                            <summary>{ui.their_version}</summary>
                            <pre class="their-version">{serde_json::to_string_pretty(&current).unwrap_or_default()}</pre>
                        </details>
                        <button type="button" class="button" on:click=move |_| on_keep_mine.run(version)>{ui.keep_mine}</button>
                        <button type="button" class="button secondary" on:click=move |_| on_take_theirs.run(theirs.clone())>{ui.take_theirs}</button>
                    </div>
                }
                .into_any()
            }
        })
    }
}
