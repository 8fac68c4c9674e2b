//! The demo week's activities: weekly classics (gym, memory workshop, Mass, choir, loto) and
//! one-off events, one of them cancelled.

use chrono::Weekday::{self, *};
use plantzette_content::sign_up::Places;
use plantzette_content::{Activity, ActivityInfo, Category, Recurrence, Text};

use super::{fr_de, Plan};

struct Spec<'a> {
    title: Text,
    description: Option<Text>,
    place: Text,
    category: Category,
    registration_required: bool,
    day: i64,
    times: (&'a str, &'a str),
    weekly_on: &'a [Weekday],
}

fn activity(plan: &Plan, spec: Spec) -> Activity {
    Activity {
        info: ActivityInfo {
            title: spec.title,
            description: spec.description,
            place: spec.place,
            category: spec.category,
            registration_required: spec.registration_required,
            wheelchair_accessible: true,
            // Twenty places at each, signed up for on line, with a waiting list.
            places: spec.registration_required.then_some(Places { capacity: Some(20), opens_at: None, closes_at: None, waiting_list: true }),
        },
        starts_at: plan.at(spec.day, spec.times.0),
        ends_at: plan.at(spec.day, spec.times.1),
        // Weekly series run for a year from this week, across both daylight-saving changes.
        recurrence: (!spec.weekly_on.is_empty()).then(|| Recurrence {
            weekdays: spec.weekly_on.to_vec(),
            until: plan.day(7 * 52 - 1),
            except: vec![],
        }),
        cancelled: false,
    }
}

pub fn activities(plan: &Plan) -> Vec<Activity> {
    let hall = || fr_de("Salle polyvalente", "Mehrzwecksaal");
    let mut list = vec![
        activity(
            plan,
            Spec {
                title: fr_de("Gym douce", "Sanfte Gymnastik"),
                description: Some(fr_de("Mouvements assis et debout, au rythme de chacun.", "Bewegung im Sitzen und Stehen, im eigenen Rhythmus.")),
                place: hall(),
                category: Category::Movement,
                registration_required: false,
                day: 0,
                times: ("10:00", "10:45"),
                weekly_on: &[Mon, Wed, Fri],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Atelier mémoire", "Gedächtnistraining"),
                description: Some(fr_de(
                    "Jeux de mots, souvenirs et calcul, en petit groupe.",
                    "Wortspiele, Erinnerungen und Rechnen in kleiner Gruppe.",
                )),
                place: fr_de("Bibliothèque, 1er étage", "Bibliothek, 1. Stock"),
                category: Category::Memory,
                registration_required: true,
                day: 1,
                times: ("14:30", "15:30"),
                weekly_on: &[Tue],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Chant avec le chœur des résidents", "Singen mit dem Bewohnerchor"),
                description: Some(fr_de("Chansons valaisannes et airs d'autrefois.", "Walliser Lieder und alte Melodien.")),
                place: hall(),
                category: Category::Music,
                registration_required: false,
                day: 3,
                times: ("15:00", "16:00"),
                weekly_on: &[Thu],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Loto", "Lotto"),
                description: Some(fr_de("Avec des lots du marché de Sierre.", "Mit Preisen vom Markt in Siders.")),
                place: fr_de("Cafétéria", "Cafeteria"),
                category: Category::Social,
                registration_required: false,
                day: 5,
                times: ("14:30", "16:00"),
                weekly_on: &[Sat],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Messe", "Heilige Messe"),
                description: Some(fr_de("Célébrée par l'abbé de la paroisse Sainte-Croix.", "Gefeiert vom Pfarrer der Pfarrei Sainte-Croix.")),
                place: fr_de("Chapelle", "Kapelle"),
                category: Category::Worship,
                registration_required: false,
                day: 6,
                times: ("10:00", "11:00"),
                weekly_on: &[Sun],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Biscuits au four", "Guetzli backen"),
                description: Some(fr_de("Pâte sablée et confiture d'abricots du Valais.", "Mürbeteig und Walliser Aprikosenkonfitüre.")),
                place: fr_de("Cuisine thérapeutique", "Therapieküche"),
                category: Category::Creative,
                registration_required: true,
                day: 2,
                times: ("14:30", "16:00"),
                weekly_on: &[],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Promenade au lac de Géronde", "Spaziergang zum Géronde-See"),
                description: Some(fr_de("En minibus adapté, avec goûter au bord du lac.", "Im angepassten Kleinbus, mit Zvieri am See.")),
                place: fr_de("Départ devant l'entrée", "Abfahrt vor dem Eingang"),
                category: Category::Outing,
                registration_required: true,
                day: 3,
                times: ("13:30", "14:45"),
                weekly_on: &[],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Concert de cor des Alpes", "Alphornkonzert"),
                description: Some(fr_de("Le trio « Les Échos du Val d'Anniviers ».", "Das Trio «Les Échos du Val d'Anniviers».")),
                place: hall(),
                category: Category::Music,
                registration_required: false,
                day: 6,
                times: ("15:00", "16:00"),
                weekly_on: &[],
            },
        ),
        activity(
            plan,
            Spec {
                title: fr_de("Café-rencontre avec les familles", "Begegnungscafé mit den Familien"),
                description: None,
                place: fr_de("Cafétéria", "Cafeteria"),
                category: Category::Social,
                registration_required: false,
                day: 5,
                times: ("10:00", "11:30"),
                weekly_on: &[],
            },
        ),
    ];
    let mut painting = activity(
        plan,
        Spec {
            title: fr_de("Atelier peinture", "Malatelier"),
            description: Some(fr_de("Annulé : l'animatrice est absente cette semaine.", "Abgesagt: Die Leiterin ist diese Woche abwesend.")),
            place: fr_de("Atelier, rez-de-chaussée", "Atelier, Erdgeschoss"),
            category: Category::Creative,
            registration_required: false,
            day: 4,
            times: ("14:30", "16:00"),
            weekly_on: &[],
        },
    );
    painting.cancelled = true;
    list.push(painting);
    list
}
