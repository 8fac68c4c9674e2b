//! Short-stay beds: the calendar (one row per bed, two weeks on screen at a time, eight weeks in
//! all), where a range of days is set by tapping its first day and its last (a tablet needs no
//! drag), the extra beds opened when the hospitals are congested, the beds themselves, and the
//! requests for a stay with the time they have waited.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::format::{date_in_words, short_day};
use plantzette_content::short_stay::{Bed, BedKind, Calendar, DayState, DaysChange, ExtraBeds, RequestEntry, RequestStatus};
use plantzette_content::{ErrorCode, FieldError, Lang};

use crate::api;
use crate::components::form::{Field, Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui, Ui};

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
    let calendar = RwSignal::new(None::<Calendar>);
    let requests = RwSignal::new(None::<Vec<RequestEntry>>);
    let refresh = move || {
        spawn_local(async move {
            if let Ok(now) = api::short_stays().await {
                calendar.try_set(Some(now));
            }
            if let Ok(now) = api::stay_requests().await {
                requests.try_set(Some(now));
            }
        })
    };
    refresh();
    view! {
        <h2>{ui.short_stays}</h2>
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

/// What to make of the days chosen: free, reserved (with initials) or closed. A range that would
/// replace a booking says whose and asks once more; what was asked is what is sent, with those
/// days in `replacing`, so that the server refuses a booking made meanwhile at another desk.
#[component]
fn RangeForm(
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
        spawn_local(async move {
            let done = form.report(api::set_days(form.session, choice.bed, &change).await).is_some();
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

/// Reads a date input: empty or unreadable is a field error, as a validation would give it.
fn read_date(field: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let date = text.parse().ok();
    if date.is_none() {
        errors.push(FieldError { field: field.into(), code: ErrorCode::Required });
    }
    date
}

#[component]
fn ExtraBedsSection(calendar: RwSignal<Option<Calendar>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
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
        spawn_local(async move {
            if form.report(api::open_extra_beds(form.session, &extra).await).is_some() {
                refresh();
            }
        });
    };
    let close = move |id: i64| {
        spawn_local(async move {
            form.report(api::close_extra_beds(form.session, id).await);
            refresh();
        })
    };
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
fn BedsSection(calendar: RwSignal<Option<Calendar>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
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
        spawn_local(async move {
            if form.report(api::add_bed(form.session, &bed).await).is_some() {
                name.set(String::new());
                refresh();
            }
        });
    };
    let remove = move |id: i64| {
        spawn_local(async move {
            form.report(api::remove_bed(form.session, id).await);
            refresh();
        })
    };
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

fn status_label(ui: &Ui, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::New => ui.request_new,
        RequestStatus::Answered => ui.request_answered,
        RequestStatus::Accepted => ui.request_accepted,
        RequestStatus::Declined => ui.request_declined,
    }
}

/// "3 h 20", "2 j 4 h": how long a request waited, to the quarter hour that matters.
fn waited(minutes: i64, lang: Lang) -> String {
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let day = if lang == Lang::De { "T" } else { "j" };
    match (days, hours) {
        (0, 0) => format!("{minutes} min"),
        (0, _) => format!("{hours} h {minutes:02}"),
        _ => format!("{days} {day} {hours} h"),
    }
}

#[component]
fn RequestsSection(requests: RwSignal<Option<Vec<RequestEntry>>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let set = move |id: i64, status: RequestStatus| {
        spawn_local(async move {
            form.report(api::set_request_status(form.session, id, status).await);
            refresh();
        })
    };
    view! {
        <section aria-labelledby="requests-heading">
            <h3 id="requests-heading">{ui.stay_requests}</h3>
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            {move || match requests.get() {
                None => view! { <p>{ui.loading}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p>{ui.no_requests}</p> }.into_any(),
                Some(list) => view! {
                    <ul class="items requests">
                        {list.into_iter().map(|request| {
                            let id = request.id;
                            let who = match (&request.name, &request.organisation) {
                                (Some(name), Some(organisation)) => format!("{name}, {organisation}"),
                                (Some(name), None) => name.clone(),
                                _ => ui.personal_data_erased.to_string(),
                            };
                            let contact = [request.phone.clone(), request.email.clone()].into_iter().flatten().collect::<Vec<_>>().join(" \u{b7} ");
                            let received = request.received_at.format("%d.%m.%Y %H:%M").to_string();
                            view! {
                                <li class=format!("request {}", request.status.as_str())>
                                    <p><strong>{format!("n\u{b0} {id} \u{b7} {}", status_label(ui, request.status))}</strong>{format!(" \u{b7} {}", request.asker.label(lang))}</p>
                                    <p>{who}{(!contact.is_empty()).then(|| format!(" \u{b7} {contact}"))}</p>
                                    <p>{ui.wished_dates}{ui.colon}" "{format!("{} \u{2013} {} ({}) \u{b7} {}", date_in_words(request.from, lang), date_in_words(request.to, lang), request.flexibility.label(lang).to_lowercase(), request.reason.label(lang))}</p>
                                    <p>{ui.received}{ui.colon}" "{received}" \u{b7} "{ui.waited}{ui.colon}" "{waited(request.waited_minutes, lang)}</p>
                                    <div class="form-actions">
                                        {[RequestStatus::Answered, RequestStatus::Accepted, RequestStatus::Declined].into_iter()
                                            .filter(|next| *next != request.status && !request.status.is_closed())
                                            .map(|next| view! { <button type="button" class="button secondary" on:click=move |_| set(id, next)>{status_label(ui, next)}</button> })
                                            .collect_view()}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
