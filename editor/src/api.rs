//! The staff API as the editor calls it: the session's CSRF token on every change, `If-Match`
//! with the version being changed, and errors that say what to do.

use chrono::NaiveDateTime;
use gloo_net::http::{Request, RequestBuilder};
use plantzette_content::photo::{Photo, PhotoInfo};
use plantzette_content::screen::{Adoption, Alarm, NewAlarm, ScreenSetup, Screens};
use plantzette_content::short_stay::{Bed, Calendar, DaysChange, ExtraBeds, RequestEntry, RequestStatus};
use plantzette_content::sign_up::{Attendance, EventCounts, EventList, EventOff, ProgrammeFigures, SignUp, SignUpAnswer, Status};
use plantzette_content::staff::{AuditEntry, BackupStatus, Credentials, NewUser, SessionInfo, StaffUser, Stored};
use plantzette_content::{Content, DateRange, FieldError, Item, Listing, Occurrence, Programme};
use plantzette_web::request::{successful, unanswered};
use plantzette_web::RequestError;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::session::Session;

/// Why a request did not go through.
#[derive(Clone, Debug, PartialEq)]
pub enum EditorError {
    /// No answer: the network or the server is down. Nothing was saved.
    Network,
    /// Not logged in, or the session ended.
    LoggedOut,
    Forbidden,
    /// Field errors, from the server's validation (the same rules as the editor's own).
    Invalid(Vec<FieldError>),
    /// Someone saved this item since it was opened; this is what they saved.
    Stale(serde_json::Value),
    TooManyAttempts,
    /// Someone else did it meanwhile (raised the alarm, say): the page shows the state now.
    AlreadyDone,
    Other(String),
}

/// What a refusal means to the editor.
impl From<RequestError> for EditorError {
    fn from(error: RequestError) -> Self {
        match error {
            RequestError::Network(_) => EditorError::Network,
            RequestError::Refused { status: 401, .. } => EditorError::LoggedOut,
            RequestError::Refused { status: 403, .. } => EditorError::Forbidden,
            RequestError::Refused { status: 429, .. } => EditorError::TooManyAttempts,
            RequestError::Refused { status: 409, .. } => EditorError::AlreadyDone,
            RequestError::Refused { status: 422, body } => EditorError::Invalid(body.field_errors()),
            RequestError::Refused { status: 412, body } => body.current().map_or_else(|| EditorError::Other(body.message()), EditorError::Stale),
            other => EditorError::Other(other.to_string()),
        }
    }
}

async fn send<T: DeserializeOwned>(request: Result<Request, gloo_net::Error>) -> Result<T, EditorError> {
    let request = request.map_err(|e| EditorError::Other(e.to_string()))?;
    let response = successful(request.send().await.map_err(unanswered)?).await?;
    response.json().await.map_err(|e| EditorError::Other(e.to_string()))
}

/// A change, with the session's CSRF token.
fn change(session: Session, builder: RequestBuilder) -> RequestBuilder {
    let token = session.csrf_token().unwrap_or_default();
    builder.header("x-csrf-token", &token)
}

fn json_body(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, gloo_net::Error> {
    builder.json(body)
}

pub async fn log_in(credentials: Credentials) -> Result<SessionInfo, EditorError> {
    send(json_body(Request::post("/api/v1/session"), &credentials)).await
}

/// Who is logged in in this browser, if anyone.
pub async fn current_session() -> Result<Option<SessionInfo>, EditorError> {
    send(Request::get("/api/v1/session").build()).await
}

pub async fn log_out(session: Session) -> Result<(), EditorError> {
    done(change(session, Request::delete("/api/v1/session")).build()).await
}

pub async fn list<T: Content>() -> Result<Vec<Stored<T>>, EditorError> {
    send(Request::get(&format!("/api/v1/staff/{}", T::COLLECTION)).build()).await
}

pub async fn create<T: Content>(session: Session, content: &T) -> Result<Item<T>, EditorError> {
    send(json_body(change(session, Request::post(&format!("/api/v1/staff/{}", T::COLLECTION))), content)).await
}

pub async fn update<T: Content>(session: Session, id: i64, version: i64, content: &T) -> Result<Item<T>, EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/{}/{id}", T::COLLECTION))).header("if-match", &format!("\"{version}\""));
    send(json_body(request, content)).await
}

pub async fn delete<T: Content>(session: Session, id: i64, version: i64) -> Result<Item<T>, EditorError> {
    let request = change(session, Request::delete(&format!("/api/v1/staff/{}/{id}", T::COLLECTION))).header("if-match", &format!("\"{version}\""));
    send(request.build()).await
}

pub async fn restore<T: Content>(session: Session, id: i64) -> Result<Item<T>, EditorError> {
    send(change(session, Request::post(&format!("/api/v1/staff/{}/{id}/restore", T::COLLECTION))).build()).await
}

pub async fn users() -> Result<Vec<StaffUser>, EditorError> {
    send(Request::get("/api/v1/users").build()).await
}

pub async fn create_user(session: Session, new: &NewUser) -> Result<StaffUser, EditorError> {
    send(json_body(change(session, Request::post("/api/v1/users")), new)).await
}

pub async fn backups() -> Result<BackupStatus, EditorError> {
    send(Request::get("/api/v1/backups").build()).await
}

pub async fn audit() -> Result<Vec<AuditEntry>, EditorError> {
    send(Request::get("/api/v1/staff/audit?limit=50").build()).await
}

pub async fn screens() -> Result<Screens, EditorError> {
    send(Request::get("/api/v1/staff/screens").build()).await
}

/// A change that answers with no content.
async fn done(request: Result<Request, gloo_net::Error>) -> Result<(), EditorError> {
    let request = request.map_err(|e| EditorError::Other(e.to_string()))?;
    successful(request.send().await.map_err(unanswered)?).await?;
    Ok(())
}

pub async fn adopt_screen(session: Session, adoption: &Adoption) -> Result<(), EditorError> {
    done(json_body(change(session, Request::post("/api/v1/staff/screens")), adoption)).await
}

pub async fn set_up_screen(session: Session, id: i64, version: i64, setup: &ScreenSetup) -> Result<(), EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/screens/{id}"))).header("if-match", &format!("\"{version}\""));
    done(json_body(request, setup)).await
}

pub async fn revoke_screen(session: Session, id: i64) -> Result<(), EditorError> {
    done(change(session, Request::delete(&format!("/api/v1/staff/screens/{id}"))).build()).await
}

pub async fn raise_alarm(session: Session, alarm: &NewAlarm) -> Result<Alarm, EditorError> {
    send(json_body(change(session, Request::post("/api/v1/staff/alarm")), alarm)).await
}

pub async fn end_alarm(session: Session) -> Result<(), EditorError> {
    done(change(session, Request::delete("/api/v1/staff/alarm")).build()).await
}

pub async fn short_stays() -> Result<Calendar, EditorError> {
    send(Request::get("/api/v1/staff/short-stays").build()).await
}

pub async fn add_bed(session: Session, bed: &Bed) -> Result<(), EditorError> {
    done(json_body(change(session, Request::post("/api/v1/staff/short-stays/beds")), bed)).await
}

pub async fn remove_bed(session: Session, id: i64) -> Result<(), EditorError> {
    done(change(session, Request::delete(&format!("/api/v1/staff/short-stays/beds/{id}"))).build()).await
}

pub async fn set_days(session: Session, bed: i64, days: &DaysChange) -> Result<(), EditorError> {
    done(json_body(change(session, Request::put(&format!("/api/v1/staff/short-stays/beds/{bed}/days"))), days)).await
}

pub async fn open_extra_beds(session: Session, extra: &ExtraBeds) -> Result<(), EditorError> {
    done(json_body(change(session, Request::post("/api/v1/staff/short-stays/extra-beds")), extra)).await
}

pub async fn close_extra_beds(session: Session, id: i64) -> Result<(), EditorError> {
    done(change(session, Request::delete(&format!("/api/v1/staff/short-stays/extra-beds/{id}"))).build()).await
}

pub async fn stay_requests() -> Result<Vec<RequestEntry>, EditorError> {
    send(Request::get("/api/v1/staff/short-stay-requests").build()).await
}

pub async fn set_request_status(session: Session, id: i64, status: RequestStatus) -> Result<(), EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/short-stay-requests/{id}/status")));
    done(json_body(request, &serde_json::json!({ "status": status }))).await
}

/// The prevention programmes with sessions in the coming months, as the public reads them.
pub async fn programmes_ahead() -> Result<Listing<Item<Programme>>, EditorError> {
    send(Request::get("/api/v1/programmes").build()).await
}

/// The activities' occurrences over `range`, as the public reads them.
pub async fn occurrences(range: DateRange) -> Result<Listing<Occurrence>, EditorError> {
    send(Request::get(&format!("/api/v1/activities?from={}&to={}", range.from, range.to)).build()).await
}

/// Everyone signed up for `event` (its key); the server audits the reading.
pub async fn sign_up_list(event: &str) -> Result<EventList, EditorError> {
    send(Request::get(&format!("/api/v1/staff/sign-ups/{event}")).build()).await
}

/// Signs up someone who phoned or came to the desk.
pub async fn sign_up_for(session: Session, event: &str, form: &SignUp) -> Result<SignUpAnswer, EditorError> {
    send(json_body(change(session, Request::post(&format!("/api/v1/staff/sign-ups/{event}"))), form)).await
}

/// Ticks whether sign-up `id` came (a course's enrolment: to the session that began at `at`).
pub async fn set_attendance(session: Session, id: i64, attendance: Attendance, at: Option<NaiveDateTime>) -> Result<(), EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/sign-up/{id}/attendance")));
    done(json_body(request, &serde_json::json!({ "attendance": attendance, "session": at }))).await
}

pub async fn move_sign_up(session: Session, id: i64, status: Status) -> Result<(), EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/sign-up/{id}/status")));
    done(json_body(request, &serde_json::json!({ "status": status }))).await
}

/// The events still to come that are off, with whom to call (no e-mail told them); audited.
pub async fn sign_up_counts() -> Result<Vec<EventCounts>, EditorError> {
    send(Request::get("/api/v1/staff/sign-up-counts").build()).await
}

pub async fn events_off() -> Result<Vec<EventOff>, EditorError> {
    send(Request::get("/api/v1/staff/sign-ups-off").build()).await
}

/// This year's figures per programme, without names.
pub async fn sign_up_figures() -> Result<Listing<ProgrammeFigures>, EditorError> {
    send(Request::get("/api/v1/staff/sign-up-figures").build()).await
}

/// Every photo, whoever may see it.
pub async fn photos() -> Result<Vec<Photo>, EditorError> {
    send(Request::get("/api/v1/staff/photos").build()).await
}

/// Sends a photo as taken, with what it belongs to (`owner`, a key) and what staff say of it; the
/// server re-encodes it without its metadata.
pub async fn add_photo(session: Session, owner: &str, info: &PhotoInfo, file: &web_sys::File) -> Result<Photo, EditorError> {
    let form = web_sys::FormData::new().map_err(|_| EditorError::Other("FormData".into()))?;
    let info = serde_json::to_string(info).map_err(|e| EditorError::Other(e.to_string()))?;
    let appended = [form.append_with_str("owner", owner), form.append_with_str("info", &info), form.append_with_blob("file", file)];
    if appended.iter().any(Result::is_err) {
        return Err(EditorError::Other("FormData".into()));
    }
    send(change(session, Request::post("/api/v1/staff/photos")).body(form)).await
}

pub async fn update_photo(session: Session, id: i64, version: i64, info: &PhotoInfo) -> Result<Photo, EditorError> {
    let request = change(session, Request::put(&format!("/api/v1/staff/photos/{id}"))).header("if-match", &format!("\"{version}\""));
    send(json_body(request, info)).await
}

pub async fn remove_photo(session: Session, id: i64, version: i64) -> Result<(), EditorError> {
    done(change(session, Request::delete(&format!("/api/v1/staff/photos/{id}"))).header("if-match", &format!("\"{version}\"")).build()).await
}
