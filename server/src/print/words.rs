//! The printed documents' own words in French, German and English (content comes translated;
//! dates, kinds, courses and allergens have their labels in the content crate).

use plantzette_content::Lang;

pub struct Words {
    pub week_programme: &'static str,
    pub week_menus: &'static str,
    pub printed_on: &'static str,
    pub morning: &'static str,
    pub afternoon: &'static str,
    pub evening: &'static str,
    pub registration_required: &'static str,
    pub cancelled: &'static str,
    pub prevention_sessions: &'static str,
    pub on_your_phone: &'static str,
    pub nothing_planned: &'static str,
    pub no_menu: &'static str,
    pub allergens: &'static str,
    pub no_allergens: &'static str,
    pub origin: &'static str,
    pub allergen_notice: &'static str,
    pub origin_notice: &'static str,
    pub season: &'static str,
    pub activities: &'static str,
    pub meals: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

static FR: Words = Words {
    week_programme: "Programme de la semaine",
    week_menus: "Menus de la semaine",
    printed_on: "Imprimé le",
    morning: "Matin",
    afternoon: "Après-midi",
    evening: "Soir",
    registration_required: "Sur inscription",
    cancelled: "Annulé",
    prevention_sessions: "Prévention cette semaine",
    on_your_phone: "Sur votre téléphone",
    nothing_planned: "Rien de prévu",
    no_menu: "Menu pas encore publié",
    allergens: "Allergènes",
    no_allergens: "aucun allergène à déclarer",
    origin: "Origine",
    allergen_notice: "Les 14 allergènes de la loi suisse sont déclarés pour chaque plat. Pour toute question sur un plat, adressez-vous au personnel de cuisine ou de service.",
    origin_notice: "L\u{2019}origine de la viande et du poisson est indiquée pour chaque plat.",
    season: "Saison",
    activities: "Activités",
    meals: "Repas",
};

static DE: Words = Words {
    week_programme: "Wochenprogramm",
    week_menus: "Menüs der Woche",
    printed_on: "Gedruckt am",
    morning: "Morgen",
    afternoon: "Nachmittag",
    evening: "Abend",
    registration_required: "Mit Anmeldung",
    cancelled: "Abgesagt",
    prevention_sessions: "Prävention diese Woche",
    on_your_phone: "Auf Ihrem Telefon",
    nothing_planned: "Nichts geplant",
    no_menu: "Menü noch nicht veröffentlicht",
    allergens: "Allergene",
    no_allergens: "keine deklarationspflichtigen Allergene",
    origin: "Herkunft",
    allergen_notice: "Die 14 Allergene des Schweizer Rechts sind für jedes Gericht angegeben. Bei Fragen zu einem Gericht wenden Sie sich an das Küchen- oder Servicepersonal.",
    origin_notice: "Die Herkunft von Fleisch und Fisch ist bei jedem Gericht angegeben.",
    season: "Jahreszeit",
    activities: "Aktivitäten",
    meals: "Mahlzeiten",
};

static EN: Words = Words {
    week_programme: "This week\u{2019}s programme",
    week_menus: "This week\u{2019}s menus",
    printed_on: "Printed on",
    morning: "Morning",
    afternoon: "Afternoon",
    evening: "Evening",
    registration_required: "Registration required",
    cancelled: "Cancelled",
    prevention_sessions: "Prevention this week",
    on_your_phone: "On your phone",
    nothing_planned: "Nothing planned",
    no_menu: "Menu not published yet",
    allergens: "Allergens",
    no_allergens: "no allergens to declare",
    origin: "Origin",
    allergen_notice: "The 14 allergens of Swiss law are declared for every dish. For any question about a dish, ask the kitchen or service staff.",
    origin_notice: "The origin of meat and fish is given for every dish.",
    season: "Season",
    activities: "Activities",
    meals: "Meals",
};
