//! What the idle kiosk shows in turn, one at a time and large, to catch the eye of passers-by.

use chrono::NaiveDateTime;

use crate::activity::{next_occurrence, Occurrence, Timing};
use crate::api::{Today, UpcomingSession};
use crate::menu::Meal;
use crate::text::Text;

// A few a day, built once a minute: boxing the meal would save nothing worth its noise.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Highlight {
    /// An activity on now (`Timing::Now`) or the next one to begin (`Timing::Upcoming`).
    Activity {
        occurrence: Occurrence,
        timing: Timing,
    },
    Meal(Meal),
    Announcement(Text),
    Session(UpcomingSession),
}

impl Today {
    /// What is on at `now` and the next activity to begin, cancelled ones left out: the kiosk's
    /// at-a-glance view of the day.
    pub fn now_and_next(&self, now: NaiveDateTime) -> Vec<Occurrence> {
        let on_now = self.activities.iter().filter(|o| !o.cancelled && o.timing(now) == Timing::Now);
        let next = next_occurrence(&self.activities, now).map(|index| &self.activities[index]);
        on_now.chain(next).cloned().collect()
    }

    /// The day's highlights at `now`, in the order shown: what is on now and next, the day's
    /// meals, the announcements (urgent ones have their own banner) and the next prevention
    /// session. Cancelled and finished activities are left out.
    pub fn highlights(&self, now: NaiveDateTime) -> Vec<Highlight> {
        let activities = self.now_and_next(now).into_iter().map(|occurrence| Highlight::Activity { timing: occurrence.timing(now), occurrence });
        let meals = self.lunch_and_supper().into_iter().map(Highlight::Meal);
        let news = self.news_at(now).into_iter().map(|a| Highlight::Announcement(a.content.text));
        let session = self.next_session.clone().map(Highlight::Session);
        activities.chain(meals).chain(news).chain(session).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::{ActivityInfo, Category};
    use crate::api::tests::{at, today};
    use crate::menu::MealKind;
    use crate::programme::Session;

    fn occurrence(title: &str, starts: &str, ends: &str, cancelled: bool) -> Occurrence {
        Occurrence {
            activity_id: 1,
            starts_at: at(starts),
            ends_at: at(ends),
            cancelled,
            recurring: false,
            info: ActivityInfo {
                title: Text::fr(title),
                description: None,
                place: Text::fr("Salle"),
                category: Category::Movement,
                registration_required: false,
                wheelchair_accessible: true,
                places: None,
            },
        }
    }

    fn day_with_activities() -> Today {
        let session =
            Session { starts_at: at("2026-11-26 14:00"), ends_at: at("2026-11-26 15:00"), place: Text::fr("CMS"), places: None, called_off: false };
        Today {
            activities: vec![
                occurrence("Messe", "2026-11-24 08:30", "2026-11-24 09:15", false),
                occurrence("Gym", "2026-11-24 10:00", "2026-11-24 10:45", false),
                occurrence("Chorale", "2026-11-24 11:00", "2026-11-24 12:00", true),
                occurrence("Loto", "2026-11-24 14:00", "2026-11-24 16:00", false),
            ],
            next_session: Some(UpcomingSession { programme_id: 4, title: Text::fr("Chutes"), session }),
            ..today()
        }
    }

    /// Each highlight by a short name, to compare orders at a glance.
    fn names(highlights: Vec<Highlight>) -> Vec<String> {
        let name = |highlight: Highlight| match highlight {
            Highlight::Activity { occurrence, timing } => {
                format!("{:?} {}", timing, occurrence.info.title.fr)
            }
            Highlight::Meal(meal) => format!("{:?}", meal.kind),
            Highlight::Announcement(_) => "announcement".into(),
            Highlight::Session(session) => format!("session {}", session.title.fr),
        };
        highlights.into_iter().map(name).collect()
    }

    #[test]
    fn the_idle_kiosk_shows_now_next_meals_news_and_the_next_session() {
        let shown = names(day_with_activities().highlights(at("2026-11-24 10:05")));
        assert_eq!(shown, ["Now Gym", "Upcoming Loto", "Diner", "Souper", "announcement", "session Chutes"]);
    }

    #[test]
    fn now_and_next_is_what_is_on_and_what_begins_next() {
        let titles = |time| day_with_activities().now_and_next(at(time)).into_iter().map(|o| o.info.title.fr).collect::<Vec<_>>();
        assert_eq!(titles("2026-11-24 10:05"), ["Gym", "Loto"]);
        assert_eq!(titles("2026-11-24 10:50"), ["Loto"], "the cancelled choir is left out");
        assert!(titles("2026-11-24 19:00").is_empty());
    }

    #[test]
    fn finished_and_cancelled_activities_are_not_highlighted() {
        let evening = names(day_with_activities().highlights(at("2026-11-24 19:00")));
        assert_eq!(evening[0], "Diner", "nothing left to do today: {evening:?}");
        let before_the_choir = names(day_with_activities().highlights(at("2026-11-24 10:50")));
        assert_eq!(before_the_choir[0], "Upcoming Loto", "the cancelled choir is not next");
    }

    #[test]
    fn a_day_without_a_menu_or_news_still_has_its_activities() {
        let bare = Today { menu: None, announcements: vec![], next_session: None, ..day_with_activities() };
        assert_eq!(names(bare.highlights(at("2026-11-24 08:00"))), ["Upcoming Messe"]);
        assert!(matches!(today().highlights(at("2026-11-24 08:00"))[0], Highlight::Meal(Meal { kind: MealKind::Diner, .. })));
    }
}
