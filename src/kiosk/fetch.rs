//! The one resource type every kind of content is fetched into: Leptos builds its resource
//! machinery once per type, about 3 KB of wasm each time, so content is held as `Rc<dyn Any>`
//! and typed again where it is read. Above the transport (`api`), below freshness (`live`) and
//! the component that draws it (`components::fetched`).

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

use plantzette_web::RequestError;

/// Content of some kind, as the one resource type holds it.
pub(crate) type AnyContent = Rc<dyn Any>;
type Answer = Result<AnyContent, RequestError>;
pub(crate) type AnyFetch = LocalResource<Answer>;

/// Content of type `T`, fetched, and fetched again when what it depends on changes.
pub struct Fetch<T> {
    pub(crate) resource: AnyFetch,
    content: PhantomData<fn() -> T>,
}

impl<T> Clone for Fetch<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fetch<T> {}

impl<T: Clone + 'static> Fetch<T> {
    /// Runs `fetch` now and again whenever a signal it reads changes.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, RequestError>> + 'static,
    {
        let resource = any_fetch(Box::new(move || {
            let content = fetch();
            Box::pin(async move { content.await.map(|content| Rc::new(content) as AnyContent) })
        }));
        Self { resource, content: PhantomData }
    }

    /// The content, once fetched (tracked, like awaiting a resource).
    pub async fn content(self) -> Result<T, RequestError> {
        self.resource.await.map(|content| typed(&content))
    }

    /// The content last fetched, if any, tracked: for what is drawn beside other content when it
    /// comes, without a loading notice (a photo); nothing once the resource is gone with its page
    /// (a view drawn again may read it once more as it goes).
    pub fn latest(&self) -> Option<T> {
        self.resource.try_read()?.as_ref().and_then(|answer| answer.as_ref().ok()).map(typed)
    }

    /// Whether an answer (content or error) is there, tracked.
    pub fn answered(&self) -> bool {
        self.resource.read().is_some()
    }
}

/// The one resource type (built once: the fetch itself is boxed).
fn any_fetch(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>>) -> AnyFetch {
    LocalResource::new(fetch)
}

/// A resource's content as the type it was fetched as; `Fetch<T>` holds nothing else.
pub(crate) fn typed<T: Clone + 'static>(content: &AnyContent) -> T {
    content.downcast_ref::<T>().cloned().expect("a Fetch<T> holds a T")
}
