//! The lobby kiosk's pages, drawn in the browser (the `csr` build, Trunk): the home with the time
//! and the day at a glance, the day's programme, the week a day at a time, the menus a day at a
//! time, the programmes and the practical info, each fitting one screen (long lists page rather
//! than scroll). Its addresses are under `/kiosk`; the editor's previews are at `/preview`.

mod activities;
mod announcements;
mod highlights;
mod home;
mod info;
mod menus;
mod not_found;
mod preview;
mod programmes;
mod today;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::components::PagesAt;
use crate::i18n::DrawnIn;
use crate::kiosk::layout::Layout;
use crate::kiosk::{self, build, hooks, live, screen};
use activities::{ActivityPage, WeekPage};
use announcements::AnnouncementsPage;
use home::HomePage;
use info::{InfoPage, InfoTopicPage};
use menus::MenusPage;
use not_found::NotFound;
use preview::PreviewPage;
use programmes::{ProgrammePage, ProgrammesPage};
use today::DayProgrammePage;

#[component]
pub fn App() -> impl IntoView {
    let on_kiosk = kiosk::provide_kiosk_mode();
    let locale = kiosk::provide_locale();
    let new_build = build::provide_new_build();
    live::provide_live_updates(new_build);
    if on_kiosk {
        screen::provide_screen(kiosk::settings_from_address());
        provide_context(PagesAt(kiosk::HOME));
    }
    hooks::use_clock::provide_clock();
    // The routed view is drawn anew in the chosen language: components then hold plain labels
    // rather than one reactive text node each, which keeps the bundle small; a switch is rare.
    view! {
        <Router>
            <kiosk::KioskBehaviour/>
            {move || {
                provide_context(DrawnIn(locale.0.get()));
                view! {
            <Layout>
                // Flat: no page nests in another, and the flat router is 9 KB (brotli) smaller.
                <FlatRoutes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/kiosk") view=HomePage/>
                    <Route path=path!("/kiosk/today") view=DayProgrammePage/>
                    <Route path=path!("/kiosk/activities") view=WeekPage/>
                    <Route path=path!("/kiosk/activities/:id/:date") view=ActivityPage/>
                    <Route path=path!("/kiosk/announcements") view=AnnouncementsPage/>
                    <Route path=path!("/kiosk/menus") view=MenusPage/>
                    <Route path=path!("/kiosk/programmes") view=ProgrammesPage/>
                    <Route path=path!("/kiosk/programmes/:id") view=ProgrammePage/>
                    <Route path=path!("/kiosk/info") view=InfoPage/>
                    <Route path=path!("/kiosk/info/:topic") view=InfoTopicPage/>
                    <Route path=path!("/preview") view=PreviewPage/>
                </FlatRoutes>
            </Layout>
                }
            }}
        </Router>
    }
}
