//! The frame of every page: the residence's name, the main navigation, the language switch, and
//! the page's title in the browser tab.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use plantzette_content::Lang;

use crate::clock::device_in_residence_zone;
use crate::components::notices::{provide_today, SiteNotices, StaleNotice};
use crate::i18n::{lang, set_lang, ui};
use crate::kiosk::{self, is_kiosk};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let ui = ui();
    provide_today();
    let nav_link = |href: &'static str, label: &'static str| view! { <li><A href=href>{label}</A></li> };
    let kiosk = is_kiosk();
    let home = if kiosk { kiosk::HOME } else { "/" };
    view! {
        <a class="skip-link" href="#content">{ui.skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                <A href=home>"Résidence Plantzette"</A>
            </div>
            <LanguageSwitch/>
            <nav aria-label=ui.main_navigation>
                <ul class="main-nav">
                    {kiosk.then(|| nav_link(kiosk::HOME, ui.home))}
                    {nav_link("/", if kiosk { ui.day_programme } else { ui.today })}
                    {nav_link("/activities", if kiosk { ui.the_week } else { ui.activities })}
                    {nav_link("/menus", ui.menus)}
                    {nav_link("/programmes", ui.programmes)}
                    {nav_link("/info", ui.info)}
                </ul>
            </nav>
        </header>
        {kiosk.then(|| view! { <kiosk::NightClock/> })}
        <main id="content" tabindex="-1">
            <SiteNotices/>
            <StaleNotice/>
            {(!device_in_residence_zone()).then(|| view! { <p class="time-zone-note">{ui.swiss_time}</p> })}
            {children()}
        </main>
    }
}

/// One button per language, each labelled in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = lang();
    view! {
        <div class="language-switch" role="group" aria-label=ui().language>
            {Lang::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            lang=choice.code()
                            aria-pressed=(current == choice).to_string()
                            on:click=move |_| choose(choice)
                        >
                            {choice.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Switches language, then gives the focus back to the switch, which the redrawn page holds anew.
fn choose(choice: Lang) {
    set_lang(choice);
    request_animation_frame(move || {
        let selector = format!(".language-switch button[lang={}]", choice.code());
        if let Some(button) = document().query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    });
}

/// Names the page in the browser tab, with the residence's name.
pub fn set_page_title(title: &str) {
    document().set_title(&format!("{title} · Résidence Plantzette"));
}
