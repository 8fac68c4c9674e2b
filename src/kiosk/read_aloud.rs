//! Reads a section aloud in the chosen language (Web Speech API), with a button to stop.

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use plantzette_content::Lang;
use web_sys::{HtmlElement, SpeechSynthesisUtterance};

use crate::i18n::{lang, ui};

/// The voice's language: Swiss French and German, British English.
fn voice_language(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-CH",
        Lang::De => "de-CH",
        Lang::En => "en-GB",
    }
}

/// A button that reads the element with id `of` aloud; while it speaks, the button stops it.
#[component]
pub fn ReadAloud(of: String) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let (speaking, set_speaking) = signal(false);
    // The end-of-speech callback of the current reading; replacing it frees the previous one.
    let on_end = StoredValue::new_local(None::<Closure<dyn Fn()>>);
    let toggle = move |_| {
        let Ok(speech) = window().speech_synthesis() else {
            return;
        };
        speech.cancel();
        if speaking.get_untracked() {
            set_speaking.set(false);
            return;
        }
        let text = document()
            .get_element_by_id(&of)
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
            .map(|element| element.inner_text())
            .unwrap_or_default();
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            return;
        };
        utterance.set_lang(voice_language(lang));
        let done = Closure::<dyn Fn()>::new(move || set_speaking.set(false));
        utterance.set_onend(Some(done.as_ref().unchecked_ref()));
        on_end.set_value(Some(done));
        speech.speak(&utterance);
        set_speaking.set(true);
    };
    view! {
        <button type="button" class="read-aloud" aria-pressed=move || speaking.get().to_string() on:click=toggle>
            {move || if speaking.get() { ui.stop_reading } else { ui.read_aloud }}
        </button>
    }
}
