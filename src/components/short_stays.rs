//! The short-stay beds free in the coming eight weeks, as the public sees them: counts by day,
//! never a person. The headline ("2 lits libres dès le 14 décembre"), the periods of extra beds,
//! and a table with a row per week and a column per weekday, each day's free beds: one table that
//! the eye reads as a strip and a screen reader as rows and headers.

use chrono::Weekday;
use leptos::prelude::*;
use plantzette_content::format::{day_and_month, weekday_short};
use plantzette_content::short_stay::{Availability, Feed, FreeOnDay};
use plantzette_content::Lang;

use crate::i18n::{lang, ui};

#[component]
pub fn BedStrip(feed: Feed) -> impl IntoView {
    let (ui, lang) = (ui(), lang());
    let availability: Availability = feed.availability;
    let headline = availability.headline(feed.as_of, lang);
    view! {
        <section class="beds" aria-labelledby="beds-headline">
            <p class="beds-headline" id="beds-headline"><strong>{headline}</strong></p>
            {availability.extra.iter().map(|extra| view! { <p class="beds-extra">{extra.statement(lang)}</p> }).collect_view()}
            <table class="bed-strip">
                <caption>{ui.free_beds_by_day}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {(0u8..7)
                            .map(|n| view! { <th scope="col">{weekday_short(Weekday::try_from(n).expect("0 to 6 are weekdays"), lang)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {availability.weeks().into_iter().map(|week| view! { <Week week lang/> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// One week's row: headed by its first day in the range ("7.12."), read out in words.
#[component]
fn Week(week: [Option<FreeOnDay>; 7], lang: Lang) -> impl IntoView {
    let ui = ui();
    let first = week.iter().flatten().next().map(|day| day.date);
    let heading = first.map(|date| date.format("%-d.%-m.").to_string()).unwrap_or_default();
    let spoken = first.map(|date| format!("{} {}", ui.week_from, day_and_month(date, lang))).unwrap_or_default();
    view! {
        <tr>
            <th scope="row" aria-label=spoken>{heading}</th>
            {week
                .into_iter()
                .map(|day| match day {
                    Some(FreeOnDay { free, .. }) => {
                        let class = if free > 0 { "free" } else { "taken" };
                        view! { <td class=class>{free}</td> }.into_any()
                    }
                    None => view! { <td class="outside"></td> }.into_any(),
                })
                .collect_view()}
        </tr>
    }
}
