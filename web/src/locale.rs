//! The language chosen, remembered on the device, and set on the page (`<html lang>`) so that
//! screen readers and speech synthesis pronounce it right. Each app says under which key it
//! remembers it and which language it starts in.

use leptos::prelude::*;
use plantzette_content::Lang;

/// The language chosen, shared by every component.
#[derive(Clone, Copy)]
pub struct Locale(pub RwSignal<Lang>);

/// What the device says: the language remembered under `storage_key`, and the browser's
/// languages that we speak, in its order of preference.
pub struct Remembered {
    pub stored: Option<Lang>,
    pub browser: Vec<Lang>,
}

/// Provides the language: `initial` chooses it from what the device says; each change is
/// remembered under `storage_key` and set on the page.
pub fn provide_locale(storage_key: &'static str, initial: impl FnOnce(Remembered) -> Lang) -> Locale {
    let stored = local_storage().and_then(|s| s.get_item(storage_key).ok().flatten()).as_deref().and_then(Lang::from_code);
    let browser = window().navigator().languages().iter().filter_map(|code| code.as_string()).filter_map(|code| Lang::from_code(&code)).collect();
    let locale = Locale(RwSignal::new(initial(Remembered { stored, browser })));
    Effect::new(move || {
        let lang = locale.0.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        if let Some(storage) = local_storage() {
            let _ = storage.set_item(storage_key, lang.code());
        }
    });
    provide_context(locale);
    locale
}

/// The language chosen. Read untracked: both apps draw their view anew when it changes, so
/// components use plain labels rather than one reactive node per label.
pub fn lang() -> Lang {
    expect_context::<Locale>().0.get_untracked()
}

pub fn set_lang(lang: Lang) {
    expect_context::<Locale>().0.set(lang);
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
