//! The demo week's announcements.

use plantzette_content::{Announcement, Priority};

use super::{fr_de, Plan};

pub fn announcements(plan: &Plan) -> Vec<Announcement> {
    vec![
        Announcement {
            text: fr_de(
                "Exercice d'évacuation mercredi à 10:30 : le personnel vous accompagne, pas d'inquiétude.",
                "Evakuierungsübung am Mittwoch um 10:30: Das Personal begleitet Sie, keine Sorge.",
            ),
            priority: Priority::Important,
            shown_from: plan.at(0, "00:00"),
            shown_until: plan.at(2, "12:00"),
        },
        Announcement {
            text: fr_de(
                "Le coiffeur est là mardi et vendredi matin. Inscription à la réception.",
                "Der Coiffeur ist am Dienstag- und Freitagmorgen da. Anmeldung am Empfang.",
            ),
            priority: Priority::Normal,
            shown_from: plan.at(0, "00:00"),
            shown_until: plan.at(7, "00:00"),
        },
    ]
}
