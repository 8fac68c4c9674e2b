//! Who is logged in, shared by every page; `None` shows the login form.

use leptos::prelude::*;
use plantzette_content::staff::SessionInfo;

#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<SessionInfo>>);

impl Session {
    pub fn csrf_token(&self) -> Option<String> {
        self.0.with_untracked(|info| info.as_ref().map(|i| i.csrf_token.clone()))
    }
}

pub fn provide_session() -> Session {
    let session = Session(RwSignal::new(None));
    provide_context(session);
    session
}

pub fn use_session() -> Session {
    expect_context()
}
