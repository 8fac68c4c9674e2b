//! The residence: whether visits are open (restricted or suspended visits take a banner on every
//! screen), its visiting hours, address and contact.

use chrono::NaiveTime;
use leptos::prelude::*;
use plantzette_content::format::time;
use plantzette_content::{Address, Contact, Item, Residence, VisitingHours, VisitsState, VisitsStatus};

use crate::api;
use crate::components::form::{Field, Form, TextFields, TextInput};
use crate::components::loaded::LoadFailed;
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{Reader, TextInputs};
use crate::i18n::{lang, ui};

const STATES: [VisitsState; 3] = [VisitsState::Open, VisitsState::Restricted, VisitsState::Suspended];

#[component]
pub fn ResidencePage() -> impl IntoView {
    let ui = ui();
    let residence = LocalResource::new(api::list::<Residence>);
    view! {
        <h2>{ui.residence}</h2>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || Suspend::new(async move {
                match residence.await.map(|list| list.into_iter().next()) {
                    Ok(Some(stored)) => view! { <ResidenceForm item=Some(stored.item)/> }.into_any(),
                    // A new install: its first administrator fills the residence in and publishes it.
                    Ok(None) => view! {
                        <p class="status">{ui.residence_to_fill_in}</p>
                        <ResidenceForm item=None/>
                    }.into_any(),
                    Err(_) => view! { <LoadFailed/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One row of visiting hours: the days in French and German, opening and closing times.
#[derive(Clone, Copy)]
struct HoursInputs {
    days: TextInputs,
    opens: RwSignal<String>,
    closes: RwSignal<String>,
}

impl HoursInputs {
    fn new(hours: Option<&VisitingHours>) -> HoursInputs {
        let time_of = |t: Option<NaiveTime>| t.map(time).unwrap_or_default();
        HoursInputs {
            days: TextInputs::new(hours.map(|h| &h.days)),
            opens: RwSignal::new(time_of(hours.map(|h| h.opens))),
            closes: RwSignal::new(time_of(hours.map(|h| h.closes))),
        }
    }
}

#[component]
fn ResidenceForm(item: Option<Item<Residence>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let opened = item.as_ref().map(|item| (item.id, item.version));
    let r = item.map_or_else(Residence::to_fill_in, |item| item.content);
    let name = RwSignal::new(r.name.clone());
    let street = RwSignal::new(r.address.street.clone());
    let postcode = RwSignal::new(r.address.postcode.clone());
    let city = RwSignal::new(r.address.city.clone());
    let contact_name = RwSignal::new(r.contact.name.clone());
    let phone = RwSignal::new(r.contact.phone.clone());
    let email = RwSignal::new(r.contact.email.clone());
    let state = RwSignal::new(r.visits.state);
    let message = TextInputs::new(r.visits.message.as_ref());
    let hours = RwSignal::new(r.visiting_hours.iter().map(|h| HoursInputs::new(Some(h))).collect::<Vec<_>>());
    let time_zone = StoredValue::new(r.time_zone.clone());
    let read = move |reader: &mut Reader| {
        let visiting_hours = hours
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(index, row)| {
                let opens = reader.time(&format!("visiting_hours[{index}].opens"), &row.opens.get_untracked());
                let closes = reader.time(&format!("visiting_hours[{index}].closes"), &row.closes.get_untracked());
                Some(VisitingHours { days: row.days.text(), opens: opens?, closes: closes? })
            })
            .collect::<Vec<_>>();
        Some(Residence {
            name: name.get_untracked(),
            address: Address { street: street.get_untracked(), postcode: postcode.get_untracked(), city: city.get_untracked() },
            contact: Contact { name: contact_name.get_untracked(), phone: phone.get_untracked(), email: email.get_untracked() },
            visiting_hours: visiting_hours.into_iter().collect::<Option<Vec<_>>>()?,
            visits: VisitsStatus { state: state.get_untracked(), message: message.optional() },
            time_zone: time_zone.get_value(),
        })
    };
    let load = move |theirs: Residence| {
        name.set(theirs.name);
        street.set(theirs.address.street);
        postcode.set(theirs.address.postcode);
        city.set(theirs.address.city);
        contact_name.set(theirs.contact.name);
        phone.set(theirs.contact.phone);
        email.set(theirs.contact.email);
        state.set(theirs.visits.state);
        message.load(theirs.visits.message.as_ref());
        hours.set(theirs.visiting_hours.iter().map(|h| HoursInputs::new(Some(h))).collect());
    };
    let saving = use_saving(form, opened, read, load, || ());
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <Field form id="visits".into() label=ui.visits.into() field="visits.state">
                <select id="visits" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    state.set(STATES.into_iter().find(|s| format!("{s:?}") == chosen).unwrap_or_default());
                }>
                    {STATES.into_iter().map(|s| view! { <option value=format!("{s:?}") selected=move || state.get() == s>{s.label(lang)}</option> }).collect_view()}
                </select>
            </Field>
            <TextFields form id="visits-message" label=ui.visits_message field="visits.message" inputs=message multiline=true/>
            <fieldset>
                <legend>{ui.visiting_hours}</legend>
                {move || hours.get().into_iter().enumerate().map(|(index, row)| {
                    let field = |rest: &str| format!("visiting_hours[{index}].{rest}");
                    view! {
                        <div class="field-row">
                            <TextFields form id=format!("hours-{index}-days") label=ui.days field=field("days") inputs=row.days/>
                            <TextInput form id=format!("hours-{index}-opens") label=ui.starts.into() field=field("opens") value=row.opens kind="time"/>
                            <TextInput form id=format!("hours-{index}-closes") label=ui.ends.into() field=field("closes") value=row.closes kind="time"/>
                            <button type="button" class="button secondary" on:click=move |_| hours.update(|rows| { rows.remove(index); })>{ui.remove}</button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" class="button secondary" on:click=move |_| hours.update(|rows| rows.push(HoursInputs::new(None)))>{ui.add}</button>
            </fieldset>
            <TextInput form id="name".into() label=ui.name.into() field="name" value=name/>
            <TextInput form id="street".into() label=ui.street.into() field="address.street" value=street/>
            <div class="field-row">
                <TextInput form id="postcode".into() label=ui.postcode.into() field="address.postcode" value=postcode/>
                <TextInput form id="city".into() label=ui.city.into() field="address.city" value=city/>
            </div>
            <TextInput form id="contact-name".into() label=ui.contact_name.into() field="contact.name" value=contact_name/>
            <TextInput form id="phone".into() label=ui.phone.into() field="contact.phone" value=phone kind="tel"/>
            <TextInput form id="email".into() label=ui.email.into() field="contact.email" value=email kind="email"/>
            <FormFooter form saving no_preview=true/>
        </form>
    }
}
