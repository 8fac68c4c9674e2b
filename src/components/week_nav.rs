//! The heading of a week's page ("Activités", "16 – 22 novembre 2026") and its links to the weeks
//! before and after, and back to this one. Each page says where they lead (`?week=`, with its
//! other parameters kept), so that a week can be linked to.

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::format::week_span;
use plantzette_content::Week;

use crate::i18n::{lang, ui};

/// Where a week's page links to, each the same page for another week.
pub struct WeekLinks {
    pub previous: String,
    /// Back to the current week, from another one.
    pub current: Option<String>,
    pub next: String,
}

impl WeekLinks {
    /// The links of `week`'s page in the week of `today`; `address` is the page for a week, or
    /// for the current one (`None`: the address without a week, which follows the calendar).
    pub fn around(week: Week, today: NaiveDate, address: impl Fn(Option<Week>) -> String) -> Self {
        Self {
            previous: address(Some(week.previous())),
            current: (week != Week::containing(today)).then(|| address(None)),
            next: address(Some(week.next())),
        }
    }
}

/// The heading and the week navigation; `children` come after the links (a phone's date picker).
#[component]
pub fn WeekHeader(title: &'static str, week: Week, links: WeekLinks, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let ui = ui();
    let label = week_span(week.monday(), week.sunday(), lang());
    view! {
        <div class="page-heading">
            <h1>
                <span class="eyebrow">{title}</span>
                {label.clone()}
            </h1>
            <nav class="week-nav" aria-label=label>
                <a href=links.previous>"← "{ui.previous_week}</a>
                {links.current.map(|href| view! { <a href=href>{ui.this_week}</a> })}
                <a href=links.next>{ui.next_week}" →"</a>
            </nav>
            {children.map(|children| children())}
        </div>
    }
}
