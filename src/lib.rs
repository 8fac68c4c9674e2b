//! The Plantzette app: the residence's today, activities, menus, prevention programmes and
//! practical info, for the lobby kiosk and for families' phones.

mod alarm;
mod api;
mod build;
mod components;
mod fetch;
mod hooks;
mod i18n;
mod kiosk;
mod live;
mod pages;
mod screen;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use components::layout::Layout;
use pages::{
    ActivitiesPage, ActivityPage, AnnouncementsPage, InfoPage, InfoTopicPage, KioskPage, MenusPage, NotFound, PreviewPage, ProgrammePage,
    ProgrammesPage, RegistrationPage, ShortStayRequestPage, SignUpPage, TodayPage,
};

#[component]
pub fn App() -> impl IntoView {
    let kiosk = kiosk::provide_kiosk_mode();
    let locale = i18n::provide_locale(kiosk);
    let new_build = build::provide_new_build();
    live::provide_live_updates(new_build);
    if kiosk {
        screen::provide_screen(kiosk::settings_from_address());
    }
    hooks::use_clock::provide_clock();
    // The routed view is drawn anew in the chosen language: components then hold plain labels
    // rather than one reactive text node each, which keeps the bundle small; a switch is rare.
    view! {
        <Router>
            <kiosk::KioskBehaviour/>
            {move || {
                locale.0.track();
                view! {
            <Layout>
                // Flat: no page nests in another, and the flat router is 9 KB (brotli) smaller.
                <FlatRoutes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=TodayPage/>
                    <Route path=path!("/kiosk") view=KioskPage/>
                    <Route path=path!("/activities") view=ActivitiesPage/>
                    <Route path=path!("/activities/:id/:date") view=ActivityPage/>
                    <Route path=path!("/announcements") view=AnnouncementsPage/>
                    <Route path=path!("/menus") view=MenusPage/>
                    <Route path=path!("/programmes") view=ProgrammesPage/>
                    <Route path=path!("/programmes/:id") view=ProgrammePage/>
                    <Route path=path!("/registrations/programmes/:id/:start") view=SignUpPage/>
                    <Route path=path!("/registrations/activities/:id/:date") view=SignUpPage/>
                    <Route path=path!("/registration/:token") view=RegistrationPage/>
                    <Route path=path!("/short-stay-requests") view=ShortStayRequestPage/>
                    <Route path=path!("/info") view=InfoPage/>
                    <Route path=path!("/info/:topic") view=InfoTopicPage/>
                    <Route path=path!("/preview") view=PreviewPage/>
                </FlatRoutes>
            </Layout>
                }
            }}
        </Router>
    }
}
