//! Response shapes of the JSON API under `/api/v1` that are more than one content type.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::activity::Occurrence;
use crate::announcement::{Announcement, Priority};
use crate::item::Item;
use crate::menu::{DayMenu, Meal, MealKind};
use crate::programme::{Programme, Session};
use crate::residence::Residence;
use crate::schedule::DateRange;
use crate::text::Text;

/// A date-ranged list: what was asked for, and what falls in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Listing<T> {
    pub range: DateRange,
    pub items: Vec<T>,
}

/// The next session of a prevention programme, with enough to name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct UpcomingSession {
    pub programme_id: i64,
    pub title: Text,
    pub session: Session,
}

impl UpcomingSession {
    /// The earliest session not yet over among these programmes.
    pub fn first_after(programmes: &[Item<Programme>], now: NaiveDateTime) -> Option<UpcomingSession> {
        programmes.iter().filter_map(|p| p.content.next_session(now).map(|s| (p, s))).min_by_key(|(_, session)| session.starts_at).map(
            |(programme, session)| UpcomingSession { programme_id: programme.id, title: programme.content.title.clone(), session: session.clone() },
        )
    }
}

/// Everything the kiosk's and the family's today page show, in one response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Today {
    pub date: NaiveDate,
    pub residence: Residence,
    /// Announcements shown at some time today, most urgent first.
    pub announcements: Vec<Item<Announcement>>,
    pub activities: Vec<Occurrence>,
    pub menu: Option<Item<DayMenu>>,
    pub next_session: Option<UpcomingSession>,
}

impl Today {
    /// Dîner and souper, the meals a day's screen shows (breakfast is the same every day).
    pub fn lunch_and_supper(&self) -> Vec<Meal> {
        let meals = self.menu.iter().flat_map(|menu| &menu.content.meals);
        meals.filter(|meal| meal.kind != MealKind::Dejeuner).cloned().collect()
    }

    /// Urgent announcements shown at `now`: a banner at the top of every page.
    pub fn urgent_at(&self, now: NaiveDateTime) -> Vec<Item<Announcement>> {
        self.shown_at(now, |priority| priority == Priority::Urgent)
    }

    /// The other announcements shown at `now`, for the day's own list.
    pub fn news_at(&self, now: NaiveDateTime) -> Vec<Item<Announcement>> {
        self.shown_at(now, |priority| priority != Priority::Urgent)
    }

    fn shown_at(&self, now: NaiveDateTime, wanted: impl Fn(Priority) -> bool) -> Vec<Item<Announcement>> {
        let shown = self.announcements.iter().filter(|a| wanted(a.content.priority) && a.content.is_shown_at(now));
        shown.cloned().collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::menu::Dish;
    use crate::programme::Contact;
    use crate::residence::{Address, VisitsStatus};
    use crate::text::Text;

    pub(crate) fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn announcement(id: i64, priority: Priority, from: &str, until: &str) -> Item<Announcement> {
        Item { id, version: 1, content: Announcement { text: Text::fr("Avis"), priority, shown_from: at(from), shown_until: at(until) } }
    }

    fn meal(kind: MealKind) -> Meal {
        let dish = Dish { name: Text::fr("Plat"), allergens: vec![], origins: vec![] };
        Meal { kind, starter: None, main: dish, dessert: None, vegetarian: None, texture_adapted: None }
    }

    /// A Tuesday with breakfast, dîner and souper, an urgent, a normal and an evening announcement.
    pub(crate) fn today() -> Today {
        let date: NaiveDate = "2026-11-24".parse().unwrap();
        Today {
            date,
            residence: Residence {
                name: "Résidence Plantzette".into(),
                address: Address { street: "Chemin de la Plantzette 3".into(), postcode: "3960".into(), city: "Sierre".into() },
                contact: Contact { name: "Réception".into(), phone: "+41 27 555 01 00".into(), email: "accueil@plantzette.example".into() },
                visiting_hours: vec![],
                visits: VisitsStatus::default(),
                time_zone: "Europe/Zurich".into(),
            },
            announcements: vec![
                announcement(1, Priority::Urgent, "2026-11-24 08:00", "2026-11-25 08:00"),
                announcement(2, Priority::Normal, "2026-11-24 08:00", "2026-11-25 08:00"),
                announcement(3, Priority::Important, "2026-11-24 18:00", "2026-11-25 08:00"),
            ],
            activities: vec![],
            menu: Some(Item {
                id: 1,
                version: 1,
                content: DayMenu { date, meals: vec![meal(MealKind::Dejeuner), meal(MealKind::Diner), meal(MealKind::Souper)] },
            }),
            next_session: None,
        }
    }

    #[test]
    fn a_day_shows_lunch_and_supper_but_not_breakfast() {
        let kinds: Vec<MealKind> = today().lunch_and_supper().iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [MealKind::Diner, MealKind::Souper]);
    }

    #[test]
    fn urgent_news_is_kept_apart_from_the_rest() {
        let ids = |items: Vec<Item<Announcement>>| items.iter().map(|a| a.id).collect::<Vec<_>>();
        let morning = at("2026-11-24 10:00");
        assert_eq!(ids(today().urgent_at(morning)), [1]);
        assert_eq!(ids(today().news_at(morning)), [2], "the evening's announcement is not shown yet");
        assert_eq!(ids(today().news_at(at("2026-11-24 19:00"))), [2, 3]);
    }
}
