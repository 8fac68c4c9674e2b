//! The allergens a dish declares, as Swiss food law lists them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

/// The 14 allergens of annex 6 of the Swiss ordinance on food information (OIDAl / LIV).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Allergen {
    Gluten,
    Crustaceans,
    Eggs,
    Fish,
    Peanuts,
    Soy,
    Milk,
    Nuts,
    Celery,
    Mustard,
    Sesame,
    Sulphites,
    Lupin,
    Molluscs,
}

impl Allergen {
    pub const ALL: [Allergen; 14] = [
        Allergen::Gluten,
        Allergen::Crustaceans,
        Allergen::Eggs,
        Allergen::Fish,
        Allergen::Peanuts,
        Allergen::Soy,
        Allergen::Milk,
        Allergen::Nuts,
        Allergen::Celery,
        Allergen::Mustard,
        Allergen::Sesame,
        Allergen::Sulphites,
        Allergen::Lupin,
        Allergen::Molluscs,
    ];

    /// The allergen in words, as a menu must declare it.
    pub fn label(self, lang: Lang) -> &'static str {
        use Allergen::*;
        let [fr, de, en] = match self {
            Gluten => ["Gluten", "Gluten", "Gluten"],
            Crustaceans => ["Crustacés", "Krebstiere", "Crustaceans"],
            Eggs => ["Œufs", "Eier", "Eggs"],
            Fish => ["Poisson", "Fisch", "Fish"],
            Peanuts => ["Arachides", "Erdnüsse", "Peanuts"],
            Soy => ["Soja", "Soja", "Soy"],
            Milk => ["Lait (lactose)", "Milch (Laktose)", "Milk (lactose)"],
            Nuts => ["Fruits à coque", "Schalenfrüchte", "Tree nuts"],
            Celery => ["Céleri", "Sellerie", "Celery"],
            Mustard => ["Moutarde", "Senf", "Mustard"],
            Sesame => ["Sésame", "Sesam", "Sesame"],
            Sulphites => ["Sulfites", "Sulfite", "Sulphites"],
            Lupin => ["Lupin", "Lupinen", "Lupin"],
            Molluscs => ["Mollusques", "Weichtiere", "Molluscs"],
        };
        match lang {
            Lang::Fr => fr,
            Lang::De => de,
            Lang::En => en,
        }
    }
}
