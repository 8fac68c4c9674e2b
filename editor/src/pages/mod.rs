//! One page per kind of content, named as the API names it, and the staff's own pages.

mod accounts;
mod activities;
mod announcements;
mod journal;
mod menus;
// The info pages, named as the API names them (`/api/v1/pages`).
#[allow(clippy::module_inception)]
mod pages;
mod photos;
mod print;
mod programmes;
mod residence;
mod screens;
mod short_stays;
mod sign_ups;

pub use accounts::AccountsPage;
pub use activities::ActivitiesPage;
pub use announcements::AnnouncementsPage;
pub use journal::JournalPage;
pub use menus::MenusPage;
pub use pages::PagesPage;
pub use photos::PhotosPage;
pub use print::PrintPage;
pub use programmes::ProgrammesPage;
pub use residence::ResidencePage;
pub use screens::ScreensPage;
pub use short_stays::ShortStaysPage;
pub use sign_ups::SignUpsPage;
