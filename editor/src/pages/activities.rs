//! Activities: once or every week (entered once, with the days a weekly activity is cancelled),
//! with the facts residents look for: where, what kind, whether to register, wheelchair access.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use leptos::prelude::*;
use plantzette_content::format::{long_date, time, time_span, weekday_name};
use plantzette_content::{Activity, ActivityInfo, Category, Item, Recurrence};

use crate::components::form::{CheckBox, Field, Form, TextInput};
use crate::components::list::{ContentPage, Editing};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{text, Reader};
use crate::i18n::{lang, ui};

const WEEK: [Weekday; 7] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let ui = ui();
    let editing = Editing::<Activity>::new();
    let lang = lang();
    let describe = move |a: &Activity| {
        let when = format!("{} {}", long_date(a.starts_at.date(), lang), time_span(a.starts_at, a.ends_at));
        let weekly = a.recurrence.as_ref().map(|_| format!(" · {}", ui.weekly)).unwrap_or_default();
        format!("{} · {when}{weekly}", a.info.title.get(lang))
    };
    view! { <ContentPage title=ui.activities editing describe form=move |item| view! { <ActivityForm editing item/> }/> }
}

/// The form's inputs, as signals.
#[derive(Clone, Copy)]
struct Inputs {
    title_fr: RwSignal<String>,
    title_de: RwSignal<String>,
    place_fr: RwSignal<String>,
    place_de: RwSignal<String>,
    description_fr: RwSignal<String>,
    description_de: RwSignal<String>,
    category: RwSignal<Category>,
    date: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    weekly: RwSignal<bool>,
    weekdays: RwSignal<Vec<Weekday>>,
    until: RwSignal<String>,
    except: RwSignal<Vec<NaiveDate>>,
    registration_required: RwSignal<bool>,
    wheelchair_accessible: RwSignal<bool>,
    cancelled: RwSignal<bool>,
}

impl Inputs {
    fn new() -> Inputs {
        let tomorrow = chrono::Local::now().date_naive() + Duration::days(1);
        Inputs {
            title_fr: RwSignal::new(String::new()),
            title_de: RwSignal::new(String::new()),
            place_fr: RwSignal::new(String::new()),
            place_de: RwSignal::new(String::new()),
            description_fr: RwSignal::new(String::new()),
            description_de: RwSignal::new(String::new()),
            category: RwSignal::new(Category::Social),
            date: RwSignal::new(tomorrow.to_string()),
            starts: RwSignal::new("14:00".into()),
            ends: RwSignal::new("15:00".into()),
            weekly: RwSignal::new(false),
            weekdays: RwSignal::new(vec![tomorrow.weekday()]),
            until: RwSignal::new((tomorrow + Duration::weeks(12)).to_string()),
            except: RwSignal::new(Vec::new()),
            registration_required: RwSignal::new(false),
            wheelchair_accessible: RwSignal::new(true),
            cancelled: RwSignal::new(false),
        }
    }

    fn load(&self, a: &Activity) {
        let info = &a.info;
        self.title_fr.set(info.title.fr.clone());
        self.title_de.set(info.title.de.clone().unwrap_or_default());
        self.place_fr.set(info.place.fr.clone());
        self.place_de.set(info.place.de.clone().unwrap_or_default());
        self.description_fr.set(info.description.as_ref().map(|d| d.fr.clone()).unwrap_or_default());
        self.description_de.set(info.description.as_ref().and_then(|d| d.de.clone()).unwrap_or_default());
        self.category.set(info.category);
        self.date.set(a.starts_at.date().to_string());
        self.starts.set(time(a.starts_at));
        self.ends.set(time(a.ends_at));
        self.weekly.set(a.recurrence.is_some());
        if let Some(recurrence) = &a.recurrence {
            self.weekdays.set(recurrence.weekdays.clone());
            self.until.set(recurrence.until.to_string());
            self.except.set(recurrence.except.clone());
        }
        self.registration_required.set(info.registration_required);
        self.wheelchair_accessible.set(info.wheelchair_accessible);
        self.cancelled.set(a.cancelled);
    }

    /// The activity the inputs describe, or the inputs that cannot be read.
    fn activity(&self, reader: &mut Reader) -> Option<Activity> {
        let date = reader.date("starts_at", &self.date.get_untracked());
        let starts = reader.time("starts_at", &self.starts.get_untracked());
        let ends = reader.time("ends_at", &self.ends.get_untracked());
        let weekly = self.weekly.get_untracked();
        let until = if weekly { reader.date("recurrence.until", &self.until.get_untracked()) } else { None };
        let (date, starts, ends) = (date?, starts?, ends?);
        let recurrence = if weekly {
            let mut weekdays = self.weekdays.get_untracked();
            weekdays.sort_by_key(|d| d.num_days_from_monday());
            Some(Recurrence { weekdays, until: until?, except: self.except.get_untracked() })
        } else {
            None
        };
        let description = text(self.description_fr.get_untracked(), self.description_de.get_untracked());
        Some(Activity {
            info: ActivityInfo {
                title: text(self.title_fr.get_untracked(), self.title_de.get_untracked()),
                description: (!description.fr.trim().is_empty()).then_some(description),
                place: text(self.place_fr.get_untracked(), self.place_de.get_untracked()),
                category: self.category.get_untracked(),
                registration_required: self.registration_required.get_untracked(),
                wheelchair_accessible: self.wheelchair_accessible.get_untracked(),
            },
            starts_at: date.and_time(starts),
            ends_at: date.and_time(ends),
            recurrence,
            cancelled: self.cancelled.get_untracked(),
        })
    }
}

#[component]
fn ActivityForm(editing: Editing<Activity>, item: Option<Item<Activity>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form: Form = editing.form;
    let inputs = Inputs::new();
    if let Some(item) = &item {
        inputs.load(&item.content);
    }
    let opened = item.as_ref().map(|i| (i.id, i.version));
    let saving = use_saving(form, opened, move |reader| inputs.activity(reader), move |theirs| inputs.load(&theirs), move || editing.items.refetch());
    let day_to_cancel = RwSignal::new(String::new());
    let cancel_day = move |_| {
        if let Ok(day) = NaiveDate::parse_from_str(&day_to_cancel.get_untracked(), "%Y-%m-%d") {
            inputs.except.update(|days| {
                if !days.contains(&day) {
                    days.push(day);
                    days.sort();
                }
            });
            day_to_cancel.set(String::new());
        }
    };
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <TextInput form id="title-fr".into() label=format!("{} ({})", ui.title_field, ui.french) field="title.fr" value=inputs.title_fr/>
            <TextInput form id="title-de".into() label=format!("{} ({})", ui.title_field, ui.german) field="title.de" value=inputs.title_de/>
            <TextInput form id="place-fr".into() label=format!("{} ({})", ui.place, ui.french) field="place.fr" value=inputs.place_fr/>
            <TextInput form id="place-de".into() label=format!("{} ({})", ui.place, ui.german) field="place.de" value=inputs.place_de/>
            <TextInput form id="description-fr".into() label=format!("{} ({})", ui.description, ui.french) field="description.fr" value=inputs.description_fr/>
            <TextInput form id="description-de".into() label=format!("{} ({})", ui.description, ui.german) field="description.de" value=inputs.description_de/>
            <Field form id="category".into() label=ui.category.into() field="category">
                <select id="category" on:change=move |ev| {
                    if let Some(category) = Category::parse(&event_target_value(&ev)) {
                        inputs.category.set(category);
                    }
                }>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.as_str() selected=move || inputs.category.get() == c>{c.label(lang)}</option> }).collect_view()}
                </select>
            </Field>
            <div class="field-row">
                <TextInput form id="date".into() label=ui.date.into() field="starts_at" value=inputs.date kind="date"/>
                <TextInput form id="starts".into() label=ui.starts.into() field="starts_at" value=inputs.starts kind="time"/>
                <TextInput form id="ends".into() label=ui.ends.into() field="ends_at" value=inputs.ends kind="time"/>
            </div>
            <CheckBox label=ui.weekly value=inputs.weekly/>
            <Show when=move || inputs.weekly.get()>
                <fieldset class="field" class:invalid=move || form.error_at("recurrence.weekdays").is_some()>
                    <legend>{ui.weekdays}</legend>
                    {WEEK.into_iter().map(|day| {
                        let checked = move || inputs.weekdays.with(|days| days.contains(&day));
                        let toggle = move |ev| {
                            let on = event_target_checked(&ev);
                            inputs.weekdays.update(|days| {
                                days.retain(|d| *d != day);
                                if on { days.push(day); }
                            });
                        };
                        view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle/>{weekday_name(day, lang)}</label> }
                    }).collect_view()}
                    <p class="field-error">{move || form.error_at("recurrence.weekdays")}</p>
                </fieldset>
                <TextInput form id="until".into() label=ui.until.into() field="recurrence.until" value=inputs.until kind="date"/>
                <fieldset class="field" class:invalid=move || form.error_at("recurrence.except").is_some()>
                    <legend>{ui.cancelled_days}</legend>
                    <ul class="cancelled-days">
                        {move || inputs.except.get().into_iter().map(|day| view! {
                            <li>
                                {long_date(day, lang)}" "
                                <button type="button" class="button secondary" on:click=move |_| inputs.except.update(|days| days.retain(|d| *d != day))>{ui.remove}</button>
                            </li>
                        }).collect_view()}
                    </ul>
                    <label for="cancel-day">{ui.date}</label>
                    <input id="cancel-day" type="date" prop:value=move || day_to_cancel.get() on:input=move |ev| day_to_cancel.set(event_target_value(&ev))/>
                    <button type="button" class="button secondary" on:click=cancel_day>{ui.cancel_day}</button>
                    <p class="field-error">{move || form.error_at("recurrence.except")}</p>
                </fieldset>
            </Show>
            <CheckBox label=ui.registration_required value=inputs.registration_required/>
            <CheckBox label=ui.wheelchair_accessible value=inputs.wheelchair_accessible/>
            <CheckBox label=ui.cancelled value=inputs.cancelled/>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
