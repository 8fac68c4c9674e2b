//! Pieces every editor page uses.

pub mod ask_once;
pub mod form;
pub mod list;
pub mod loaded;
pub mod login;
pub mod places;
pub mod saving;
