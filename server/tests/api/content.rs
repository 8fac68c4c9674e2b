//! Each read endpoint serves the seeded content, with recurrences expanded and ranges applied.

use chrono::{Datelike, Duration, Weekday};
use plantzette_content::Announcement;
use plantzette_content::{
    Allergen, Category, DayMenu, InfoPage, Item, Listing, MealKind, Occurrence, PageSlug, Product, Programme, Residence, Today, VisitsState,
};

use crate::helpers::{spawn_app, this_week};

#[tokio::test]
async fn residence_gives_address_contact_and_visits_status() {
    let app = spawn_app().await;
    let residence: Item<Residence> = app.get_json("/api/v1/residence").await;
    assert_eq!(residence.content.name, "Résidence Plantzette");
    assert_eq!(residence.content.address.city, "Sierre");
    assert_eq!(residence.content.time_zone, "Europe/Zurich");
    assert_eq!(residence.content.visits.state, VisitsState::Open);
    assert!(!residence.content.visiting_hours.is_empty());
}

#[tokio::test]
async fn activities_default_to_the_current_week_with_recurrences_expanded() {
    let app = spawn_app().await;
    let listing: Listing<Occurrence> = app.get_json("/api/v1/activities").await;
    let week = this_week();
    assert_eq!(listing.range, week.range());
    assert!(listing.items.iter().all(|o| week.range().contains(o.starts_at.date())));
    let gym_days: Vec<Weekday> = listing.items.iter().filter(|o| o.info.title.fr == "Gym douce").map(|o| o.starts_at.weekday()).collect();
    assert_eq!(gym_days, [Weekday::Mon, Weekday::Wed, Weekday::Fri]);
    assert!(listing.items.windows(2).all(|pair| pair[0].starts_at <= pair[1].starts_at), "in time order");
    assert!(listing.items.iter().any(|o| o.cancelled), "the cancelled workshop is listed, marked cancelled");
}

#[tokio::test]
async fn next_week_holds_the_weekly_series_but_not_this_week_s_one_off_events() {
    let app = spawn_app().await;
    let next = this_week().next();
    let listing: Listing<Occurrence> = app.get_json(&format!("/api/v1/activities?from={}&to={}", next.monday(), next.sunday())).await;
    assert!(listing.items.iter().all(|o| o.recurring));
    assert!(listing.items.iter().any(|o| o.info.category == Category::Worship && o.starts_at.weekday() == Weekday::Sun));
}

#[tokio::test]
async fn menus_of_the_week_have_lunch_and_supper_with_declared_allergens() {
    let app = spawn_app().await;
    let listing: Listing<Item<DayMenu>> = app.get_json("/api/v1/menus").await;
    assert_eq!(listing.items.len(), 7);
    for menu in &listing.items {
        assert!(menu.content.meal(MealKind::Diner).is_some(), "dîner on {}", menu.content.date);
        assert!(menu.content.meal(MealKind::Souper).is_some(), "souper on {}", menu.content.date);
    }
    let perch = listing.items.iter().flat_map(|m| &m.content.meals).find(|meal| meal.main.name.fr.contains("perche")).unwrap();
    assert!(perch.main.allergens.contains(&Allergen::Fish));
    assert!(perch.main.origins.iter().any(|origin| origin.product == Product::Fish), "the perch says where it comes from");
    assert!(perch.vegetarian.is_some());
}

#[tokio::test]
async fn a_single_day_of_menus_can_be_asked_for() {
    let app = spawn_app().await;
    let tuesday = this_week().day(Weekday::Tue);
    let listing: Listing<Item<DayMenu>> = app.get_json(&format!("/api/v1/menus?from={tuesday}&to={tuesday}")).await;
    assert_eq!(listing.items.len(), 1);
    assert_eq!(listing.items[0].content.date, tuesday);
}

#[tokio::test]
async fn programmes_are_listed_and_each_has_its_own_address() {
    let app = spawn_app().await;
    let listing: Listing<Item<Programme>> = app.get_json("/api/v1/programmes").await;
    assert!(listing.items.len() >= 3);
    let first = &listing.items[0];
    let one: Item<Programme> = app.get_json(&format!("/api/v1/programmes/{}", first.id)).await;
    assert_eq!(&one, first);
    assert!(!one.content.sessions.is_empty());
    app.get_error("/api/v1/programmes/9999", 404).await;
    app.get_error("/api/v1/programmes/not-a-number", 404).await;
}

#[tokio::test]
async fn announcements_come_most_urgent_first() {
    let app = spawn_app().await;
    let listing: Listing<Item<Announcement>> = app.get_json("/api/v1/announcements").await;
    assert!(listing.items.len() >= 2);
    assert!(listing.items.windows(2).all(|pair| pair[0].content.priority >= pair[1].content.priority));
}

#[tokio::test]
async fn info_pages_are_all_there() {
    let app = spawn_app().await;
    let pages: Vec<Item<InfoPage>> = app.get_json("/api/v1/pages").await;
    assert_eq!(pages.iter().map(|p| p.content.slug).collect::<Vec<_>>(), PageSlug::ALL);
    let short_stay: Item<InfoPage> = app.get_json("/api/v1/pages/short_stay").await;
    assert_eq!(short_stay.content.slug, PageSlug::ShortStay);
    app.get_error("/api/v1/pages/kitchen", 404).await;
}

#[tokio::test]
async fn today_gathers_what_the_kiosk_needs_for_the_day_asked() {
    let app = spawn_app().await;
    let wednesday = this_week().day(Weekday::Wed);
    let today: Today = app.get_json(&format!("/api/v1/today?date={wednesday}")).await;
    assert_eq!(today.date, wednesday);
    assert_eq!(today.residence.name, "Résidence Plantzette");
    assert!(today.activities.iter().all(|o| o.starts_at.date() == wednesday));
    assert!(today.activities.iter().any(|o| o.info.title.fr == "Gym douce"));
    assert_eq!(today.menu.expect("a menu on Wednesday").content.date, wednesday);
    let next = today.next_session.expect("a prevention session is coming");
    assert!(next.session.ends_at.date() >= wednesday);
}

#[tokio::test]
async fn today_without_a_date_is_the_residence_s_today() {
    let app = spawn_app().await;
    let today: Today = app.get_json("/api/v1/today").await;
    assert!(this_week().range().contains(today.date));
    assert!(today.date - this_week().monday() < Duration::days(7));
}
