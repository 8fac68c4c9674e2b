//! The staff editor at `/gestion`: log in, then publish activities, menus, announcements,
//! prevention programmes, the residence's details and visits, and the info pages.
//! A bundle of its own, so that the kiosk and the phones never load it.

mod api;
mod components;
mod fields;
mod i18n;
mod pages;
mod session;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use plantzette_content::Lang;
use plantzette_web::locale::Locale;

use components::login::LoginForm;
use i18n::ui;
use pages::{
    AccountsPage, ActivitiesPage, AnnouncementsPage, JournalPage, MenusPage, PagesPage, PhotosPage, PrintPage, ProgrammesPage, ResidencePage,
    ScreensPage, ShortStaysPage, SignUpsPage,
};

#[component]
pub fn Editor() -> impl IntoView {
    let locale = i18n::provide_locale();
    let session = session::provide_session();
    let checked = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(info) = api::current_session().await {
            session.0.set(info);
        }
        checked.set(true);
    });
    view! {
        <Router>
            {move || {
                locale.0.track();
                let ui = ui();
                if !checked.get() {
                    return view! { <p class="status">{ui.loading}</p> }.into_any();
                }
                if session.0.with(Option::is_none) {
                    return view! {
                        <header class="editor-header"><h1>{ui.title}" · Résidence Plantzette"</h1><LanguageSwitch/></header>
                        <main class="editor-main"><LoginForm/></main>
                    }
                    .into_any();
                }
                view! {
                    <Shell/>
                    <main class="editor-main" id="content">
                        <Routes fallback=|| view! { <ActivitiesPage/> }>
                            <Route path=path!("/gestion") view=ActivitiesPage/>
                            <Route path=path!("/gestion/activities") view=ActivitiesPage/>
                            <Route path=path!("/gestion/menus") view=MenusPage/>
                            <Route path=path!("/gestion/announcements") view=AnnouncementsPage/>
                            <Route path=path!("/gestion/programmes") view=ProgrammesPage/>
                            <Route path=path!("/gestion/residence") view=ResidencePage/>
                            <Route path=path!("/gestion/pages") view=PagesPage/>
                            <Route path=path!("/gestion/photos") view=PhotosPage/>
                            <Route path=path!("/gestion/sign-ups") view=SignUpsPage/>
                            <Route path=path!("/gestion/short-stays") view=ShortStaysPage/>
                            <Route path=path!("/gestion/print") view=PrintPage/>
                            <Route path=path!("/gestion/screens") view=ScreensPage/>
                            <Route path=path!("/gestion/journal") view=JournalPage/>
                            <Route path=path!("/gestion/accounts") view=AccountsPage/>
                        </Routes>
                    </main>
                }
                .into_any()
            }}
        </Router>
    }
}

/// The header: who is logged in, the language, logging out, and the sections.
#[component]
fn Shell() -> impl IntoView {
    let ui = ui();
    let session = session::use_session();
    let name = session.0.with_untracked(|info| info.as_ref().map(|i| i.user.name.clone()).unwrap_or_default());
    let is_admin = session.0.with_untracked(|info| info.as_ref().is_some_and(|i| i.user.role == plantzette_content::staff::Role::Admin));
    let log_out = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::log_out(session).await;
            session.0.set(None);
        });
    };
    view! {
        <header class="editor-header">
            <h1>{ui.title}" · Résidence Plantzette"</h1>
            <p class="who">{ui.logged_in_as}{name}</p>
            <LanguageSwitch/>
            <button type="button" class="button secondary" on:click=log_out>{ui.log_out}</button>
            <nav aria-label=ui.navigation>
                <ul>
                    <li><A href="/gestion/activities">{ui.activities}</A></li>
                    <li><A href="/gestion/menus">{ui.menus}</A></li>
                    <li><A href="/gestion/announcements">{ui.announcements}</A></li>
                    <li><A href="/gestion/programmes">{ui.programmes}</A></li>
                    <li><A href="/gestion/residence">{ui.residence}</A></li>
                    <li><A href="/gestion/pages">{ui.pages}</A></li>
                    <li><A href="/gestion/photos">{ui.photos}</A></li>
                    <li><A href="/gestion/sign-ups">{ui.sign_ups}</A></li>
                    <li><A href="/gestion/short-stays">{ui.short_stays}</A></li>
                    <li><A href="/gestion/print">{ui.print}</A></li>
                    <li><A href="/gestion/screens">{ui.screens}</A></li>
                    <li><A href="/gestion/journal">{ui.journal}</A></li>
                    {is_admin.then(|| view! { <li><A href="/gestion/accounts">{ui.accounts}</A></li> })}
                </ul>
            </nav>
        </header>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let current = locale.0.get_untracked();
    view! {
        <div class="language-switch" role="group">
            {[Lang::Fr, Lang::De]
                .into_iter()
                .map(|choice| view! {
                    <button type="button" lang=choice.code() aria-pressed=(current == choice).to_string() on:click=move |_| locale.0.set(choice)>
                        {choice.native_name()}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
