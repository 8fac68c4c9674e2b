//! Strong ETags and revalidation on the JSON API.

use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, ETAG, IF_NONE_MATCH};

use crate::helpers::{spawn_app, this_week};

#[tokio::test]
async fn unchanged_content_is_revalidated_with_a_304() {
    let app = spawn_app().await;
    let first = app.get("/api/v1/today").await;
    assert_eq!(first.headers()[CACHE_CONTROL], "no-cache");
    let tag = first.headers()[ETAG].clone();
    assert!(tag.to_str().unwrap().starts_with('"'), "a strong tag, not W/");

    let again = app.client.get(app.url("/api/v1/today")).header(IF_NONE_MATCH, tag.clone()).send().await.unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()[ETAG], tag);
    assert!(again.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_stale_tag_gets_the_full_content() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/api/v1/menus")).header(IF_NONE_MATCH, "\"stale\"").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(!response.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn each_encoding_has_its_own_strong_tag() {
    let app = spawn_app().await;
    let tag_for = |encoding: &'static str| {
        let request = app.client.get(app.url("/api/v1/menus")).header(ACCEPT_ENCODING, encoding);
        async move {
            let response = request.send().await.unwrap();
            (response.headers().get("content-encoding").cloned(), response.headers()[ETAG].clone())
        }
    };
    let (identity_encoding, identity) = tag_for("identity").await;
    let (br_encoding, br) = tag_for("br").await;
    assert_eq!(identity_encoding, None);
    assert_eq!(br_encoding.unwrap(), "br");
    assert_ne!(identity, br);
}

#[tokio::test]
async fn different_ranges_have_different_tags() {
    let app = spawn_app().await;
    let this_week = this_week();
    let next_week = this_week.next();
    let path = |week: plantzette_content::Week| format!("/api/v1/activities?from={}&to={}", week.monday(), week.sunday());
    let (a, b) = (app.get(&path(this_week)).await, app.get(&path(next_week)).await);
    let (tag_a, tag_b) = (a.headers()[ETAG].clone(), b.headers()[ETAG].clone());
    let (body_a, body_b) = (a.text().await.unwrap(), b.text().await.unwrap());
    assert!(body_a.contains(&this_week.monday().to_string()) && body_b.contains(&next_week.monday().to_string()), "each answer is its own week's");
    assert_ne!(tag_a, tag_b);
}
