//! A content text in the chosen language. A French original standing in for a missing
//! translation is marked `lang="fr"`, so screen readers and speech pronounce it in French, and
//! discreetly says so.

use leptos::prelude::*;
use plantzette_content::Text;

use crate::i18n::{lang, ui};

#[component]
pub fn LocalText(text: Text) -> impl IntoView {
    let localized = text.localized(lang());
    let fallback = localized.is_fallback;
    view! {
        <span lang=fallback.then_some("fr") class:fallback=fallback title=fallback.then(|| ui().in_french_only)>
            {localized.text.to_string()}
        </span>
    }
}
