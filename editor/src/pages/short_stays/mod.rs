//! Short-stay beds: the calendar (one row per bed, two weeks on screen at a time, eight weeks in
//! all), where a range of days is set by tapping its first day and its last (a tablet needs no
//! drag), the extra beds opened when the hospitals are congested, the beds themselves, and the
//! requests for a stay with the time they have waited.

mod beds;
mod range_form;
mod requests;

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::format::{date_in_words, short_day};
use plantzette_content::short_stay::{Calendar, DayState, RequestEntry};

use crate::api;
use crate::components::loaded::{LoadProblem, Loaded};
use crate::i18n::{lang, ui, Ui};
use beds::{BedsSection, ExtraBedsSection};
use range_form::RangeForm;
use requests::RequestsSection;

/// Days on screen at once: two weeks fit a PC's and a tablet's width with targets to tap.
const DAYS_SHOWN: usize = 14;

/// The range being chosen: its bed, and its first and last day (the same until the second tap).
#[derive(Clone, Copy, PartialEq)]
struct Choice {
    bed: i64,
    from: NaiveDate,
    to: NaiveDate,
    /// The first day is tapped, the last not yet.
    open: bool,
}

#[component]
pub fn ShortStaysPage() -> impl IntoView {
    let ui = ui();
    let (loaded, requests) = (Loaded::<Calendar>::new(), Loaded::<Vec<RequestEntry>>::new());
    let refresh = move || {
        loaded.load(api::short_stays());
        requests.load(api::stay_requests());
    };
    refresh();
    let calendar = loaded.value;
    view! {
        <h2>{ui.short_stays}</h2>
        <LoadProblem failed=loaded.failed/>
        <CalendarSection calendar refresh/>
        <ExtraBedsSection calendar refresh/>
        <BedsSection calendar refresh/>
        <RequestsSection requests refresh/>
    }
}

fn state_label(ui: &Ui, state: DayState) -> &'static str {
    match state {
        DayState::Free => ui.day_free,
        DayState::Reserved => ui.day_reserved,
        DayState::Closed => ui.day_closed,
    }
}

#[component]
fn CalendarSection(calendar: RwSignal<Option<Calendar>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let first = RwSignal::new(0usize);
    let choice = RwSignal::new(None::<Choice>);
    let days = move || calendar.with(|c| c.as_ref().map(|c| c.range.days().collect::<Vec<_>>()).unwrap_or_default());
    let shown = move || days().into_iter().skip(first.get()).take(DAYS_SHOWN).collect::<Vec<_>>();
    let at_start = move || first.get() == 0;
    let at_end = move || first.get() + DAYS_SHOWN >= days().len();
    let tap = move |bed: i64, day: NaiveDate| {
        choice.update(|choice| {
            *choice = match *choice {
                Some(open) if open.open && open.bed == bed => Some(Choice { bed, from: open.from.min(day), to: open.from.max(day), open: false }),
                _ => Some(Choice { bed, from: day, to: day, open: true }),
            }
        })
    };
    let chosen = move |bed: i64, day: NaiveDate| choice.with(|c| c.is_some_and(|c| c.bed == bed && (c.from..=c.to).contains(&day)));
    view! {
        <section aria-labelledby="calendar-heading">
            <h3 id="calendar-heading">{ui.short_stay_beds_calendar}</h3>
            <p>{ui.calendar_help}</p>
            <div class="form-actions">
                <button type="button" class="button secondary" prop:disabled=at_start
                    on:click=move |_| first.update(|f| *f = f.saturating_sub(DAYS_SHOWN))>{ui.earlier_weeks}</button>
                <button type="button" class="button secondary" prop:disabled=at_end
                    on:click=move |_| first.update(|f| *f += DAYS_SHOWN)>{ui.later_weeks}</button>
            </div>
            <div class="bed-calendar-frame">
                <table class="bed-calendar">
                    <thead>
                        <tr>
                            <th scope="col">{ui.bed}</th>
                            {move || shown().into_iter().map(|day| view! { <th scope="col">{short_day(day, lang)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || calendar.get().map(|calendar| {
                            let shown = shown();
                            calendar.beds.into_iter().map(|bed| {
                                let (id, name) = (bed.id, bed.name.clone());
                                let cells = shown.iter().map(|day| {
                                    let found = bed.days.iter().find(|d| d.date == *day).cloned();
                                    let (state, note) = found.map(|d| (d.state, d.note)).unwrap_or_default();
                                    let day = *day;
                                    // The state in words for screen readers, the initials for all to see.
                                    let said = format!("{name}, {}{} {}", date_in_words(day, lang), ui.colon, state_label(ui, state));
                                    view! {
                                        <td>
                                            <button type="button" class=format!("day {}", state.as_str()) data-date=day.to_string() aria-pressed=move || chosen(id, day).to_string()
                                                on:click=move |_| tap(id, day)>
                                                <span class="visually-hidden">{said}" "</span>{note.clone()}
                                            </button>
                                        </td>
                                    }
                                }).collect_view();
                                view! { <tr><th scope="row">{bed.name}</th>{cells}</tr> }
                            }).collect_view()
                        })}
                    </tbody>
                </table>
            </div>
            <p class="legend">
                <span class="day free"></span>{ui.day_free}" "
                <span class="day reserved"></span>{ui.day_reserved}" "
                <span class="day closed"></span>{ui.day_closed}
            </p>
            {move || choice.get().map(|c| view! { <RangeForm choice=c calendar clear=move || choice.set(None) refresh/> })}
        </section>
    }
}
