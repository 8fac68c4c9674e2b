//! The browser layer shared by the kiosk and family app (`src/`) and the staff editor
//! (`editor/`): each holds its own words and pages, and both stand on this for the language
//! chosen, the requests to the server and what their failures mean, and the residence's time.

pub mod clock;
pub mod locale;
pub mod request;

pub use request::{ErrorBody, RequestError};
