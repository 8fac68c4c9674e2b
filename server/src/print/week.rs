//! `GET /print/week?from=&lang=&size=a4|a3`: the week's programme for the notice boards (A4
//! landscape) and the entrance poster (A3): the seven days side by side, the morning, afternoon
//! and evening as rows, so that a fuller week goes on over a second page a part of the day at a
//! time, the header repeated and no activity cut in two; then the week's prevention sessions.
//! A week light enough to leave room carries a photo under each day that has one: those for the
//! home's screens too when staff print it (the notice boards are in the home), only those for
//! the web when anyone else does.

use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use chrono::{NaiveDate, Timelike};
use maud::{html, Markup};
use plantzette_content::format::{long_date, short_day, time_span, week_span};
use plantzette_content::photo::{Format, Owner, Photo};
use plantzette_content::pictogram::Pictured;
use plantzette_content::{Occurrence, Programme, Session, Text};

use super::pictogram::pictogram;
use super::words::Words;
use super::{Asked, Paper, PrintParams, Sheet};
use crate::error::ApiError;
use crate::http::query::Params;
use crate::photos::{self, Viewer};
use crate::published;
use crate::{store, AppState};

/// A row of the week: the activities that begin in its hours.
struct PartOfDay {
    label: fn(&Words) -> &'static str,
    hours: std::ops::Range<u32>,
}

const PARTS_OF_DAY: [PartOfDay; 3] = [
    PartOfDay { label: |w| w.morning, hours: 0..12 },
    PartOfDay { label: |w| w.afternoon, hours: 12..18 },
    PartOfDay { label: |w| w.evening, hours: 18..24 },
];

/// The lines of text a week's rows and sessions may take for a row of photos to fit below them
/// on the page: an A4 or A3 page holds about 34 lines of its text (12 pt on A4, 18 pt on A3: the
/// same share of the paper), its header takes 8 and a row of photos 6 (measured on printed PDFs).
const LINES_LEFT_FOR_PHOTOS: usize = 20;
/// The characters of a line in a day's column: of plain text, and of the bolder titles.
const CHARS_PER_LINE: usize = 17;
const TITLE_CHARS_PER_LINE: usize = 15;

/// The lines an activity takes in its day's column: its time, title, kind, place and note, each
/// text in each language asked for (once when the same), and the space below it.
fn activity_lines(asked: &Asked, occurrence: &Occurrence) -> usize {
    let lines = |text: &Text, per_line: usize| {
        let mut said: Vec<&str> = asked.langs.iter().map(|lang| text.localized(*lang).text).collect();
        said.dedup();
        said.iter().map(|text| text.chars().count().div_ceil(per_line).max(1)).sum::<usize>()
    };
    let info = &occurrence.info;
    let note = usize::from(occurrence.cancelled || info.registration_required);
    1 + lines(&info.title, TITLE_CHARS_PER_LINE) + 1 + lines(&info.place, CHARS_PER_LINE) + note + 1
}

/// Whether the week leaves room for a row of photos: its rows (each as high as its fullest day)
/// and its sessions' list, in lines.
fn room_for_photos(asked: &Asked, occurrences: &[Occurrence], days: &[NaiveDate], sessions: usize) -> bool {
    let rows: usize = PARTS_OF_DAY
        .iter()
        .map(|part| {
            let in_cell = |day: &NaiveDate| {
                let of_cell = occurrences.iter().filter(|o| o.starts_at.date() == *day && part.hours.contains(&o.starts_at.hour()));
                of_cell.map(|o| activity_lines(asked, o)).sum::<usize>()
            };
            days.iter().map(in_cell).max().unwrap_or(0)
        })
        .sum();
    let session_lines = if sessions == 0 { 0 } else { 2 + sessions * asked.langs.len() };
    rows + session_lines <= LINES_LEFT_FOR_PHOTOS
}

/// A day's photo: of one of its activities' day first, else of one of its activities as a whole.
fn photo_of_day<'a>(photos: &'a [Photo], occurrences: &[Occurrence], day: NaiveDate) -> Option<&'a Photo> {
    let owners: Vec<Owner> =
        occurrences.iter().filter(|o| o.starts_at.date() == day).map(|o| Owner::Activity { id: o.activity_id, day: Some(day) }).collect();
    let of = |photo: &&Photo, exactly: bool| {
        photo.owner().is_some_and(|of| owners.iter().any(|owner| if exactly { of == *owner } else { of.belongs_to(owner) }))
    };
    photos.iter().find(|photo| of(photo, true)).or_else(|| photos.iter().find(|photo| of(photo, false)))
}

pub async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Params(params): Params<PrintParams>,
) -> Result<impl IntoResponse, ApiError> {
    let asked = params.read(&[Paper::A4, Paper::A3])?;
    let range = asked.week.range();
    let occurrences = published::occurrences(&state.pool, range).await?;
    let programmes = store::list::<Programme>(&state.pool, Some(range)).await?;
    let sessions: Vec<(&Programme, &Session)> = programmes
        .iter()
        .flat_map(|item| item.content.sessions.iter().filter(|s| range.contains(s.starts_at.date())).map(move |s| (&item.content, s)))
        .collect();
    let residence = published::residence(&state.pool).await?.content;
    let monday = asked.week.monday();
    let sheet = Sheet {
        asked: &asked,
        page: format!("week-{}", asked.paper.name()),
        residence: residence.name.clone(),
        title: asked.label(|w| w.week_programme),
        period: asked.joined(|lang| week_span(monday, asked.week.sunday(), lang)),
        link: Some(format!("{}/activities?week={monday}", state.auth.public_origin(&headers))),
        dated: true,
    };
    let days: Vec<_> = range.days().collect();
    let photos = match room_for_photos(&asked, &occurrences, &days, sessions.len()) {
        true => photos::list(&state.pool, None, viewer).await?,
        false => Vec::new(),
    };
    let photo_of = |day: NaiveDate| photo_of_day(&photos, &occurrences, day);
    let body = html! {
        table.week {
            thead {
                tr { th colspan="8" { (sheet.header()) } }
                tr {
                    th.part {}
                    @for day in &days { th.day scope="col" { (asked.joined(|lang| short_day(*day, lang))) } }
                }
            }
            tbody {
                @for part in PARTS_OF_DAY {
                    @let in_part = |o: &&Occurrence| part.hours.contains(&o.starts_at.hour());
                    @if occurrences.iter().any(|o| in_part(&o)) {
                        tr.part-of-day {
                            th.part scope="row" { (asked.label(part.label)) }
                            @for day in &days {
                                td {
                                    @for occurrence in occurrences.iter().filter(|o| o.starts_at.date() == *day).filter(in_part) {
                                        (activity(&asked, occurrence))
                                    }
                                }
                            }
                        }
                    }
                }
                @if occurrences.is_empty() {
                    tr { td colspan="8" { (asked.label(|w| w.nothing_planned)) } }
                }
                @if days.iter().any(|day| photo_of(*day).is_some()) {
                    tr.photos {
                        th.part {}
                        @for day in &days {
                            td {
                                @if let Some(photo) = photo_of(*day) {
                                    img src=(photo.file(photo.widths.first().copied().unwrap_or(photo.width), Format::Jpeg))
                                        alt=(asked.joined(|lang| photo.info.description.localized(lang).text.to_string()));
                                }
                            }
                        }
                    }
                }
                // Within the table: on a page of its own, it still has the header above it.
                @if !sessions.is_empty() {
                    tr.prevention {
                        td colspan="8" {
                            h2 { (asked.label(|w| w.prevention_sessions)) }
                            ul {
                                @for (programme, session) in &sessions {
                                    li {
                                        strong { (asked.text(&programme.title)) }
                                        " — " (asked.joined(|lang| long_date(session.starts_at.date(), lang))) ", "
                                        (time_span(session.starts_at, session.ends_at)) ", " (asked.text(&session.place))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    // It may carry a photo for the home's screens: for this reader only, asked again each time.
    Ok(([(CACHE_CONTROL, "private, no-cache")], sheet.render(body)))
}

/// One activity: its time, its title, its kind in a word and a pictogram, its place, and
/// whether one registers; a cancelled one struck through and said so.
fn activity(asked: &Asked, occurrence: &Occurrence) -> Markup {
    let info = &occurrence.info;
    let category = info.category;
    html! {
        div.activity.cancelled[occurrence.cancelled] {
            p.when { (time_span(occurrence.starts_at, occurrence.ends_at)) }
            p.title { (asked.text(&info.title)) }
            p.kind { (pictogram(category.pictogram())) " " (asked.joined(|lang| category.label(lang).to_string())) }
            p.place { (asked.text(&info.place)) }
            @if occurrence.cancelled { p.note { (asked.label(|w| w.cancelled)) } }
            @else if info.registration_required { p.note { (asked.label(|w| w.registration_required)) } }
        }
    }
}
