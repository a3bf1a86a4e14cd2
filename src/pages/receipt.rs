//! The confirmation page: the reference, what happens next, a copy to keep.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::render::{eml, eml_file_name};
use portal_core::Msg;

use crate::platform::download;
use crate::state::{Delivery, Portal};

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let portal = Portal::get();
    let Some(receipt) = portal.receipt.get_untracked() else {
        return view! {
            <h1>{move || portal.t(Msg::NotFoundHeading)}</h1>
            <p><A href="/">{move || portal.t(Msg::NotFoundBack)}</A></p>
        }
        .into_any();
    };
    let (heading, reference) = match &receipt.delivery {
        Delivery::Endpoint { reference } => (Msg::ReceiptHeading, reference.clone().unwrap_or_else(|| receipt.submission.id.clone())),
        Delivery::Mail => (Msg::ReceiptMailHeading, receipt.submission.id.clone()),
    };
    let download_copy = move |_| {
        let _ = download::download(&eml_file_name(&receipt.submission), "message/rfc822", &eml(&receipt.submission, &receipt.mailbox));
    };
    view! {
        <div class="panel" role="region" aria-labelledby="receipt-heading">
            <h1 id="receipt-heading">{move || portal.t(heading)}</h1>
            <p>{move || portal.t(Msg::ReceiptReference)} <br/> <strong class="reference">{reference}</strong></p>
        </div>
        <h2>{move || portal.t(Msg::ReceiptNext)}</h2>
        <p>{move || portal.t(Msg::ReceiptAck)}</p>
        <p>{move || portal.t(Msg::ReceiptAnswer)}</p>
        <p class="button-group">
            <button type="button" class="button button--secondary" on:click=download_copy>{move || portal.t(Msg::ReceiptCopy)}</button>
            <A href="/">{move || portal.t(Msg::ReceiptNew)}</A>
        </p>
    }
    .into_any()
}
