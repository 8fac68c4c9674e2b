//! Passwords, hashed with Argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane).
//!
//! Each hash takes tens of milliseconds and 19 MiB on purpose, so hashing runs on a few threads
//! of its own with a short queue: a burst of logins waits its turn or is told to come back
//! (`Busy`). Not tokio's blocking pool (it grows to hundreds of threads) nor rayon's (its queue
//! has no bound): a dozen lines of std channel do it.
//!
//! A hash's 19 MiB are allocated for it and given back to the system after it
//! (`return_hash_memory`, at start): kept by each hashing thread instead, they were 20 of the
//! server's 35 MB at rest, for a login now and then.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, LazyLock, Mutex};

use crate::error::ApiError;
use argon2::password_hash::generate_salt;
use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::oneshot;

/// Threads that hash, and hashes that may wait for one.
const THREADS: usize = 2;
const QUEUE: usize = 8;

fn params() -> Params {
    Params::new(19 * 1024, 2, 1, None).expect("OWASP's Argon2id parameters are valid")
}

/// Makes the allocator give a block as large as a hash's memory straight back to the system when
/// it is freed. glibc otherwise raises its threshold for that to the size of the first such
/// block freed, keeps the later ones in its heaps, and the server's memory grew by a hash's worth
/// at most logins (190 MB after 20). Called once, at start.
pub fn return_hash_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt sets one of the allocator's parameters, under its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1024 * 1024);
    }
}

/// The Argon2 output of `password` and `salt` into `out`, in working memory of its own.
fn compute(argon2: &Argon2, password: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    let mut memory = vec![Block::default(); argon2.params().block_count()];
    argon2.hash_password_into_with_memory(password, salt, out, &mut memory)
}

/// A new PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) for `password`.
fn hash_now(password: &[u8]) -> String {
    let params = params();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let salt = generate_salt();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    compute(&argon2, password, &salt, &mut out).expect("Argon2id hashes any password at fixed parameters");
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).expect("the parameters are written as PHC"),
        salt: Some(Salt::new(&salt).expect("a salt of the recommended length")),
        hash: Some(Output::new(&out).expect("an output of the default length")),
    };
    phc.to_string()
}

/// Whether `password` gives the stored PHC string `hash`, compared in constant time.
fn matches(password: &[u8], hash: &str) -> bool {
    let Ok(stored) = PasswordHash::new(hash) else { return false };
    let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else { return false };
    let (Ok(algorithm), Ok(params)) = (Algorithm::try_from(stored.algorithm.as_str()), Params::try_from(&stored)) else { return false };
    let Ok(version) = stored.version.map_or(Ok(Version::default()), Version::try_from) else { return false };
    let mut out = vec![0u8; expected.len()];
    compute(&Argon2::new(algorithm, version, params), password, salt, &mut out).is_ok() && Output::new(&out).is_ok_and(|out| out == *expected)
}

/// Every hashing thread is busy and the queue is full: try again in a moment.
#[derive(Debug, thiserror::Error)]
#[error("too many logins at once")]
pub struct Busy;

impl From<Busy> for ApiError {
    fn from(_: Busy) -> Self {
        ApiError::Busy { retry_after_secs: 1 }
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads; they end when the last `Hasher` is dropped.
#[derive(Clone)]
pub struct Hasher {
    jobs: SyncSender<Job>,
}

impl Default for Hasher {
    fn default() -> Self {
        let (jobs, queue) = sync_channel::<Job>(QUEUE);
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..THREADS {
            let queue = queue.clone();
            std::thread::Builder::new().name(format!("password-{n}")).spawn(move || work(&queue)).expect("a thread can be started");
        }
        Hasher { jobs }
    }
}

fn work(queue: &Mutex<Receiver<Job>>) {
    loop {
        let job = queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
        match job {
            // A job that panics drops its answer (the caller hears `Busy`); the thread goes on.
            Ok(job) => drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))),
            Err(_) => return,
        }
    }
}

impl Hasher {
    async fn run<R: Send + 'static>(&self, work: impl FnOnce() -> R + Send + 'static) -> Result<R, Busy> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = answer.send(work());
        });
        match self.jobs.try_send(job) {
            Ok(()) => answered.await.map_err(|_| Busy),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(Busy),
        }
    }

    pub async fn hash(&self, password: String) -> Result<String, Busy> {
        self.run(move || hash_now(password.as_bytes())).await
    }

    /// Whether `password` matches `hash`; `None` (an unknown login) is checked against a
    /// stand-in hash, so that an unknown login takes as long as a wrong password.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, Busy> {
        static STAND_IN: LazyLock<String> = LazyLock::new(|| hash_now(b"no such account, no such password"));
        let known = hash.is_some();
        let matches = self
            .run(move || {
                let hash = hash.unwrap_or_else(|| STAND_IN.clone());
                matches(password.as_bytes(), &hash)
            })
            .await?;
        Ok(known && matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_is_argon2id_at_owasp_parameters_and_checks_only_its_password() {
        let hasher = Hasher::default();
        let hash = hasher.hash("correct horse battery".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify("correct horse battery".into(), Some(hash.clone())).await.unwrap());
        assert!(!hasher.verify("correct horse battery!".into(), Some(hash)).await.unwrap());
        assert!(!hasher.verify("no such account, no such password".into(), None).await.unwrap(), "the stand-in lets no one in");
    }

    #[tokio::test]
    async fn beyond_its_threads_and_queue_the_hasher_says_busy_at_once() {
        let hasher = Hasher::default();
        let burst: Vec<_> = (0..THREADS + QUEUE + 6)
            .map(|_| {
                let hasher = hasher.clone();
                tokio::spawn(async move { hasher.verify("wrong".into(), None).await })
            })
            .collect();
        let mut busy = 0;
        for answer in burst {
            match answer.await.unwrap() {
                Ok(matches) => assert!(!matches),
                Err(Busy) => busy += 1,
            }
        }
        assert!(busy >= 1, "a burst beyond the threads and the queue is told to come back");
    }
}
