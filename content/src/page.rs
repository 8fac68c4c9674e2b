//! Info pages: admissions, short stays, medical care, partners. The short-stay beds free are
//! not typed here but kept as a calendar (`crate::short_stay`), which the short-stay page shows.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

/// An info page; its body is plain text, paragraphs separated by a blank line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InfoPage {
    pub slug: PageSlug,
    pub title: Text,
    pub summary: Text,
    pub body: Text,
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
    }

    fn span(&self) -> Option<DateRange> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
