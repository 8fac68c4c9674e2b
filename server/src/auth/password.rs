//! Passwords, hashed with Argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane), off the
//! async threads since each hash takes tens of milliseconds on purpose.

use std::sync::LazyLock;

use anyhow::anyhow;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP's Argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || argon2().hash_password(password.as_bytes()).map(|hash| hash.to_string()).map_err(|e| anyhow!("{e}"))).await?
}

/// Whether `password` matches `hash`; `None` (an unknown login) is checked against a stand-in
/// hash, so that an unknown login takes as long as a wrong password and cannot be told apart.
pub async fn verify(password: String, hash: Option<String>) -> bool {
    static STAND_IN: LazyLock<String> =
        LazyLock::new(|| argon2().hash_password(b"no such account, no such password").expect("hashing works").to_string());
    let known = hash.is_some();
    let checked = tokio::task::spawn_blocking(move || {
        let hash = hash.unwrap_or_else(|| STAND_IN.clone());
        PasswordHash::new(&hash).is_ok_and(|parsed| argon2().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await;
    known && checked.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_is_argon2id_at_owasp_parameters_and_checks_only_its_password() {
        let hash = hash("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify("correct horse battery".into(), Some(hash.clone())).await);
        assert!(!verify("correct horse battery!".into(), Some(hash)).await);
        assert!(!verify("no such account, no such password".into(), None).await, "the stand-in lets no one in");
    }
}
