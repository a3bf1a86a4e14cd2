//! The browser app: pages, components and the platform edge over `portal-core`.
//!
//! `main.rs` only mounts [`app::App`]; the modules are public so the browser tests in
//! `tests/` can reach the platform layer.

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod spam_intake;
pub mod state;

/// Mounts the portal into `<body>`.
pub fn start() {
    // Before any request, so a POST refused by the page's policy can be told apart (§7).
    platform::csp::watch();
    leptos::mount::mount_to_body(app::App);
}
