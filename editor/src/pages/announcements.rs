//! Announcements: a text in French and German, its importance (urgent ones take a banner on
//! every screen), and when it is shown.

use chrono::{Duration, Timelike};
use leptos::prelude::*;
use plantzette_content::{Announcement, Item, Priority};
use plantzette_web::clock::residence_now;

use crate::components::form::{Field, TextFields, TextInput};
use crate::components::list::{ContentPage, Editing};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{date_time_input, Reader, TextInputs};
use crate::i18n::{lang, ui};

#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let ui = ui();
    let editing = Editing::<Announcement>::new();
    let lang = lang();
    let describe = move |a: &Announcement| format!("{} · {}", a.priority.label(lang), a.text.get(lang));
    view! { <ContentPage title=ui.announcements editing describe form=move |item| view! { <AnnouncementForm editing item/> }/> }
}

#[component]
fn AnnouncementForm(editing: Editing<Announcement>, item: Option<Item<Announcement>>) -> impl IntoView {
    let ui = ui();
    let form = editing.form;
    let now = residence_now().with_second(0).unwrap_or_default();
    let opened = item.as_ref().map(|i| (i.id, i.version));
    let content = item.map(|i| i.content);
    let text = TextInputs::new(content.as_ref().map(|a| &a.text));
    let priority = RwSignal::new(content.as_ref().map(|a| a.priority).unwrap_or_default());
    let from = RwSignal::new(date_time_input(content.as_ref().map_or(now, |a| a.shown_from)));
    let until = RwSignal::new(date_time_input(content.as_ref().map_or(now + Duration::days(7), |a| a.shown_until)));
    let read = move |reader: &mut Reader| {
        let shown_from = reader.date_time("shown_from", &from.get_untracked());
        let shown_until = reader.date_time("shown_until", &until.get_untracked());
        Some(Announcement { text: text.text(), priority: priority.get_untracked(), shown_from: shown_from?, shown_until: shown_until? })
    };
    let load = move |a: Announcement| {
        text.load(Some(&a.text));
        priority.set(a.priority);
        from.set(date_time_input(a.shown_from));
        until.set(date_time_input(a.shown_until));
    };
    let saving = use_saving(form, opened, read, load, move || editing.items.refetch());
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <TextFields form id="text" label=ui.text field="text" inputs=text multiline=true/>
            <Field form id="priority".into() label=ui.priority.into() field="priority">
                <select id="priority" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    priority.set(Priority::ALL.into_iter().find(|p| p.as_str() == chosen).unwrap_or_default());
                }>
                    {Priority::ALL.into_iter().map(|p| view! { <option value=p.as_str() selected=move || priority.get() == p>{p.label(lang())}</option> }).collect_view()}
                </select>
            </Field>
            <TextInput form id="shown-from".into() label=ui.shown_from.into() field="shown_from" value=from kind="datetime-local"/>
            <TextInput form id="shown-until".into() label=ui.shown_until.into() field="shown_until" value=until kind="datetime-local"/>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
