//! An event's places for signing up on line (an activity "sur inscription", a programme's
//! session, a course): on or off, how many (empty: no limit), and whether a waiting list takes
//! those who come when it is full. A course's last day to sign up is chosen here (empty: until
//! it begins); otherwise when sign-up opens and closes is kept as loaded (the API sets it).

use chrono::{Duration, NaiveDateTime};
use leptos::prelude::*;
use plantzette_content::sign_up::Places;

use crate::components::form::{CheckBox, Form, TextInput};
use crate::fields::{number, Reader};
use crate::i18n::ui;

#[derive(Clone, Copy)]
pub struct PlacesInputs {
    pub online: RwSignal<bool>,
    capacity: RwSignal<String>,
    waiting_list: RwSignal<bool>,
    window: RwSignal<(Option<NaiveDateTime>, Option<NaiveDateTime>)>,
    /// The last day to sign up, when the form offers it (a course's): `2027-01-13`, or empty.
    last_day: RwSignal<String>,
}

impl PlacesInputs {
    pub fn new(places: Option<Places>) -> PlacesInputs {
        let inputs = PlacesInputs {
            online: RwSignal::new(false),
            capacity: RwSignal::new(String::new()),
            waiting_list: RwSignal::new(true),
            window: RwSignal::new((None, None)),
            last_day: RwSignal::new(String::new()),
        };
        inputs.load(places);
        inputs
    }

    pub fn load(&self, places: Option<Places>) {
        self.online.set(places.is_some());
        self.capacity.set(places.and_then(|p| p.capacity).map(|c| c.to_string()).unwrap_or_default());
        self.waiting_list.set(places.is_none_or(|p| p.waiting_list));
        self.window.set(places.map_or((None, None), |p| (p.opens_at, p.closes_at)));
        // Closed at midnight after the last day: that day is the last one shown.
        let last_day = places.and_then(|p| p.closes_at).map(|at| (at - Duration::minutes(1)).date().to_string());
        self.last_day.set(last_day.unwrap_or_default());
    }

    /// The places (`None`: no sign-up on line, or `offered` false), or `None` with the capacity
    /// that cannot be read reported on `field`.
    /// `last_day_field`: where the last day to sign up is reported, when the form offers it.
    pub fn read(&self, reader: &mut Reader, field: &str, offered: bool, last_day_field: Option<&str>) -> Option<Option<Places>> {
        if !offered || !self.online.get_untracked() {
            return Some(None);
        }
        let capacity = match self.capacity.get_untracked().trim() {
            "" => None,
            text => Some(number(reader, field, text)?),
        };
        let (opens_at, mut closes_at) = self.window.get_untracked();
        if let Some(last_day_field) = last_day_field {
            closes_at = match self.last_day.get_untracked().trim() {
                "" => None,
                text => Some(reader.date(last_day_field, text)?.succ_opt()?.and_hms_opt(0, 0, 0)?),
            };
        }
        Some(Some(Places { capacity, opens_at, closes_at, waiting_list: self.waiting_list.get_untracked() }))
    }
}

/// The inputs: on line or not, then the places and the waiting list (and the last day to sign
/// up, on `last_day_field`, when given). `field` is the capacity's field for errors
/// (`places.capacity`, `sessions[1].places.capacity`), `id` its input's.
#[component]
pub fn PlacesFields(
    form: Form,
    id: String,
    field: String,
    inputs: PlacesInputs,
    #[prop(optional)] last_day_field: Option<&'static str>,
) -> impl IntoView {
    let ui = ui();
    view! {
        <CheckBox label=ui.sign_up_online value=inputs.online/>
        <Show when=move || inputs.online.get()>
            <TextInput form id=id.clone() label=ui.places_capacity.into() field=field.clone() value=inputs.capacity kind="number"/>
            <CheckBox label=ui.waiting_list value=inputs.waiting_list/>
            {last_day_field.map(|last_day| view! {
                <TextInput form id=format!("{id}-until") label=ui.sign_up_until.into() field=last_day value=inputs.last_day kind="date"/>
            })}
        </Show>
    }
}
