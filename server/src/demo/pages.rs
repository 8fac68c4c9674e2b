//! The demo info pages: admissions, short stays, care, and the care network's partners.

use plantzette_content::{InfoPage, PageSlug};

use super::fr_de;

pub fn pages() -> Vec<InfoPage> {
    vec![
        InfoPage {
            slug: PageSlug::Admissions,
            title: fr_de("Admission", "Aufnahme"),
            summary: fr_de("Comment entrer à la Résidence Plantzette.", "Wie man in die Résidence Plantzette eintritt."),
            body: fr_de(
                "Les demandes d'admission passent par le CMS de votre région, qui évalue avec vous les besoins et les aides possibles.\n\nUne visite de la résidence est possible en tout temps, sur rendez-vous auprès de la réception.",
                "Aufnahmegesuche laufen über das SMZ Ihrer Region, das mit Ihnen den Bedarf und mögliche Hilfen klärt.\n\nEin Besuch der Residenz ist jederzeit nach Absprache mit dem Empfang möglich.",
            ),
        },
        InfoPage {
            slug: PageSlug::ShortStay,
            title: fr_de("Court séjour", "Kurzaufenthalt"),
            summary: fr_de("Quelques semaines chez nous, pour récupérer ou soulager un proche.", "Einige Wochen bei uns, zur Erholung oder zur Entlastung von Angehörigen."),
            body: fr_de(
                "Nos lits de court séjour accueillent pour deux à six semaines une personne qui sort de l'hôpital ou dont le proche aidant a besoin de repos.\n\nRéservation auprès de la réception ou du CMS.",
                "Unsere Kurzaufenthaltsbetten nehmen für zwei bis sechs Wochen Menschen auf, die aus dem Spital kommen oder deren pflegende Angehörige eine Pause brauchen.\n\nReservation beim Empfang oder beim SMZ.",
            ),
        },
        InfoPage {
            slug: PageSlug::MedicalCare,
            title: fr_de("Soins et suivi médical", "Pflege und ärztliche Betreuung"),
            summary: fr_de("Une équipe soignante jour et nuit, un médecin répondant.", "Ein Pflegeteam Tag und Nacht, ein verantwortlicher Arzt."),
            body: fr_de(
                "Une équipe infirmière est présente 24 heures sur 24. Le médecin répondant de la résidence passe chaque semaine ; chacun peut garder son médecin traitant.\n\nPhysiothérapie, ergothérapie et podologie sont proposées sur place.",
                "Ein Pflegeteam ist rund um die Uhr anwesend. Der Heimarzt kommt jede Woche; alle können ihren Hausarzt behalten.\n\nPhysiotherapie, Ergotherapie und Podologie werden im Haus angeboten.",
            ),
        },
        InfoPage {
            slug: PageSlug::Partners,
            title: fr_de("Partenaires du réseau", "Partner im Netzwerk"),
            summary: fr_de("Avec qui nous travaillons pour vous.", "Mit wem wir für Sie zusammenarbeiten."),
            body: fr_de(
                "La résidence est gérée par le centre médico-social (CMS) de la région, qui assure aussi les soins à domicile et la prévention.\n\nNous travaillons avec l'Hôpital du Valais, les cliniques de réadaptation du canton, Pro Senectute Valais-Wallis et Alzheimer Valais.",
                "Die Residenz wird vom Sozialmedizinischen Zentrum (SMZ) der Region geführt, das auch die Pflege zu Hause und die Prävention übernimmt.\n\nWir arbeiten mit dem Spital Wallis, den Rehabilitationskliniken des Kantons, Pro Senectute Valais-Wallis und Alzheimer Wallis zusammen.",
            ),
        },
    ]
}
