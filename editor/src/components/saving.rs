//! Saving an item, the same in every form: the save cycle (read the inputs, save from the
//! version opened, settle a conflict), what the last save did in words, and the preview of the
//! unsaved item at kiosk and phone size.

use leptos::prelude::*;
use plantzette_content::staff::{DRAFT_CONTENT_KEY, DRAFT_KIND_KEY};
use plantzette_content::{Content, Item};

use crate::components::form::{Form, Status};
use crate::components::login::LoginForm;
use crate::fields::Reader;
use crate::i18n::{labels, ui};

/// The save cycle of one item, the same in every form: read the inputs (`read` names the ones
/// that cannot be read), save from the version opened, and after a conflict either save again
/// over the other version or `load` it into the inputs.
#[derive(Clone, Copy)]
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

/// What the last save did, and what the user can do about it. `on_keep_mine` saves again over
/// the other version; `on_take_theirs` loads the other version into the form.
#[component]
pub fn SaveStatus(form: Form, on_keep_mine: Callback<i64>, on_take_theirs: Callback<serde_json::Value>) -> impl IntoView {
    let ui = ui();
    move || {
        form.status.get().map(|status| match status {
            Status::Saved => view! { <p class="status saved" role="status">{ui.saved}</p> }.into_any(),
            Status::Done => view! { <p class="status saved" role="status">{ui.done}</p> }.into_any(),
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

/// The end of every content form: what the last save did, the preview, and the buttons: Save,
/// Preview, and Cancel when the form was opened from a list.
#[component]
pub fn FormFooter(
    form: Form,
    saving: Saving,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
    #[prop(optional)] no_preview: bool,
) -> impl IntoView {
    let ui = labels(form.lang);
    view! {
        <SaveStatus form on_keep_mine=saving.keep_mine on_take_theirs=saving.take_theirs/>
        {(!no_preview).then(|| view! { <Preview form/> })}
        <div class="form-actions">
            <button type="submit" class="button">{ui.save}</button>
            {(!no_preview).then(|| view! { <button type="button" class="button secondary" on:click=move |_| saving.preview.run(())>{ui.preview}</button> })}
            {on_cancel.map(|cancel| view! { <button type="button" class="button secondary" on:click=move |_| cancel.run(())>{ui.cancel}</button> })}
        </div>
    }
}
