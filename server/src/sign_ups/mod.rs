//! Sign-ups (`plantzette_content::sign_up`) as stored: a place taken inside one write
//! transaction, so that two sign-ups never take the same one; the person's private link (only
//! its digest is kept); a cancellation that moves the first ones waiting up at once; and the
//! erasure of personal data a set number of days after the event, keeping the counts.

mod counts;
mod course;
mod echo;
mod event;
mod figures;
mod jobs;
pub mod messages;
mod private_link;
mod public;
pub mod spreadsheet;
mod staff_list;
mod taking;

pub use counts::*;
pub use course::{follow_courses, set_session_attendance};
pub use event::*;
pub use figures::*;
pub use jobs::*;
pub use private_link::*;
pub use public::*;
pub use staff_list::*;
pub use taking::*;

/// The audit log's name for sign-ups.
const COLLECTION: &str = "sign_ups";
