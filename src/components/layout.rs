//! The frame of every page: the residence's name, the main navigation, the language switch, and
//! the page's title in the browser tab.

use leptos::prelude::*;
use leptos_router::components::A;
use plantzette_content::Lang;

use crate::i18n::{set_lang, ui, use_lang, use_ui, Ui};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let ui = use_ui();
    let nav_link = move |href: &'static str, label: fn(&Ui) -> &'static str| {
        view! { <li><A href=href>{move || label(ui.get())}</A></li> }
    };
    view! {
        <a class="skip-link" href="#content">{move || ui.get().skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                <A href="/">"Résidence Plantzette"</A>
            </div>
            <LanguageSwitch/>
            <nav aria-label=move || ui.get().main_navigation>
                <ul class="main-nav">
                    {nav_link("/", |ui| ui.today)}
                    {nav_link("/activities", |ui| ui.activities)}
                    {nav_link("/menus", |ui| ui.menus)}
                    {nav_link("/programmes", |ui| ui.programmes)}
                    {nav_link("/info", |ui| ui.info)}
                </ul>
            </nav>
        </header>
        <main id="content" tabindex="-1">{children()}</main>
    }
}

/// One button per language, each labelled in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let ui = use_ui();
    view! {
        <div class="language-switch" role="group" aria-label=move || ui.get().language>
            {Lang::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            lang=choice.code()
                            aria-pressed=move || (lang.get() == choice).to_string()
                            on:click=move |_| set_lang(choice)
                        >
                            {choice.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Sets the page's `<h1>` text as the browser tab's title, with the residence's name.
pub fn use_page_title(title: impl Fn(&'static Ui) -> String + Send + Sync + 'static) {
    let lang = use_lang();
    Effect::new(move || document().set_title(&format!("{} · Résidence Plantzette", title(ui(lang.get())))));
}
