//! What to make of the range of days chosen in the calendar.

use leptos::prelude::*;
use plantzette_content::format::date_in_words;
use plantzette_content::short_stay::{Calendar, DayState, DaysChange};

use super::{state_label, Choice};
use crate::api;
use crate::components::form::{Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui};

/// What to make of the days chosen: free, reserved (with initials) or closed. A range that would
/// replace a booking says whose and asks once more; what was asked is what is sent, with those
/// days in `replacing`, so that the server refuses a booking made meanwhile at another desk.
#[component]
pub(super) fn RangeForm(
    choice: Choice,
    calendar: RwSignal<Option<Calendar>>,
    clear: impl Fn() + Copy + Send + Sync + 'static,
    refresh: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let state = RwSignal::new(DayState::Reserved);
    let note = RwSignal::new(String::new());
    let asking = RwSignal::new(None::<(DaysChange, String)>);
    let (bed, days) = calendar
        .with_untracked(|c| c.as_ref().and_then(|c| c.beds.iter().find(|b| b.id == choice.bed).map(|b| (b.name.clone(), b.days.clone()))))
        .unwrap_or_default();
    let send = move |change: DaysChange| {
        asking.set(None);
        form.act(async move { api::set_days(form.session, choice.bed, &change).await }, move |done| {
            if done {
                clear();
            }
            // Refused, the calendar shows what changed meanwhile.
            refresh();
        });
    };
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let note = if state.get_untracked() == DayState::Free { String::new() } else { note.get_untracked() };
        let change = DaysChange { from: choice.from, to: choice.to, state: state.get_untracked(), note, replacing: vec![] };
        let bookings = change.bookings_replaced(&days);
        if bookings.is_empty() {
            send(change);
            return;
        }
        let replacing = change.days_replaced(&days).into_iter().map(|day| day.date).collect();
        let whose = bookings.iter().map(|booking| booking.in_short()).collect::<Vec<_>>().join(", ");
        asking.set(Some((DaysChange { replacing, ..change }, whose)));
    };
    let period = format!("{bed}, {} \u{2013} {}", date_in_words(choice.from, lang), date_in_words(choice.to, lang));
    view! {
        <form class="editor-form range-form" on:submit=apply aria-labelledby="range-heading">
            <h4 id="range-heading">{ui.chosen_period}{ui.colon}" "{period}</h4>
            {choice.open.then(|| view! { <p>{ui.choose_last_day}</p> })}
            <fieldset class="choices">
                <legend>{ui.status_label}</legend>
                {DayState::ALL.into_iter().map(|option| view! {
                    <label class="check">
                        <input type="radio" name="day-state" value=option.as_str() prop:checked=move || state.get() == option
                            on:change=move |_| { state.set(option); asking.set(None); }/>
                        {state_label(ui, option)}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || state.get() == DayState::Reserved>
                <TextInput form id="day-note".into() label=ui.initials.into() field="note" value=note/>
            </Show>
            <p class="field-error">{move || form.error_at("from").or_else(|| form.error_at("to"))}</p>
            {move || match asking.get() {
                Some((change, whose)) => view! {
                    <div class="confirm" role="alert">
                        <p>{ui.replaces_booking}{ui.colon}" "{whose}" "{ui.replace_question}</p>
                        <button type="button" class="button" on:click=move |_| send(change.clone())>{ui.replace_booking}</button>
                        <button type="button" class="button secondary" on:click=move |_| asking.set(None)>{ui.cancel}</button>
                    </div>
                }.into_any(),
                None => view! {
                    <div class="form-actions">
                        <button type="submit" class="button">{ui.apply}</button>
                        <button type="button" class="button secondary" on:click=move |_| clear()>{ui.cancel}</button>
                    </div>
                }.into_any(),
            }}
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
        </form>
    }
}
