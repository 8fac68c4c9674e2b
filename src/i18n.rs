//! The app's own words in French, German and English, and the language chosen.
//!
//! Each language is one `Ui` value, so a missing translation is a compile error. Content texts
//! come translated from the server; these are only the app's labels.

use leptos::prelude::*;
use plantzette_content::Lang;

/// The language chosen, shared by every component.
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

const STORAGE_KEY: &str = "plantzette.lang";

/// Provides the language: the one chosen last time on this device, else (but on the kiosk) the
/// browser's first language we speak, else French.
pub fn provide_locale(kiosk: bool) -> Locale {
    let stored = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    // The lobby screen speaks the residence's language until a resident chooses another.
    let browser = if kiosk { None } else { browser_language() };
    let initial = stored.as_deref().and_then(Lang::from_code).or(browser).unwrap_or_default();
    let locale = Locale(RwSignal::new(initial));
    Effect::new(move || {
        let lang = locale.0.get();
        if let Some(root) = document().document_element() {
            // Screen readers and speech synthesis pronounce the page by its `lang`.
            let _ = root.set_attribute("lang", lang.code());
        }
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
    });
    provide_context(locale);
    locale
}

fn browser_language() -> Option<Lang> {
    window().navigator().languages().iter().filter_map(|code| code.as_string()).find_map(|code| Lang::from_code(&code))
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The language chosen. Read untracked: the app draws its routed view anew when it changes
/// (see `App`), so components use plain labels rather than one reactive node per label.
pub fn lang() -> Lang {
    expect_context::<Locale>().0.get_untracked()
}

/// The app's labels in the chosen language.
pub fn ui() -> &'static Ui {
    labels(lang())
}

pub fn set_lang(lang: Lang) {
    expect_context::<Locale>().0.set(lang);
}

/// The app's labels in one language.
pub struct Ui {
    pub skip_to_content: &'static str,
    pub main_navigation: &'static str,
    pub language: &'static str,
    pub today: &'static str,
    pub activities: &'static str,
    pub menus: &'static str,
    pub programmes: &'static str,
    pub info: &'static str,
    pub loading: &'static str,
    pub error_network: &'static str,
    pub error_server: &'static str,
    pub error_unreadable: &'static str,
    pub retry: &'static str,
    pub now_on: &'static str,
    pub next: &'static str,
    pub cancelled: &'static str,
    pub registration_required: &'static str,
    pub not_wheelchair_accessible: &'static str,
    pub no_activities: &'static str,
    pub no_activities_of_kind: &'static str,
    pub no_menu: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub this_week: &'static str,
    pub allergens: &'static str,
    pub no_allergens: &'static str,
    pub announcements: &'static str,
    pub todays_activities: &'static str,
    pub todays_menu: &'static str,
    pub next_prevention_session: &'static str,
    pub visiting_hours: &'static str,
    pub contact: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub audience: &'static str,
    pub sessions: &'static str,
    pub price: &'static str,
    pub registration: &'static str,
    pub all_programmes: &'static str,
    pub no_programmes: &'static str,
    pub more_info: &'static str,
    pub free_beds: &'static str,
    pub of: &'static str,
    pub not_found: &'static str,
    pub not_found_text: &'static str,
    /// An item asked for by its address that is not there (deleted, or a wrong link).
    pub item_not_found: &'static str,
    pub back_home: &'static str,
    pub in_french_only: &'static str,
    /// "Allergènes : " in French (a non-breaking space before the colon), "Allergene: " otherwise.
    pub colon: &'static str,
    pub add_to_calendar: &'static str,
    pub subscribe_calendar: &'static str,
    pub calendar_address: &'static str,
    pub all_categories: &'static str,
    pub kind_of_activity: &'static str,
    pub go_to_date: &'static str,
    pub whole_week: &'static str,
    pub swiss_time: &'static str,
    pub urgent: &'static str,
    pub wake_up: &'static str,
    pub highlights: &'static str,
    pub pause_highlights: &'static str,
    pub resume_highlights: &'static str,
    pub announcement: &'static str,
    pub last_updated: &'static str,
    pub showing_last_content: &'static str,
    pub read_aloud: &'static str,
    pub stop_reading: &'static str,
    pub home: &'static str,
    pub day_programme: &'static str,
    pub the_week: &'static str,
    pub preview: &'static str,
    pub no_preview: &'static str,
}

pub fn labels(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Fr => &FR,
        Lang::De => &DE,
        Lang::En => &EN,
    }
}

static FR: Ui = Ui {
    skip_to_content: "Aller au contenu",
    main_navigation: "Navigation principale",
    language: "Langue",
    today: "Aujourd'hui",
    activities: "Activités",
    menus: "Menus",
    programmes: "Prévention",
    info: "Infos pratiques",
    loading: "Chargement…",
    error_network: "Le serveur ne répond pas. Vérifiez la connexion, puis réessayez.",
    error_server: "Le serveur a rencontré un problème.",
    error_unreadable: "La réponse du serveur est illisible.",
    retry: "Réessayer",
    now_on: "En ce moment",
    next: "Ensuite",
    cancelled: "Annulé",
    registration_required: "Sur inscription",
    not_wheelchair_accessible: "Pas accessible en fauteuil roulant",
    no_activities: "Aucune activité prévue ce jour-là.",
    no_activities_of_kind: "Aucune activité de ce genre cette semaine.",
    no_menu: "Le menu n'est pas encore publié.",
    previous_week: "Semaine précédente",
    next_week: "Semaine suivante",
    this_week: "Cette semaine",
    allergens: "Allergènes",
    no_allergens: "aucun allergène à déclarer",
    announcements: "Annonces",
    todays_activities: "Activités du jour",
    todays_menu: "Menu du jour",
    next_prevention_session: "Prochaine séance de prévention",
    visiting_hours: "Heures de visite",
    contact: "Nous joindre",
    phone: "Téléphone",
    email: "E-mail",
    audience: "Pour qui",
    sessions: "Séances",
    price: "Prix",
    registration: "Inscription",
    all_programmes: "Tous les programmes",
    no_programmes: "Aucun programme annoncé pour le moment.",
    more_info: "À savoir",
    free_beds: "Lits libres",
    of: "sur",
    not_found: "Page introuvable",
    not_found_text: "Cette adresse ne mène à aucune page.",
    item_not_found: "Ce que vous cherchez n'existe pas ou plus : il a peut-être été retiré.",
    back_home: "Retour à l'accueil",
    in_french_only: "en français seulement",
    colon: "\u{a0}: ",
    add_to_calendar: "Ajouter à mon agenda",
    subscribe_calendar: "S'abonner à ce calendrier",
    calendar_address: "Adresse du calendrier",
    all_categories: "Toutes",
    kind_of_activity: "Genre d'activité",
    go_to_date: "Aller à la date",
    whole_week: "Toute la semaine",
    swiss_time: "Toutes les heures sont celles de Sierre (Suisse).",
    urgent: "Important",
    read_aloud: "Lire à haute voix",
    stop_reading: "Arrêter la lecture",
    home: "Accueil",
    day_programme: "Programme du jour",
    the_week: "La semaine",
    preview: "Aperçu",
    no_preview: "Rien à montrer : l\u{2019}aperçu vient de la page de gestion.",
    showing_last_content: "Affichage du dernier contenu reçu.",
    last_updated: "Dernière mise à jour",
    wake_up: "Toucher pour réveiller l\u{2019}écran",
    highlights: "À ne pas manquer",
    pause_highlights: "Arrêter le défilement",
    resume_highlights: "Reprendre le défilement",
    announcement: "Annonce",
};

static DE: Ui = Ui {
    skip_to_content: "Zum Inhalt",
    main_navigation: "Hauptnavigation",
    language: "Sprache",
    today: "Heute",
    activities: "Aktivitäten",
    menus: "Menüs",
    programmes: "Prävention",
    info: "Praktische Infos",
    loading: "Wird geladen…",
    error_network: "Der Server antwortet nicht. Prüfen Sie die Verbindung und versuchen Sie es erneut.",
    error_server: "Beim Server ist ein Problem aufgetreten.",
    error_unreadable: "Die Antwort des Servers ist unlesbar.",
    retry: "Erneut versuchen",
    now_on: "Jetzt",
    next: "Als Nächstes",
    cancelled: "Abgesagt",
    registration_required: "Mit Anmeldung",
    not_wheelchair_accessible: "Nicht rollstuhlgängig",
    no_activities: "An diesem Tag ist nichts geplant.",
    no_activities_of_kind: "Diese Woche gibt es nichts von dieser Art.",
    no_menu: "Das Menü ist noch nicht veröffentlicht.",
    previous_week: "Vorherige Woche",
    next_week: "Nächste Woche",
    this_week: "Diese Woche",
    allergens: "Allergene",
    no_allergens: "keine deklarationspflichtigen Allergene",
    announcements: "Mitteilungen",
    todays_activities: "Aktivitäten heute",
    todays_menu: "Menü des Tages",
    next_prevention_session: "Nächstes Präventionstreffen",
    visiting_hours: "Besuchszeiten",
    contact: "Kontakt",
    phone: "Telefon",
    email: "E-Mail",
    audience: "Für wen",
    sessions: "Termine",
    price: "Preis",
    registration: "Anmeldung",
    all_programmes: "Alle Programme",
    no_programmes: "Zurzeit ist kein Programm angekündigt.",
    more_info: "Gut zu wissen",
    free_beds: "Freie Betten",
    of: "von",
    not_found: "Seite nicht gefunden",
    not_found_text: "Diese Adresse führt zu keiner Seite.",
    item_not_found: "Was Sie suchen, gibt es nicht oder nicht mehr: Es wurde vielleicht entfernt.",
    back_home: "Zur Startseite",
    in_french_only: "nur auf Französisch",
    colon: ": ",
    add_to_calendar: "In meinen Kalender",
    subscribe_calendar: "Diesen Kalender abonnieren",
    calendar_address: "Adresse des Kalenders",
    all_categories: "Alle",
    kind_of_activity: "Art der Aktivität",
    go_to_date: "Zum Datum",
    whole_week: "Die ganze Woche",
    swiss_time: "Alle Zeiten sind Schweizer Zeit (Siders).",
    urgent: "Wichtig",
    read_aloud: "Vorlesen",
    stop_reading: "Vorlesen beenden",
    home: "Start",
    day_programme: "Tagesprogramm",
    the_week: "Die Woche",
    preview: "Vorschau",
    no_preview: "Nichts zu zeigen: die Vorschau kommt aus der Verwaltung.",
    showing_last_content: "Anzeige des zuletzt erhaltenen Inhalts.",
    last_updated: "Letzte Aktualisierung",
    wake_up: "Berühren, um den Bildschirm zu wecken",
    highlights: "Nicht verpassen",
    pause_highlights: "Wechsel anhalten",
    resume_highlights: "Wechsel fortsetzen",
    announcement: "Mitteilung",
};

static EN: Ui = Ui {
    skip_to_content: "Skip to content",
    main_navigation: "Main navigation",
    language: "Language",
    today: "Today",
    activities: "Activities",
    menus: "Menus",
    programmes: "Prevention",
    info: "Practical info",
    loading: "Loading…",
    error_network: "The server does not answer. Check the connection, then try again.",
    error_server: "The server ran into a problem.",
    error_unreadable: "The server's answer could not be read.",
    retry: "Try again",
    now_on: "Now on",
    next: "Next",
    cancelled: "Cancelled",
    registration_required: "Registration needed",
    not_wheelchair_accessible: "Not wheelchair accessible",
    no_activities: "Nothing planned on this day.",
    no_activities_of_kind: "Nothing of this kind this week.",
    no_menu: "The menu is not published yet.",
    previous_week: "Previous week",
    next_week: "Next week",
    this_week: "This week",
    allergens: "Allergens",
    no_allergens: "no allergens to declare",
    announcements: "Announcements",
    todays_activities: "Today's activities",
    todays_menu: "Today's menu",
    next_prevention_session: "Next prevention session",
    visiting_hours: "Visiting hours",
    contact: "Contact us",
    phone: "Phone",
    email: "E-mail",
    audience: "Who it is for",
    sessions: "Sessions",
    price: "Price",
    registration: "Registration",
    all_programmes: "All programmes",
    no_programmes: "No programme announced at the moment.",
    more_info: "Good to know",
    free_beds: "Free beds",
    of: "of",
    not_found: "Page not found",
    not_found_text: "This address leads to no page.",
    item_not_found: "What you are looking for does not exist, or no longer: it may have been removed.",
    back_home: "Back to the home page",
    in_french_only: "in French only",
    colon: ": ",
    add_to_calendar: "Add to my calendar",
    subscribe_calendar: "Subscribe to this calendar",
    calendar_address: "Calendar address",
    all_categories: "All",
    kind_of_activity: "Kind of activity",
    go_to_date: "Go to date",
    whole_week: "The whole week",
    swiss_time: "All times are Swiss time (Sierre).",
    urgent: "Important",
    read_aloud: "Read aloud",
    stop_reading: "Stop reading",
    home: "Home",
    day_programme: "Today's programme",
    the_week: "The week",
    preview: "Preview",
    no_preview: "Nothing to show: previews come from the staff editor.",
    showing_last_content: "Showing the last content received.",
    last_updated: "Last updated",
    wake_up: "Touch to wake the screen",
    highlights: "Don\u{2019}t miss",
    pause_highlights: "Stop the slideshow",
    resume_highlights: "Resume the slideshow",
    announcement: "Announcement",
};
