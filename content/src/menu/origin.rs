//! Where a dish's meat or fish comes from. Swiss food law (OIDAl / LIV, art. 39) asks that the
//! origin of meat and fish served open be given in writing, as it is for the allergens.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

/// A kind of meat or fish and the country it comes from: "Bœuf (Suisse)".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Origin {
    pub product: Product,
    pub country: Country,
}

impl Origin {
    /// "Bœuf (Suisse)", "Rind (Schweiz)".
    pub fn label(self, lang: Lang) -> String {
        format!("{} ({})", self.product.label(lang), self.country.label(lang))
    }
}

/// The kinds of meat and fish whose origin is declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Product {
    Beef,
    Veal,
    Pork,
    Lamb,
    Goat,
    Horse,
    Poultry,
    Rabbit,
    Game,
    Fish,
}

impl Product {
    pub const ALL: [Product; 10] = [
        Product::Beef,
        Product::Veal,
        Product::Pork,
        Product::Lamb,
        Product::Goat,
        Product::Horse,
        Product::Poultry,
        Product::Rabbit,
        Product::Game,
        Product::Fish,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        NAMES_OF_PRODUCTS[self as usize][lang_index(lang)]
    }
}

/// Countries a Swiss kitchen buys meat and fish from, by their ISO 3166 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
pub enum Country {
    CH,
    FR,
    DE,
    IT,
    AT,
    ES,
    PT,
    NL,
    BE,
    DK,
    IE,
    GB,
    PL,
    HU,
    NO,
    IS,
    US,
    BR,
    AR,
    UY,
    AU,
    NZ,
    VN,
    TH,
    EC,
    CL,
}

impl Country {
    pub const ALL: [Country; 26] = {
        use Country::*;
        [CH, FR, DE, IT, AT, ES, PT, NL, BE, DK, IE, GB, PL, HU, NO, IS, US, BR, AR, UY, AU, NZ, VN, TH, EC, CL]
    };

    pub fn label(self, lang: Lang) -> &'static str {
        NAMES_OF_COUNTRIES[self as usize][lang_index(lang)]
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::De => 1,
        Lang::En => 2,
    }
}

/// Each product's name in French, German and English, in the order of `Product`.
const NAMES_OF_PRODUCTS: [[&str; 3]; 10] = [
    ["Bœuf", "Rind", "Beef"],
    ["Veau", "Kalb", "Veal"],
    ["Porc", "Schwein", "Pork"],
    ["Agneau", "Lamm", "Lamb"],
    ["Chèvre", "Ziege", "Goat"],
    ["Cheval", "Pferd", "Horse"],
    ["Volaille", "Geflügel", "Poultry"],
    ["Lapin", "Kaninchen", "Rabbit"],
    ["Gibier", "Wild", "Game"],
    ["Poisson", "Fisch", "Fish"],
];

/// Each country's name in French, German and English, in the order of `Country`: a table
/// rather than a match, which costs the app's bundle less.
const NAMES_OF_COUNTRIES: [[&str; 3]; 26] = [
    ["Suisse", "Schweiz", "Switzerland"],
    ["France", "Frankreich", "France"],
    ["Allemagne", "Deutschland", "Germany"],
    ["Italie", "Italien", "Italy"],
    ["Autriche", "Österreich", "Austria"],
    ["Espagne", "Spanien", "Spain"],
    ["Portugal", "Portugal", "Portugal"],
    ["Pays-Bas", "Niederlande", "Netherlands"],
    ["Belgique", "Belgien", "Belgium"],
    ["Danemark", "Dänemark", "Denmark"],
    ["Irlande", "Irland", "Ireland"],
    ["Royaume-Uni", "Vereinigtes Königreich", "United Kingdom"],
    ["Pologne", "Polen", "Poland"],
    ["Hongrie", "Ungarn", "Hungary"],
    ["Norvège", "Norwegen", "Norway"],
    ["Islande", "Island", "Iceland"],
    ["États-Unis", "Vereinigte Staaten", "United States"],
    ["Brésil", "Brasilien", "Brazil"],
    ["Argentine", "Argentinien", "Argentina"],
    ["Uruguay", "Uruguay", "Uruguay"],
    ["Australie", "Australien", "Australia"],
    ["Nouvelle-Zélande", "Neuseeland", "New Zealand"],
    ["Viêt Nam", "Vietnam", "Vietnam"],
    ["Thaïlande", "Thailand", "Thailand"],
    ["Équateur", "Ecuador", "Ecuador"],
    ["Chili", "Chile", "Chile"],
];
