//! The home-care centre's prevention programmes: falls, memory, nutrition, carers' support. Three
//! courses (one enrolment for every session) and a drop-in memory café (each date on its own).

use plantzette_content::sign_up::Places;
use plantzette_content::{Audience, Contact, Enrolment, Price, Programme, Session, Text, Topic};

use super::{fr_de, Plan};

fn nurse() -> Contact {
    Contact {
        name: "Infirmière de prévention du CMS / Präventionsfachfrau des SMZ".into(),
        phone: "+41 27 555 01 40".into(),
        email: "prevention@cms-sierre.example".into(),
    }
}

/// Twelve places, signed up for on line, with a waiting list: a course's, or each drop-in
/// session's.
const TWELVE: Places = Places { capacity: Some(12), opens_at: None, closes_at: None, waiting_list: true };

const COURSE: Enrolment = Enrolment::Course { places: Some(TWELVE) };

/// `count` sessions from day `first` of the plan's week, `every` days apart, each with `places`
/// of its own (`None` for a course's, which counts them once).
fn sessions(plan: &Plan, first: i64, every: i64, count: i64, times: (&str, &str), place: Text, places: Option<Places>) -> Vec<Session> {
    (0..count)
        .map(|n| Session {
            starts_at: plan.at(first + n * every, times.0),
            ends_at: plan.at(first + n * every, times.1),
            place: place.clone(),
            places,
            called_off: false,
        })
        .collect()
}

pub fn programmes(plan: &Plan) -> Vec<Programme> {
    vec![
        Programme {
            title: fr_de("Équilibre et force : prévenir les chutes", "Gleichgewicht und Kraft: Stürzen vorbeugen"),
            summary: fr_de(
                "Six séances d'exercices simples pour garder l'équilibre et la confiance en marchant.",
                "Sechs Treffen mit einfachen Übungen für Gleichgewicht und Sicherheit beim Gehen.",
            ),
            description: Some(fr_de(
                "Une physiothérapeute et une infirmière du CMS vous apprennent des exercices à refaire chez vous.\n\nTenue confortable et chaussures fermées.",
                "Eine Physiotherapeutin und eine Pflegefachfrau des SMZ zeigen Übungen für zu Hause.\n\nBequeme Kleidung und geschlossene Schuhe.",
            )),
            topic: Topic::Falls,
            audiences: vec![Audience::SeniorsAtHome, Audience::Residents],
            sessions: sessions(plan, 1, 7, 6, ("14:00", "15:00"), fr_de("CMS de Sierre, salle de mouvement", "SMZ Siders, Bewegungsraum"), None),
            enrolment: COURSE,
            contact: nurse(),
            price: Price { centimes: 6000, note: Some(fr_de("pour les six séances", "für alle sechs Treffen")) },
        },
        Programme {
            title: fr_de("Café mémoire", "Gedächtnis-Café"),
            summary: fr_de(
                "Un après-midi convivial pour les personnes qui s'inquiètent de leur mémoire, et leurs proches.",
                "Ein geselliger Nachmittag für Menschen, die sich um ihr Gedächtnis sorgen, und ihre Angehörigen.",
            ),
            description: None,
            topic: Topic::Memory,
            audiences: vec![Audience::SeniorsAtHome, Audience::Carers],
            sessions: sessions(plan, 3, 7, 6, ("14:30", "16:30"), fr_de("Résidence Plantzette, cafétéria", "Résidence Plantzette, Cafeteria"), Some(TWELVE)),
            enrolment: Enrolment::DropIn,
            contact: nurse(),
            price: Price { centimes: 0, note: None },
        },
        Programme {
            title: fr_de("Bien manger après 70 ans", "Gut essen nach 70"),
            summary: fr_de(
                "Trois ateliers pour garder l'appétit, les forces et le plaisir de cuisiner.",
                "Drei Workshops für Appetit, Kraft und Freude am Kochen.",
            ),
            description: None,
            topic: Topic::Nutrition,
            audiences: vec![Audience::SeniorsAtHome],
            sessions: sessions(plan, 9, 7, 3, ("09:30", "11:30"), fr_de("CMS de Sierre, cuisine", "SMZ Siders, Küche"), None),
            enrolment: COURSE,
            contact: nurse(),
            price: Price { centimes: 3000, note: Some(fr_de("repas compris", "Mahlzeit inbegriffen")) },
        },
        Programme {
            title: fr_de("Proches aidants : prendre soin de soi", "Pflegende Angehörige: auch an sich denken"),
            summary: fr_de(
                "Quatre soirées d'échange pour celles et ceux qui soutiennent un parent âgé à domicile.",
                "Vier Abende zum Austausch für alle, die einen betagten Angehörigen zu Hause begleiten.",
            ),
            description: None,
            topic: Topic::CarersSupport,
            audiences: vec![Audience::Carers],
            sessions: sessions(plan, 2, 7, 4, ("18:30", "20:00"), fr_de("CMS de Loèche, Susten", "SMZ Leuk, Susten"), None),
            enrolment: COURSE,
            contact: nurse(),
            price: Price { centimes: 0, note: None },
        },
    ]
}
