//! What the analysis found, as a short readable summary, with the hosts worth naming as the
//! target offered as one-press suggestions, and the first lines of the message.

use leptos::prelude::*;
use portal_core::spam::{suggested_targets, Analysis};
use portal_core::{Draft, Field, Locale, Msg};

use crate::state::Portal;

/// At most this much of the message is laid out as an excerpt.
const EXCERPT_LINES: usize = 20;
const EXCERPT_BYTES: usize = 2_000;

#[component]
pub fn SpamSummary(draft: RwSignal<Draft>) -> impl IntoView {
    let portal = Portal::get();
    move || {
        let locale = portal.locale.get();
        portal.spam.with(|spam| {
            let (message, examined) = spam.accepted()?;
            let analysis = examined.analysis.as_ref()?;
            let excerpt = excerpt(&message.bytes);
            let from_warning =
                analysis.from_unverified.then(|| view! { <p class="warning">{Msg::SpamFromNoProof.text(locale)}</p> });
            Some(view! {
                <section class="spam-summary" aria-labelledby="spam-summary-heading">
                    <h2 id="spam-summary-heading">{Msg::SpamSummaryHeading.text(locale)}</h2>
                    <dl class="summary-list">{facts(analysis, locale)}</dl>
                    {from_warning}
                    <Suggestions hosts=suggested_targets(analysis) draft locale/>
                    <h3>{Msg::SpamExcerpt.text(locale)}</h3>
                    <pre class="spam-excerpt" tabindex="0">{excerpt}</pre>
                </section>
            })
        })
    }
}

fn facts(analysis: &Analysis, locale: Locale) -> impl IntoView {
    let none = Msg::SpamSummaryNone.text(locale);
    let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| none.to_owned());
    let list = |items: &[String]| if items.is_empty() { none.to_owned() } else { items.join(", ") };
    let hops = analysis
        .hops
        .iter()
        .map(|hop| {
            let from = hop.from.as_deref().unwrap_or("?");
            let by = hop.by.as_deref().unwrap_or("?");
            let ips = if hop.ips.is_empty() { String::new() } else { format!(" [{}]", hop.ips.join(", ")) };
            format!("{from}{ips} → {by}")
        })
        .collect::<Vec<_>>();
    let hop_count = Msg::SpamSummaryHopCount.format(locale, &[("count", &analysis.hops.len().to_string())]);
    let auth: Vec<String> = analysis.auth_results.iter().map(|r| format!("{}={}", r.method, r.result)).collect();
    [
        (Msg::SpamSummarySubject, or_none(&analysis.subject)),
        (Msg::SpamSummaryFrom, or_none(&analysis.from)),
        (Msg::SpamSummaryReturnPath, or_none(&analysis.return_path)),
        (Msg::SpamSummaryDate, or_none(&analysis.date)),
        (Msg::SpamSummaryHops, std::iter::once(hop_count).chain(hops).collect::<Vec<_>>().join("\n")),
        (Msg::SpamSummarySourceIp, or_none(&analysis.source_ip)),
        (Msg::SpamSummaryAuth, list(&auth)),
        (Msg::SpamSummaryDkim, list(&analysis.dkim_domains)),
        (Msg::SpamSummaryLinks, list(&analysis.url_hosts)),
    ]
    .into_iter()
    .map(|(label, value)| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{label.text(locale)}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    })
    .collect_view()
}

/// Buttons that put a host into the target field and move focus there.
#[component]
fn Suggestions(hosts: Vec<String>, draft: RwSignal<Draft>, locale: Locale) -> impl IntoView {
    (!hosts.is_empty()).then(|| {
        let buttons = hosts
            .into_iter()
            .map(|host| {
                let label = Msg::SpamSuggestionUse.format(locale, &[("host", &host)]);
                let choose = move |_| {
                    draft.update(|d| d.set(Field::SpamTarget, host.clone()));
                    crate::platform::focus_element(Field::SpamTarget.id());
                };
                view! { <li><button type="button" class="button button--secondary" on:click=choose>{label}</button></li> }
            })
            .collect_view();
        view! {
            <p>{Msg::SpamSuggestions.text(locale)}</p>
            <ul class="suggestions">{buttons}</ul>
        }
    })
}

/// The first lines of the message, as text; bytes that are not UTF-8 show as U+FFFD.
fn excerpt(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(EXCERPT_BYTES)];
    let text = String::from_utf8_lossy(head);
    let lines: Vec<&str> = text.lines().take(EXCERPT_LINES).collect();
    let mut excerpt = lines.join("\n");
    if head.len() < bytes.len() || text.lines().count() > EXCERPT_LINES {
        excerpt.push_str("\n…");
    }
    excerpt
}
