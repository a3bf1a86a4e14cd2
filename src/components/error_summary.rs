//! The GOV.UK error summary: a focused box at the top listing every problem, each a link that
//! moves focus to its field.

use leptos::prelude::*;
use portal_core::{Msg, Problem};

use crate::platform;
use crate::state::Portal;

pub const ERROR_SUMMARY_ID: &str = "error-summary";

#[component]
pub fn ErrorSummary(#[prop(into)] problems: Signal<Vec<Problem>>) -> impl IntoView {
    let portal = Portal::get();
    // The box is built once while there are problems and only its list follows them: rebuilt,
    // it would drop the focus it holds (the spam check's verdict can arrive after "Continue").
    let items = move || {
        problems
            .get()
            .into_iter()
            .map(|problem| {
                let id = problem.field.id();
                let jump = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    platform::focus_element(id);
                };
                view! { <li><a href=format!("#{id}") on:click=jump>{problem.message}</a></li> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || problems.with(|problems| !problems.is_empty())>
            <div class="error-summary" id=ERROR_SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{move || Msg::ErrorSummaryTitle.text(portal.locale.get())}</h2>
                <ul class="error-summary__list">{items}</ul>
            </div>
        </Show>
    }
}
