//! The browser layer shared by the kiosk and family app (`src/`) and the staff editor
//! (`editor/`): each holds its own words and pages, and both stand on this for the language
//! chosen, the requests to the server and what their failures mean, and the residence's time; the
//! server's event stream and the service worker, which the families' pages' islands share too.

pub mod clock;
pub mod events;
pub mod locale;
pub mod request;
pub mod service_worker;

pub use request::{ErrorBody, RequestError};
