//! A pictogram for each kind of activity, beside its word, so that a reader who no longer reads
//! well still finds the singing and the Mass. Drawn in the text's colour, one line wide.

use maud::{html, Markup, PreEscaped};
use plantzette_content::Category;

pub fn pictogram(category: Category) -> Markup {
    let drawing = match category {
        // A figure with raised arms.
        Category::Movement => r#"<circle cx="12" cy="4" r="2.5"/><path d="M12 7v7M5 8l7 3 7-3M12 14l-4 7M12 14l4 7"/>"#,
        // A pair of notes.
        Category::Music => r#"<path d="M9 18V5l11-2v13"/><circle cx="6.5" cy="18" r="2.5"/><circle cx="17.5" cy="16" r="2.5"/>"#,
        // A light bulb.
        Category::Memory => r#"<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.5 1 2.5h6c0-1 .2-1.7 1-2.5A6 6 0 0 0 12 3z"/>"#,
        // A cross.
        Category::Worship => r#"<path d="M12 2v20M6 8h12"/>"#,
        // A tree on a path.
        Category::Outing => r#"<path d="M12 3l6 9h-4l4 6H6l4-6H6z"/><path d="M12 18v4"/>"#,
        // A brush.
        Category::Creative => r#"<path d="M18 3l3 3-9 9-3-3z"/><path d="M9 12c-3 0-5 2-5 5 0 1.5-1 3-2 4 4 0 9-1 9-6"/>"#,
        // Two people.
        Category::Social => {
            r#"<circle cx="8" cy="7" r="3"/><circle cx="17" cy="8" r="2.5"/><path d="M2 21c0-4 3-7 6-7s6 3 6 7M14 14.5c3 0 7 2 7 6.5"/>"#
        }
    };
    html! {
        svg.pictogram viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {
            (PreEscaped(drawing))
        }
    }
}
