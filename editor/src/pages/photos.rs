//! Photos of the home's life: added to an activity (its series, or one day), a programme or an
//! info page, from the office PC's files or a tablet's camera, with a description in French
//! (German and English optional, marked when missing) that is read in the photo's place, and who
//! may see it (`plantzette_content::photo::Consent`, the home's screens by default). Each photo
//! listed can have its consent changed (narrowed: off the web at once) or be removed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::photo::{Consent, Format, Owner, Photo, PhotoInfo};
use plantzette_content::{Activity, ErrorCode, InfoPage, Programme};

use crate::api::{self, EditorError};
use crate::components::ask_once::AskOnce;
use crate::components::form::{Field, Form, TextFields};
use crate::components::loaded::LoadFailed;
use crate::components::saving::SaveStatus;
use crate::fields::{Reader, TextInputs};
use crate::i18n::{lang, ui};

/// What a photo may belong to, as the form offers it: its key and its name.
type Owners = LocalResource<Result<Vec<(String, String)>, EditorError>>;

#[component]
pub fn PhotosPage() -> impl IntoView {
    let ui = ui();
    let photos = LocalResource::new(api::photos);
    let owners: Owners = LocalResource::new(owners);
    let refetch = move || photos.refetch();
    view! {
        <h2>{ui.photos}</h2>
        <p class="hint">{ui.photos_intro}</p>
        <AddPhoto owners on_added=refetch/>
        <Transition fallback=move || view! { <p class="status">{ui.loading}</p> }>
            {move || Suspend::new(async move {
                match photos.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{ui.no_photos}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="photos">
                            {list.into_iter().map(|photo| view! { <PhotoRow photo owners on_change=refetch/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(_) => view! { <LoadFailed/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The activities, programmes and info pages, each with its kind before its name.
async fn owners() -> Result<Vec<(String, String)>, EditorError> {
    let (lang, ui) = (lang(), ui());
    let mut choices = Vec::new();
    let activities = api::list::<Activity>().await?.into_iter().filter(|a| a.deleted_at.is_none());
    choices.extend(activities.map(|a| {
        (Owner::Activity { id: a.item.id, day: None }.key(), format!("{} · {}", ui.photo_of_activity, a.item.content.info.title.get(lang)))
    }));
    let programmes = api::list::<Programme>().await?.into_iter().filter(|p| p.deleted_at.is_none());
    choices.extend(
        programmes.map(|p| (Owner::Programme { id: p.item.id }.key(), format!("{} · {}", ui.photo_of_programme, p.item.content.title.get(lang)))),
    );
    let pages = api::list::<InfoPage>().await?.into_iter().filter(|p| p.deleted_at.is_none());
    choices.extend(
        pages.map(|p| (Owner::Page { slug: p.item.content.slug }.key(), format!("{} · {}", ui.photo_of_page, p.item.content.title.get(lang)))),
    );
    Ok(choices)
}

/// A photo's owner in words: its name, and the day when it is of one day.
fn owner_name(owners: Owners, key: &str) -> String {
    let (series, day) = match Owner::parse(key) {
        Some(Owner::Activity { id, day: Some(day) }) => (Owner::Activity { id, day: None }.key(), Some(day)),
        _ => (key.to_string(), None),
    };
    let name = owners.get().and_then(Result::ok).and_then(|choices| choices.iter().find(|(k, _)| *k == series).map(|(_, name)| name.clone()));
    let name = name.unwrap_or(series);
    day.map_or(name.clone(), |day| format!("{name} · {}", day.format("%d.%m.%Y")))
}

#[component]
fn AddPhoto(owners: Owners, on_added: impl Fn() + Send + Sync + Copy + 'static) -> impl IntoView {
    let ui = ui();
    let form = Form::new();
    let owner = RwSignal::new(String::new());
    let day = RwSignal::new(String::new());
    let description = TextInputs::new(None);
    let consent = RwSignal::new(Consent::default());
    let file = NodeRef::<leptos::html::Input>::new();
    let sending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let mut reader = Reader::default();
        // A day of an activity: that day's photo; no day: the activity's, on each of its days.
        let key = match (Owner::parse(&owner.get_untracked()), day.get_untracked()) {
            (Some(Owner::Activity { id, .. }), day) if !day.is_empty() => {
                reader.date("day", &day).map(|day| Owner::Activity { id, day: Some(day) }.key())
            }
            (Some(chosen), _) => Some(chosen.key()),
            (None, _) => reader.fail("owner", ErrorCode::Required),
        };
        let chosen = file.get_untracked().and_then(|input| input.files()).and_then(|files| files.get(0));
        if chosen.is_none() {
            reader.fail::<()>("file", ErrorCode::Required);
        }
        let info = PhotoInfo { description: description.text(), consent: consent.get_untracked() };
        if let Err(invalid) = info.validate() {
            reader.errors.extend(invalid.errors);
        }
        let (Some(key), Some(chosen), true) = (key, chosen, reader.errors.is_empty()) else {
            form.unreadable(reader.errors);
            return;
        };
        sending.set(true);
        spawn_local(async move {
            if form.report(api::add_photo(form.session, &key, &info, &chosen).await).is_some() {
                description.load(None);
                day.set(String::new());
                // Who may see a photo is chosen for each one: the next starts again at the least.
                consent.set(Consent::default());
                if let Some(input) = file.get_untracked() {
                    input.set_value("");
                }
                on_added();
            }
            sending.set(false);
        });
    };
    view! {
        <form class="editor-form photo-form" on:submit=submit novalidate>
            <Field form id="photo-owner".into() label=ui.photo_for.into() field="owner">
                <select id="photo-owner" prop:value=move || owner.get() on:change=move |ev| owner.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {move || owners.get().and_then(Result::ok).map(|choices| choices.into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view())}
                </select>
                {move || matches!(owners.get(), Some(Err(_))).then(|| view! { <LoadFailed/> })}
            </Field>
            <Show when=move || owner.with(|key| key.starts_with("activities/"))>
                <Field form id="photo-day".into() label=ui.photo_day.into() field="day">
                    <input id="photo-day" type="date" prop:value=move || day.get() on:change=move |ev| day.set(event_target_value(&ev))/>
                </Field>
            </Show>
            <Field form id="photo-file".into() label=ui.photo_file.into() field="file">
                <input id="photo-file" type="file" accept="image/jpeg,image/png,image/webp" node_ref=file/>
            </Field>
            <TextFields form id="photo-description" label=ui.photo_description field="description" inputs=description/>
            <ConsentChoice name="consent".into() chosen=consent/>
            <SaveStatus form on_keep_mine=Callback::new(|_| {}) on_take_theirs=Callback::new(|_| {})/>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || sending.get()>{ui.add_photo}</button>
            </div>
        </form>
    }
}

/// Who may see a photo, as radio buttons.
#[component]
fn ConsentChoice(name: String, chosen: RwSignal<Consent>) -> impl IntoView {
    let (ui, lang) = (ui(), lang());
    view! {
        <fieldset class="consent">
            <legend>{ui.photo_consent}</legend>
            {Consent::ALL.into_iter().map(|consent| view! {
                <label class="check">
                    <input type="radio" name=name.clone() value=consent.as_str() prop:checked=move || chosen.get() == consent on:change=move |_| chosen.set(consent)/>
                    {consent.label(lang)}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// A photo listed: its smallest size, its description, what it belongs to, who may see it
/// (changed at once, from the version last saved), and a button to remove it.
#[component]
fn PhotoRow(photo: Photo, owners: Owners, on_change: impl Fn() + Send + Sync + Copy + 'static) -> impl IntoView {
    let ui = ui();
    let form = Form::new();
    let consent = RwSignal::new(photo.info.consent);
    let id = photo.id;
    let version = RwSignal::new(photo.version);
    let description = photo.info.description.clone();
    // Someone changed or removed it meanwhile: the list drawn again shows it as it is now.
    let settle = move |result: Result<Option<i64>, EditorError>| match result {
        Err(EditorError::Stale(_)) => on_change(),
        result => match form.report(result) {
            Some(Some(saved)) => version.set(saved),
            Some(None) => on_change(),
            None => {}
        },
    };
    Effect::watch(
        move || consent.get(),
        move |chosen, _, _| {
            let info = PhotoInfo { description: description.clone(), consent: *chosen };
            let at = version.get_untracked();
            spawn_local(async move { settle(api::update_photo(form.session, id, at, &info).await.map(|saved| Some(saved.version))) });
        },
        false,
    );
    // Removed for good (no copy is kept: that is the point): asked once more first.
    let remove = Callback::new(move |()| {
        spawn_local(async move { settle(api::remove_photo(form.session, id, version.get_untracked()).await.map(|()| None)) })
    });
    let alt = photo.info.description.get(form.lang).to_string();
    let owner = photo.owner.clone();
    let width = photo.widths.first().copied().unwrap_or(photo.width);
    view! {
        <li class="photo">
            <img src=photo.file(width, Format::Jpeg) alt=alt.clone() width="240" height=photo.height_at(240).to_string() loading="lazy"/>
            <div>
                <p><strong>{alt}</strong></p>
                <p class="hint">{move || owner_name(owners, &owner)}</p>
                <ConsentChoice name=format!("consent-{id}") chosen=consent/>
                <SaveStatus form on_keep_mine=Callback::new(|_| {}) on_take_theirs=Callback::new(|_| {})/>
                <AskOnce label=ui.remove_photo question=ui.confirm_remove_photo yes=ui.remove_photo_for_good on_yes=remove/>
            </div>
        </li>
    }
}
