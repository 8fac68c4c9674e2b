//! Pieces that several pages show.

pub mod activity;
pub mod fetched;
pub mod layout;
pub mod local_text;
pub mod meal;
pub mod week_nav;
