//! The demo residence's details.

use chrono::NaiveTime;
use plantzette_content::schedule::RESIDENCE_TZ_NAME;
use plantzette_content::{Address, Contact, Residence, VisitingHours, VisitsStatus};

use super::fr_de;

pub fn residence() -> Residence {
    let time = |text: &str| NaiveTime::parse_from_str(text, "%H:%M").expect("HH:MM");
    Residence {
        name: "Résidence Plantzette".into(),
        address: Address { street: "Chemin de la Plantzette 3".into(), postcode: "3960".into(), city: "Sierre".into() },
        contact: Contact { name: "Réception / Empfang".into(), phone: "+41 27 555 01 00".into(), email: "accueil@plantzette.example".into() },
        visiting_hours: vec![
            VisitingHours { days: fr_de("Tous les jours", "Täglich").with_en("Every day"), opens: time("10:00"), closes: time("11:30") },
            VisitingHours { days: fr_de("Tous les jours", "Täglich").with_en("Every day"), opens: time("14:00"), closes: time("19:30") },
        ],
        visits: VisitsStatus::default(),
        time_zone: RESIDENCE_TZ_NAME.into(),
    }
}
