//! One page per kind of content, named as the API names it.

mod activities;
mod announcements;
mod journal;
mod menus;

pub use activities::ActivitiesPage;
pub use announcements::AnnouncementsPage;
pub use journal::JournalPage;
pub use menus::MenusPage;
