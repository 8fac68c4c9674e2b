//! Field-level content errors, with their message in each language, shared by the server (422 bodies)
//! and the app (messages next to the field).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ErrorCode {
    /// Empty where a value is needed (the French text of a title, say).
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    /// A line break (or another control character) in a field of one line: a title, a name.
    LineBreak,
    /// A control character other than a line break or a tab in a text.
    ControlCharacter,
    EndBeforeStart,
    /// New content that is already over.
    InThePast,
    /// A date outside what the residence plans for.
    DateOutOfRange {
        min: String,
        max: String,
    },
    /// A value the contract does not know, such as an allergen outside the 14 of Swiss law.
    UnknownValue {
        value: String,
    },
    /// The same thing twice where it must be unique (two dîners on one day).
    Duplicate,
    NumberOutOfRange {
        min: i64,
        max: i64,
    },
    InvalidEmail,
    InvalidPhone,
    /// Neither a phone number nor an e-mail address, where one of them is needed.
    PhoneOrEmail,
    /// No phone number where the residence can only answer by phone (it sends no e-mail).
    PhoneNeeded,
    /// The payload itself could not be read (a missing field, a wrong type, broken JSON).
    Malformed {
        detail: String,
    },
    /// Days of a bed that would replace a booking staff were not shown (made meanwhile at
    /// another desk): `bookings` says whose and when ("M.B. 14.12. – 18.12.").
    ReplacesBooking {
        bookings: String,
    },
    /// A file sent as a photo that is none we read (JPEG, PNG, WebP): an SVG, a renamed page.
    NotAPhoto,
    /// A photo that would take more memory than the server gives one: more pixels than this.
    PhotoTooLarge {
        max_megapixels: u32,
    },
    /// Places for one session of a course: a course counts its places once, for all its sessions.
    PlacesOfTheCourse,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// Where, as a path into the payload: `title.fr`, `meals[1].main.allergens[0]`.
    pub field: String,
    #[serde(flatten)]
    pub code: ErrorCode,
}

/// Every problem found in one piece of content, so that an editor sees them all at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error, ToSchema)]
#[error("invalid content: {}", .errors.iter().map(|e| format!("{}: {}", e.field, e.code.message(Lang::En))).collect::<Vec<_>>().join("; "))]
pub struct ContentError {
    pub errors: Vec<FieldError>,
}

impl ContentError {
    pub fn single(field: impl Into<String>, code: ErrorCode) -> Self {
        ContentError { errors: vec![FieldError { field: field.into(), code }] }
    }

    pub fn has(&self, field: &str, code: &ErrorCode) -> bool {
        self.errors.iter().any(|e| e.field == field && &e.code == code)
    }
}

impl ErrorCode {
    /// The message a staff member reads next to the field.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorCode::*;
        match (self, lang) {
            (Required, Lang::Fr) => "Ce champ est obligatoire.".into(),
            (Required, Lang::De) => "Dieses Feld ist erforderlich.".into(),
            (Required, Lang::En) => "This field is required.".into(),
            (TooLong { max }, Lang::Fr) => format!("Trop long : {max} caractères au plus."),
            (TooLong { max }, Lang::De) => format!("Zu lang: höchstens {max} Zeichen."),
            (TooLong { max }, Lang::En) => format!("Too long: at most {max} characters."),
            (TooShort { min }, Lang::Fr) => format!("Trop court : {min} caractères au moins."),
            (TooShort { min }, Lang::De) => format!("Zu kurz: mindestens {min} Zeichen."),
            (TooShort { min }, Lang::En) => format!("Too short: at least {min} characters."),
            (LineBreak, Lang::Fr) => "Ce champ tient sur une ligne : sans retour à la ligne.".into(),
            (LineBreak, Lang::De) => "Dieses Feld hat eine Zeile: ohne Zeilenumbruch.".into(),
            (LineBreak, Lang::En) => "This field is one line: no line breaks.".into(),
            (ControlCharacter, Lang::Fr) => "Ce texte contient un caractère invisible non permis.".into(),
            (ControlCharacter, Lang::De) => "Dieser Text enthält ein unzulässiges unsichtbares Zeichen.".into(),
            (ControlCharacter, Lang::En) => "This text holds an invisible character that is not allowed.".into(),
            (InThePast, Lang::Fr) => "Cette date est déjà passée.".into(),
            (InThePast, Lang::De) => "Dieses Datum ist schon vorbei.".into(),
            (InThePast, Lang::En) => "This date has already passed.".into(),
            (EndBeforeStart, Lang::Fr) => "La fin doit venir après le début.".into(),
            (EndBeforeStart, Lang::De) => "Das Ende muss nach dem Beginn liegen.".into(),
            (EndBeforeStart, Lang::En) => "The end must come after the start.".into(),
            (DateOutOfRange { min, max }, Lang::Fr) => {
                format!("Date hors des limites ({min} – {max}).")
            }
            (DateOutOfRange { min, max }, Lang::De) => {
                format!("Datum ausserhalb des Bereichs ({min} – {max}).")
            }
            (DateOutOfRange { min, max }, Lang::En) => {
                format!("Date out of range ({min} – {max}).")
            }
            (UnknownValue { value }, Lang::Fr) => format!("Valeur inconnue : « {value} »."),
            (UnknownValue { value }, Lang::De) => format!("Unbekannter Wert: «{value}»."),
            (UnknownValue { value }, Lang::En) => format!("Unknown value: “{value}”."),
            (Duplicate, Lang::Fr) => "Cette valeur figure déjà.".into(),
            (Duplicate, Lang::De) => "Dieser Wert ist schon vorhanden.".into(),
            (Duplicate, Lang::En) => "This value is already there.".into(),
            (NumberOutOfRange { min, max }, Lang::Fr) => format!("Nombre entre {min} et {max}."),
            (NumberOutOfRange { min, max }, Lang::De) => format!("Zahl zwischen {min} und {max}."),
            (NumberOutOfRange { min, max }, Lang::En) => format!("A number from {min} to {max}."),
            (InvalidEmail, Lang::Fr) => "Adresse e-mail invalide.".into(),
            (InvalidEmail, Lang::De) => "Ungültige E-Mail-Adresse.".into(),
            (InvalidEmail, Lang::En) => "Invalid e-mail address.".into(),
            (InvalidPhone, Lang::Fr) => "Numéro de téléphone invalide.".into(),
            (InvalidPhone, Lang::De) => "Ungültige Telefonnummer.".into(),
            (InvalidPhone, Lang::En) => "Invalid phone number.".into(),
            (PhoneOrEmail, Lang::Fr) => "Indiquez un numéro de téléphone ou une adresse e-mail.".into(),
            (PhoneOrEmail, Lang::De) => "Geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.".into(),
            (PhoneOrEmail, Lang::En) => "Give a phone number or an e-mail address.".into(),
            (PhoneNeeded, Lang::Fr) => "La résidence confirme par téléphone : indiquez votre numéro.".into(),
            (PhoneNeeded, Lang::De) => "Das Heim bestätigt telefonisch: Bitte geben Sie Ihre Nummer an.".into(),
            (PhoneNeeded, Lang::En) => "The residence confirms by phone: please give your number.".into(),
            (Malformed { detail }, Lang::Fr) => format!("Donnée illisible : {detail}"),
            (Malformed { detail }, Lang::De) => format!("Unlesbare Angabe: {detail}"),
            (Malformed { detail }, Lang::En) => format!("Unreadable value: {detail}"),
            (ReplacesBooking { bookings }, Lang::Fr) => {
                format!("Ces jours viennent d'être réservés ({bookings}) : le calendrier est à jour, vérifiez avant de remplacer.")
            }
            (ReplacesBooking { bookings }, Lang::De) => {
                format!("Diese Tage wurden soeben reserviert ({bookings}): Der Kalender ist aktualisiert, prüfen Sie vor dem Ersetzen.")
            }
            (ReplacesBooking { bookings }, Lang::En) => {
                format!("These days were just booked ({bookings}): the calendar is up to date, check before replacing.")
            }
            (NotAPhoto, Lang::Fr) => "Ce fichier n'est pas une photo lisible (JPEG, PNG ou WebP).".into(),
            (NotAPhoto, Lang::De) => "Diese Datei ist kein lesbares Foto (JPEG, PNG oder WebP).".into(),
            (NotAPhoto, Lang::En) => "This file is not a photo we can read (JPEG, PNG or WebP).".into(),
            (PhotoTooLarge { max_megapixels }, Lang::Fr) => format!("Photo trop grande : {max_megapixels} mégapixels au plus."),
            (PhotoTooLarge { max_megapixels }, Lang::De) => format!("Foto zu gross: höchstens {max_megapixels} Megapixel."),
            (PhotoTooLarge { max_megapixels }, Lang::En) => format!("Photo too large: at most {max_megapixels} megapixels."),
            (PlacesOfTheCourse, Lang::Fr) => "Un cours compte ses places une fois, pour toutes ses séances : pas de places par séance.".into(),
            (PlacesOfTheCourse, Lang::De) => "Ein Kurs zählt seine Plätze einmal, für alle Termine: keine Plätze pro Termin.".into(),
            (PlacesOfTheCourse, Lang::En) => "A course counts its places once, for all its sessions: no places per session.".into(),
        }
    }
}
