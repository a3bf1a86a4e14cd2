//! Client-side navigation over the History API. Which page a path means is decided by
//! `portal_core::route::Route`; this module only keeps the current route in a signal, in step
//! with the address bar.

use leptos::prelude::*;
use portal_core::route::Route;
use wasm_bindgen::prelude::*;

/// The current page, shared through context.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

/// The path the portal is served under: that of `<base href>` (written by Trunk from its
/// `public_url`), which must end in `/`.
fn base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .filter(|path| path.ends_with('/'))
        .unwrap_or_else(|| "/".to_owned())
}

fn current_path() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".to_owned())
}

impl Router {
    /// Reads the address bar and follows the browser's back and forward buttons.
    pub fn provide() -> Router {
        let router = Router { route: RwSignal::new(Route::parse(&current_path(), &base_path())) };
        let on_popstate =
            Closure::<dyn Fn()>::new(move || router.route.set(Route::parse(&current_path(), &base_path())));
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_popstate.forget();
        provide_context(router);
        router
    }

    pub fn get() -> Router {
        // Provided by `App` before any page renders.
        expect_context::<Router>()
    }

    pub fn route(&self) -> Route {
        self.route.get()
    }

    pub fn href(route: Route) -> String {
        route.path(&base_path())
    }

    /// Shows `route`, adds it to the history, and moves focus to the new page (or to the
    /// element named by `fragment`), so screen-reader users hear the page change.
    pub fn go(&self, route: Route, fragment: Option<&str>) {
        let mut url = Router::href(route);
        if let Some(fragment) = fragment {
            url = format!("{url}#{fragment}");
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
        }
        self.route.set(route);
        let target = fragment.unwrap_or("main").to_owned();
        request_animation_frame(move || super::focus_element(&target));
    }
}

/// A link to a page of the portal: a real `<a href>` (new tabs, copying work), followed
/// without reloading on a plain click.
#[component]
pub fn Link(to: Route, #[prop(optional)] fragment: Option<&'static str>, children: Children) -> impl IntoView {
    let router = Router::get();
    let href = match fragment {
        Some(fragment) => format!("{}#{fragment}", Router::href(to)),
        None => Router::href(to),
    };
    let follow = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            router.go(to, fragment);
        }
    };
    view! { <a href=href on:click=follow>{children()}</a> }
}
