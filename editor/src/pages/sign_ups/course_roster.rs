//! A course's roster: a row per person with a place, a column per session, and in each cell the
//! person's attendance at that session, ticked in one tap on a tablet in the room (a tap moves
//! it on: present, absent, excused), from the session's day.

use leptos::prelude::*;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{Attendance, Entry, RosterSession};

use super::event_panel::attendance_label;
use crate::api;
use crate::components::form::Form;
use crate::i18n::{lang, ui};

/// What a tap makes of an attendance: not ticked or excused → present → absent → excused.
fn next(attendance: Option<Attendance>) -> Attendance {
    match attendance {
        None | Some(Attendance::Excused) => Attendance::Present,
        Some(Attendance::Present) => Attendance::Absent,
        Some(Attendance::Absent) => Attendance::Excused,
    }
}

#[component]
pub(super) fn CourseRoster(
    sessions: Vec<RosterSession>,
    entries: Vec<Entry>,
    form: Form,
    reload: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let day = |session: &RosterSession| session.starts_at.format("%d.%m.").to_string();
    let today = residence_now().date();
    view! {
        <h4 id="course-roster">{ui.course_roster}</h4>
        <div class="roster-scroll">
            <table class="journal course-roster" aria-labelledby="course-roster">
                <thead><tr>
                    <th scope="col">{ui.person_name}</th>
                    {sessions.iter().map(|session| {
                        let label = format!("{} {}", ui.session_heading, plantzette_content::format::long_date(session.starts_at.date(), lang));
                        view! { <th scope="col" class:called-off=session.called_off title=label>{day(session)}</th> }
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {entries.into_iter().map(|entry| {
                        let name = entry.name.clone().unwrap_or_else(|| ui.personal_data_erased.to_string());
                        let cells = sessions.iter().enumerate().map(|(column, session)| {
                            let attended = entry.attended.get(column).copied().flatten();
                            let (id, at, reload) = (entry.id, session.starts_at, reload.clone());
                            let shown = attended.map_or("\u{2013}", |a| attendance_label(ui, a));
                            // The name and the day, then what the button shows (a name that holds its text).
                            let label = format!("{name} \u{b7} {} \u{b7} {shown}", day(session));
                            let tap = move |_| {
                                let reload = reload.clone();
                                form.act(api::set_attendance(form.session, id, next(attended), Some(at)), move |done| if done { reload() })
                            };
                            view! {
                                <td>{if session.called_off {
                                    view! { <span class="called-off">"\u{2013}"</span> }.into_any()
                                } else if session.starts_at.date() > today {
                                    view! { <span>{shown}</span> }.into_any()
                                } else {
                                    view! { <button type="button" class="button secondary tick" aria-label=label on:click=tap>{shown}</button> }.into_any()
                                }}</td>
                            }
                        }).collect_view();
                        view! { <tr><th scope="row">{name.clone()}{format!(" ({})", entry.people)}</th>{cells}</tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
