//! The server's integration tests: each test gets a fresh SQLite file in a temporary directory and
//! a real HTTP server on a random port, seeded with the demo content.

mod backups;
mod behind_a_proxy;
mod calendar;
mod connections;
mod content;
mod courses;
mod day_one;
mod events;
mod failures;
mod health;
mod helpers;
mod http_caching;
mod mail_relay;
mod metrics;
mod pages;
mod photos;
mod query_dates;
mod read_cache;
mod screens;
mod server_binary;
mod short_stays;
mod sign_up_messages;
mod sign_ups;
mod site;
mod staff_client;
mod staff_editing;
mod staff_sessions;
mod staff_transfer;
mod upgrade;
mod version;
