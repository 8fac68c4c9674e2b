//! The editor's own words, in French and German (the staff's languages), and the one chosen.
//! Content validation messages come from the content crate, in the same language.

use plantzette_content::Lang;
pub use plantzette_web::locale::lang;
use plantzette_web::locale::{self, Locale};

mod de;
mod fr;

use de::DE;
use fr::FR;

const STORAGE_KEY: &str = "plantzette.editor.lang";

/// Provides the language: the one chosen last time, else the browser's if French or German,
/// else French (the staff's languages: English readers get French).
pub fn provide_locale() -> Locale {
    locale::provide_locale(STORAGE_KEY, |device| {
        device.stored.or(device.browser.first().copied()).filter(|lang| *lang != Lang::En).unwrap_or(Lang::Fr)
    })
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
    pub english: &'static str,
    /// Next to a translation still to write.
    pub missing_translation: &'static str,
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
    pub print: &'static str,
    pub print_document: &'static str,
    pub print_week: &'static str,
    pub print_menus: &'static str,
    pub print_today: &'static str,
    pub print_week_of: &'static str,
    pub print_language: &'static str,
    pub print_in_french: &'static str,
    pub print_in_german: &'static str,
    pub print_in_both: &'static str,
    pub print_paper: &'static str,
    pub paper_a4: &'static str,
    pub paper_a3: &'static str,
    pub print_open: &'static str,
    pub origin: &'static str,
    pub meat_or_fish: &'static str,
    pub country: &'static str,
    pub add_origin: &'static str,
    pub remove_origin: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub what: &'static str,
    pub nothing_yet: &'static str,
    pub preview: &'static str,
    pub preview_kiosk: &'static str,
    pub preview_phone: &'static str,
    pub residence: &'static str,
    pub visits: &'static str,
    pub visits_message: &'static str,
    pub visiting_hours: &'static str,
    pub days: &'static str,
    pub add: &'static str,
    pub name: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub contact_name: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub pages: &'static str,
    pub page_kind: &'static str,
    pub summary: &'static str,
    pub body: &'static str,
    pub short_stay_beds: &'static str,
    pub beds_available: &'static str,
    pub beds_total: &'static str,
    pub programmes: &'static str,
    pub topic: &'static str,
    pub audiences: &'static str,
    pub sessions: &'static str,
    pub price_chf: &'static str,
    pub price_note: &'static str,
    pub accounts: &'static str,
    pub role: &'static str,
    pub role_editor: &'static str,
    pub role_admin: &'static str,
    pub new_password: &'static str,
    pub account_created: &'static str,
    pub last_backup: &'static str,
    pub no_backup_yet: &'static str,
    pub backup_overdue: &'static str,
}
