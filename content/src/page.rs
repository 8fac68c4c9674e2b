//! Info pages: admissions, short-stay beds (with their current availability), medical care, partners.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::item::Content;
use crate::schedule::DateRange;
use crate::text::{Lang, Text};
use crate::validate::{Validator, BODY, SUMMARY, TITLE};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PageSlug {
    Admissions,
    ShortStay,
    MedicalCare,
    Partners,
}

impl PageSlug {
    pub const ALL: [PageSlug; 4] = [PageSlug::Admissions, PageSlug::ShortStay, PageSlug::MedicalCare, PageSlug::Partners];

    /// The slug as it stands in URLs: `/info/short_stay`.
    pub fn as_str(self) -> &'static str {
        match self {
            PageSlug::Admissions => "admissions",
            PageSlug::ShortStay => "short_stay",
            PageSlug::MedicalCare => "medical_care",
            PageSlug::Partners => "partners",
        }
    }

    pub fn parse(slug: &str) -> Option<PageSlug> {
        PageSlug::ALL.into_iter().find(|page| page.as_str() == slug)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use PageSlug::*;
        match (self, lang) {
            (Admissions, Lang::Fr) => "Admission",
            (Admissions, Lang::De) => "Aufnahme",
            (Admissions, Lang::En) => "Admissions",
            (ShortStay, Lang::Fr) => "Court séjour",
            (ShortStay, Lang::De) => "Kurzaufenthalt",
            (ShortStay, Lang::En) => "Short stays",
            (MedicalCare, Lang::Fr) => "Soins et suivi médical",
            (MedicalCare, Lang::De) => "Pflege und ärztliche Betreuung",
            (MedicalCare, Lang::En) => "Care and medical follow-up",
            (Partners, Lang::Fr) => "Partenaires du réseau",
            (Partners, Lang::De) => "Partner im Netzwerk",
            (Partners, Lang::En) => "Care network partners",
        }
    }
}

/// How many short-stay beds are free now, as the admissions office last reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BedAvailability {
    pub available: u32,
    pub total: u32,
}

/// An info page; its body is plain text, paragraphs separated by a blank line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InfoPage {
    pub slug: PageSlug,
    pub title: Text,
    pub summary: Text,
    pub body: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<BedAvailability>,
}

/// Splits a plain-text body into its paragraphs.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

impl Content for InfoPage {
    const COLLECTION: &'static str = "pages";
    const UNIQUE: Option<&'static str> = Some("slug");

    fn check(&self, v: &mut Validator) {
        v.text("title", &self.title, TITLE);
        v.text("summary", &self.summary, SUMMARY);
        v.text("body", &self.body, BODY);
        if let Some(beds) = self.beds {
            v.at("beds", |v| {
                v.at("total", |v| v.check(beds.total <= 100, ErrorCode::NumberOutOfRange { min: 0, max: 100 }));
                v.at("available", |v| v.check(beds.available <= beds.total, ErrorCode::NumberOutOfRange { min: 0, max: beds.total.into() }));
            });
        }
    }

    fn span(&self) -> Option<DateRange> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_free_beds_than_beds_is_rejected() {
        let page = InfoPage {
            slug: PageSlug::ShortStay,
            title: Text::fr("Court séjour"),
            summary: Text::fr("Des lits pour quelques semaines."),
            body: Text::fr("Texte."),
            beds: Some(BedAvailability { available: 5, total: 4 }),
        };
        assert!(page.validate().unwrap_err().has("beds.available", &ErrorCode::NumberOutOfRange { min: 0, max: 4 }));
    }

    #[test]
    fn body_splits_into_paragraphs_on_blank_lines() {
        let body = "Premier.\n\n  Deuxième,\nsuite.\n\n\n";
        assert_eq!(paragraphs(body).collect::<Vec<_>>(), ["Premier.", "Deuxième,\nsuite."]);
    }

    #[test]
    fn slugs_read_back_from_urls() {
        for slug in PageSlug::ALL {
            assert_eq!(PageSlug::parse(slug.as_str()), Some(slug));
        }
        assert_eq!(PageSlug::parse("kitchen"), None);
    }
}
