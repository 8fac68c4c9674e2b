//! Info pages (admissions, short stays, medical care, partners): title, summary and text in
//! French and German. The short-stay beds free are kept in their calendar (`short_stays.rs`).

use leptos::prelude::*;
use plantzette_content::{InfoPage, Item, PageSlug};

use crate::components::form::{Field, Form, TextFields};
use crate::components::list::{ContentPage, Editing};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{Reader, TextInputs};
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
    let read = move |_: &mut Reader| Some(InfoPage { slug: slug.get_untracked(), title: title.text(), summary: summary.text(), body: body.text() });
    let load = move |theirs: InfoPage| {
        slug.set(theirs.slug);
        title.load(Some(&theirs.title));
        summary.load(Some(&theirs.summary));
        body.load(Some(&theirs.body));
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
            <TextFields form id="summary" label=ui.summary field="summary" inputs=summary multiline=true/>
            <TextFields form id="body" label=ui.body field="body" inputs=body multiline=true/>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
