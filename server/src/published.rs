//! What the home publishes, read the same way by every adapter (the API, the families' pages, the
//! prints, the short stays' feed): the residence, a day, the activities' occurrences, the
//! programmes ahead, the announcements shown, the info pages.

use chrono::{Duration, NaiveDate};
use plantzette_content::activity::occurrences_in;
use plantzette_content::schedule::residence_now;
use plantzette_content::{
    Activity, Announcement, DateRange, DayMenu, InfoPage, Item, Occurrence, PageSlug, Programme, Residence, Today, UpcomingSession, Week,
};
use sqlx::SqlitePool;

use crate::store::{self, StoreError};

/// How far ahead the programme list looks by default: programmes are announced a season ahead.
const PROGRAMME_WEEKS: i64 = 13;

/// The residence's current week, Monday to Sunday.
pub fn current_week() -> DateRange {
    Week::containing(residence_now().date()).range()
}

/// The one residence of this database; none yet on a new install (`NotSetUp`).
pub async fn residence(pool: &SqlitePool) -> Result<Item<Residence>, StoreError> {
    store::list::<Residence>(pool, None).await?.into_iter().next().ok_or(StoreError::NotSetUp)
}

/// Everything a today page shows of `date` (the families' pages head each page with its notices).
pub async fn today(pool: &SqlitePool, date: NaiveDate) -> Result<Today, StoreError> {
    let now = residence_now();
    // Another day than the server's today is looked at from its start.
    let moment = if date == now.date() { now } else { date.and_hms_opt(0, 0, 0).expect("midnight exists") };
    let day = DateRange::day(date);
    let upcoming = store::list::<Programme>(pool, Some(programmes_ahead_of(date))).await?;
    Ok(Today {
        date,
        residence: residence(pool).await?.content,
        announcements: announcements_shown_in(pool, day).await?,
        activities: occurrences(pool, day).await?,
        menu: store::list::<DayMenu>(pool, Some(day)).await?.into_iter().next(),
        next_session: UpcomingSession::first_after(&upcoming, moment),
    })
}

/// Every occurrence of the activities over `range`, in time order.
pub async fn occurrences(pool: &SqlitePool, range: DateRange) -> Result<Vec<Occurrence>, StoreError> {
    let activities = store::list::<Activity>(pool, Some(range)).await?;
    Ok(occurrences_in(&activities, range))
}

/// The days from `from` that the programme list looks ahead to.
pub fn programmes_ahead_of(from: NaiveDate) -> DateRange {
    DateRange { from, to: from + Duration::weeks(PROGRAMME_WEEKS) - Duration::days(1) }
}

/// The announcements shown at some time in `range`, most urgent first.
pub async fn announcements_shown_in(pool: &SqlitePool, range: DateRange) -> Result<Vec<Item<Announcement>>, StoreError> {
    let mut announcements = store::list::<Announcement>(pool, Some(range)).await?;
    announcements.sort_by(|a, b| b.content.priority.cmp(&a.content.priority).then(a.content.shown_from.cmp(&b.content.shown_from)));
    Ok(announcements)
}

/// The info pages, in the order of their topics.
pub async fn info_pages(pool: &SqlitePool) -> Result<Vec<Item<InfoPage>>, StoreError> {
    let mut pages = store::list::<InfoPage>(pool, None).await?;
    pages.sort_by_key(|page| PageSlug::ALL.iter().position(|slug| *slug == page.content.slug));
    Ok(pages)
}

/// The info page of a topic (`short_stay`).
pub async fn info_page(pool: &SqlitePool, slug: &str) -> Result<Item<InfoPage>, StoreError> {
    let slug = PageSlug::parse(slug).ok_or(StoreError::NotFound("page"))?;
    let pages = store::list::<InfoPage>(pool, None).await?;
    pages.into_iter().find(|page| page.content.slug == slug).ok_or(StoreError::NotFound("page"))
}
