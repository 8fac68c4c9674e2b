//! One event's list: who is confirmed, waiting or cancelled, attendance ticked in one tap (a
//! course's: on its roster, a column per session), the moves staff make for someone who phoned,
//! and the form for someone at the desk.

use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{Attendance, Confirms, Entry, EventList, SignUp, Status};
use plantzette_content::Rules;

use super::course_roster::CourseRoster;
use super::when;
use crate::api;
use crate::components::ask_once::AskOnce;
use crate::components::form::{Field, Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::{lang, ui, Ui};

/// One event's list, with its moves, its attendance and the form for someone at the desk.
#[component]
pub(super) fn EventPanel(key: String) -> impl IntoView {
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
    let reload_entries = reload.clone();
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
                let reload = reload_entries.clone();
                let course = !list.sessions.is_empty();
                // Attendance is ticked on the day, not a week ahead by mistake.
                let ticks = !course && list.starts_at.date() <= residence_now().date();
                let roster = course.then(|| view! { <CourseRoster sessions=list.sessions.clone() entries=group(Status::Confirmed) form reload=reload.clone()/> });
                view! {
                    <h3 id="event-heading">{format!("{} \u{b7} {}", list.title.get(lang), when(list.starts_at, lang))}</h3>
                    <p class="event-figures">{places}{waiting}</p>
                    {roster}
                    <EntryGroup heading=ui.confirmed_people entries=group(Status::Confirmed) form reload=reload.clone() ticks/>
                    <EntryGroup heading=ui.waiting_people entries=group(Status::Waiting) form reload=reload.clone()/>
                    {let cancelled = group(Status::Cancelled); (!cancelled.is_empty()).then(|| view! { <EntryGroup heading=ui.cancelled_people entries=cancelled form reload/> })}
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

pub(super) fn attendance_label(ui: &Ui, attendance: Attendance) -> &'static str {
    match attendance {
        Attendance::Present => ui.present,
        Attendance::Absent => ui.absent,
        Attendance::Excused => ui.excused,
    }
}

/// The people of one status, each with what may be done for them; `ticks`: with their attendance
/// (from the event's day; a course's is ticked on its roster).
#[component]
fn EntryGroup(
    heading: &'static str,
    entries: Vec<Entry>,
    form: Form,
    reload: impl Fn() + Clone + Send + Sync + 'static,
    #[prop(default = true)] ticks: bool,
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
                let reload_cancel = reload.clone();
                let cancel = Callback::new(move |()| {
                    let reload = reload_cancel.clone();
                    form.act(api::move_sign_up(form.session, id, Status::Cancelled), move |done| if done { reload() })
                });
                let cancellable = entry.status != Status::Cancelled;
                let question = format!("{} {name}{}", ui.confirm_cancel_sign_up, ui.confirm_cancel_sign_up_end);
                let (reload_attendance, reload_move) = (reload.clone(), reload.clone());
                view! {
                    <li class="sign-up">
                        <p><strong>{rank}{name.clone()}</strong>{format!(" \u{b7} {} pers.", entry.people)}{(!contact.is_empty()).then(|| format!(" \u{b7} {contact}"))}</p>
                        {entry.to_phone.then(|| view! { <p class="to-phone">{ui.to_phone}</p> })}
                        {entry.note.clone().map(|note| view! { <p class="note">{note}</p> })}
                        {entry.by_staff.clone().map(|by| view! { <p>{ui.signed_up_by}{ui.colon}" "{by}</p> })}
                        {(ticks && entry.status == Status::Confirmed).then(|| view! {
                            <div class="attendance" role="group" aria-label=format!("{} \u{b7} {name}", ui.attendance_rate)>
                                {[Attendance::Present, Attendance::Absent, Attendance::Excused].into_iter().map(|choice| {
                                    let reload = reload_attendance.clone();
                                    view! {
                                        <button type="button" class="button secondary" aria-pressed=(entry.attendance == Some(choice)).to_string()
                                            on:click=move |_| { let reload = reload.clone(); form.act(api::set_attendance(form.session, id, choice, None), move |done| if done { reload() }) }>
                                            {attendance_label(ui, choice)}
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                        })}
                        <div class="form-actions">
                            {moves.into_iter().map(|(status, label)| {
                                let reload = reload_move.clone();
                                view! {
                                    <button type="button" class="button secondary"
                                        on:click=move |_| { let reload = reload.clone(); form.act(api::move_sign_up(form.session, id, status), move |done| if done { reload() }) }>
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
