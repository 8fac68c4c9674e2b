//! The HTML document around every page of the phone's tree: its head (title, stylesheet, fonts,
//! the islands' script), the header (the residence, the language switch, the main navigation),
//! the alarm and the day's notices, and the page itself. Rendered whole on the server.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::screen::Alarm;
use plantzette_content::{Lang, Today};

use super::Page;
use crate::components::notices::{AlarmBanner, SiteNotices, UrgentBanners};
use crate::i18n::{ui, DrawnIn, Ui};
use crate::islands::Live;

/// What every page of the request shows besides its own content.
pub struct Frame {
    /// The request's language.
    pub lang: Lang,
    /// The residence's time of the request: "now on", the notices shown until a time.
    pub now: NaiveDateTime,
    /// The page's address with its query: the language switch comes back to it.
    pub address: String,
    /// The site's public origin (`https://plantzette.example`), for the calendar feeds' addresses.
    pub origin: String,
    /// The day's content: its notices head every page.
    pub today: Today,
    pub alarm: Option<Alarm>,
    /// The content version the page shows, for the island to know when it is behind.
    pub version: i64,
    /// The residence's offset from UTC now, in minutes, for the island to tell another zone.
    pub residence_offset_minutes: i32,
    pub assets: Assets,
}

/// The built files a page loads (their names carry their content's hash).
#[derive(Clone, Default)]
pub struct Assets {
    pub stylesheet: Option<String>,
    /// The module that starts the islands; none in a server built without them.
    pub islands: Option<String>,
}

/// The whole HTML document of `page`.
pub fn render(frame: Frame, page: Page) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(DrawnIn(frame.lang));
        view! { <Document frame page/> }.to_html()
    });
    format!("<!DOCTYPE html>{html}")
}

#[component]
fn Document(frame: Frame, page: Page) -> impl IntoView {
    let ui = ui();
    let title = format!("{} · Résidence Plantzette", title(&page, frame.lang, ui));
    let live = page.live();
    let section = Section::of(&frame.address);
    let Frame { lang, now, address, origin, today, alarm, version, residence_offset_minutes, assets } = frame;
    let notices = today.clone();
    // Under an alarm the page says nothing that contradicts it ("Visites ouvertes" below an
    // evacuation): the alarm alone, until it ends (each part is redrawn when it does).
    let alarm_on = alarm.is_some();
    let body = match page {
        Page::Today => view! { <super::today::TodayContent today now/> }.into_any(),
        Page::Activities(week) => view! { <super::activities::ActivitiesContent week now origin=origin.clone()/> }.into_any(),
        Page::Activity(page) => view! { <super::activities::ActivityContent page now/> }.into_any(),
        Page::Announcements => view! { <super::announcements::AnnouncementsContent today now/> }.into_any(),
        Page::Menus(week) => view! { <super::menus::MenusContent week now/> }.into_any(),
        Page::Programmes(programmes) => view! { <super::programmes::ProgrammesContent programmes now/> }.into_any(),
        Page::Programme(page) => view! { <super::programmes::ProgrammeContent page now/> }.into_any(),
        Page::Photos(week) => view! { <super::photos::PhotosContent week now/> }.into_any(),
        Page::Info(pages) => view! { <super::info::InfoContent residence=today.residence pages/> }.into_any(),
        Page::InfoTopic(page) => view! { <super::info::TopicContent page/> }.into_any(),
        Page::SignUp(page) => view! { <super::sign_ups::SignUpContent page origin/> }.into_any(),
        Page::MySignUp(page) => view! { <super::sign_ups::MySignUpContent page/> }.into_any(),
        Page::StayRequest(page) => view! { <super::short_stay_requests::StayRequestContent page/> }.into_any(),
        Page::NotFound => view! { <super::not_found::NotFoundContent/> }.into_any(),
    };
    view! {
        <html lang=lang.code()>
            <Head title assets/>
            <body>
                <div id="alarm" data-live="">{alarm.map(|alarm| view! { <AlarmBanner alarm/> })}</div>
                <a class="skip-link" href="#content">{ui.skip_to_content}</a>
                <header class="site-header">
                    <div class="brand"><a href="/">"Résidence Plantzette"</a></div>
                    <LanguageSwitch current=lang address/>
                    <MainNavigation current=section/>
                </header>
                <main id="content" tabindex="-1">
                    <div id="notices" data-live="">
                        {(!alarm_on).then(|| view! { <SiteNotices visits=notices.residence.visits.clone()><UrgentBanners today=notices now/></SiteNotices> })}
                    </div>
                    <Live last_updated=format!("{}{}", ui.last_updated, ui.colon) swiss_time=ui.swiss_time.to_string() version residence_offset_minutes/>
                    {if live { view! { <div id="page" data-live="">{body}</div> }.into_any() } else { body }}
                </main>
            </body>
        </html>
    }
}

/// The document every address answers while the residence is not set up (a new install, before
/// an administrator has filled it in at `/gestion`): said in the reader's language, with the
/// language switch and nothing else, since there is nothing else yet.
pub fn render_not_set_up(lang: Lang, address: String, assets: Assets) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(DrawnIn(lang));
        let ui = ui();
        let title = format!("{} · Résidence Plantzette", ui.not_set_up);
        view! {
            <html lang=lang.code()>
                <Head title assets/>
                <body>
                    <header class="site-header">
                        <div class="brand"><a href="/">"Résidence Plantzette"</a></div>
                        <LanguageSwitch current=lang address/>
                    </header>
                    <main id="content" tabindex="-1">
                        <h1>{ui.not_set_up}</h1>
                        <p>{ui.not_set_up_text}</p>
                    </main>
                </body>
            </html>
        }
        .to_html()
    });
    format!("<!DOCTYPE html>{html}")
}

/// The document's head: its title, the stylesheet, the fonts, and the islands' module.
#[component]
fn Head(title: String, assets: Assets) -> impl IntoView {
    view! {
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content="Résidence Plantzette, Sierre : activités, menus, prévention et infos pratiques. Aktivitäten, Menüs, Prävention und praktische Infos."/>
                <meta name="theme-color" content="#14452f"/>
                <title>{title}</title>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <link rel="preload" href="/fonts/atkinson-hyperlegible-latin-400-normal.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="preload" href="/fonts/atkinson-hyperlegible-latin-700-normal.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                {assets.stylesheet.map(|href| view! { <link rel="stylesheet" href=href/> })}
                {assets.islands.map(|src| view! { <script type="module" src=src></script> })}
            </head>
    }
}

/// The page's name in the browser's tab: its item's title, or its kind.
fn title(page: &Page, lang: Lang, ui: &'static Ui) -> String {
    match page {
        Page::Today => ui.today.to_string(),
        Page::Activities(_) => ui.activities.to_string(),
        Page::Activity(page) => page.occurrence.info.title.localized(lang).text.to_string(),
        Page::Announcements => ui.announcements.to_string(),
        Page::Menus(_) => ui.menus.to_string(),
        Page::Programmes(_) => ui.programmes.to_string(),
        Page::Programme(page) => page.programme.title.localized(lang).text.to_string(),
        Page::Photos(_) => ui.photos_of_week.to_string(),
        Page::Info(_) => ui.info.to_string(),
        Page::InfoTopic(page) => page.page.title.localized(lang).text.to_string(),
        Page::SignUp(_) => ui.sign_up.sign_up.to_string(),
        Page::MySignUp(_) => ui.sign_up.your_sign_up.to_string(),
        Page::StayRequest(_) => ui.stay_request.title.to_string(),
        Page::NotFound => ui.not_found.to_string(),
    }
}

/// The part of the site a page belongs to, marked in the main navigation.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Today,
    Activities,
    Menus,
    Programmes,
    Photos,
    Info,
    Elsewhere,
}

impl Section {
    fn of(address: &str) -> Section {
        let path = address.split(['?', '#']).next().unwrap_or_default();
        let under = |top: &str| path == top || path.starts_with(&format!("{top}/"));
        match path {
            "/" => Section::Today,
            _ if under("/activities") => Section::Activities,
            _ if under("/menus") => Section::Menus,
            _ if under("/programmes") => Section::Programmes,
            _ if under("/photos") => Section::Photos,
            _ if under("/info") || under("/short-stay-requests") => Section::Info,
            _ => Section::Elsewhere,
        }
    }
}

#[component]
fn MainNavigation(current: Section) -> impl IntoView {
    let ui = ui();
    let link = move |section: Section, href: &'static str, label: &'static str| {
        view! { <li><a href=href aria-current=(section == current).then_some("page")>{label}</a></li> }
    };
    view! {
        <nav aria-label=ui.main_navigation>
            <ul class="main-nav">
                {link(Section::Today, "/", ui.today)}
                {link(Section::Activities, "/activities", ui.activities)}
                {link(Section::Menus, "/menus", ui.menus)}
                {link(Section::Programmes, "/programmes", ui.programmes)}
                {link(Section::Photos, "/photos", ui.photos)}
                {link(Section::Info, "/info", ui.info)}
            </ul>
        </nav>
    }
}

/// One button per language, each labelled in its own language: a plain form, which the server
/// answers by remembering the choice (a cookie) and sending the reader back to the same page.
#[component]
fn LanguageSwitch(current: Lang, address: String) -> impl IntoView {
    view! {
        <form class="language-switch" method="post" action="/language" aria-label=ui().language>
            <input type="hidden" name="next" value=address/>
            {Lang::ALL
                .into_iter()
                .map(|choice| view! {
                    <button type="submit" name="lang" value=choice.code() lang=choice.code() aria-pressed=(current == choice).to_string()>
                        {choice.native_name()}
                    </button>
                })
                .collect_view()}
        </form>
    }
}
