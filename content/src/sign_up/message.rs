//! What a person who signed up is told by e-mail, in their language: that their place is
//! confirmed, which place on the waiting list they hold, that a place came free for them, or that
//! the event is cancelled. The event and the private link, nothing more: no name, no note, no
//! count of people (a message crosses servers that are not the residence's).

use chrono::NaiveDateTime;

use crate::format::{day_and_month, long_date, time_span};
use crate::letter::Letter;
use crate::text::Lang;

/// Why the person is written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Confirmed,
    /// On the waiting list, at this rank (from 1).
    Waiting(u32),
    /// A place came free: confirmed now.
    MovedUp,
    /// The event will not take place.
    EventCancelled,
    /// One session of a course will not take place (it began and ends at these); the enrolment
    /// stays.
    SessionCalledOff(NaiveDateTime, NaiveDateTime),
}

/// The event a message is about, in the person's language.
pub struct About<'a> {
    pub title: &'a str,
    pub place: &'a str,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// A course's sessions held (each begins and ends), listed instead of one time; `None` for
    /// one event.
    pub course: Option<&'a [(NaiveDateTime, NaiveDateTime)]>,
    /// The private link to see or cancel the sign-up; `None` for a sign-up made before the links
    /// could be written again (its first message has it).
    pub link: Option<&'a str>,
    /// Who writes, and where to call with a question.
    pub residence: &'a str,
    pub phone: &'a str,
}

impl Notice {
    /// Whether the message carries the event for the person's calendar (not for one that is off).
    pub fn carries_calendar(self) -> bool {
        self != Notice::EventCancelled
    }

    pub fn letter(self, about: &About, lang: Lang) -> Letter {
        let day = match (self, about.course) {
            (Notice::SessionCalledOff(starts_at, _), _) => day_and_month(starts_at.date(), lang),
            (_, Some(_)) => from_day(about.starts_at, lang),
            (_, None) => day_and_month(about.starts_at.date(), lang),
        };
        let subject = format!("{} {}, {day}", self.subject_start(lang), about.title);
        let when = match about.course {
            None => when(about.starts_at, about.ends_at, lang),
            Some(sessions) => course_sessions(sessions, lang),
        };
        let mut body = format!("{}\n\n{}\n{when}\n{}\n", self.opening(lang), about.title, about.place);
        if let Some(link) = about.link {
            body.push_str(&format!("\n{} {link}\n", link_line(self, lang)));
        }
        if self.carries_calendar() {
            body.push_str(&format!("{}\n", calendar_line(lang)));
        }
        body.push_str(&format!("\n{}\n{}", about.residence, signature(about.phone, lang)));
        Letter { subject, body }
    }

    fn subject_start(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Notice::Confirmed, Lang::Fr) => "Inscription confirmée :",
            (Notice::Confirmed, Lang::De) => "Anmeldung bestätigt:",
            (Notice::Confirmed, Lang::En) => "Place confirmed:",
            (Notice::Waiting(_), Lang::Fr) => "Liste d\u{2019}attente :",
            (Notice::Waiting(_), Lang::De) => "Warteliste:",
            (Notice::Waiting(_), Lang::En) => "Waiting list:",
            (Notice::MovedUp, Lang::Fr) => "Une place pour vous :",
            (Notice::MovedUp, Lang::De) => "Ein Platz für Sie:",
            (Notice::MovedUp, Lang::En) => "A place for you:",
            (Notice::EventCancelled, Lang::Fr) => "Annulé :",
            (Notice::EventCancelled, Lang::De) => "Abgesagt:",
            (Notice::EventCancelled, Lang::En) => "Cancelled:",
            (Notice::SessionCalledOff(..), Lang::Fr) => "Séance annulée :",
            (Notice::SessionCalledOff(..), Lang::De) => "Kurstermin abgesagt:",
            (Notice::SessionCalledOff(..), Lang::En) => "Session called off:",
        }
    }

    fn opening(self, lang: Lang) -> String {
        match (self, lang) {
            (Notice::Confirmed, Lang::Fr) => "Votre place est confirmée.".into(),
            (Notice::Confirmed, Lang::De) => "Ihr Platz ist bestätigt.".into(),
            (Notice::Confirmed, Lang::En) => "Your place is confirmed.".into(),
            (Notice::Waiting(rank), Lang::Fr) => {
                format!(
                    "Vous êtes n° {rank} sur la liste d\u{2019}attente. Si une place se libère, elle vous est donnée et nous vous l\u{2019}écrivons."
                )
            }
            (Notice::Waiting(rank), Lang::De) => {
                format!("Sie sind Nr. {rank} auf der Warteliste. Wird ein Platz frei, erhalten Sie ihn, und wir schreiben es Ihnen.")
            }
            (Notice::Waiting(rank), Lang::En) => {
                format!("You are number {rank} on the waiting list. If a place comes free, it is yours, and we will write to tell you.")
            }
            (Notice::MovedUp, Lang::Fr) => "Une place s\u{2019}est libérée : votre inscription est confirmée.".into(),
            (Notice::MovedUp, Lang::De) => "Ein Platz ist frei geworden: Ihre Anmeldung ist bestätigt.".into(),
            (Notice::MovedUp, Lang::En) => "A place came free: your place is confirmed.".into(),
            (Notice::EventCancelled, Lang::Fr) => "Ce rendez-vous est annulé. Nous regrettons ce contretemps.".into(),
            (Notice::EventCancelled, Lang::De) => "Dieser Termin ist abgesagt. Wir bedauern es.".into(),
            (Notice::EventCancelled, Lang::En) => "This event is cancelled. We are sorry.".into(),
            (Notice::SessionCalledOff(starts_at, ends_at), Lang::Fr) => format!(
                "La séance du {} est annulée. Nous regrettons ce contretemps. Votre inscription au cours reste valable.",
                when(starts_at, ends_at, lang)
            ),
            (Notice::SessionCalledOff(starts_at, ends_at), Lang::De) => format!(
                "Der Kurstermin vom {} ist abgesagt. Wir bedauern es. Ihre Anmeldung für den Kurs bleibt gültig.",
                when(starts_at, ends_at, lang)
            ),
            (Notice::SessionCalledOff(starts_at, ends_at), Lang::En) => {
                format!("The session of {} is called off. We are sorry. Your place in the course stays.", when(starts_at, ends_at, lang))
            }
        }
    }
}

fn when(starts_at: NaiveDateTime, ends_at: NaiveDateTime, lang: Lang) -> String {
    format!("{}, {}", long_date(starts_at.date(), lang), time_span(starts_at, ends_at))
}

/// "dès le 14 janvier": when a course begins, in a subject.
fn from_day(starts_at: NaiveDateTime, lang: Lang) -> String {
    let day = day_and_month(starts_at.date(), lang);
    match lang {
        Lang::Fr => format!("dès le {day}"),
        Lang::De => format!("ab {day}"),
        Lang::En => format!("from {day}"),
    }
}

/// A course's sessions, one a line, under how many there are.
fn course_sessions(sessions: &[(NaiveDateTime, NaiveDateTime)], lang: Lang) -> String {
    let heading = match (lang, sessions.len()) {
        (Lang::Fr, 1) => "La séance du cours :".to_string(),
        (Lang::Fr, n) => format!("Les {n} séances du cours :"),
        (Lang::De, 1) => "Der Kurstermin:".to_string(),
        (Lang::De, n) => format!("Die {n} Kurstermine:"),
        (Lang::En, 1) => "The course's session:".to_string(),
        (Lang::En, n) => format!("The course's {n} sessions:"),
    };
    let lines: Vec<String> = sessions.iter().map(|(starts_at, ends_at)| format!("- {}", when(*starts_at, *ends_at, lang))).collect();
    format!("{heading}\n{}", lines.join("\n"))
}

fn link_line(notice: Notice, lang: Lang) -> &'static str {
    match (notice, lang) {
        (Notice::EventCancelled, Lang::Fr) => "Votre inscription :",
        (Notice::EventCancelled, Lang::De) => "Ihre Anmeldung:",
        (Notice::EventCancelled, Lang::En) => "Your sign-up:",
        (_, Lang::Fr) => "Voir ou annuler votre inscription :",
        (_, Lang::De) => "Anmeldung ansehen oder abmelden:",
        (_, Lang::En) => "See or cancel your sign-up:",
    }
}

fn calendar_line(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Le fichier joint l\u{2019}ajoute à votre calendrier.",
        Lang::De => "Mit der angehängten Datei tragen Sie den Termin in Ihren Kalender ein.",
        Lang::En => "The attached file adds it to your calendar.",
    }
}

fn signature(phone: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Message envoyé automatiquement. Une question ? {phone}"),
        Lang::De => format!("Automatisch versandte Nachricht. Fragen? {phone}"),
        Lang::En => format!("Sent automatically. A question? {phone}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn about(link: Option<&'static str>) -> About<'static> {
        let day = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        About {
            title: "Équilibre en marche",
            place: "Salle polyvalente",
            starts_at: day.and_hms_opt(14, 0, 0).unwrap(),
            ends_at: day.and_hms_opt(15, 30, 0).unwrap(),
            course: None,
            link,
            residence: "Résidence Plantzette",
            phone: "+41 27 555 01 00",
        }
    }

    #[test]
    fn a_confirmation_names_the_event_its_time_and_the_link() {
        let letter = Notice::Confirmed.letter(&about(Some("https://plantzette.example.ch/sign-up/abc")), Lang::Fr);
        assert_eq!(letter.subject, "Inscription confirmée : Équilibre en marche, 10 décembre");
        assert!(letter
            .body
            .starts_with("Votre place est confirmée.\n\nÉquilibre en marche\njeudi 10 décembre 2026, 14:00–15:30\nSalle polyvalente\n"));
        assert!(letter.body.contains("Voir ou annuler votre inscription : https://plantzette.example.ch/sign-up/abc"));
        assert!(letter.body.contains("calendrier"));
    }

    #[test]
    fn the_waiting_list_gives_the_rank_in_german() {
        let letter = Notice::Waiting(3).letter(&about(Some("https://x.ch/sign-up/t")), Lang::De);
        assert_eq!(letter.subject, "Warteliste: Équilibre en marche, 10. Dezember");
        assert!(letter.body.starts_with("Sie sind Nr. 3 auf der Warteliste."));
        assert!(letter.body.contains("Donnerstag, 10. Dezember 2026, 14:00–15:30"));
        assert!(letter.body.contains("Anmeldung ansehen oder abmelden: https://x.ch/sign-up/t"));
    }

    #[test]
    fn a_cancellation_offers_no_calendar_and_a_link_only_when_there_is_one() {
        let letter = Notice::EventCancelled.letter(&about(None), Lang::En);
        assert_eq!(letter.subject, "Cancelled: Équilibre en marche, 10 December");
        assert!(!letter.body.contains("calendar"));
        assert!(!letter.body.contains("sign-up:"));
        assert!(letter.body.ends_with("Résidence Plantzette\nSent automatically. A question? +41 27 555 01 00"));
        assert!(!Notice::EventCancelled.carries_calendar());
        assert!(Notice::MovedUp.carries_calendar());
    }

    #[test]
    fn a_course_lists_every_session_and_a_session_called_off_keeps_the_enrolment() {
        let day = |d: u32, h: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap().and_hms_opt(h, 0, 0).unwrap();
        let sessions = [(day(14, 14), day(14, 15)), (day(21, 14), day(21, 15))];
        let course = About { course: Some(&sessions), starts_at: day(14, 14), ends_at: day(21, 15), ..about(Some("https://x.ch/sign-up/t")) };
        let letter = Notice::Confirmed.letter(&course, Lang::Fr);
        assert_eq!(letter.subject, "Inscription confirmée : Équilibre en marche, dès le 14 janvier");
        assert!(
            letter.body.contains("Les 2 séances du cours :\n- jeudi 14 janvier 2027, 14:00–15:00\n- jeudi 21 janvier 2027, 14:00–15:00\n"),
            "{}",
            letter.body
        );
        let off = Notice::SessionCalledOff(day(21, 14), day(21, 15)).letter(&course, Lang::De);
        assert_eq!(off.subject, "Kurstermin abgesagt: Équilibre en marche, 21. Januar");
        assert!(off.body.starts_with("Der Kurstermin vom Donnerstag, 21. Januar 2027, 14:00–15:00 ist abgesagt."), "{}", off.body);
        assert!(off.body.contains("Ihre Anmeldung für den Kurs bleibt gültig."));
    }
}
