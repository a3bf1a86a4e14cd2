//! The confirmation page: the reference, what happens next (with the dates as an `.ics` for the
//! calendar), a copy to keep.

use leptos::prelude::*;
use portal_core::render::{eml, eml_file_name, ics, ics_file_name};
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
    let kind = receipt.submission.kind;
    let (heading, reference) = match &receipt.delivery {
        Delivery::Endpoint { reference } => {
            (kind.receipt_heading(false), reference.clone().unwrap_or_else(|| receipt.submission.id.clone()))
        }
        Delivery::Mail => (kind.receipt_heading(true), receipt.submission.id.clone()),
    };
    let deadlines = receipt.submission.deadlines;
    let download_calendar = {
        let submission = receipt.submission.clone();
        let reference = reference.clone();
        move |_| {
            let _ = download::download(
                &ics_file_name(&submission),
                "text/calendar",
                ics(&submission, &reference).as_bytes(),
            );
        }
    };
    let download_copy = move |_| {
        let _ = download::download(
            &eml_file_name(&receipt.submission),
            "message/rfc822",
            eml(&receipt.submission, &receipt.mailbox).as_bytes(),
        );
    };
    (move || {
        let locale = portal.locale.get();
        let next = if kind.promises_dates() {
            let final_answer = deadlines.final_answer.map(|day| {
                view! { <li>{Msg::ReceiptFinalAnswerBy.format(locale, &[("date", &locale.format_date(day))])}</li> }
            });
            view! {
                <ul>
                    <li>{Msg::ReceiptAckBy.format(locale, &[("date", &locale.format_date(deadlines.acknowledgement))])}</li>
                    <li>{Msg::ReceiptAnswerBy.format(locale, &[("date", &locale.format_date(deadlines.answer))])}</li>
                    {final_answer}
                </ul>
                <p class="field__hint">{portal.config.with_value(|c| c.rule_text(locale))}</p>
            }
            .into_any()
        } else {
            view! { <p>{Msg::ReceiptFeedbackNext.text(locale)}</p> }.into_any()
        };
        let calendar = kind.promises_dates().then(|| {
            view! {
                <button type="button" class="button button--secondary" on:click=download_calendar.clone()>
                    {Msg::ReceiptCalendar.text(locale)}
                </button>
            }
        });
        view! {
            <div class="panel" role="region" aria-labelledby="receipt-heading">
                <h1 id="receipt-heading">{heading.text(locale)}</h1>
                <p>{Msg::ReceiptReference.text(locale)} <br/> <strong class="reference">{reference.clone()}</strong></p>
            </div>
            <h2>{Msg::ReceiptNext.text(locale)}</h2>
            {next}
            <p class="button-group">
                <button type="button" class="button button--secondary" on:click=download_copy.clone()>{Msg::ReceiptCopy.text(locale)}</button>
                {calendar}
                <Link to=Route::Start>{Msg::ReceiptNew.text(locale)}</Link>
            </p>
        }
    })
    .into_any()
}
