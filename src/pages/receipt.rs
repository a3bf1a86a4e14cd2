//! The confirmation page: the reference, what happens next, a copy to keep.

use leptos::prelude::*;
use portal_core::render::{eml, eml_file_name};
use portal_core::route::Route;
use portal_core::Msg;

use crate::pages::not_found::NotFound;
use crate::platform::download;
use crate::platform::router::Link;
use crate::state::{Delivery, Portal};

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let portal = Portal::get();
    let Some(receipt) = portal.receipt.get_untracked() else {
        return view! { <NotFound/> }.into_any();
    };
    let (heading, reference) = match &receipt.delivery {
        Delivery::Endpoint { reference } => {
            (Msg::ReceiptHeading, reference.clone().unwrap_or_else(|| receipt.submission.id.clone()))
        }
        Delivery::Mail => (Msg::ReceiptMailHeading, receipt.submission.id.clone()),
    };
    let deadlines = receipt.submission.deadlines;
    let download_copy = move |_| {
        let _ = download::download(
            &eml_file_name(&receipt.submission),
            "message/rfc822",
            &eml(&receipt.submission, &receipt.mailbox),
        );
    };
    (move || {
        let locale = portal.locale.get();
        view! {
            <div class="panel" role="region" aria-labelledby="receipt-heading">
                <h1 id="receipt-heading">{heading.text(locale)}</h1>
                <p>{Msg::ReceiptReference.text(locale)} <br/> <strong class="reference">{reference.clone()}</strong></p>
            </div>
            <h2>{Msg::ReceiptNext.text(locale)}</h2>
            <ul>
                <li>{Msg::ReceiptAckBy.format(locale, &[("date", &locale.format_date(deadlines.acknowledgement))])}</li>
                <li>{Msg::ReceiptAnswerBy.format(locale, &[("date", &locale.format_date(deadlines.answer))])}</li>
            </ul>
            <p class="field__hint">{portal.config.with_value(|c| c.rule_text(locale))}</p>
            <p class="button-group">
                <button type="button" class="button button--secondary" on:click=download_copy.clone()>{Msg::ReceiptCopy.text(locale)}</button>
                <Link to=Route::Start>{Msg::ReceiptNew.text(locale)}</Link>
            </p>
        }
    })
    .into_any()
}
