//! Where a dish's meat or fish comes from. Swiss food law (OIDAl / LIV, art. 39) asks that the
//! origin of meat and fish served open be given in writing, as it is for the allergens.

use serde::{Deserialize, Serialize};

use crate::text::Lang;

/// A kind of meat or fish and the country it comes from: "Bœuf (Suisse)".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        use Product::*;
        let [fr, de, en] = match self {
            Beef => ["Bœuf", "Rind", "Beef"],
            Veal => ["Veau", "Kalb", "Veal"],
            Pork => ["Porc", "Schwein", "Pork"],
            Lamb => ["Agneau", "Lamm", "Lamb"],
            Goat => ["Chèvre", "Ziege", "Goat"],
            Horse => ["Cheval", "Pferd", "Horse"],
            Poultry => ["Volaille", "Geflügel", "Poultry"],
            Rabbit => ["Lapin", "Kaninchen", "Rabbit"],
            Game => ["Gibier", "Wild", "Game"],
            Fish => ["Poisson", "Fisch", "Fish"],
        };
        pick(lang, fr, de, en)
    }
}

/// Countries a Swiss kitchen buys meat and fish from, by their ISO 3166 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        use Country::*;
        let [fr, de, en] = match self {
            CH => ["Suisse", "Schweiz", "Switzerland"],
            FR => ["France", "Frankreich", "France"],
            DE => ["Allemagne", "Deutschland", "Germany"],
            IT => ["Italie", "Italien", "Italy"],
            AT => ["Autriche", "Österreich", "Austria"],
            ES => ["Espagne", "Spanien", "Spain"],
            PT => ["Portugal", "Portugal", "Portugal"],
            NL => ["Pays-Bas", "Niederlande", "Netherlands"],
            BE => ["Belgique", "Belgien", "Belgium"],
            DK => ["Danemark", "Dänemark", "Denmark"],
            IE => ["Irlande", "Irland", "Ireland"],
            GB => ["Royaume-Uni", "Vereinigtes Königreich", "United Kingdom"],
            PL => ["Pologne", "Polen", "Poland"],
            HU => ["Hongrie", "Ungarn", "Hungary"],
            NO => ["Norvège", "Norwegen", "Norway"],
            IS => ["Islande", "Island", "Iceland"],
            US => ["États-Unis", "Vereinigte Staaten", "United States"],
            BR => ["Brésil", "Brasilien", "Brazil"],
            AR => ["Argentine", "Argentinien", "Argentina"],
            UY => ["Uruguay", "Uruguay", "Uruguay"],
            AU => ["Australie", "Australien", "Australia"],
            NZ => ["Nouvelle-Zélande", "Neuseeland", "New Zealand"],
            VN => ["Viêt Nam", "Vietnam", "Vietnam"],
            TH => ["Thaïlande", "Thailand", "Thailand"],
            EC => ["Équateur", "Ecuador", "Ecuador"],
            CL => ["Chili", "Chile", "Chile"],
        };
        pick(lang, fr, de, en)
    }
}

fn pick(lang: Lang, fr: &'static str, de: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::De => de,
        Lang::En => en,
    }
}
