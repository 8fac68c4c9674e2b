//! The families' pages, rendered by the server (the `ssr` build; the server's `pages` module
//! serves them) with the same components the kiosk draws: every page arrives as HTML with its
//! content. Each reads whole and works without JavaScript: links are plain links, the language
//! switch and the forms are plain HTML forms, which the server answers with the page again (with
//! the form's errors, field by field). One island (`islands::Live`) keeps a page current in the
//! browser, dates it when it is not, and says that times are Swiss when the phone is elsewhere.

mod activities;
mod announcements;
mod calendar_link;
mod document;
mod form;
mod info;
mod menus;
mod not_found;
mod photos;
mod programmes;
mod short_stay_requests;
mod sign_ups;
mod today;

pub use activities::{ActivityPage, WeekOfActivities};
pub use document::{render, render_not_set_up, Assets, Frame};
pub use info::TopicPage;
pub use menus::WeekOfMenus;
pub use photos::{PhotoOfWeek, WeekOfPhotos};
pub use programmes::ProgrammePage;
pub use short_stay_requests::{StayRequestPage, StayRequestStage};
pub use sign_ups::{Cancelling, EventInfo, MySignUpPage, Refused, SignUpPage, SignUpStage};

use plantzette_content::{InfoPage, Item, Programme, Week};

/// A page whose only parameter is the week: `/menus?week=2026-12-07`, or `/menus` for the
/// current week (`None`), which follows the calendar.
fn week_address(page: &str, week: Option<Week>) -> String {
    match week {
        Some(week) => format!("{page}?week={}", week.monday()),
        None => page.to_string(),
    }
}

/// A page of the phone's tree, with the content it shows (the day's content, which every page's
/// notices need, comes with the `Frame`).
pub enum Page {
    /// `/`: the day.
    Today,
    /// `/activities?week=&category=`.
    Activities(WeekOfActivities),
    /// `/activities/{id}/{date}`.
    Activity(ActivityPage),
    /// `/announcements`.
    Announcements,
    /// `/menus?week=`.
    Menus(WeekOfMenus),
    /// `/programmes`.
    Programmes(Vec<Item<Programme>>),
    /// `/programmes/{id}`.
    Programme(ProgrammePage),
    /// `/photos?week=`.
    Photos(WeekOfPhotos),
    /// `/info`.
    Info(Vec<Item<InfoPage>>),
    /// `/info/{topic}`.
    InfoTopic(TopicPage),
    /// `/sign-ups/{event}`: the form, or its answer.
    SignUp(SignUpPage),
    /// `/sign-up/{token}`: the private link.
    MySignUp(MySignUpPage),
    /// `/short-stay-requests`: the form, or its answer.
    StayRequest(StayRequestPage),
    /// Any other address, or an item that is not there (any more).
    NotFound,
}

impl Page {
    /// Whether the page is kept current as a whole: a page with a form keeps what is typed in it,
    /// and marks the parts of it that follow changes (the places left) itself.
    fn live(&self) -> bool {
        !matches!(self, Page::SignUp(_) | Page::MySignUp(_) | Page::StayRequest(_))
    }
}
