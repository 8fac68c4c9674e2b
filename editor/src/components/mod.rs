//! Pieces every editor page uses.

pub mod form;
pub mod list;
pub mod login;
pub mod saving;
