//! Photos (`plantzette_content::photo`, stored by `photos`): `GET /api/v1/photos?owner=` lists
//! those the asker may see (on the web, or all of them for an adopted screen or staff);
//! `GET /photos/{hash}-{width}.{webp|jpg}` serves one file, under the same rule, a web photo
//! cached for a year (its name changes with its content), a photo for the home's screens only
//! with its credential, kept by no shared cache and checked at each use. Staff add a photo
//! (`POST /api/v1/staff/photos`, multipart: `owner`, `info` as JSON, `file`), change what it
//! says and who may see it (`PUT …/{id}`, with `If-Match`) and remove it (`DELETE`): from that
//! moment no address serves it.

use axum::extract::{DefaultBodyLimit, FromRequestParts, Multipart, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use plantzette_content::photo::{self, Owner, Photo, PhotoInfo};
use plantzette_content::schedule::residence_now;
use plantzette_content::{ErrorCode, Valid};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::screen::ScreenToken;
use crate::auth::Staff;
use crate::error::{ApiError, ErrorBody};
use crate::http::body::{IfMatch, JsonBody};
use crate::photos::{self, PhotoError, Viewer};
use crate::screens::{self, Known};
use crate::AppState;

/// The largest photo file staff may send: a phone's photo is 2 to 12 MB.
const UPLOAD_LIMIT_BYTES: usize = 25 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The photos' files, beside the site's.
pub fn files_router() -> Router<AppState> {
    Router::new().route("/photos/{name}", get(file))
}

pub fn staff_router() -> Router<AppState> {
    Router::new()
        .route("/staff/photos", get(staff_list).post(add))
        .route("/staff/photos/{id}", put(update).delete(remove))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT_BYTES))
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = ApiError;

    /// An adopted screen (its credential) or a logged-in staff member sees the photos for the
    /// home's screens too; anyone else those on the web.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if Staff::from_request_parts(parts, state).await.is_ok() {
            return Ok(Viewer::InHouse);
        }
        let token = ScreenToken::from_request_parts(parts, state).await?;
        if let Some(digest) = token.digest() {
            if let Some(Known::Adopted { .. }) = screens::by_token(&state.pool, &digest).await? {
                return Ok(Viewer::InHouse);
            }
        }
        Ok(Viewer::Public)
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    /// What the photos belong to: `activities/5`, `activities/5/2026-12-10` (with the
    /// activity's own), `programmes/3`, `pages/short_stay`; all of them without.
    owner: Option<String>,
}

/// The photos the asker may see: those on the web, or, for an adopted screen or staff, those
/// for the home's screens too (an answer then kept by no shared cache).
#[utoipa::path(get, operation_id = "listPhotos", path = "/photos", tag = "photos", params(ListParams), responses(
    (status = 200, body = [Photo]), (status = 304, description = "Unchanged"), (status = 404, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, viewer: Viewer, Query(params): Query<ListParams>) -> Result<Response, ApiError> {
    let owner = match params.owner.as_deref() {
        Some(key) => Some(Owner::parse(key).ok_or(ApiError::NotFound("owner of photos"))?),
        None => None,
    };
    let photos = photos::list(&state.pool, owner, viewer).await?;
    let caching = match viewer {
        Viewer::Public => "no-cache",
        Viewer::InHouse => "private, no-cache",
    };
    // The same address answers an adopted screen with more: no cache may give one's to another.
    Ok(([(CACHE_CONTROL, caching), (VARY, "cookie")], Json(photos)).into_response())
}

/// One file of a photo, if the asker may see it; a photo that is not there (any more), or not
/// for them, is the same 404.
async fn file(State(state): State<AppState>, viewer: Viewer, Path(name): Path<String>, headers: HeaderMap) -> Result<Response, ApiError> {
    const GONE: ApiError = ApiError::NotFound("photo");
    let (hash, width, format) = photo::read_file_name(&name).ok_or(GONE)?;
    let (consent, bytes) = photos::file(&state.pool, hash, width, format).await?.ok_or(GONE)?;
    if !viewer.may_see(consent) {
        return Err(GONE);
    }
    // A web photo is kept a day by any cache, then asked again (a 304 while it may still be
    // seen: its file never changes under its name), so that a consent narrowed or a photo
    // removed reaches every cache within a day; a photo for the home's screens at each use.
    let caching = if consent.on_the_web() { "public, max-age=86400" } else { "private, no-cache" };
    let tag = format!("\"{name}\"");
    let headers_out = [(CONTENT_TYPE, format.media_type().to_string()), (CACHE_CONTROL, caching.to_string()), (ETAG, tag.clone())];
    if headers.get(IF_NONE_MATCH).and_then(|value| value.to_str().ok()).is_some_and(|sent| sent.split(',').any(|one| one.trim() == tag)) {
        return Ok((StatusCode::NOT_MODIFIED, headers_out).into_response());
    }
    Ok((headers_out, bytes).into_response())
}

async fn staff_list(State(state): State<AppState>, _: Staff, Query(params): Query<ListParams>) -> Result<Json<Vec<Photo>>, ApiError> {
    let owner = params.owner.as_deref().map(|key| Owner::parse(key).ok_or(ApiError::NotFound("owner of photos"))).transpose()?;
    Ok(Json(photos::list(&state.pool, owner, Viewer::InHouse).await?))
}

/// Adds a photo: the form's `owner` (a key), `info` (what it shows, who may see it: JSON) and
/// `file` (the photo as taken). 201 with the photo; 422 with the field that is wrong.
async fn add(State(state): State<AppState>, staff: Staff, mut form: Multipart) -> Result<Response, ApiError> {
    let (mut owner, mut info, mut file) = (None, None, None);
    while let Some(field) = form.next_field().await.map_err(|error| ApiError::BadRequest(error.body_text()))? {
        match field.name() {
            Some("owner") => owner = Some(field.text().await.map_err(|error| ApiError::BadRequest(error.body_text()))?),
            Some("info") => info = Some(field.text().await.map_err(|error| ApiError::BadRequest(error.body_text()))?),
            Some("file") => file = Some(field.bytes().await.map_err(|error| ApiError::BadRequest(error.body_text()))?),
            _ => {}
        }
    }
    let owner = owner.as_deref().and_then(Owner::parse).ok_or_else(|| PhotoError::field_error_on("owner", ErrorCode::Required))?;
    // Added to something that is there: a photo of nothing would be shown nowhere, and kept.
    if photos::subject(&state.pool, owner, residence_now().date()).await?.is_none() {
        return Err(PhotoError::field_error_on("owner", ErrorCode::UnknownValue { value: owner.key() }).into());
    }
    let info: PhotoInfo = serde_json::from_str(info.as_deref().unwrap_or_default())
        .map_err(|error| PhotoError::field_error_on("info", ErrorCode::Malformed { detail: error.to_string() }))?;
    let info = Valid::checked(info, ())?;
    let file = file.filter(|bytes| !bytes.is_empty()).ok_or_else(|| PhotoError::field_error(ErrorCode::Required))?;
    match photos::add(&state.pool, owner, &info, file.to_vec(), &staff.user).await {
        Ok(photo) => {
            state.live.refresh().await;
            Ok((StatusCode::CREATED, Json(photo)).into_response())
        }
        Err(PhotoError::Refused(code)) => Err(PhotoError::field_error(code).into()),
        Err(PhotoError::Store(error)) => Err(error.into()),
    }
}

async fn update(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    IfMatch(version): IfMatch,
    JsonBody(info): JsonBody<PhotoInfo>,
) -> Result<Json<Photo>, ApiError> {
    let info = Valid::checked(info, ())?;
    let photo = photos::update(&state.pool, id, version, &info, &staff.user).await?;
    state.live.refresh().await;
    Ok(Json(photo))
}

async fn remove(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>, IfMatch(version): IfMatch) -> Result<StatusCode, ApiError> {
    photos::remove(&state.pool, id, version, &staff.user).await?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}
