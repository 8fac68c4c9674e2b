//! Photos of the home's life: what one belongs to (an activity, a day of it, a programme, an
//! info page), the short description that is its text alternative, and who may see it, decided
//! per photo by staff, since residents are recognisable in them (personal data, nLPD):
//!
//! - `public`: no one recognisable (the building, the garden): anyone, anywhere;
//! - `in_house`: residents recognisable, their consent recorded for the home's own screens: the
//!   lobby kiosks (an adopted screen) and staff, never a public address. The default;
//! - `families`: consent recorded for the families on the web: the public pages too.
//!
//! The server keeps each photo as a few sizes, re-encoded without any of the original's metadata
//! (`WIDTHS`); the original is not kept.

use crate::parse::Rules;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ContentError;
use crate::page::PageSlug;
use crate::text::{Lang, Text};
use crate::validate::{Limit, Validator};

/// The widths the server makes of each photo (no wider than the photo itself): a phone's, a
/// tablet's or a kiosk's half, a kiosk's whole screen.
pub const WIDTHS: [u32; 3] = [480, 960, 1920];
/// A photo's description, read by screen readers in its place: a sentence.
pub const DESCRIPTION: Limit = Limit::line(200);
/// Days a photo in which residents are recognisable is kept after it was added, by default: the
/// year's life of the home, then it is erased.
pub const KEPT_DAYS: u32 = 365;
/// The most pixels a photo may have: a phone's 12 to 48-megapixel photos, not a decompression
/// bomb (a small file that would decode to gigabytes).
pub const MAX_MEGAPIXELS: u32 = 50;

/// Who may see a photo.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    /// No one recognisable: anyone may see it.
    Public,
    /// Residents recognisable, consent recorded for the home's screens: kiosks and staff only.
    #[default]
    InHouse,
    /// Consent recorded for the families on the web: the public pages too.
    Families,
}

impl Consent {
    pub const ALL: [Consent; 3] = [Consent::Public, Consent::InHouse, Consent::Families];

    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Public => "public",
            Consent::InHouse => "in_house",
            Consent::Families => "families",
        }
    }

    pub fn parse(value: &str) -> Option<Consent> {
        Consent::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// Whether the public pages may show it, to anyone.
    pub fn on_the_web(self) -> bool {
        self != Consent::InHouse
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Consent::Public, Lang::Fr) => "Personne de reconnaissable : visible par tous",
            (Consent::Public, Lang::De) => "Niemand erkennbar: für alle sichtbar",
            (Consent::Public, Lang::En) => "No one recognisable: anyone may see it",
            (Consent::InHouse, Lang::Fr) => "Résidents reconnaissables, accord pour les écrans de la maison",
            (Consent::InHouse, Lang::De) => "Bewohnende erkennbar, Einverständnis für die Bildschirme im Haus",
            (Consent::InHouse, Lang::En) => "Residents recognisable, consent for the home's screens",
            (Consent::Families, Lang::Fr) => "Accord enregistré pour les familles sur le web",
            (Consent::Families, Lang::De) => "Einverständnis für die Familien im Web",
            (Consent::Families, Lang::En) => "Consent recorded for the families on the web",
        }
    }
}

/// What a photo belongs to, named as in its key: an activity (`activities/5`) or one day of it
/// (`activities/5/2026-12-10`), a programme (`programmes/3`), an info page (`pages/short_stay`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    Activity { id: i64, day: Option<NaiveDate> },
    Programme { id: i64 },
    Page { slug: PageSlug },
}

impl Owner {
    pub fn key(&self) -> String {
        match self {
            Owner::Activity { id, day: None } => format!("activities/{id}"),
            Owner::Activity { id, day: Some(day) } => format!("activities/{id}/{day}"),
            Owner::Programme { id } => format!("programmes/{id}"),
            Owner::Page { slug } => format!("pages/{}", slug.as_str()),
        }
    }

    /// Reads a key written by `key`; anything else is `None`.
    pub fn parse(key: &str) -> Option<Owner> {
        let parts: Vec<&str> = key.split('/').collect();
        match parts.as_slice() {
            ["activities", id] => Some(Owner::Activity { id: id.parse().ok()?, day: None }),
            ["activities", id, day] => Some(Owner::Activity { id: id.parse().ok()?, day: Some(day.parse().ok()?) }),
            ["programmes", id] => Some(Owner::Programme { id: id.parse().ok()? }),
            ["pages", slug] => Some(Owner::Page { slug: PageSlug::parse(slug)? }),
            _ => None,
        }
    }

    /// Whether a photo of `self` belongs on the page of `shown` too: a photo of an activity as a
    /// whole (its series) on each of its days; a photo of one day on that day's page only.
    pub fn belongs_to(&self, shown: &Owner) -> bool {
        match (self, shown) {
            (Owner::Activity { id, day: None }, Owner::Activity { id: other, .. }) => id == other,
            _ => self == shown,
        }
    }
}

/// What staff say of a photo: its description (French required, German and English optional,
/// marked when missing, as every text) and who may see it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PhotoInfo {
    pub description: Text,
    #[serde(default)]
    pub consent: Consent,
}

impl PhotoInfo {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.text("description", &self.description, DESCRIPTION);
        v.finish()
    }
}

/// A photo as the API serves it: where it belongs, what it shows, who may see it, and its files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Photo {
    pub id: i64,
    pub version: i64,
    /// Its owner's key (`activities/5/2026-12-10`).
    pub owner: String,
    #[serde(flatten)]
    pub info: PhotoInfo,
    /// The largest size's pixels.
    pub width: u32,
    pub height: u32,
    /// The hash its files are named by: `/photos/{hash}-{width}.webp` and `.jpg`, never changing.
    pub hash: String,
    /// The widths made of it, smallest first.
    pub widths: Vec<u32>,
    /// When staff added it: the day it is of when it belongs to no day, and the start of the time
    /// it is kept (`KEPT_DAYS`).
    pub added_at: DateTime<Utc>,
}

/// The formats of a photo's files: WebP for the browsers that read it (all of today's), JPEG
/// beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Webp,
    Jpeg,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
        }
    }
}

impl Photo {
    /// The address of one of its files.
    pub fn file(&self, width: u32, format: Format) -> String {
        format!("/photos/{}-{width}.{}", self.hash, format.extension())
    }

    /// Every size in one format, for `srcset`: `/photos/…-480.webp 480w, …`.
    pub fn srcset(&self, format: Format) -> String {
        self.widths.iter().map(|w| format!("{} {w}w", self.file(*w, format))).collect::<Vec<_>>().join(", ")
    }

    /// The height of the size `width` wide, its proportions kept.
    pub fn height_at(&self, width: u32) -> u32 {
        (u64::from(self.height) * u64::from(width) / u64::from(self.width.max(1))) as u32
    }

    pub fn owner(&self) -> Option<Owner> {
        Owner::parse(&self.owner)
    }

    /// The day it shows: its activity's day, or else the day it was added (residence time). The
    /// photos of the week are those whose day is in it.
    pub fn day(&self) -> NaiveDate {
        match self.owner() {
            Some(Owner::Activity { day: Some(day), .. }) => day,
            _ => crate::schedule::residence_time(self.added_at).date(),
        }
    }
}

/// A photo file's address read back: its hash, its width and its format.
pub fn read_file_name(name: &str) -> Option<(&str, u32, Format)> {
    let (stem, extension) = name.rsplit_once('.')?;
    let format = match extension {
        "webp" => Format::Webp,
        "jpg" => Format::Jpeg,
        _ => return None,
    };
    let (hash, width) = stem.rsplit_once('-')?;
    let hex = hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit());
    hex.then_some((hash, width.parse().ok()?, format))
}

impl Rules for PhotoInfo {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_read_back_from_their_keys_and_a_series_photo_is_on_each_of_its_days() {
        let day: NaiveDate = "2026-12-10".parse().unwrap();
        for owner in [
            Owner::Activity { id: 5, day: None },
            Owner::Activity { id: 5, day: Some(day) },
            Owner::Programme { id: 3 },
            Owner::Page { slug: PageSlug::ShortStay },
        ] {
            assert_eq!(Owner::parse(&owner.key()), Some(owner));
        }
        for wrong in ["activities", "activities/x", "activities/5/tomorrow", "pages/nowhere", "programmes/3/4", "../etc"] {
            assert_eq!(Owner::parse(wrong), None, "{wrong}");
        }
        let series = Owner::Activity { id: 5, day: None };
        assert!(series.belongs_to(&Owner::Activity { id: 5, day: Some(day) }));
        assert!(!Owner::Activity { id: 5, day: Some(day) }.belongs_to(&Owner::Activity { id: 5, day: day.succ_opt() }));
        assert!(!series.belongs_to(&Owner::Activity { id: 6, day: Some(day) }));
    }

    #[test]
    fn the_default_consent_is_the_narrowest_that_shows_residents_and_only_two_reach_the_web() {
        assert_eq!(Consent::default(), Consent::InHouse);
        assert!(!Consent::InHouse.on_the_web());
        assert!(Consent::Public.on_the_web() && Consent::Families.on_the_web());
        for consent in Consent::ALL {
            assert_eq!(Consent::parse(consent.as_str()), Some(consent));
        }
    }

    #[test]
    fn a_description_is_required_in_french_and_is_one_sentence() {
        let info = |fr: &str| PhotoInfo { description: Text { fr: fr.into(), ..Text::default() }, consent: Consent::Families };
        assert!(info("Le loto de Noël à la cafétéria").validate().is_ok());
        assert!(info(" ").validate().is_err());
        assert!(info(&"x".repeat(201)).validate().is_err());
        assert!(info("Deux\nlignes").validate().is_err());
    }

    #[test]
    fn file_names_read_back_and_nothing_else_does() {
        let photo = Photo {
            id: 1,
            version: 1,
            owner: "pages/short_stay".into(),
            info: PhotoInfo::default(),
            width: 1920,
            height: 1280,
            hash: "0123456789abcdef".into(),
            widths: vec![480, 960, 1920],
            added_at: "2026-12-10T23:30:00Z".parse().unwrap(),
        };
        assert_eq!(photo.file(960, Format::Webp), "/photos/0123456789abcdef-960.webp");
        assert_eq!(
            photo.srcset(Format::Jpeg),
            "/photos/0123456789abcdef-480.jpg 480w, /photos/0123456789abcdef-960.jpg 960w, /photos/0123456789abcdef-1920.jpg 1920w"
        );
        assert_eq!(photo.height_at(480), 320);
        assert_eq!(read_file_name("0123456789abcdef-960.webp"), Some(("0123456789abcdef", 960, Format::Webp)));
        // Added at 00:30 in Sierre: that day's photo, unless it is of an activity's day.
        assert_eq!(photo.day().to_string(), "2026-12-11");
        let of_a_day = Photo { owner: "activities/5/2026-12-09".into(), ..photo.clone() };
        assert_eq!(of_a_day.day().to_string(), "2026-12-09");
        for wrong in ["0123456789abcdef-960.png", "0123-960.jpg", "../x-1.jpg", "0123456789abcdef.jpg", "0123456789abcdef-x.jpg"] {
            assert_eq!(read_file_name(wrong), None, "{wrong}");
        }
    }
}
