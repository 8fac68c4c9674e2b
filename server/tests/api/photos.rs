//! Photos: a phone's photo sent sideways with its GPS position comes out upright and without any
//! metadata (exiftool reads what is served); what is no photo is refused by its content; a
//! decompression bomb is refused without the server's memory passing 200 MB; who may see a
//! photo is its consent's (a phone is told 404 for one for the home's screens, a kiosk and staff
//! are not); narrowed or removed, it is off every address at once; and a backup restored serves
//! the same photos.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use image::codecs::jpeg::JpegEncoder;
use image::RgbImage;
use plantzette_content::photo::{Format, Photo};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{spawn_app, this_week, TestApp};
use crate::server_binary::{command, log_in, start};
use crate::staff_client::StaffClient;

/// A photo as a camera writes it: `width` x `height` pixels, a gradient to compress.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 90]));
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 90).encode_image(&image).unwrap();
    bytes
}

/// The JPEG of a phone held sideways (EXIF orientation 6: to be turned a quarter clockwise), with
/// where it was taken and by what, written by exiftool.
fn sideways_phone_photo(dir: &Path) -> Vec<u8> {
    let path = dir.join("IMG_2041.jpg");
    std::fs::write(&path, jpeg(800, 600)).unwrap();
    let tagged = Command::new("exiftool")
        .args(["-q", "-overwrite_original", "-n", "-Orientation=6", "-GPSLatitude=46.2919", "-GPSLatitudeRef=N", "-GPSLongitude=7.5356"])
        .args(["-GPSLongitudeRef=E", "-Make=Apple", "-Model=iPhone 15", "-Artist=Jeanne Rey", "-SerialNumber=F2LX1234"])
        .arg(&path)
        .status()
        .expect("exiftool runs (scripts/setup test installs it)");
    assert!(tagged.success());
    std::fs::read(path).unwrap()
}

fn form(owner: &str, consent: &str, file: Vec<u8>, name: &str) -> Form {
    let info = json!({ "description": { "fr": "Le loto de Noël à la cafétéria" }, "consent": consent });
    Form::new().text("owner", owner.to_string()).text("info", info.to_string()).part("file", Part::bytes(file).file_name(name.to_string()))
}

async fn upload(staff: &StaffClient<'_>, form: Form) -> reqwest::Response {
    staff.request(reqwest::Method::POST, "/api/v1/staff/photos").multipart(form).send().await.unwrap()
}

async fn added(staff: &StaffClient<'_>, owner: &str, consent: &str, file: Vec<u8>) -> Photo {
    let response = upload(staff, form(owner, consent, file, "photo.jpg")).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_photo_sent_sideways_with_its_position_comes_out_upright_at_each_size_without_any_metadata() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let dir = tempfile::tempdir().unwrap();
    let photo = added(&staff, "activities/1", "families", sideways_phone_photo(dir.path())).await;
    assert_eq!((photo.width, photo.height), (600, 800), "turned upright: taller than wide");
    assert_eq!(photo.widths, [480, 600]);
    for width in &photo.widths {
        for format in [Format::Webp, Format::Jpeg] {
            let response = app.get(&photo.file(*width, format)).await;
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers()["content-type"], format.media_type());
            // A day in any cache at most: a consent narrowed reaches them all within a day.
            assert_eq!(response.headers()["cache-control"], "public, max-age=86400");
            let tag = response.headers()["etag"].clone();
            let again = app.client.get(app.url(&photo.file(*width, format))).header("if-none-match", tag).send().await.unwrap();
            assert_eq!(again.status(), 304, "asked again after a day: nothing to download");
            let served = dir.path().join(format!("served-{width}.{}", format.extension()));
            std::fs::write(&served, response.bytes().await.unwrap()).unwrap();
            let read = Command::new("exiftool").args(["-j", "-a", "-G1"]).arg(&served).output().unwrap();
            let tags: Value = serde_json::from_slice(&read.stdout).unwrap();
            let names: Vec<&String> = tags[0].as_object().unwrap().keys().collect();
            let kept: Vec<&&String> = names
                .iter()
                .filter(|name| ["GPS", "Make", "Model", "Artist", "Serial", "Orientation", "EXIF:", "IFD"].iter().any(|tag| name.contains(tag)))
                .collect();
            assert!(kept.is_empty(), "{width} px {format:?} keeps {kept:?}");
        }
    }
}

#[tokio::test]
async fn what_is_no_photo_is_refused_by_its_content_whatever_its_name() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(document.cookie)</script></svg>".to_vec();
    let page = b"<!doctype html><html><body><script>alert(1)</script></body></html>".to_vec();
    for (bytes, name) in [(svg, "photo.svg"), (page, "holiday.jpg")] {
        let response = upload(&staff, form("activities/1", "public", bytes, name)).await;
        assert_eq!(response.status(), 422, "{name}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["field"], "file");
        assert_eq!(body["errors"][0]["code"], "not_a_photo", "{name}");
    }
    let nowhere = upload(&staff, form("activities/x", "public", jpeg(100, 100), "a.jpg")).await;
    assert_eq!(nowhere.status(), 422, "an owner that is none");
}

/// A PNG of 50,000 x 50,000 pixels, black and white: 300 KB sent, 10 GB decoded as colours.
fn decompression_bomb() -> Vec<u8> {
    let (width, height) = (50_000u32, 50_000u32);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let chunk = |png: &mut Vec<u8>, kind: &[u8], data: &[u8]| {
        png.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        png.extend(kind);
        png.extend(data);
        png.extend(crc.sum().to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([1, 0, 0, 0, 0]); // 1 bit a pixel, greyscale
    chunk(&mut png, b"IHDR", &header);
    let mut pixels = ZlibEncoder::new(Vec::new(), Compression::best());
    let row = vec![0u8; 1 + width as usize / 8];
    for _ in 0..height {
        pixels.write_all(&row).unwrap();
    }
    chunk(&mut png, b"IDAT", &pixels.finish().unwrap());
    chunk(&mut png, b"IEND", &[]);
    png
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_without_the_servers_memory_passing_200_mb() {
    let bomb = decompression_bomb();
    assert!(bomb.len() < 1024 * 1024, "a small file: {} bytes", bomb.len());
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let client = reqwest::Client::new();
    let (cookie, csrf) = log_in(&client, &server.address).await;
    let response = client
        .post(format!("{}/api/v1/staff/photos", server.address))
        .header("cookie", cookie)
        .header("x-csrf-token", csrf)
        .multipart(form("activities/1", "public", bomb, "garden.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "photo_too_large");
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id().unwrap())).unwrap();
    let peak_kb: u64 = status.lines().find_map(|line| line.strip_prefix("VmHWM:")).unwrap().trim().trim_end_matches(" kB").trim().parse().unwrap();
    assert!(peak_kb < 200 * 1024, "peak memory {} MB", peak_kb / 1024);
}

#[tokio::test]
async fn a_photo_for_the_homes_screens_is_served_to_staff_and_an_adopted_screen_and_to_no_one_else() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let photo = added(&staff, "activities/1", "in_house", jpeg(1200, 800)).await;
    let file = photo.file(480, Format::Webp);
    assert_eq!(app.get(&file).await.status(), 404, "a phone");
    let listed: Vec<Photo> = app.get_json("/api/v1/photos?owner=activities/1").await;
    assert!(listed.is_empty(), "not listed for a phone either");
    let as_staff = staff.get(&file).await;
    assert_eq!(as_staff.status(), 200);
    assert_eq!(as_staff.headers()["cache-control"], "private, no-cache", "asked again at each use");

    // An adopted lobby screen, with its credential.
    let screen = adopted_screen(&app, &staff).await;
    let on_the_kiosk = app.client.get(app.url(&file)).header("cookie", &screen).send().await.unwrap();
    assert_eq!(on_the_kiosk.status(), 200);
    // Asked at the address a phone asked first: the screen's own answer, not the phone's kept one.
    let listed: Vec<Photo> =
        app.client.get(app.url("/api/v1/photos?owner=activities/1")).header("cookie", &screen).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed.len(), 1, "listed for the kiosk");
    let day = app.client.get(app.url("/api/v1/photos?owner=activities/1/2026-12-10")).header("cookie", &screen).send().await.unwrap();
    assert_eq!(day.headers()["cache-control"], "private, no-cache", "kept by no shared cache");
    let day: Vec<Photo> = day.json().await.unwrap();
    assert_eq!(day.iter().map(|p| p.id).collect::<Vec<_>>(), [photo.id], "a series' photo on each of its days");

    // Widened to the families: on the web. Narrowed again: off the web at once.
    let mut info = json!({ "description": { "fr": "Le loto de Noël" }, "consent": "families" });
    let widened = staff.put(&format!("/api/v1/staff/photos/{}", photo.id), photo.version, &info).await;
    assert_eq!(widened.status(), 200);
    assert_eq!(app.get(&file).await.status(), 200);
    info["consent"] = json!("in_house");
    let narrowed = staff.put(&format!("/api/v1/staff/photos/{}", photo.id), photo.version + 1, &info).await;
    assert_eq!(narrowed.status(), 200);
    assert_eq!(app.get(&file).await.status(), 404, "off the web at once");
    // Removed: off every address, the kiosk's too; audited.
    let removed = staff.delete(&format!("/api/v1/staff/photos/{}", photo.id), photo.version + 2).await;
    assert_eq!(removed.status(), 204);
    let gone = app.client.get(app.url(&file)).header("cookie", &screen).send().await.unwrap();
    assert_eq!(gone.status(), 404);
    let audit: Vec<Value> = staff.get("/api/v1/staff/audit?limit=10").await.json().await.unwrap();
    let actions: Vec<&str> = audit.iter().filter(|e| e["collection"] == "photos").map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["remove", "update", "update", "add"]);
}

/// A lobby screen adopted by staff: its credential cookie.
async fn adopted_screen(app: &TestApp, staff: &StaffClient<'_>) -> String {
    let response = app.client.post(app.url("/api/v1/screen")).send().await.unwrap();
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let answer: Value = response.json().await.unwrap();
    let code = answer["waiting"]["code"].as_str().expect("a pairing code").to_string();
    let adoption = json!({ "code": code, "name": "Hall", "place": "Entrée", "settings": {
        "hours": "07:00-21:00", "idle_seconds": 60, "language": "fr", "highlight_seconds": 10,
        "orientation": "auto", "tiles": ["today", "activities", "menus", "programmes", "info"] } });
    assert_eq!(staff.post("/api/v1/staff/screens", &adoption).await.status(), 201);
    cookie
}

#[tokio::test]
async fn a_backup_restored_serves_the_same_photos() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let client = reqwest::Client::new();
    let (cookie, csrf) = log_in(&client, &server.address).await;
    let response = client
        .post(format!("{}/api/v1/staff/photos", server.address))
        .header("cookie", cookie)
        .header("x-csrf-token", csrf)
        .multipart(form("pages/short_stay", "public", jpeg(1000, 700), "chambre.jpg"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let photo: Photo = response.json().await.unwrap();
    let before = client.get(format!("{}{}", server.address, photo.file(960, Format::Jpeg))).send().await.unwrap().bytes().await.unwrap();
    drop(server.child);

    let file = dir.path().join("copy.sqlite3");
    assert!(command(dir.path(), &["backup", file.to_str().unwrap()], "").await.status.success());
    let restored = tempfile::tempdir().unwrap();
    assert!(command(restored.path(), &["restore", file.to_str().unwrap()], "").await.status.success());
    let server = start(restored.path()).await;
    let listed: Vec<Photo> =
        client.get(format!("{}/api/v1/photos?owner=pages/short_stay", server.address)).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed, std::slice::from_ref(&photo));
    let after = client.get(format!("{}{}", server.address, photo.file(960, Format::Jpeg))).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(after, before, "the same bytes");
}

#[tokio::test]
async fn an_export_imported_elsewhere_serves_the_same_photos_under_the_same_addresses() {
    let (from, to) = (spawn_app().await, spawn_app().await);
    let (source, target) = (from.admin().await, to.admin().await);
    let photo = added(&source, "programmes/1", "families", jpeg(1500, 1000)).await;
    let export: Value = source.get("/api/v1/staff/export").await.json().await.unwrap();
    assert_eq!(export["photos"][0]["hash"], json!(photo.hash), "the photo and its files go with the content");
    assert_eq!(target.post("/api/v1/staff/import", &export).await.status(), 200);
    for width in &photo.widths {
        let (before, after) = (from.get(&photo.file(*width, Format::Webp)).await, to.get(&photo.file(*width, Format::Webp)).await);
        assert_eq!(after.status(), 200);
        assert_eq!(after.bytes().await.unwrap(), before.bytes().await.unwrap());
    }
    let listed: Vec<Photo> = to.get_json("/api/v1/photos?owner=programmes/1").await;
    assert_eq!(listed, [photo]);
}

#[tokio::test]
async fn photos_of_residents_are_erased_the_set_number_of_days_after_they_were_added_and_the_others_stay() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let residents = added(&staff, "activities/1", "families", jpeg(700, 500)).await;
    let garden = added(&staff, "pages/short_stay", "public", jpeg(640, 480)).await;
    let pool = sqlx::sqlite::SqlitePoolOptions::new().connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    let now = chrono::Utc::now().naive_utc();
    let kept = plantzette_content::photo::KEPT_DAYS;
    // The clock moved, not waited for.
    let too_soon = now + chrono::Duration::days(i64::from(kept)) - chrono::Duration::minutes(5);
    assert_eq!(plantzette_server::photos::erase_due(&pool, too_soon, kept).await.unwrap(), 0, "kept until then");
    let due = now + chrono::Duration::days(i64::from(kept)) + chrono::Duration::minutes(5);
    assert_eq!(plantzette_server::photos::erase_due(&pool, due, kept).await.unwrap(), 1);
    assert_eq!(app.get(&residents.file(480, Format::Jpeg)).await.status(), 404, "erased, files and all");
    assert_eq!(app.get(&garden.file(480, Format::Jpeg)).await.status(), 200, "no one recognisable: kept");
    let files: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM photo_files WHERE photo_id = ?1").bind(residents.id).fetch_one(&pool).await.unwrap();
    assert_eq!(files, 0);
}

#[tokio::test]
async fn a_photo_is_added_only_to_something_that_is_there() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let response = upload(&staff, form("activities/99999", "families", jpeg(640, 480), "photo.jpg")).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!((&body["errors"][0]["field"], &body["errors"][0]["code"]), (&json!("owner"), &json!("unknown_value")));
}

#[tokio::test]
async fn the_printed_week_has_a_photo_under_each_day_when_there_is_room_those_for_the_home_only_when_staff_print_it() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    // A week ahead, with the demo's weekly activities only: a light week.
    let monday = this_week().monday() + chrono::Days::new(10 * 7);
    let week: Value = app.get_json(&format!("/api/v1/activities?from={monday}&to={}", monday + chrono::Days::new(6))).await;
    let day_of = |index: usize| (week["items"][index]["activity_id"].as_i64().unwrap(), &week["items"][index]["starts_at"].as_str().unwrap()[..10]);
    let ((first, first_day), (second, second_day)) = (day_of(0), day_of(1));
    assert_ne!(first_day, second_day, "two days of the week");
    let home = added(&staff, &format!("activities/{first}/{first_day}"), "in_house", jpeg(900, 600)).await;
    let web = added(&staff, &format!("activities/{second}/{second_day}"), "families", jpeg(800, 600)).await;
    let printed = |response: reqwest::Response| async move {
        assert_eq!(response.headers()["cache-control"], "private, no-cache");
        response.text().await.unwrap()
    };
    let address = format!("/print/week?from={monday}");
    let by_staff = printed(staff.get(&address).await).await;
    assert!(by_staff.contains("<tr class=\"photos\">"), "a row of photos");
    assert!(by_staff.contains(&home.file(480, Format::Jpeg)) && by_staff.contains(&web.file(480, Format::Jpeg)), "both, for the notice boards");
    assert!(by_staff.contains("alt=\"Le loto de Noël à la cafétéria\""), "described");
    let by_anyone = printed(app.get(&address).await).await;
    assert!(by_anyone.contains(&web.file(480, Format::Jpeg)) && !by_anyone.contains(&home.file(480, Format::Jpeg)), "the web's only");

    // A full morning on one day: no room left for photos.
    for hour in 8..13 {
        let activity = json!({
            "title": { "fr": format!("Atelier de {hour} h") }, "place": { "fr": "Salon" }, "category": "creative",
            "registration_required": false, "wheelchair_accessible": true,
            "starts_at": format!("{first_day}T{hour:02}:00:00"), "ends_at": format!("{first_day}T{hour:02}:45:00"),
        });
        assert_eq!(staff.post("/api/v1/staff/activities", &activity).await.status(), 201);
    }
    assert!(!printed(staff.get(&address).await).await.contains("class=\"photos\""), "a full week prints without them");
}
