//! The browser app: mounts the root component. Everything else lives in `app` and below.

mod app;
mod components;
mod pages;
mod platform;
mod state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
