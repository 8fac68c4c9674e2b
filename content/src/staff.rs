//! Staff accounts as the staff API and the editor exchange them: who is logged in, with which
//! role, a new account's rules, and the audit log's entries.

use crate::parse::Rules;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ContentError, ErrorCode};
use crate::item::Item;
use crate::validate::{Limit, Validator};

/// OWASP's minimum for a password that is the only factor.
pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 256;
pub const LOGIN: Limit = Limit::line(40);
pub const NAME: Limit = Limit::line(80);

/// The server's daily backups, as administrators are shown them (`GET /api/v1/backups`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BackupStatus {
    /// When the last one was taken, residence time; none yet.
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub last: Option<NaiveDateTime>,
    /// None for more than a day: the server's log says why.
    pub overdue: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Accounts and everything else.
    Admin,
    /// Content only.
    Editor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        [Role::Admin, Role::Editor].into_iter().find(|role| role.as_str() == name)
    }
}

/// A staff account as anyone may see it: never its password or hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StaffUser {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub role: Role,
}

/// What a login form sends.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Credentials {
    pub login: String,
    pub password: String,
}

/// The logged-in staff member, and the token every change must carry (`X-CSRF-Token`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SessionInfo {
    pub user: StaffUser,
    pub csrf_token: String,
}

/// An account an admin creates.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct NewUser {
    pub login: String,
    pub name: String,
    pub role: Role,
    pub password: String,
}

impl NewUser {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("login", &self.login, LOGIN);
        v.at("login", |v| v.check(!self.login.contains(char::is_whitespace), ErrorCode::UnknownValue { value: self.login.clone() }));
        v.required("name", &self.name, NAME);
        v.at("password", |v| {
            let length = self.password.chars().count();
            v.check(length >= PASSWORD_MIN, ErrorCode::TooShort { min: PASSWORD_MIN });
            v.check(length <= PASSWORD_MAX, ErrorCode::TooLong { max: PASSWORD_MAX });
        });
        v.finish()
    }
}

/// Where the editor leaves an item not yet published for the app's preview (`/preview`), in the
/// browser's storage, which both share on one origin: its kind (its collection's name) and the
/// item as JSON (id 0). Two keys rather than one document, so that the app reads the item with
/// the same parser as the API's answers and its bundle holds no second copy of it.
pub const DRAFT_KIND_KEY: &str = "plantzette.preview.kind";
pub const DRAFT_CONTENT_KEY: &str = "plantzette.preview.content";

/// A stored item as the editor lists it: deleted ones too, to restore them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Stored<T> {
    #[serde(flatten)]
    pub item: Item<T>,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

/// One change, as the audit log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// UTC.
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub at: NaiveDateTime,
    pub login: String,
    pub action: String,
    pub collection: Option<String>,
    pub item_id: Option<i64>,
    pub version: Option<i64>,
}

impl Rules for NewUser {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(password: &str) -> NewUser {
        NewUser { login: "marie.favre".into(), name: "Marie Favre".into(), role: Role::Editor, password: password.into() }
    }

    #[test]
    fn a_password_of_eleven_characters_is_refused_and_twelve_accepted() {
        let error = account("onze-lettre").validate().unwrap_err();
        assert!(error.has("password", &ErrorCode::TooShort { min: 12 }), "{error:?}");
        assert!(account("douze-lettre").validate().is_ok());
    }

    #[test]
    fn a_login_with_a_space_or_a_blank_name_is_refused() {
        let user = NewUser { login: "marie favre".into(), name: " ".into(), ..account("un mot de passe long") };
        let error = user.validate().unwrap_err();
        assert!(error.errors.iter().any(|e| e.field == "login"));
        assert!(error.has("name", &ErrorCode::Required));
    }
}
