//! A list that pages instead of scrolling, on the kiosk: as many of its items as fit the space
//! left on screen, then big "previous" and "next" buttons around "page 1 of 3". Residents do not
//! scroll a lobby screen: what lies below its edge does not exist for them. Elsewhere the list is
//! shown whole, and phones scroll.
//!
//! `Paged` wraps one list; its items are that list's children (a `<ul>`'s `<li>`s, a grid's
//! cards). A page ends before the first item that would cross the bottom of the space, measured
//! on the screen itself: lists and grids alike page by whole items, whatever the length of their
//! texts, the language or the screen's orientation. Items off the page are `hidden`, so that
//! reading aloud reads the page shown. The kiosk comes back to page 1 when it is left alone.
//!
//! Given `fitted`, it shows only what fits, without a pager, and says there how many items that
//! is: a summary whose detail is one tap away (the kiosk's home panels).

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCollection, MutationObserver, MutationObserverInit, ResizeObserver};

use crate::i18n::ui;
use crate::kiosk::{is_kiosk, on_left_alone};

#[component]
pub fn Paged(children: Children, #[prop(optional)] fitted: Option<RwSignal<usize>>) -> impl IntoView {
    if !is_kiosk() {
        return children().into_any();
    }
    let ui = ui();
    let frame = NodeRef::<html::Div>::new();
    // Where each page begins (the index of its first item), and the page shown.
    let starts = RwSignal::new(vec![0usize]);
    let page = RwSignal::new(0usize);
    let show = move |wanted: usize| {
        let Some(frame) = frame.get_untracked() else {
            return;
        };
        let bounds = starts.with_untracked(|starts| {
            let shown = wanted.min(starts.len() - 1);
            page.set(shown);
            (starts[shown], starts.get(shown + 1).copied().unwrap_or(usize::MAX))
        });
        if let Some(items) = items(&frame) {
            show_items(&items, bounds.0..bounds.1);
            let shown = bounds.1.min(items.length() as usize);
            if let Some(fitted) = fitted.filter(|fitted| fitted.get_untracked() != shown) {
                fitted.set(shown);
            }
        }
    };
    // Measured again whenever the space or the list changes: a notice above it, the pager
    // itself appearing, a new minute's marks, the web font arriving.
    let measure = move || {
        let Some(frame) = frame.get_untracked() else {
            return;
        };
        let measured = page_starts(&frame);
        if starts.with_untracked(|starts| *starts != measured) {
            starts.set(measured);
        }
        show(page.get_untracked());
    };
    frame.on_load(move |frame| watch(&frame, measure));
    on_left_alone(move || show(0));
    // A summary shows its first page only.
    let count = move || if fitted.is_some() { 1 } else { starts.with(Vec::len) };
    view! {
        <div class="paged" node_ref=frame>{children()}</div>
        <Show when=move || { count() > 1 }>
            <nav class="pager" aria-label=ui.pages>
                <button type="button" disabled=move || page.get() == 0 on:click=move |_| show(page.get_untracked().saturating_sub(1))>
                    "← "{ui.previous_page}
                </button>
                <p class="pager-position" aria-live="polite">{move || format!("{} {} {} {}", ui.page, page.get() + 1, ui.of, count())}</p>
                <button type="button" disabled=move || { page.get() + 1 >= count() } on:click=move |_| show(page.get_untracked() + 1)>
                    {ui.next_page}" →"
                </button>
            </nav>
        </Show>
    }
    .into_any()
}

/// The items of the list in the frame.
fn items(frame: &Element) -> Option<HtmlCollection> {
    frame.first_element_child().map(|list| list.children())
}

fn show_items(items: &HtmlCollection, shown: std::ops::Range<usize>) {
    for index in 0..items.length() {
        if let Some(item) = items.item(index) {
            let _ = item.toggle_attribute_with_force("hidden", !shown.contains(&(index as usize)));
        }
    }
}

/// Lays the pages out: from each page's first item, shows the rest and finds the first that
/// crosses the bottom of the frame, which begins the next page. A page has at least one item.
fn page_starts(frame: &Element) -> Vec<usize> {
    let mut starts = vec![0];
    let Some(items) = items(frame) else {
        return starts;
    };
    let count = items.length() as usize;
    let bottom = frame.get_bounding_client_rect().bottom() + 0.5;
    loop {
        let start = starts[starts.len() - 1];
        show_items(&items, start..count);
        let crossing =
            (start + 1..count).find(|&index| items.item(index as u32).is_some_and(|item| item.get_bounding_client_rect().bottom() > bottom));
        match crossing {
            Some(next) => starts.push(next),
            None => return starts,
        }
    }
}

/// Calls `measure` when the frame or its list changes size, and when the list is replaced
/// (a redrawn list is watched in its turn). The observers end with the frame.
fn watch(frame: &Element, measure: impl Fn() + Copy + 'static) {
    let Ok(resized) = ResizeObserver::new(Closure::<dyn Fn()>::new(measure).into_js_value().unchecked_ref()) else {
        return;
    };
    resized.observe(frame);
    let list = frame.first_element_child();
    if let Some(list) = &list {
        resized.observe(list);
    }
    let watched_list = StoredValue::new_local(list);
    let sizes = resized.clone();
    let frame_for_list = frame.clone();
    let replaced = Closure::<dyn Fn()>::new(move || {
        if let Some(old) = watched_list.get_value() {
            sizes.unobserve(&old);
        }
        let list = frame_for_list.first_element_child();
        if let Some(list) = &list {
            sizes.observe(list);
        }
        watched_list.set_value(list);
        measure();
    });
    let Ok(children) = MutationObserver::new(replaced.into_js_value().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    let _ = children.observe_with_options(frame, &options);
    let observers = StoredValue::new_local((resized, children));
    on_cleanup(move || {
        observers.with_value(|(resized, children)| {
            resized.disconnect();
            children.disconnect();
        })
    });
}
