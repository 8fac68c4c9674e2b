//! An e-mail's words: a subject and a plain-text body, written by each feature in its reader's
//! language (`sign_up::message`, `short_stay::admissions`); the server only sends them.

/// A message's subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}
