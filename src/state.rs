//! What the pages share, passed down as typed context: the configuration, the language, and
//! the receipt of the last request sent.

use leptos::prelude::*;
use std::sync::Arc;

use portal_core::abuse::EvidenceFile;
use portal_core::spam::{Examined, RawMessage, RawProblem};
use portal_core::{Config, Field, Kind, Locale, Msg, Problem, Submission};
use serde::{Deserialize, Serialize};

use crate::platform::message_store::StoredMessage;

#[derive(Clone, Copy)]
pub struct Portal {
    pub config: StoredValue<Config>,
    pub locale: RwSignal<Locale>,
    pub receipt: RwSignal<Option<Receipt>>,
    /// The abuse report's evidence files, read in full. In memory only: never in storage, so
    /// a reload asks for them again.
    pub evidence: RwSignal<Vec<EvidenceFile>>,
    /// The spam complaint's message: in memory, and in IndexedDB until it is sent.
    pub spam: RwSignal<SpamInput>,
}

/// The spam complaint's message as the form holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum SpamInput {
    #[default]
    Empty,
    /// Taken, and being checked by the spam worker.
    Checking(Arc<StoredMessage>),
    Checked(Arc<StoredMessage>, Arc<Examined>),
    /// Not taken: a file over the cap (never read) or one that could not be read, or the
    /// worker failed.
    Refused(Refusal),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Problem(RawProblem),
    Unreadable { file_name: String },
    WorkerFailed,
}

impl SpamInput {
    /// What stands between this message and "Continue", worded for the complainant.
    pub fn problems(&self, locale: Locale) -> Vec<Problem> {
        let message = match self {
            SpamInput::Empty => Msg::SpamMessageMissing.text(locale).to_owned(),
            SpamInput::Checking(_) => Msg::SpamStillAnalysing.text(locale).to_owned(),
            SpamInput::Checked(_, examined) => match &examined.problem {
                Some(problem) => problem.message(locale),
                None => return Vec::new(),
            },
            SpamInput::Refused(Refusal::Problem(problem)) => problem.message(locale),
            SpamInput::Refused(Refusal::Unreadable { file_name }) => {
                Msg::SpamReadFailed.format(locale, &[("name", file_name)])
            }
            SpamInput::Refused(Refusal::WorkerFailed) => Msg::SpamAnalysisFailed.text(locale).to_owned(),
        };
        vec![Problem { field: Field::SpamMessage, message }]
    }

    /// The problem that only the full source can fix, if that is what is wrong.
    pub fn needs_full_source(&self) -> bool {
        match self {
            SpamInput::Checked(_, examined) => examined.problem.as_ref().is_some_and(RawProblem::needs_full_source),
            _ => false,
        }
    }

    /// The message, as taken and as checked, when it can be sent.
    pub fn accepted(&self) -> Option<(&StoredMessage, &Examined)> {
        match self {
            SpamInput::Checked(message, examined) if examined.problem.is_none() => Some((message, examined)),
            _ => None,
        }
    }

    /// The message as the submission carries it, with its analysis.
    pub fn for_submission(&self) -> Option<(RawMessage, portal_core::spam::Analysis)> {
        let (message, examined) = self.accepted()?;
        let raw =
            RawMessage::hashed(message.source, message.file_name.as_deref(), &message.bytes, examined.sha256.clone());
        Some((raw, examined.analysis.clone().unwrap_or_default()))
    }
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
            spam: RwSignal::new(SpamInput::Empty),
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

    /// After a confirmed send: the files and the message are no longer needed in memory
    /// (storage forgets them with the draft).
    pub fn forget_files(&self) {
        self.evidence.set(Vec::new());
        self.spam.set(SpamInput::Empty);
    }

    pub fn mailbox(&self, kind: Kind) -> String {
        self.config.with_value(|config| config.channel(kind).mailbox.clone())
    }

    pub fn endpoint(&self, kind: Kind) -> Option<String> {
        self.config.with_value(|config| config.channel(kind).endpoint.clone())
    }
}
