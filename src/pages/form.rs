//! The form of one request kind: its fields, the error summary, autosave.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use portal_core::form::Control;
use portal_core::route::Route;
use portal_core::validate::validate;
use portal_core::{Config, Draft, Field, Kind, Locale, Msg, Problem};

use crate::components::error_summary::{ErrorSummary, ERROR_SUMMARY_ID};
use crate::components::escalation_window::EscalationWindow;
use crate::components::evidence::EvidenceInput;
use crate::components::field::FieldInput;
use crate::components::radios::RadioGroup;
use crate::components::spam_message::SpamMessageInput;
use crate::platform::idna::UrlUts46;
use crate::platform::router::Router;
use crate::platform::{self, storage};
use crate::state::Portal;

#[component]
pub fn FormPage(kind: Kind) -> impl IntoView {
    let portal = Portal::get();
    let draft = RwSignal::new(storage::load_draft(kind));
    let today = platform::today();
    // Autosave: the only place the form talks to the outside world.
    Effect::new(move || draft.with(|d| storage::save_draft(kind, d)));

    // Problems are those of the draft as it was when "Continue" was pressed, worded in the
    // current language; typing does not re-announce the summary.
    let checked = RwSignal::new(None::<Draft>);
    let problems = Memo::new(move |_| {
        let locale = portal.locale.get();
        checked.with(|snapshot| match snapshot {
            Some(draft) => {
                // The spam worker's verdict may arrive after "Continue": the summary follows it.
                // (The Memo only notifies when the problems really change.)
                portal.spam.track();
                portal.config.with_value(|config| all_problems(kind, draft, &portal, config, locale, today))
            }
            None => Vec::new(),
        })
    });
    let router = Router::get();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let snapshot = draft.get_untracked();
        let locale = portal.locale.get_untracked();
        let valid =
            portal.config.with_value(|config| all_problems(kind, &snapshot, &portal, config, locale, today).is_empty());
        if valid {
            router.go(Route::Check(kind), None);
        } else {
            checked.set(Some(snapshot));
            request_animation_frame(|| platform::focus_element(ERROR_SUMMARY_ID));
        }
    };

    let fields = kind
        .fields()
        .iter()
        .map(|&(field, need)| {
            let errors = Signal::derive(move || {
                problems.with(|all: &Vec<Problem>| {
                    all.iter().filter(|p| p.field == field).map(|p| p.message.clone()).collect()
                })
            });
            // The escalation's window is told right under the date that opens it.
            let window = (field == Field::PreviousAnsweredOn).then(|| view! { <EscalationWindow draft/> });
            let input = match field.control() {
                Control::Radios(_) => view! { <RadioGroup kind field draft errors/> }.into_any(),
                Control::Files => view! { <EvidenceInput kind errors/> }.into_any(),
                Control::RawMessage => view! { <SpamMessageInput kind errors draft/> }.into_any(),
                _ => view! { <FieldInput kind field need draft errors/> }.into_any(),
            };
            view! { {input} {window} }
        })
        .collect_view();

    let heading = move || {
        let locale = portal.locale.get();
        view! {
            <h1>{kind.title().text(locale)}</h1>
            {kind.notice().map(|notice| view! { <p class="notice">{notice.text(locale)}</p> })}
            <p class="field__hint">{Msg::DraftSaved.text(locale)}</p>
        }
    };
    view! {
        <ErrorSummary problems/>
        {heading}
        <form novalidate on:submit=on_submit>
            {fields}
            <button type="submit" class="button">{move || portal.t(Msg::Continue)}</button>
        </form>
    }
}

/// The draft's problems and those of what lives outside it (evidence files, the spam
/// message), in the order of the form. Untracked: called on "Continue", not while typing.
pub fn all_problems(
    kind: Kind,
    draft: &Draft,
    portal: &Portal,
    config: &Config,
    locale: Locale,
    today: chrono::NaiveDate,
) -> Vec<Problem> {
    let mut problems = validate(kind, draft, config, locale, today, &UrlUts46).err().unwrap_or_default();
    if kind.need(Field::Evidence).is_some() {
        portal.evidence.with_untracked(|files| {
            let meta: Vec<(&str, u64)> = files.iter().map(|file| (file.name.as_str(), file.size)).collect();
            problems.extend(portal_core::abuse::check_evidence(&meta, &config.limits, locale));
        });
    }
    if kind.need(Field::SpamMessage).is_some() {
        problems.extend(portal.spam.with_untracked(|spam| spam.problems(locale)));
    }
    // In the order of the form, so the summary reads top to bottom.
    problems.sort_by_key(|problem| kind.fields().iter().position(|(field, _)| *field == problem.field));
    problems
}
