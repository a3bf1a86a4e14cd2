//! One module per page (§10): start, form, check-your-answers, receipt, and the two dead ends.

pub mod check;
pub mod config_error;
pub mod form;
pub mod not_found;
pub mod receipt;
pub mod start;
