//! One module per page of the app, named like the API resource it shows.

mod activities;
mod announcements;
pub(crate) mod info;
mod kiosk;
mod menus;
mod not_found;
mod preview;
pub(crate) mod programmes;
mod registrations;
mod short_stay_requests;
mod today;

pub use activities::{ActivitiesPage, ActivityPage};
pub use announcements::AnnouncementsPage;
pub use info::{InfoPage, InfoTopicPage};
pub use kiosk::KioskPage;
pub use menus::MenusPage;
pub use not_found::NotFound;
pub use preview::PreviewPage;
pub use programmes::{ProgrammePage, ProgrammesPage};
pub use registrations::{RegistrationPage, SignUpPage};
pub use short_stay_requests::ShortStayRequestPage;
pub use today::TodayPage;
