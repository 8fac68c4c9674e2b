//! Writing calendars (iCalendar, RFC 5545) from content: pure functions, no I/O, tested here.
//! Times are written in the residence's zone (`TZID=Europe/Zurich`, with its VTIMEZONE), so a
//! phone anywhere shows the right instant, and a weekly series stays at its local hour across
//! daylight-saving changes.

use chrono::{NaiveDateTime, Utc};
use ics::parameters::TzIDParam;
use ics::properties::{Categories, Description, DtEnd, DtStart, ExDate, Location, RRule, Sequence, Status, Summary, TzName};
use ics::{escape_text, Daylight, Event, ICalendar, Standard, TimeZone};
use plantzette_content::schedule::{residence_instant, RESIDENCE_TZ_NAME};
use plantzette_content::{Activity, ActivityInfo, Item, Lang, Occurrence, Programme, Residence, Session};

/// A calendar named `name`, with the residence's time zone.
pub fn new_calendar(name: &str) -> ICalendar<'static> {
    let mut calendar = ICalendar::new("2.0", "-//Residence Plantzette//Plantzette//FR");
    calendar.push(ics::properties::CalScale::new("GREGORIAN"));
    // Published for reading, as the e-mail's part says (`method=PUBLISH`): not an invitation.
    calendar.push(ics::properties::Method::new("PUBLISH"));
    calendar.push(ics::components::Property::new("X-WR-CALNAME", escape_text(name.to_string())));
    calendar.push(ics::components::Property::new("X-WR-TIMEZONE", RESIDENCE_TZ_NAME));
    calendar.add_timezone(residence_time_zone());
    calendar
}

/// Europe/Zurich's rules since 1996: summer time from the last Sunday of March to the last of October.
fn residence_time_zone() -> TimeZone<'static> {
    let mut summer = Daylight::new("19810329T020000", "+0100", "+0200");
    summer.push(TzName::new("CEST"));
    summer.push(RRule::new("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    let mut winter = Standard::new("19961027T030000", "+0200", "+0100");
    winter.push(TzName::new("CET"));
    winter.push(RRule::new("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    let mut zone = TimeZone::daylight(RESIDENCE_TZ_NAME, summer);
    zone.add_standard(winter);
    zone
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

fn zoned<P: Into<ics::components::Property<'static>>>(make: impl Fn(String) -> P, at: NaiveDateTime) -> ics::components::Property<'static> {
    let mut property = make(local(at)).into();
    property.add(TzIDParam::new(RESIDENCE_TZ_NAME));
    property
}

/// Every event carries the same stamp within a day, so that an unchanged feed keeps its ETag;
/// revisions are told by SEQUENCE, which follows the content's version.
fn stamp() -> String {
    format!("{}T000000Z", Utc::now().format("%Y%m%d"))
}

fn where_at(place: &str, residence: &Residence) -> String {
    let address = &residence.address;
    format!("{place}, {}, {}, {} {}", residence.name, address.street, address.postcode, address.city)
}

/// An activity as the calendar holds it: once, or as a weekly series with its exceptions.
pub fn series_event(item: &Item<Activity>, residence: &Residence, lang: Lang) -> Event<'static> {
    let activity = &item.content;
    let mut event = base_event(format!("activity-{}@plantzette", item.id), item.version, activity.starts_at, activity.ends_at);
    describe_activity(&mut event, &activity.info, residence, lang);
    if let Some(recurrence) = &activity.recurrence {
        let days: Vec<&str> = recurrence.weekdays.iter().map(|d| ical_weekday(*d)).collect();
        let last_instant = residence_instant(recurrence.until.and_hms_opt(23, 59, 59).expect("a valid time"));
        event.push(RRule::new(format!("FREQ=WEEKLY;BYDAY={};UNTIL={}", days.join(","), last_instant.format("%Y%m%dT%H%M%SZ"))));
        for day in &recurrence.except {
            event.push(zoned(ExDate::new, day.and_time(activity.starts_at.time())));
        }
    }
    if activity.cancelled {
        event.push(Status::new("CANCELLED"));
    }
    event
}

pub fn occurrence_event(occurrence: &Occurrence, version: i64, residence: &Residence, lang: Lang) -> Event<'static> {
    let uid = format!("activity-{}-{}@plantzette", occurrence.activity_id, occurrence.starts_at.date());
    let mut event = base_event(uid, version, occurrence.starts_at, occurrence.ends_at);
    describe_activity(&mut event, &occurrence.info, residence, lang);
    if occurrence.cancelled {
        event.push(Status::new("CANCELLED"));
    }
    event
}

pub fn session_event(programme: &Item<Programme>, index: usize, session: &Session, lang: Lang) -> Event<'static> {
    let content = &programme.content;
    let uid = format!("programme-{}-session-{}@plantzette", programme.id, index + 1);
    let mut event = base_event(uid, programme.version, session.starts_at, session.ends_at);
    event.push(Summary::new(escape_text(content.title.get(lang).to_string())));
    event.push(Location::new(escape_text(session.place.get(lang).to_string())));
    event.push(Categories::new(escape_text(content.topic.label(lang).to_string())));
    let contact = &content.contact;
    let details = format!("{}\n\n{} · {} · {}", content.summary.get(lang), contact.name, contact.phone, contact.email);
    event.push(Description::new(escape_text(details)));
    if session.called_off {
        event.push(Status::new("CANCELLED"));
    }
    event
}

fn base_event(uid: String, version: i64, starts: NaiveDateTime, ends: NaiveDateTime) -> Event<'static> {
    let mut event = Event::new(uid, stamp());
    event.push(zoned(DtStart::new, starts));
    event.push(zoned(DtEnd::new, ends));
    event.push(Sequence::new((version - 1).to_string()));
    event
}

fn describe_activity(event: &mut Event<'static>, info: &ActivityInfo, residence: &Residence, lang: Lang) {
    event.push(Summary::new(escape_text(info.title.get(lang).to_string())));
    event.push(Location::new(escape_text(where_at(info.place.get(lang), residence))));
    event.push(Categories::new(escape_text(info.category.label(lang).to_string())));
    if let Some(description) = &info.description {
        event.push(Description::new(escape_text(description.get(lang).to_string())));
    }
}

fn ical_weekday(day: chrono::Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use plantzette_content::{Address, Category, Contact, Recurrence, Text, VisitsStatus};

    fn residence() -> Residence {
        Residence {
            name: "Résidence Plantzette".into(),
            address: Address { street: "Chemin de la Plantzette 3".into(), postcode: "3960".into(), city: "Sierre".into() },
            contact: Contact { name: "Réception".into(), phone: "+41 27 555 01 00".into(), email: "accueil@plantzette.example".into() },
            visiting_hours: Vec::new(),
            visits: VisitsStatus::default(),
            time_zone: RESIDENCE_TZ_NAME.into(),
        }
    }

    fn at(text: &str) -> NaiveDateTime {
        text.parse().unwrap()
    }

    fn weekly_gym() -> Item<Activity> {
        let info = ActivityInfo {
            title: Text { fr: "Gym douce".into(), de: Some("Sanfte Gymnastik".into()), en: None },
            description: None,
            place: Text { fr: "Salle polyvalente".into(), de: None, en: None },
            category: Category::Movement,
            registration_required: false,
            wheelchair_accessible: true,
            places: None,
        };
        let recurrence = Recurrence {
            weekdays: vec![chrono::Weekday::Mon, chrono::Weekday::Wed],
            until: "2026-12-31".parse().unwrap(),
            except: vec!["2026-12-28".parse().unwrap()],
        };
        Item {
            id: 7,
            version: 3,
            content: Activity {
                info,
                starts_at: at("2026-11-30T10:00:00"),
                ends_at: at("2026-11-30T10:45:00"),
                recurrence: Some(recurrence),
                cancelled: false,
            },
        }
    }

    #[test]
    fn a_weekly_series_is_written_in_local_time_with_its_rule_and_exceptions() {
        let text = series_event(&weekly_gym(), &residence(), Lang::De).to_string();
        assert!(text.contains("UID:activity-7@plantzette"), "{text}");
        assert!(text.contains("DTSTART;TZID=Europe/Zurich:20261130T100000"), "{text}");
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T225959Z"), "{text}");
        assert!(text.contains("EXDATE;TZID=Europe/Zurich:20261228T100000"), "{text}");
        assert!(text.contains("SUMMARY:Sanfte Gymnastik"), "{text}");
        assert!(text.contains("SEQUENCE:2"), "the content's version, from 0: {text}");
        assert!(text.contains("LOCATION:Salle polyvalente\\, Résidence Plantzette"), "{text}");
    }

    #[test]
    fn a_cancelled_occurrence_says_so() {
        let gym = weekly_gym();
        let mut occurrence = gym.occurrences(plantzette_content::DateRange::day(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap())).remove(0);
        occurrence.cancelled = true;
        let text = occurrence_event(&occurrence, gym.version, &residence(), Lang::Fr).to_string();
        assert!(text.contains("UID:activity-7-2026-12-02@plantzette"), "{text}");
        assert!(text.contains("STATUS:CANCELLED"), "{text}");
    }

    #[test]
    fn the_calendar_carries_the_residence_s_zone_and_name() {
        let text = new_calendar("Résidence Plantzette").to_string();
        assert!(text.contains("BEGIN:VTIMEZONE") && text.contains("TZID:Europe/Zurich"), "{text}");
        assert!(text.contains("X-WR-CALNAME:Résidence Plantzette"), "{text}");
    }

    #[test]
    fn series_until_is_the_end_of_its_last_day_in_utc() {
        let until: NaiveDate = "2026-12-31".parse().unwrap();
        let instant = residence_instant(until.and_hms_opt(23, 59, 59).unwrap());
        assert_eq!(instant.format("%Y%m%dT%H%M%SZ").to_string(), "20261231T225959Z");
    }
}
