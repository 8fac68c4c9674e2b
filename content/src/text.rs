//! Languages and translatable texts: French is required, German and English fall back to French.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A language of the residence's public: French (Sierre), German (Leuk), English (visitors).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::De, Lang::En];

    /// The BCP 47 code, as used in `lang` attributes, `Accept-Language` and speech synthesis.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, so that a reader finds their own language on a switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// Whether `count` of a thing takes the singular: French says "0 place, 1 place", German and
    /// English "1 Platz, 0 Plätze" (CLDR's plural rules, for whole numbers).
    pub fn takes_singular(self, count: usize) -> bool {
        match self {
            Lang::Fr => count <= 1,
            Lang::De | Lang::En => count == 1,
        }
    }

    /// Reads a code such as `de`, `de-CH` or `DE`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }
}

/// A text written in French, optionally translated into German and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Text {
    pub fr: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub de: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A text in the language asked for, or in French when no translation exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The French original stands in for a missing translation.
    pub is_fallback: bool,
}

impl Text {
    /// A French-only text.
    pub fn fr(fr: impl Into<String>) -> Self {
        Text { fr: fr.into(), de: None, en: None }
    }

    /// A text in French and German, the two languages of the district.
    pub fn fr_de(fr: impl Into<String>, de: impl Into<String>) -> Self {
        Text { fr: fr.into(), de: Some(de.into()), en: None }
    }

    pub fn with_en(mut self, en: impl Into<String>) -> Self {
        self.en = Some(en.into());
        self
    }

    pub fn localized(&self, lang: Lang) -> Localized<'_> {
        let translation = match lang {
            Lang::Fr => None,
            Lang::De => self.de.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        match translation.filter(|text| !text.trim().is_empty()) {
            Some(text) => Localized { text, is_fallback: false },
            None => Localized { text: &self.fr, is_fallback: lang != Lang::Fr },
        }
    }

    /// The text in `lang`, falling back to French.
    pub fn get(&self, lang: Lang) -> &str {
        self.localized(lang).text
    }

    /// Each language present, with its text, for validation.
    pub fn variants(&self) -> impl Iterator<Item = (Lang, &str)> {
        [(Lang::Fr, Some(self.fr.as_str())), (Lang::De, self.de.as_deref()), (Lang::En, self.en.as_deref())]
            .into_iter()
            .filter_map(|(lang, text)| text.map(|text| (lang, text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_takes_the_singular_everywhere_and_zero_only_in_french() {
        for lang in Lang::ALL {
            assert!(lang.takes_singular(1), "{lang:?}");
            assert!(!lang.takes_singular(2), "{lang:?}");
            assert!(!lang.takes_singular(12), "{lang:?}");
        }
        assert!(Lang::Fr.takes_singular(0));
        assert!(!Lang::De.takes_singular(0));
        assert!(!Lang::En.takes_singular(0));
    }

    #[test]
    fn missing_german_falls_back_to_french_and_says_so() {
        let text = Text::fr("Loto");
        assert_eq!(text.localized(Lang::De), Localized { text: "Loto", is_fallback: true });
        assert_eq!(text.localized(Lang::Fr), Localized { text: "Loto", is_fallback: false });
    }

    #[test]
    fn blank_translation_counts_as_missing() {
        let text = Text { fr: "Messe".into(), de: Some("  ".into()), en: None };
        assert_eq!(text.get(Lang::De), "Messe");
    }

    #[test]
    fn translation_is_used_when_present() {
        let text = Text::fr_de("Messe", "Gottesdienst");
        assert_eq!(text.localized(Lang::De), Localized { text: "Gottesdienst", is_fallback: false });
    }

    #[test]
    fn language_codes_with_regions_are_understood() {
        assert_eq!(Lang::from_code("de-CH"), Some(Lang::De));
        assert_eq!(Lang::from_code("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("it"), None);
    }
}
