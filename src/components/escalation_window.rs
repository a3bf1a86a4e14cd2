//! Where an escalation stands against its window (§3), shown as soon as the date of the answer
//! is known: the last day it can be made, or, too late, that the matter is closed and one button
//! that carries everything typed into a new service complaint. The rules are the core's
//! (`escalation::window`, `escalation::carry_over`); this only shows them.

use leptos::prelude::*;
use portal_core::escalation::{carry_over, merge_into, window, Window};
use portal_core::route::Route;
use portal_core::{Draft, Kind, Msg};

use crate::platform::router::Router;
use crate::platform::{self, storage};
use crate::state::Portal;

#[component]
pub fn EscalationWindow(draft: RwSignal<Draft>) -> impl IntoView {
    let portal = Portal::get();
    let router = Router::get();
    let today = platform::today();
    let status = Memo::new(move |_| draft.with(|d| portal.config.with_value(|config| window(d, config, today))));
    let start_new = move |_| {
        let carried = draft.with_untracked(|d| carry_over(d, portal.locale.get_untracked()));
        // A service-complaint draft already there is joined, not replaced.
        let merged = merge_into(&storage::load_draft(Kind::ServiceComplaint), carried);
        storage::save_draft(Kind::ServiceComplaint, &merged);
        router.go(Route::Form(Kind::ServiceComplaint), None);
    };
    // A live region, always present, so the verdict is announced when the date is entered.
    view! {
        <div class="escalation-window" role="status">
            {move || {
                let locale = portal.locale.get();
                match status.get() {
                    None => ().into_any(),
                    Some(open @ Window::Open { .. }) => {
                        view! { <p class="escalation-window__open">{open.message(locale)}</p> }.into_any()
                    }
                    Some(closed @ Window::Closed { .. }) => view! {
                        <div class="escalation-window__closed">
                            <p class="warning">{closed.message(locale)}</p>
                            <p>{Msg::EscalationCarryHint.text(locale)}</p>
                            <button type="button" class="button" on:click=start_new>
                                {Msg::EscalationCarryOver.text(locale)}
                            </button>
                        </div>
                    }
                    .into_any(),
                }
            }}
        </div>
    }
}
