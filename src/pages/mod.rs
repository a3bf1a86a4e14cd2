//! One module per page (§10): start, form, check-your-answers, receipt, and the two dead ends.

pub mod check;
pub mod config_error;
pub mod form;
pub mod not_found;
pub mod receipt;
pub mod start;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_core::Kind;

/// The request kind named in the URL, if the portal offers a form for it.
pub fn kind_from_route() -> Memo<Option<Kind>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get("kind")
            .and_then(|slug| Kind::from_slug(&slug))
            .filter(|kind| kind.is_available())
    })
}
