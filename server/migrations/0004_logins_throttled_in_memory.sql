-- Failed logins are counted per address and login, in the server's memory (auth/throttle.rs),
-- no longer per account: an account lock let anyone lock the staff out.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
