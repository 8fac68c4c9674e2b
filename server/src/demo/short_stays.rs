//! The demo's four short-stay beds and their coming weeks: some reserved, one closed for works,
//! so that the calendar, the public strip and the partners' feed have something to show.

use chrono::Duration;
use plantzette_content::schedule::residence_now;
use plantzette_content::short_stay::{BedKind, DayState};
use sqlx::SqliteConnection;

use super::Plan;
use crate::store::StoreError;

/// Days from this week's Monday, first and last, that are not free: their state and note.
type Taken = (i64, i64, DayState, &'static str);

/// Each bed: its name, kind, and the days that are not free.
const BEDS: [(&str, BedKind, &[Taken]); 4] = [
    ("Chambre 11", BedKind::SingleRoom, &[(0, 20, DayState::Reserved, "M.B."), (35, 48, DayState::Reserved, "J.-P.R.")]),
    ("Chambre 12", BedKind::SingleRoom, &[(0, 10, DayState::Reserved, "A.Z."), (14, 40, DayState::Reserved, "L.C.")]),
    ("Chambre 21, lit fenêtre", BedKind::SharedRoom, &[(0, 3, DayState::Closed, "")]),
    ("Chambre 21, lit porte", BedKind::SharedRoom, &[(0, 62, DayState::Reserved, "R.T.")]),
];

/// Lays the beds out, their days from today on: the past ones would only be tidied away at once.
pub async fn lay_out(tx: &mut SqliteConnection, plan: &Plan) -> Result<(), StoreError> {
    let today = residence_now().date();
    sqlx::query("DELETE FROM short_stay_days").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM short_stay_beds").execute(&mut *tx).await?;
    sqlx::query("DELETE FROM short_stay_extra_beds").execute(&mut *tx).await?;
    for (name, kind, taken) in BEDS {
        let id: i64 = sqlx::query_scalar("INSERT INTO short_stay_beds (name, kind) VALUES (?1, ?2) RETURNING id")
            .bind(name)
            .bind(kind.as_str())
            .fetch_one(&mut *tx)
            .await?;
        for &(first, last, state, note) in taken {
            for day in (first..=last).map(|offset| plan.day(0) + Duration::days(offset)).filter(|day| *day >= today) {
                sqlx::query("INSERT INTO short_stay_days (bed_id, day, state, note) VALUES (?1, ?2, ?3, ?4)")
                    .bind(id)
                    .bind(day)
                    .bind(state.as_str())
                    .bind(note)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    Ok(())
}
