//! The residence's screens: a lobby kiosk adopted by an administrator with its pairing code, its
//! settings kept on the server, the reports it sends, and how staff see it (online, silent, out
//! of date). Also the alarm that every screen and family page shows at once.

mod alarm;
mod hours;
mod pairing;
mod report;
mod settings;
mod state;

pub use alarm::{Alarm, NewAlarm};
pub use hours::DayHours;
pub use pairing::{Adoption, Pairing, ScreenAnswer, ThisScreen, PAIRING_CODE_DIGITS};
pub use report::{ScreenReport, ERRORS_PER_REPORT, ERROR_TEXT};
pub use settings::{Orientation, ScreenSettings, ScreenSetup, Tile, HIGHLIGHT_SECONDS, IDLE_SECONDS, SCREEN_NAME};
pub use state::{screen_state, ScreenState, ScreenStatus, Screens};
