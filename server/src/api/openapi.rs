//! The public API's OpenAPI 3.1 document, `GET /api/v1/openapi.json`: made from the handlers'
//! own annotations (`#[utoipa::path]`, registered with their routes by `utoipa_axum::routes!`,
//! so that a route cannot be served undocumented) and the content types' schemas. Staff's API
//! and the screens' protocol are not in it: they are the editor's and the kiosk's, not partners'.

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;
use utoipa::openapi::OpenApi as Document;
use utoipa::OpenApi;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Plantzette",
        description = "The public API of the Résidence Plantzette's information app: activities, menus, prevention \
                       programmes, info pages, sign-ups, short-stay beds and calendars. Every date and time is the \
                       residence's (Europe/Zurich). Read answers carry an ETag: ask again with If-None-Match.",
        license(name = "MIT", identifier = "MIT"),
    ),
    servers((url = "/api/v1")),
)]
struct Public;

/// The document for `routes`' paths, its wildcard paths written as OpenAPI's plain parameters
/// (`/sign-ups/{*event}` → `/sign-ups/{event}`: the key's slashes travel encoded).
pub fn document(mut paths: Document) -> Document {
    let mut document = Public::openapi();
    document.info.version = crate::version::SERVER.to_string();
    paths.paths.paths = std::mem::take(&mut paths.paths.paths).into_iter().map(|(path, item)| (path.replace("{*", "{"), item)).collect();
    document.merge(paths);
    document
}

/// Serves `document`, written once.
pub fn router(document: &Document) -> Router<AppState> {
    let mut json = serde_json::to_value(document).expect("the OpenAPI document serialises");
    describe_responses(&mut json);
    let json = serde_json::to_string_pretty(&json).expect("JSON serialises");
    Router::new().route("/openapi.json", get(move || async move { ([(CONTENT_TYPE, "application/json")], json) }))
}

/// OpenAPI asks every response for a description: where an annotation gave none (the plain
/// answers, whose body says it all), the status's reason phrase.
fn describe_responses(document: &mut serde_json::Value) {
    let Some(paths) = document.get_mut("paths").and_then(|p| p.as_object_mut()) else { return };
    for operation in paths.values_mut().filter_map(|item| item.as_object_mut()).flat_map(|item| item.values_mut()) {
        let Some(responses) = operation.get_mut("responses").and_then(|r| r.as_object_mut()) else { continue };
        for (status, response) in responses.iter_mut() {
            let reason = status.parse().ok().and_then(|code| axum::http::StatusCode::from_u16(code).ok()).and_then(|code| code.canonical_reason());
            if let (Some(response), Some(reason)) = (response.as_object_mut(), reason) {
                response.entry("description").or_insert_with(|| reason.into());
            }
        }
    }
}
