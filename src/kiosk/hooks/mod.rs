//! Long-lived behaviours of the kiosk, one hook a file.

pub mod use_clock;
pub mod use_idle;
pub mod use_interval;
