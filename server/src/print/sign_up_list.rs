//! `GET /print/sign-up-list/{event}?lang=`: the sign-up list of one session or occurrence, for staff
//! (A4 portrait): the people confirmed with their phone, the number coming, their note, a box to
//! tick for attendance and a column to sign; then the waiting list in order. A course's roster
//! is the same grid with a column per session, to sign on each date. It holds personal data:
//! staff only, never kept by a cache, and each printing is audited as a reading.

use axum::extract::{Path, State};
use axum::http::header::CACHE_CONTROL;
use axum::response::IntoResponse;
use maud::html;
use plantzette_content::format::{long_date, time};
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{Entry, Status};

use super::words::words;
use super::{Paper, PrintParams, Sheet};
use crate::auth::Staff;
use crate::error::ApiError;
use crate::http::query::Params;
use crate::published;
use crate::sign_ups::{self, find_event};
use crate::AppState;

pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    Path(key): Path<String>,
    Params(params): Params<PrintParams>,
) -> Result<impl IntoResponse, ApiError> {
    let asked = params.read(&[Paper::A4])?;
    let event = find_event(&state, &key).await?;
    let list = sign_ups::list(&state.pool, &state.outbox, &event, residence_now(), state.kept_days.sign_ups, &staff.user).await?;
    let residence = published::residence(&state.pool).await?.content;
    let figures = list.figures;
    let taken = match figures.capacity {
        Some(capacity) => format!("{} / {capacity}", figures.taken),
        None => figures.taken.to_string(),
    };
    let sheet = Sheet {
        asked: &asked,
        page: "sign-up-list-a4".into(),
        residence: residence.name,
        title: format!("{} · {}", asked.label(|w| w.sign_up_list), asked.joined(|lang| list.title.get(lang).to_string())),
        period: asked.joined(|lang| match list.sessions.last() {
            Some(last) => format!("{} – {}", long_date(event.starts_at.date(), lang), long_date(last.starts_at.date(), lang)),
            None => format!("{}, {}", long_date(event.starts_at.date(), lang), time(event.starts_at)),
        }),
        link: None,
        dated: true,
    };
    let confirmed: Vec<&Entry> = list.entries.iter().filter(|e| e.status == Status::Confirmed).collect();
    let waiting: Vec<&Entry> = list.entries.iter().filter(|e| e.status == Status::Waiting).collect();
    let lang = asked.langs[0];
    let w = words(lang);
    let course = !list.sessions.is_empty();
    let row = |number: String, entry: &Entry, ticks: bool| {
        html! {
            tr {
                td.number { (number) }
                td { (entry.name.clone().unwrap_or_default()) }
                // The e-mail under the phone: someone without a phone is reached by it.
                td.phone {
                    (entry.phone.clone().unwrap_or_default())
                    @if let Some(email) = &entry.email { br; span.email { (email) } }
                }
                td.people { (entry.people) }
                @if course {
                    @if ticks { @for _ in &list.sessions { td.session {} } }
                } @else {
                    td.note { (entry.note.clone().unwrap_or_default()) }
                }
                @if ticks && !course {
                    td.ticks { "☐ " (w.present) br; "☐ " (w.absent) br; "☐ " (w.excused) }
                    td.signature {}
                }
            }
        }
    };
    let body = html! {
        (sheet.header())
        p.private { (asked.label(|w| w.sign_up_list_private)) }
        section {
            h2 { (asked.label(|w| w.confirmed)) " · " (taken) " " (asked.label(|w| w.places_taken)) }
            @if confirmed.is_empty() { p { (asked.label(|w| w.nobody_yet)) } } @else {
                table.sign-up-list {
                    thead { tr {
                        th scope="col" { "N°" } th scope="col" { (w.name) } th scope="col" { (w.contact) } th scope="col" { (w.people) }
                        @if course {
                            @for session in &list.sessions {
                                th.session scope="col" {
                                    @if session.called_off { s { (session.starts_at.format("%d.%m.")) } } @else { (session.starts_at.format("%d.%m.")) }
                                }
                            }
                        } @else {
                            th scope="col" { (w.note) } th scope="col" { (w.attendance) } th scope="col" { (w.signature) }
                        }
                    } }
                    tbody { @for (index, entry) in confirmed.iter().enumerate() { (row((index + 1).to_string(), entry, true)) } }
                }
            }
        }
        @if !waiting.is_empty() {
            section {
                h2 { (asked.label(|w| w.waiting_list)) }
                table.sign-up-list {
                    thead { tr {
                        th scope="col" { "N°" } th scope="col" { (w.name) } th scope="col" { (w.contact) } th scope="col" { (w.people) }
                        @if !course { th scope="col" { (w.note) } }
                    } }
                    tbody { @for entry in &waiting { (row(entry.position.map(|p| p.to_string()).unwrap_or_default(), entry, false)) } }
                }
            }
        }
    };
    Ok(([(CACHE_CONTROL, "private, no-store")], sheet.render(body)))
}
