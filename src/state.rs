//! What the pages share, passed down as typed context: the configuration, the language, and
//! the receipt of the last request sent.

use leptos::prelude::*;
use portal_core::abuse::EvidenceFile;
use portal_core::{Config, Kind, Locale, Msg, Submission};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy)]
pub struct Portal {
    pub config: StoredValue<Config>,
    pub locale: RwSignal<Locale>,
    pub receipt: RwSignal<Option<Receipt>>,
    /// The abuse report's evidence files, read in full. In memory only: never in storage, so
    /// a reload asks for them again.
    pub evidence: RwSignal<Vec<EvidenceFile>>,
}

/// How a request reached the operator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Delivery {
    /// The endpoint confirmed it; the reference is the server's when it gave one.
    Endpoint { reference: Option<String> },
    /// The complainant confirmed sending the prepared email.
    Mail,
}

/// Kept in storage too, so a reload of the receipt page still shows the reference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub submission: Submission,
    pub delivery: Delivery,
    pub mailbox: String,
}

impl Portal {
    pub fn provide(config: Config, locale: Locale) {
        provide_context(Portal {
            config: StoredValue::new(config),
            locale: RwSignal::new(locale),
            receipt: RwSignal::new(crate::platform::storage::load_receipt()),
            evidence: RwSignal::new(Vec::new()),
        });
    }

    pub fn get() -> Portal {
        // Provided by `App` before any page renders; a missing one is a programming error
        // caught by every browser test.
        expect_context::<Portal>()
    }

    /// The text of `msg` in the current language; reactive when called inside a closure.
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.locale.get())
    }

    pub fn mailbox(&self, kind: Kind) -> String {
        self.config.with_value(|config| config.channel(kind).mailbox.clone())
    }

    pub fn endpoint(&self, kind: Kind) -> Option<String> {
        self.config.with_value(|config| config.channel(kind).endpoint.clone())
    }
}
