//! Sign-ups: the sessions and activities that take them over the coming eight weeks; for the one
//! chosen, who is confirmed, waiting or cancelled, with attendance ticked in one tap on the day,
//! a move (give a place, back to waiting, cancel for someone who phoned), someone signed up at
//! the desk, the printed list and the export for Excel; and the year's figures without names.

use chrono::{Duration, NaiveDateTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::format::{long_date, time};
use plantzette_content::sign_up::{Attendance, Confirms, Entry, EventList, EventOff, EventRef, SignUp, Status};
use plantzette_content::schedule::residence_now;
use plantzette_content::{DateRange, Lang, Rules, Text};

use crate::api;
use crate::components::ask_once::AskOnce;
use crate::components::form::{Field, Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui, Ui};

/// How far ahead the page looks for events taking sign-ups.
const AHEAD_DAYS: i64 = 56;

/// An event that takes sign-ups, as the list of them shows it.
#[derive(Clone, PartialEq)]
struct Event {
    key: String,
    title: Text,
    starts_at: NaiveDateTime,
}

/// The sessions with places and the occurrences "sur inscription" with places, soonest first.
async fn events_ahead() -> Vec<Event> {
    let now = residence_now();
    let range = DateRange { from: now.date(), to: now.date() + Duration::days(AHEAD_DAYS) };
    let mut events = Vec::new();
    if let Ok(programmes) = api::programmes_ahead().await {
        for programme in programmes.items {
            for session in programme.content.sessions.iter().filter(|s| s.places.is_some() && s.ends_at > now && range.contains(s.starts_at.date())) {
                let key = EventRef::Session { programme_id: programme.id, starts_at: session.starts_at }.key();
                events.push(Event { key, title: programme.content.title.clone(), starts_at: session.starts_at });
            }
        }
    }
    if let Ok(occurrences) = api::occurrences(range).await {
        for occurrence in
            occurrences.items.into_iter().filter(|o| !o.cancelled && o.info.registration_required && o.info.places.is_some() && o.ends_at > now)
        {
            let key = EventRef::Occurrence { activity_id: occurrence.activity_id, date: occurrence.starts_at.date() }.key();
            events.push(Event { key, title: occurrence.info.title, starts_at: occurrence.starts_at });
        }
    }
    events.sort_by_key(|e| e.starts_at);
    events
}

fn when(starts_at: NaiveDateTime, lang: Lang) -> String {
    format!("{}, {}", long_date(starts_at.date(), lang), time(starts_at))
}

#[component]
pub fn SignUpsPage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let events = LocalResource::new(events_ahead);
    let chosen = RwSignal::new(None::<String>);
    view! {
        <h2>{ui.sign_ups}</h2>
        <section aria-labelledby="events-heading">
            <h3 id="events-heading">{ui.events_ahead}</h3>
            <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
                {move || Suspend::new(async move {
                    let events = events.await;
                    if events.is_empty() {
                        return view! { <p>{ui.no_events}</p> }.into_any();
                    }
                    view! {
                        <label for="sign-up-event">{ui.choose_event}</label>
                        <select id="sign-up-event" class="event-choice" on:change=move |ev| {
                            let key = event_target_value(&ev);
                            chosen.set((!key.is_empty()).then_some(key));
                        }>
                            <option value="">"\u{2014}"</option>
                            {events.into_iter().map(|event| view! {
                                <option value=event.key.clone()>{format!("{} \u{b7} {}", when(event.starts_at, lang), event.title.get(lang))}</option>
                            }).collect_view()}
                        </select>
                    }.into_any()
                })}
            </Suspense>
        </section>
        <EventsOffSection/>
        {move || chosen.get().map(|key| view! { <EventPanel key/> })}
        <FiguresSection/>
    }
}

/// The events still to come that are off, and the people signed up whom no e-mail told: the
/// coordinator calls them. Shown only when there is someone to call.
#[component]
fn EventsOffSection() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let off = LocalResource::new(api::events_off);
    let when = move |key: &str| match EventRef::parse(key) {
        Some(EventRef::Session { starts_at, .. }) => when(starts_at, lang),
        Some(EventRef::Occurrence { date, .. }) => long_date(date, lang),
        None => key.to_string(),
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let off: Vec<EventOff> = off.await.unwrap_or_default();
                (!off.is_empty()).then(|| view! {
                    <section class="events-off" aria-labelledby="events-off-heading">
                        <h3 id="events-off-heading">{ui.events_off}</h3>
                        <p>{ui.events_off_hint}</p>
                        {off.into_iter().map(|event| view! {
                            <h4>{event.title.map(|title| title.get(lang).to_string()).unwrap_or_else(|| ui.event_deleted.to_string())}" \u{b7} "{when(&event.event)}</h4>
                            <ul class="items sign-ups">
                                {event.to_call.into_iter().map(|entry| {
                                    let phone = entry.phone.clone().unwrap_or_default();
                                    view! {
                                        <li class="sign-up">
                                            <p>
                                                <strong>{entry.name.clone().unwrap_or_default()}</strong>{format!(" \u{b7} {} pers. \u{b7} {} \u{b7} ", entry.people, entry.lang.code().to_uppercase())}
                                                {(!phone.is_empty()).then(|| view! { <a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a> })}
                                                {entry.email.clone().map(|email| format!(" \u{b7} {email}"))}
                                            </p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }).collect_view()}
                    </section>
                })
            })}
        </Suspense>
    }
}

/// One event's list, with its moves, its attendance and the form for someone at the desk.
#[component]
fn EventPanel(key: String) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let list = RwSignal::new(None::<EventList>);
    let reload = {
        let key = key.clone();
        move || {
            let key = key.clone();
            spawn_local(async move {
                match api::sign_up_list(&key).await {
                    Ok(now) => list.set(Some(now)),
                    Err(error) => {
                        form.report::<()>(Err(error));
                    }
                }
            })
        }
    };
    reload();
    let act = {
        let reload = reload.clone();
        move |done: Result<(), api::EditorError>| {
            if form.report(done).is_some() {
                reload();
            }
        }
    };
    let sign_up_list = format!("/print/sign-up-list/{key}?lang={}", lang.code());
    let csv = format!("/api/v1/staff/sign-ups/{key}?format=csv&lang={}", lang.code());
    view! {
        <section class="event-panel" aria-labelledby="event-heading">
            {move || list.get().map(|list| {
                let figures = list.figures;
                let places = match figures.capacity {
                    Some(capacity) => format!("{} / {capacity} {}", figures.taken, ui.places_taken),
                    None => format!("{} {} ({})", figures.taken, ui.places_taken, ui.unlimited),
                };
                let waiting = (figures.waiting > 0).then(|| format!(" \u{b7} {} {}", figures.waiting, ui.on_waiting_list));
                let group = |status: Status| list.entries.iter().filter(|e| e.status == status).cloned().collect::<Vec<_>>();
                let act = act.clone();
                view! {
                    <h3 id="event-heading">{format!("{} \u{b7} {}", list.title.get(lang), when(list.starts_at, lang))}</h3>
                    <p class="event-figures">{places}{waiting}</p>
                    <EntryGroup heading=ui.confirmed_people entries=group(Status::Confirmed) form act=act.clone()/>
                    <EntryGroup heading=ui.waiting_people entries=group(Status::Waiting) form act=act.clone()/>
                    {let cancelled = group(Status::Cancelled); (!cancelled.is_empty()).then(|| view! { <EntryGroup heading=ui.cancelled_people entries=cancelled form act/> })}
                }
            })}
            <p class="form-actions">
                <a class="button secondary" href=sign_up_list target="_blank">{ui.print_sign_up_list}</a>
                <a class="button secondary" href=csv download="">{ui.export_csv}</a>
            </p>
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            <SignUpForm key reload/>
        </section>
    }
}

fn attendance_label(ui: &Ui, attendance: Attendance) -> &'static str {
    match attendance {
        Attendance::Present => ui.present,
        Attendance::Absent => ui.absent,
        Attendance::Excused => ui.excused,
    }
}

/// The people of one status, each with what may be done for them.
#[component]
fn EntryGroup(
    heading: &'static str,
    entries: Vec<Entry>,
    form: Form,
    act: impl Fn(Result<(), api::EditorError>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let ui = ui();
    view! {
        <h4>{heading}" ("{entries.iter().map(|e| e.people).sum::<u32>()}")"</h4>
        {entries.is_empty().then(|| view! { <p>{ui.nobody_signed_up}</p> })}
        <ul class="items sign-ups">
            {entries.into_iter().map(|entry| {
                let id = entry.id;
                let name = entry.name.clone().unwrap_or_else(|| ui.personal_data_erased.to_string());
                let contact = [entry.phone.clone(), entry.email.clone()].into_iter().flatten().collect::<Vec<_>>().join(" \u{b7} ");
                let rank = entry.position.map(|p| format!("{} {p} \u{b7} ", ui.position));
                // Cancelling gives the place away and cannot be undone: asked once more below.
                let moves: Vec<(Status, &'static str)> = match entry.status {
                    Status::Confirmed => vec![(Status::Waiting, ui.back_to_waiting)],
                    Status::Waiting => vec![(Status::Confirmed, ui.confirm_place)],
                    Status::Cancelled => vec![],
                };
                let act_cancel = act.clone();
                let cancel = Callback::new(move |()| {
                    let act = act_cancel.clone();
                    spawn_local(async move { act(api::move_sign_up(form.session, id, Status::Cancelled).await) })
                });
                let cancellable = entry.status != Status::Cancelled;
                let question = format!("{} {name}{}", ui.confirm_cancel_sign_up, ui.confirm_cancel_sign_up_end);
                let act_attendance = act.clone();
                let act_move = act.clone();
                view! {
                    <li class="sign-up">
                        <p><strong>{rank}{name.clone()}</strong>{format!(" \u{b7} {} pers.", entry.people)}{(!contact.is_empty()).then(|| format!(" \u{b7} {contact}"))}</p>
                        {entry.to_phone.then(|| view! { <p class="to-phone">{ui.to_phone}</p> })}
                        {entry.note.clone().map(|note| view! { <p class="note">{note}</p> })}
                        {entry.by_staff.clone().map(|by| view! { <p>{ui.signed_up_by}{ui.colon}" "{by}</p> })}
                        {(entry.status == Status::Confirmed).then(|| view! {
                            <div class="attendance" role="group" aria-label=format!("{} \u{b7} {name}", ui.attendance_rate)>
                                {[Attendance::Present, Attendance::Absent, Attendance::Excused].into_iter().map(|choice| {
                                    let act = act_attendance.clone();
                                    view! {
                                        <button type="button" class="button secondary" aria-pressed=(entry.attendance == Some(choice)).to_string()
                                            on:click=move |_| { let act = act.clone(); spawn_local(async move { act(api::set_attendance(form.session, id, choice).await) }) }>
                                            {attendance_label(ui, choice)}
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                        })}
                        <div class="form-actions">
                            {moves.into_iter().map(|(status, label)| {
                                let act = act_move.clone();
                                view! {
                                    <button type="button" class="button secondary"
                                        on:click=move |_| { let act = act.clone(); spawn_local(async move { act(api::move_sign_up(form.session, id, status).await) }) }>
                                        {label}
                                    </button>
                                }
                            }).collect_view()}
                            {cancellable.then(|| view! { <AskOnce label=ui.cancel_sign_up question yes=ui.cancel_sign_up_for_good on_yes=cancel/> })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Someone who phoned or came to the desk: the same form as on the phone, without a daily bound.
#[component]
fn SignUpForm(key: String, reload: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let people = RwSignal::new(1u32);
    let note = RwSignal::new(String::new());
    let already = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let sign_up = SignUp {
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            email: email.get_untracked(),
            people: people.get_untracked(),
            note: note.get_untracked(),
            lang,
            website: String::new(),
        };
        if let Err(invalid) = sign_up.check(Confirms::ByMailOrPhone) {
            form.unreadable(invalid.errors);
            return;
        }
        let (key, reload) = (key.clone(), reload.clone());
        spawn_local(async move {
            if let Some(answer) = form.report(api::sign_up_for(form.session, &key, &sign_up).await) {
                already.set(answer.already);
                for field in [name, phone, email, note] {
                    field.set(String::new());
                }
                reload();
            }
        });
    };
    view! {
        <form class="editor-form" on:submit=submit aria-labelledby="sign-up-heading">
            <h4 id="sign-up-heading">{ui.sign_up_someone}</h4>
            <TextInput form id="sign-up-name".into() label=ui.person_name.into() field="name" value=name/>
            <TextInput form id="sign-up-phone".into() label=ui.phone.into() field="phone" value=phone kind="tel"/>
            <TextInput form id="sign-up-email".into() label=ui.email.into() field="email" value=email kind="email"/>
            <Field form id="sign-up-people".into() label=ui.people_count.into() field="people">
                <select id="sign-up-people" on:change=move |ev| people.set(event_target_value(&ev).parse().unwrap_or(1))>
                    <option value="1" selected=move || people.get() == 1>"1"</option>
                    <option value="2" selected=move || people.get() == 2>"2"</option>
                </select>
            </Field>
            <TextInput form id="sign-up-note".into() label=ui.note_no_health.into() field="note" value=note/>
            <div class="form-actions"><button type="submit" class="button">{ui.sign_up}</button></div>
            <Show when=move || already.get()><p class="status" role="status">{ui.already_signed_up}</p></Show>
        </form>
    }
}

/// The year's figures per programme, for the CMS's report to the canton: no names.
#[component]
fn FiguresSection() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let figures = LocalResource::new(api::sign_up_figures);
    view! {
        <section aria-labelledby="figures-heading">
            <h3 id="figures-heading">{ui.year_figures}</h3>
            <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(figures) => view! {
                            <table class="journal figures">
                                <thead><tr>
                                    <th scope="col">{ui.programme}</th><th scope="col">{ui.sessions_held}</th><th scope="col">{ui.sign_ups_count}</th>
                                    <th scope="col">{ui.places_taken_heading}</th><th scope="col">{ui.attendance_rate}</th><th scope="col">{ui.most_waiting}</th>
                                </tr></thead>
                                <tbody>
                                    {figures.items.into_iter().map(|f| {
                                        let rate = (f.present * 100).checked_div(f.ticked).map_or_else(|| "\u{2013}".to_string(), |rate| format!("{rate} %"));
                                        view! { <tr>
                                            <td>{f.title.get(lang).to_string()}</td><td>{f.sessions_held}</td><td>{f.sign_ups}</td>
                                            <td>{f.places_taken}</td><td>{rate}</td><td>{f.most_waiting}</td>
                                        </tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(_) => view! { <p class="status problem" role="alert">{ui.network}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
