//! The edges: every browser API the app uses lives here, behind small functions. Pages and
//! components call these; the core never does.

pub mod config;
pub mod csp;
pub mod download;
pub mod files;
pub mod idna;
pub mod message_store;
pub mod router;
pub mod send;
pub mod spam_worker;
pub mod storage;

/// 16 bytes from the browser's cryptographic random source.
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        // Cannot fail for 16 bytes (the limit is 65536); if it did, the zero id would still
        // be unique enough for the local receipt, and the server assigns its own reference.
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes
}

/// The complainant's date, from the device clock in its time zone. The core never reads a
/// clock: this is passed to it wherever a rule depends on the day.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The browser's language preferences, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut languages: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if languages.is_empty() {
        languages.extend(navigator.language());
    }
    languages
}

/// Keeps `<html lang>` and the document title in step with the chosen language.
pub fn set_document_language(tag: &str, title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to the element with this id.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.scroll_into_view();
    }
}
