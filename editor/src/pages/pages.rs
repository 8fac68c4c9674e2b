//! Info pages (admissions, short stays, medical care, partners): title, summary and text in
//! French and German, and for short stays the beds free now.

use leptos::prelude::*;
use plantzette_content::{BedAvailability, InfoPage, Item, PageSlug};

use crate::components::form::{CheckBox, Field, Form, TextFields, TextInput};
use crate::components::list::{ContentPage, Editing};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{number, Reader, TextInputs};
use crate::i18n::{lang, ui};

#[component]
pub fn PagesPage() -> impl IntoView {
    let ui = ui();
    let editing = Editing::<InfoPage>::new();
    let lang = lang();
    let describe = move |p: &InfoPage| format!("{} · {}", p.slug.label(lang), p.title.get(lang));
    view! { <ContentPage title=ui.pages editing describe form=move |item| view! { <PageForm editing item/> }/> }
}

#[component]
fn PageForm(editing: Editing<InfoPage>, item: Option<Item<InfoPage>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form: Form = editing.form;
    let opened = item.as_ref().map(|i| (i.id, i.version));
    let page = item.map(|i| i.content);
    let slug = RwSignal::new(page.as_ref().map_or(PageSlug::Admissions, |p| p.slug));
    let title = TextInputs::new(page.as_ref().map(|p| &p.title));
    let summary = TextInputs::new(page.as_ref().map(|p| &p.summary));
    let body = TextInputs::new(page.as_ref().map(|p| &p.body));
    let beds = page.as_ref().and_then(|p| p.beds);
    let has_beds = RwSignal::new(beds.is_some());
    let available = RwSignal::new(beds.map(|b| b.available.to_string()).unwrap_or_default());
    let total = RwSignal::new(beds.map(|b| b.total.to_string()).unwrap_or_default());
    let read = move |reader: &mut Reader| {
        let beds = if has_beds.get_untracked() {
            let available = number(reader, "beds.available", &available.get_untracked());
            let total = number(reader, "beds.total", &total.get_untracked());
            Some(BedAvailability { available: available?, total: total? })
        } else {
            None
        };
        Some(InfoPage { slug: slug.get_untracked(), title: title.text(), summary: summary.text(), body: body.text(), beds })
    };
    let load = move |theirs: InfoPage| {
        slug.set(theirs.slug);
        title.load(Some(&theirs.title));
        summary.load(Some(&theirs.summary));
        body.load(Some(&theirs.body));
        has_beds.set(theirs.beds.is_some());
        available.set(theirs.beds.map(|b| b.available.to_string()).unwrap_or_default());
        total.set(theirs.beds.map(|b| b.total.to_string()).unwrap_or_default());
    };
    let saving = use_saving(form, opened, read, load, move || editing.items.refetch());
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <Field form id="slug".into() label=ui.page_kind.into() field="slug">
                <select id="slug" on:change=move |ev| {
                    if let Some(chosen) = PageSlug::parse(&event_target_value(&ev)) {
                        slug.set(chosen);
                    }
                }>
                    {PageSlug::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=move || slug.get() == s>{s.label(lang)}</option> }).collect_view()}
                </select>
            </Field>
            <TextFields form id="title" label=ui.title_field field="title" inputs=title/>
            <TextFields form id="summary" label=ui.summary field="summary" inputs=summary/>
            <TextFields form id="body" label=ui.body field="body" inputs=body multiline=true/>
            <CheckBox label=ui.short_stay_beds value=has_beds/>
            <Show when=move || has_beds.get()>
                <div class="field-row">
                    <TextInput form id="beds-available".into() label=ui.beds_available.into() field="beds.available" value=available kind="number"/>
                    <TextInput form id="beds-total".into() label=ui.beds_total.into() field="beds.total" value=total kind="number"/>
                </div>
            </Show>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
