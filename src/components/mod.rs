//! Pieces that several pages show.

pub mod activity;
pub mod address;
pub mod calendar_link;
pub mod contact;
pub mod fetched;
pub mod form;
pub mod layout;
pub mod local_text;
pub mod meal;
pub mod notices;
pub mod paged;
pub mod places;
pub mod read_aloud;
pub mod short_stays;
pub mod week_nav;
