//! Prevention programmes: what, for whom, how people sign up (each session on its own, or once
//! for a course), the sessions (date, times, place; one called off), whom to call, and the price.

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::format::{long_date, time};
use plantzette_content::{Audience, Contact, Enrolment, Item, Price, Programme, Session, Topic};

use crate::components::form::{CheckBox, Field, Form, TextFields, TextInput};
use crate::components::list::{ContentPage, Editing};
use crate::components::places::{PlacesFields, PlacesInputs};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{Reader, TextInputs};
use crate::i18n::{lang, ui};

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let ui = ui();
    let editing = Editing::<Programme>::new();
    let lang = lang();
    let describe = move |p: &Programme| {
        let first = p.sessions.iter().map(|s| s.starts_at.date()).min();
        format!("{} · {}", p.title.get(lang), first.map(|d| long_date(d, lang)).unwrap_or_default())
    };
    view! { <ContentPage title=ui.programmes editing describe form=move |item| view! { <ProgrammeForm editing item/> }/> }
}

/// One session's inputs.
#[derive(Clone, Copy)]
struct SessionInputs {
    date: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    place: TextInputs,
    /// Signing up for it on line: its places (a drop-in programme's).
    places: PlacesInputs,
    called_off: RwSignal<bool>,
}

impl SessionInputs {
    fn new(session: Option<&Session>) -> SessionInputs {
        let time_of = |f: fn(&Session) -> chrono::NaiveDateTime| session.map(|s| time(f(s))).unwrap_or_default();
        SessionInputs {
            date: RwSignal::new(session.map(|s| s.starts_at.date().to_string()).unwrap_or_default()),
            starts: RwSignal::new(time_of(|s| s.starts_at)),
            ends: RwSignal::new(time_of(|s| s.ends_at)),
            place: TextInputs::new(session.map(|s| &s.place)),
            places: PlacesInputs::new(session.and_then(|s| s.places)),
            called_off: RwSignal::new(session.is_some_and(|s| s.called_off)),
        }
    }

    /// The session read; `course`: its places are the course's, not its own.
    fn session(&self, reader: &mut Reader, index: usize, course: bool) -> Option<Session> {
        let field = |name: &str| format!("sessions[{index}].{name}");
        let date: Option<NaiveDate> = reader.date(&field("starts_at"), &self.date.get_untracked());
        let starts = reader.time(&field("starts_at"), &self.starts.get_untracked());
        let ends = reader.time(&field("ends_at"), &self.ends.get_untracked());
        let places = self.places.read(reader, &field("places.capacity"), !course, None);
        let date = date?;
        let (starts_at, ends_at) = (date.and_time(starts?), date.and_time(ends?));
        Some(Session { starts_at, ends_at, place: self.place.text(), places: places?, called_off: self.called_off.get_untracked() })
    }
}

#[component]
fn ProgrammeForm(editing: Editing<Programme>, item: Option<Item<Programme>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form: Form = editing.form;
    let opened = item.as_ref().map(|i| (i.id, i.version));
    let programme = item.map(|i| i.content);
    let title = TextInputs::new(programme.as_ref().map(|p| &p.title));
    let summary = TextInputs::new(programme.as_ref().map(|p| &p.summary));
    let description = TextInputs::new(programme.as_ref().and_then(|p| p.description.as_ref()));
    let topic = RwSignal::new(programme.as_ref().map_or(Topic::Falls, |p| p.topic));
    let audiences = RwSignal::new(programme.as_ref().map(|p| p.audiences.clone()).unwrap_or_default());
    let sessions = RwSignal::new(
        programme
            .as_ref()
            .map(|p| p.sessions.iter().map(|s| SessionInputs::new(Some(s))).collect())
            .unwrap_or_else(|| vec![SessionInputs::new(None)]),
    );
    let contact = programme.as_ref().map(|p| p.contact.clone());
    let contact_name = RwSignal::new(contact.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let phone = RwSignal::new(contact.as_ref().map(|c| c.phone.clone()).unwrap_or_default());
    let email = RwSignal::new(contact.as_ref().map(|c| c.email.clone()).unwrap_or_default());
    let francs = RwSignal::new(programme.as_ref().map(|p| format!("{:.2}", f64::from(p.price.centimes) / 100.0)).unwrap_or_else(|| "0".into()));
    let note = TextInputs::new(programme.as_ref().and_then(|p| p.price.note.as_ref()));
    let course = RwSignal::new(programme.as_ref().is_some_and(|p| p.enrolment.is_course()));
    let course_places = PlacesInputs::new(programme.as_ref().and_then(|p| p.course_places()));
    let read = move |reader: &mut Reader| {
        let is_course = course.get_untracked();
        let read_sessions: Vec<Option<Session>> =
            sessions.get_untracked().iter().enumerate().map(|(index, s)| s.session(reader, index, is_course)).collect();
        let enrolment = match is_course {
            true => course_places
                .read(reader, "enrolment.places.capacity", true, Some("enrolment.places.closes_at"))
                .map(|places| Enrolment::Course { places }),
            false => Some(Enrolment::DropIn),
        };
        let centimes = francs.get_untracked().trim().replace(',', ".").parse::<f64>().ok().filter(|f| *f >= 0.0).map(|f| (f * 100.0).round() as u32);
        if centimes.is_none() {
            reader.errors.push(plantzette_content::FieldError {
                field: "price.centimes".into(),
                code: plantzette_content::ErrorCode::Malformed { detail: francs.get_untracked() },
            });
        }
        Some(Programme {
            title: title.text(),
            summary: summary.text(),
            description: description.optional(),
            topic: topic.get_untracked(),
            // In the order chosen: the first is the main audience.
            audiences: audiences.get_untracked(),
            sessions: read_sessions.into_iter().collect::<Option<Vec<_>>>()?,
            enrolment: enrolment?,
            contact: Contact { name: contact_name.get_untracked(), phone: phone.get_untracked(), email: email.get_untracked() },
            price: Price { centimes: centimes?, note: note.optional() },
        })
    };
    let load = move |theirs: Programme| {
        title.load(Some(&theirs.title));
        summary.load(Some(&theirs.summary));
        description.load(theirs.description.as_ref());
        note.load(theirs.price.note.as_ref());
        topic.set(theirs.topic);
        audiences.set(theirs.audiences.clone());
        sessions.set(theirs.sessions.iter().map(|s| SessionInputs::new(Some(s))).collect());
        course.set(theirs.enrolment.is_course());
        course_places.load(theirs.course_places());
        contact_name.set(theirs.contact.name.clone());
        phone.set(theirs.contact.phone.clone());
        email.set(theirs.contact.email.clone());
        francs.set(format!("{:.2}", f64::from(theirs.price.centimes) / 100.0));
    };
    let saving = use_saving(form, opened, read, load, move || editing.items.refetch());
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <TextFields form id="title" label=ui.title_field field="title" inputs=title/>
            <TextFields form id="summary" label=ui.summary field="summary" inputs=summary multiline=true/>
            <TextFields form id="description" label=ui.description field="description" inputs=description multiline=true/>
            <Field form id="topic".into() label=ui.topic.into() field="topic">
                <select id="topic" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    topic.set(Topic::ALL.into_iter().find(|t| format!("{t:?}") == chosen).unwrap_or(Topic::Falls));
                }>
                    {Topic::ALL.into_iter().map(|t| view! { <option value=format!("{t:?}") selected=move || topic.get() == t>{t.label(lang)}</option> }).collect_view()}
                </select>
            </Field>
            <fieldset class="field" class:invalid=move || form.error_at("audiences").is_some()>
                <legend>{ui.audiences}</legend>
                {Audience::ALL.into_iter().map(|audience| {
                    let checked = move || audiences.with(|list| list.contains(&audience));
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        audiences.update(|list| {
                            list.retain(|a| *a != audience);
                            if on { list.push(audience); }
                        });
                    };
                    view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle/>{audience.label(lang)}</label> }
                }).collect_view()}
                <p class="field-error">{move || form.error_at("audiences")}</p>
            </fieldset>
            <fieldset class="field enrolment">
                <legend>{ui.enrolment}</legend>
                <label class="check"><input type="radio" name="enrolment" value="drop_in" prop:checked=move || !course.get() on:change=move |_| course.set(false)/>
                    <span><strong>{ui.drop_in}</strong><br/>{ui.drop_in_hint}</span></label>
                <label class="check"><input type="radio" name="enrolment" value="course" prop:checked=move || course.get() on:change=move |_| course.set(true)/>
                    <span><strong>{ui.course}</strong><br/>{ui.course_hint}</span></label>
                <Show when=move || course.get()>
                    <PlacesFields form id="course-capacity".into() field="enrolment.places.capacity".into() inputs=course_places last_day_field="enrolment.places.closes_at"/>
                </Show>
            </fieldset>
            <fieldset class="field" class:invalid=move || form.error_at("sessions").is_some()>
                <legend>{ui.sessions}</legend>
                {move || sessions.get().into_iter().enumerate().map(|(index, session)| {
                    let field = move |rest: &str| format!("sessions[{index}].{rest}");
                    view! {
                        <div class="field-row">
                            <TextInput form id=format!("session-{index}-date") label=ui.date.into() field=field("starts_at") value=session.date kind="date"/>
                            <TextInput form id=format!("session-{index}-starts") label=ui.starts.into() field=field("starts_at") value=session.starts kind="time"/>
                            <TextInput form id=format!("session-{index}-ends") label=ui.ends.into() field=field("ends_at") value=session.ends kind="time"/>
                            <TextFields form id=format!("session-{index}-place") label=ui.place field=field("place") inputs=session.place/>
                            <Show when=move || !course.get()>
                                <PlacesFields form id=format!("session-{index}-capacity") field=field("places.capacity") inputs=session.places/>
                            </Show>
                            <CheckBox label=ui.session_called_off value=session.called_off/>
                            <button type="button" class="button secondary" on:click=move |_| sessions.update(|list| { list.remove(index); })>{ui.remove}</button>
                        </div>
                    }
                }).collect_view()}
                <button type="button" class="button secondary" on:click=move |_| sessions.update(|list| list.push(SessionInputs::new(None)))>{ui.add}</button>
                <p class="field-error">{move || form.error_at("sessions")}</p>
            </fieldset>
            <TextInput form id="contact-name".into() label=ui.contact_name.into() field="contact.name" value=contact_name/>
            <TextInput form id="phone".into() label=ui.phone.into() field="contact.phone" value=phone kind="tel"/>
            <TextInput form id="email".into() label=ui.email.into() field="contact.email" value=email kind="email"/>
            <TextInput form id="price".into() label=ui.price_chf.into() field="price.centimes" value=francs/>
            <TextFields form id="price-note" label=ui.price_note field="price.note" inputs=note/>
            <FormFooter form saving on_cancel=Callback::new(move |_| editing.close())/>
        </form>
    }
}
