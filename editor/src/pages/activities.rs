//! Activities: once or every week (entered once, with the days a weekly activity is cancelled),
//! with the facts residents look for: where, what kind, whether to register, wheelchair access.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use leptos::prelude::*;
use plantzette_content::format::{long_date, time, time_span, weekday_name};
use plantzette_content::{Activity, ActivityInfo, Category, Item, Recurrence};
use plantzette_web::clock::residence_now;

use crate::components::form::{CheckBox, Field, Form, TextFields, TextInput};
use crate::components::list::{ContentPage, Editing};
use crate::components::places::{PlacesFields, PlacesInputs};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{Reader, TextInputs};
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
    title: TextInputs,
    place: TextInputs,
    description: TextInputs,
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
    /// Signing up on line, for an activity "sur inscription".
    places: PlacesInputs,
}

impl Inputs {
    fn new() -> Inputs {
        let tomorrow = residence_now().date() + Duration::days(1);
        Inputs {
            title: TextInputs::new(None),
            place: TextInputs::new(None),
            description: TextInputs::new(None),
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
            places: PlacesInputs::new(None),
        }
    }

    fn load(&self, a: &Activity) {
        let info = &a.info;
        self.title.load(Some(&info.title));
        self.place.load(Some(&info.place));
        self.description.load(info.description.as_ref());
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
        self.places.load(info.places);
    }

    /// The activity the inputs describe, or the inputs that cannot be read.
    fn activity(&self, reader: &mut Reader) -> Option<Activity> {
        let date = reader.date("starts_at", &self.date.get_untracked());
        let starts = reader.time("starts_at", &self.starts.get_untracked());
        let ends = reader.time("ends_at", &self.ends.get_untracked());
        let weekly = self.weekly.get_untracked();
        let until = if weekly { reader.date("recurrence.until", &self.until.get_untracked()) } else { None };
        let places = self.places.read(reader, "places.capacity", self.registration_required.get_untracked(), None);
        let (date, starts, ends, places) = (date?, starts?, ends?, places?);
        let recurrence = if weekly {
            Some(Recurrence { weekdays: self.weekdays.get_untracked(), until: until?, except: self.except.get_untracked() })
        } else {
            None
        };
        Some(Activity {
            info: ActivityInfo {
                title: self.title.text(),
                description: self.description.optional(),
                place: self.place.text(),
                category: self.category.get_untracked(),
                registration_required: self.registration_required.get_untracked(),
                wheelchair_accessible: self.wheelchair_accessible.get_untracked(),
                places,
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
            <TextFields form id="title" label=ui.title_field field="title" inputs=inputs.title/>
            <TextFields form id="place" label=ui.place field="place" inputs=inputs.place/>
            <TextFields form id="description" label=ui.description field="description" inputs=inputs.description multiline=true/>
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
                                // Sorted as chosen, not as read: an unchanged item is saved unchanged.
                                days.sort_by_key(|d| d.num_days_from_monday());
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
            <Show when=move || inputs.registration_required.get()>
                <PlacesFields form id="capacity".into() field="places.capacity".into() inputs=inputs.places/>
            </Show>
            <CheckBox label=ui.wheelchair_accessible value=inputs.wheelchair_accessible/>
            <CheckBox label=ui.cancelled value=inputs.cancelled/>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
