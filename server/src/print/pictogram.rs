//! A pictogram beside its word, so that a reader who no longer reads well still finds the
//! singing and the Mass: the same set as the screens' (`plantzette_content::pictogram`), served
//! by the site. Decorative: the word is beside it.

use maud::{html, Markup};
use plantzette_content::pictogram::Pictogram;

pub fn pictogram(pictogram: Pictogram) -> Markup {
    html! { img.pictogram src=(pictogram.address()) alt="" width="24" height="24"; }
}
