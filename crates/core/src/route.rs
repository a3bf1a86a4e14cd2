//! The portal's pages as data (§10): parsing a URL path into a page and back.
//!
//! Kept pure so every deep link can be tested natively; the browser layer only reads
//! `location.pathname` and calls `history.pushState` with what this produces.

use crate::form::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    Form(Kind),
    Check(Kind),
    Receipt(Kind),
    NotFound,
}

impl Route {
    /// The page for `path`. `base` is the path the portal is hosted under (`/` or
    /// `/beschwerde/`); paths outside it, and kinds without a form, are `NotFound`.
    pub fn parse(path: &str, base: &str) -> Route {
        let base = base.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(base) else {
            return Route::NotFound;
        };
        let rest = rest.split(['?', '#']).next().unwrap_or("");
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        let kind = |slug: &str| Kind::from_slug(slug).filter(|kind| kind.is_available());
        match segments.as_slice() {
            [] | ["index.html"] => Route::Start,
            [slug] => kind(slug).map_or(Route::NotFound, Route::Form),
            [slug, "check"] => kind(slug).map_or(Route::NotFound, Route::Check),
            [slug, "receipt"] => kind(slug).map_or(Route::NotFound, Route::Receipt),
            _ => Route::NotFound,
        }
    }

    /// The path of this page under `base`.
    pub fn path(self, base: &str) -> String {
        let base = base.trim_end_matches('/');
        match self {
            Route::Start | Route::NotFound => format!("{base}/"),
            Route::Form(kind) => format!("{base}/{}", kind.slug()),
            Route::Check(kind) => format!("{base}/{}/check", kind.slug()),
            Route::Receipt(kind) => format!("{base}/{}/receipt", kind.slug()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_at_the_root_and_under_a_sub_path() {
        for base in ["/", "/beschwerde/", "/a/b"] {
            for route in [
                Route::Start,
                Route::Form(Kind::ServiceComplaint),
                Route::Check(Kind::ServiceComplaint),
                Route::Receipt(Kind::ServiceComplaint),
            ] {
                assert_eq!(Route::parse(&route.path(base), base), route, "{base} {route:?}");
            }
        }
    }

    #[test]
    fn deep_links_parse_with_query_fragment_and_trailing_slash() {
        let form = Route::Form(Kind::ServiceComplaint);
        assert_eq!(Route::parse("/service_complaint/", "/"), form);
        assert_eq!(Route::parse("/service_complaint#email", "/"), form);
        assert_eq!(
            Route::parse("/beschwerde/service_complaint/check?x=1", "/beschwerde/"),
            Route::Check(Kind::ServiceComplaint)
        );
        assert_eq!(Route::parse("/index.html", "/"), Route::Start);
        assert_eq!(Route::parse("/beschwerde", "/beschwerde/"), Route::Start);
    }

    #[test]
    fn unknown_pages_and_kinds_without_a_form_are_not_found() {
        assert_eq!(Route::parse("/nonsense", "/"), Route::NotFound);
        assert_eq!(Route::parse("/service_complaint/check/extra", "/"), Route::NotFound);
        assert_eq!(Route::parse("/other/service_complaint", "/beschwerde/"), Route::NotFound);
        let unavailable = Kind::ALL.into_iter().find(|kind| !kind.is_available());
        if let Some(kind) = unavailable {
            assert_eq!(Route::parse(&format!("/{}", kind.slug()), "/"), Route::NotFound);
        }
    }
}
