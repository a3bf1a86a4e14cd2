#!/usr/bin/env bash
# Every gate, in order from fastest to slowest; stops at the first failure.
# Installs what is missing first (scripts/setup.sh is idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
log=$(mktemp)
subpath_dist=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$subpath_dist"' EXIT
step() { printf '\n==== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "setup"
scripts/setup.sh

step "gate 7: formatting"
cargo fmt --all --check

step "gate 7: clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "gate 7: clippy, wasm32"
cargo clippy -p complaint-portal -p spam-worker --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "the core stays pure: no browser crate in its dependency tree"
if cargo tree -p portal-core -e normal --prefix none --locked | grep -E '^(leptos|web-sys|js-sys|gloo|wasm-bindgen)'; then
  echo "portal-core depends on a browser crate (above)" >&2
  exit 1
fi

step "gate 1: native tests (core and CLI)"
cargo test --workspace --locked 2>&1 | tee -a "$log"

step "fuzzing: each cargo-fuzz target for 15 s from its seeds (longer runs: docs/fuzzing.md)"
scripts/fuzz.sh 15

step "gate 2: browser tests in headless Chromium"
scripts/test-browser.sh --locked 2>&1 | tee -a "$log"

step "release build"
scripts/build.sh

step "release build under a sub-path, /beschwerde/ (for specs/subpath.test.mjs)"
DIST="$subpath_dist" scripts/build.sh --public-url /beschwerde/

step "the generated nginx.conf: nginx -t, then served by nginx (root and sub-path)"
scripts/check-nginx.sh dist
scripts/check-nginx.sh "$subpath_dist"

step "gates 3-5: end-to-end and accessibility in headless Chromium"
(cd tests/e2e && DIST="$PWD/../../dist" SUBPATH_DIST="$subpath_dist" npm test) 2>&1 | tee -a "$log"

step "gate 6: benchmark figures"
SKIP_BUILD=1 scripts/bench.sh

step "all gates passed"
# One closing line over every test runner above: cargo's "N passed" and node's "# pass N".
passed=$(grep -oE '(^test result: ok\. [0-9]+ passed|^# pass [0-9]+)' "$log" | grep -oE '[0-9]+' | awk '{ sum += $1 } END { print sum + 0 }')
echo "all layers: ${passed} passed, 0 failed"
