//! The editor's own words, in French and German (the staff's languages), and the one chosen.
//! Content validation messages come from the content crate, in the same language.

use leptos::prelude::*;
use plantzette_content::Lang;

const STORAGE_KEY: &str = "plantzette.editor.lang";

#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

pub fn provide_locale() -> Locale {
    let storage = window().local_storage().ok().flatten();
    let stored = storage.as_ref().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let browser = window().navigator().language();
    let initial = stored.or(browser).as_deref().and_then(Lang::from_code).filter(|lang| *lang != Lang::En).unwrap_or(Lang::Fr);
    let locale = Locale(RwSignal::new(initial));
    Effect::new(move || {
        let lang = locale.0.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if let Some(storage) = &storage {
            let _ = storage.set_item(STORAGE_KEY, lang.code());
        }
    });
    provide_context(locale);
    locale
}

/// The language chosen; the editor is drawn anew when it changes.
pub fn lang() -> Lang {
    expect_context::<Locale>().0.get_untracked()
}

pub fn ui() -> &'static Ui {
    labels(lang())
}

/// The editor's words in `lang` (English readers get French: the staff speak French or German).
pub fn labels(lang: Lang) -> &'static Ui {
    match lang {
        Lang::De => &DE,
        Lang::Fr | Lang::En => &FR,
    }
}

pub struct Ui {
    pub title: &'static str,
    pub login: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    pub log_out: &'static str,
    pub logged_in_as: &'static str,
    pub wrong_login: &'static str,
    pub too_many_attempts: &'static str,
    pub session_ended: &'static str,
    pub forbidden: &'static str,
    pub network: &'static str,
    pub navigation: &'static str,
    pub activities: &'static str,
    pub menus: &'static str,
    pub announcements: &'static str,
    pub journal: &'static str,
    pub new_item: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub delete: &'static str,
    pub restore: &'static str,
    pub deleted: &'static str,
    pub saved: &'static str,
    pub fix_fields: &'static str,
    pub conflict: &'static str,
    pub their_version: &'static str,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub loading: &'static str,
    pub french: &'static str,
    pub german: &'static str,
    pub text: &'static str,
    pub priority: &'static str,
    pub shown_from: &'static str,
    pub shown_until: &'static str,
    pub title_field: &'static str,
    pub place: &'static str,
    pub description: &'static str,
    pub category: &'static str,
    pub date: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub weekly: &'static str,
    pub weekdays: &'static str,
    pub until: &'static str,
    pub cancelled_days: &'static str,
    pub cancel_day: &'static str,
    pub remove: &'static str,
    pub registration_required: &'static str,
    pub wheelchair_accessible: &'static str,
    pub cancelled: &'static str,
    pub week_of: &'static str,
    pub previous_week: &'static str,
    pub next_week: &'static str,
    pub copy_last_week: &'static str,
    pub copied: &'static str,
    pub no_menu: &'static str,
    pub main_course: &'static str,
    pub vegetarian: &'static str,
    pub allergens: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub nothing_yet: &'static str,
}

pub static FR: Ui = Ui {
    title: "Gestion",
    login: "Identifiant",
    password: "Mot de passe",
    log_in: "Se connecter",
    log_out: "Se déconnecter",
    logged_in_as: "Connecté·e : ",
    wrong_login: "Identifiant ou mot de passe incorrect.",
    too_many_attempts: "Trop d\u{2019}essais manqués : réessayez dans un quart d\u{2019}heure.",
    session_ended: "Votre session a pris fin : reconnectez-vous. Ce que vous avez saisi est encore là.",
    forbidden: "Votre compte ne permet pas cette action.",
    network: "Pas de connexion au serveur : rien n\u{2019}a été enregistré. Réessayez dans un instant.",
    navigation: "Gestion du contenu",
    activities: "Activités",
    menus: "Menus",
    announcements: "Annonces",
    journal: "Journal des modifications",
    new_item: "Nouveau",
    edit: "Modifier",
    save: "Enregistrer",
    cancel: "Annuler",
    delete: "Supprimer",
    restore: "Restaurer",
    deleted: "Supprimé",
    saved: "Enregistré. L\u{2019}écran d\u{2019}accueil l\u{2019}affiche dans quelques secondes.",
    fix_fields: "Corrigez les champs signalés, puis enregistrez.",
    conflict: "Quelqu\u{2019}un d\u{2019}autre a enregistré cet élément pendant que vous le modifiiez. Rien n\u{2019}est perdu : choisissez.",
    their_version: "Sa version",
    keep_mine: "Garder ma version (remplace la sienne)",
    take_theirs: "Reprendre sa version",
    loading: "Chargement…",
    french: "français",
    german: "allemand",
    text: "Texte",
    priority: "Importance",
    shown_from: "Affiché dès le",
    shown_until: "Affiché jusqu\u{2019}au",
    title_field: "Titre",
    place: "Lieu",
    description: "Description",
    category: "Genre",
    date: "Date",
    starts: "Début",
    ends: "Fin",
    weekly: "Chaque semaine",
    weekdays: "Jours",
    until: "Jusqu\u{2019}au",
    cancelled_days: "Annulée ces jours-là",
    cancel_day: "Annuler ce jour",
    remove: "Retirer",
    registration_required: "Sur inscription",
    wheelchair_accessible: "Accessible en fauteuil roulant",
    cancelled: "Annulée",
    week_of: "Semaine du",
    previous_week: "Semaine précédente",
    next_week: "Semaine suivante",
    copy_last_week: "Copier la semaine précédente",
    copied: "Menus copiés de la semaine précédente : vérifiez-les, ils sont publiés.",
    no_menu: "Pas encore de menu",
    main_course: "Plat",
    vegetarian: "Végétarien",
    allergens: "Allergènes",
    when: "Quand",
    who: "Qui",
    what: "Quoi",
    nothing_yet: "Rien pour l\u{2019}instant.",
};

pub static DE: Ui = Ui {
    title: "Verwaltung",
    login: "Benutzername",
    password: "Passwort",
    log_in: "Anmelden",
    log_out: "Abmelden",
    logged_in_as: "Angemeldet: ",
    wrong_login: "Benutzername oder Passwort falsch.",
    too_many_attempts: "Zu viele Fehlversuche: bitte in einer Viertelstunde erneut versuchen.",
    session_ended: "Ihre Sitzung ist abgelaufen: bitte neu anmelden. Ihre Eingaben sind noch da.",
    forbidden: "Ihr Konto erlaubt diese Aktion nicht.",
    network: "Keine Verbindung zum Server: nichts wurde gespeichert. Bitte gleich nochmals versuchen.",
    navigation: "Inhalte verwalten",
    activities: "Aktivitäten",
    menus: "Menüs",
    announcements: "Mitteilungen",
    journal: "Änderungsprotokoll",
    new_item: "Neu",
    edit: "Bearbeiten",
    save: "Speichern",
    cancel: "Abbrechen",
    delete: "Löschen",
    restore: "Wiederherstellen",
    deleted: "Gelöscht",
    saved: "Gespeichert. Der Bildschirm am Empfang zeigt es in wenigen Sekunden.",
    fix_fields: "Bitte die markierten Felder korrigieren und dann speichern.",
    conflict: "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. Nichts ist verloren: bitte wählen.",
    their_version: "Die andere Fassung",
    keep_mine: "Meine Fassung behalten (ersetzt die andere)",
    take_theirs: "Die andere Fassung übernehmen",
    loading: "Wird geladen…",
    french: "Französisch",
    german: "Deutsch",
    text: "Text",
    priority: "Wichtigkeit",
    shown_from: "Angezeigt ab",
    shown_until: "Angezeigt bis",
    title_field: "Titel",
    place: "Ort",
    description: "Beschreibung",
    category: "Art",
    date: "Datum",
    starts: "Beginn",
    ends: "Ende",
    weekly: "Jede Woche",
    weekdays: "Tage",
    until: "Bis",
    cancelled_days: "An diesen Tagen abgesagt",
    cancel_day: "Diesen Tag absagen",
    remove: "Entfernen",
    registration_required: "Mit Anmeldung",
    wheelchair_accessible: "Rollstuhlgängig",
    cancelled: "Abgesagt",
    week_of: "Woche vom",
    previous_week: "Vorherige Woche",
    next_week: "Nächste Woche",
    copy_last_week: "Vorwoche kopieren",
    copied: "Menüs der Vorwoche kopiert: bitte prüfen, sie sind veröffentlicht.",
    no_menu: "Noch kein Menü",
    main_course: "Hauptgang",
    vegetarian: "Vegetarisch",
    allergens: "Allergene",
    when: "Wann",
    who: "Wer",
    what: "Was",
    nothing_yet: "Noch nichts.",
};
