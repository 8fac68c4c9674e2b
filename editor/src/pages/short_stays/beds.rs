//! The beds themselves, and the extra beds opened for a period when the hospitals are congested.

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::format::date_in_words;
use plantzette_content::short_stay::{Bed, BedKind, Calendar, ExtraBeds};
use plantzette_content::{ErrorCode, FieldError};

use crate::api;
use crate::components::form::{Field, Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui};

/// Reads a date input: empty or unreadable is a field error, as a validation would give it.
fn read_date(field: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let date = text.parse().ok();
    if date.is_none() {
        errors.push(FieldError { field: field.into(), code: ErrorCode::Required });
    }
    date
}

#[component]
pub(super) fn ExtraBedsSection(calendar: RwSignal<Option<Calendar>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let count = RwSignal::new(String::from("1"));
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errors = Vec::new();
        let (from_day, to_day) = (read_date("from", &from.get_untracked(), &mut errors), read_date("to", &to.get_untracked(), &mut errors));
        let number = count.get_untracked().trim().parse::<u32>().ok();
        if number.is_none() {
            errors.push(FieldError { field: "count".into(), code: ErrorCode::NumberOutOfRange { min: 1, max: 40 } });
        }
        let (Some(from_day), Some(to_day), Some(count)) = (from_day, to_day, number) else {
            form.unreadable(errors);
            return;
        };
        let extra = ExtraBeds { from: from_day, to: to_day, count };
        form.act(async move { api::open_extra_beds(form.session, &extra).await }, move |done| {
            if done {
                refresh();
            }
        });
    };
    let close = move |id: i64| form.act(api::close_extra_beds(form.session, id), move |_| refresh());
    view! {
        <section aria-labelledby="extra-heading">
            <h3 id="extra-heading">{ui.extra_beds}</h3>
            <p>{ui.extra_beds_help}</p>
            <ul class="items">
                {move || calendar.with(|c| c.as_ref().map(|c| c.extra.clone()).unwrap_or_default()).into_iter().map(|extra| {
                    let id = extra.id;
                    view! {
                        <li>
                            {format!("{} \u{2013} {} : {} ", date_in_words(extra.from, lang), date_in_words(extra.to, lang), extra.count)}{ui.extra_count.to_lowercase()}" "
                            <button type="button" class="button secondary" on:click=move |_| close(id)>{ui.close_extra}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="editor-form" on:submit=open>
                <TextInput form id="extra-from".into() label=ui.from_day.into() field="from" value=from kind="date"/>
                <TextInput form id="extra-to".into() label=ui.to_day.into() field="to" value=to kind="date"/>
                <TextInput form id="extra-count".into() label=ui.extra_count.into() field="count" value=count kind="number"/>
                <div class="form-actions"><button type="submit" class="button">{ui.open_extra}</button></div>
                <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            </form>
        </section>
    }
}

#[component]
pub(super) fn BedsSection(calendar: RwSignal<Option<Calendar>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(BedKind::SingleRoom);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let bed = Bed { name: name.get_untracked(), kind: kind.get_untracked() };
        if let Err(invalid) = bed.validate() {
            form.unreadable(invalid.errors);
            return;
        }
        form.act(async move { api::add_bed(form.session, &bed).await }, move |done| {
            if done {
                name.set(String::new());
                refresh();
            }
        });
    };
    let remove = move |id: i64| form.act(api::remove_bed(form.session, id), move |_| refresh());
    view! {
        <section aria-labelledby="beds-heading">
            <h3 id="beds-heading">{ui.beds_list}</h3>
            <ul class="items">
                {move || calendar.with(|c| c.as_ref().map(|c| c.beds.iter().map(|b| (b.id, b.name.clone(), b.kind)).collect::<Vec<_>>()).unwrap_or_default())
                    .into_iter()
                    .map(|(id, name, kind)| view! {
                        <li>{format!("{name} \u{b7} {} ", kind.label(lang))}<button type="button" class="button secondary" on:click=move |_| remove(id)>{ui.remove_bed}</button></li>
                    })
                    .collect_view()}
            </ul>
            <form class="editor-form" on:submit=add>
                <TextInput form id="bed-name".into() label=ui.bed_name.into() field="name" value=name/>
                <Field form id="bed-kind".into() label=ui.bed_kind.into() field="kind">
                    <select id="bed-kind" on:change=move |ev| kind.set(BedKind::parse(&event_target_value(&ev)).unwrap_or(BedKind::SingleRoom))>
                        {BedKind::ALL.into_iter().map(|k| view! { <option value=k.as_str() selected=move || kind.get() == k>{k.label(lang)}</option> }).collect_view()}
                    </select>
                </Field>
                <div class="form-actions"><button type="submit" class="button">{ui.add_bed}</button></div>
                <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            </form>
        </section>
    }
}
