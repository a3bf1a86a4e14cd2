#!/usr/bin/env bash
# Gate 2: the browser tests (tests/browser.rs) with wasm-bindgen-test in headless Chromium.
#
# cargo builds tests/browser.rs for wasm32 and hands the .wasm to wasm-bindgen-test-runner, which
# starts chromedriver, serves the test page on 127.0.0.1 and drives Chromium. The runner reads
# the browser capabilities (headless, no sandbox as root, …) from webdriver.json in the crate root.
#
#   scripts/test-browser.sh [extra cargo test args, e.g. a test name filter]
set -euo pipefail
cd "$(dirname "$0")/.."

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Applies to the wasm32 target only: native `cargo test` is unaffected.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"
# Generous: a cold chromedriver + Chromium start in a container can be slow.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

for tool in wasm-bindgen-test-runner "$CHROMEDRIVER"; do
  if ! command -v "$tool" >/dev/null; then
    echo "test-browser: $tool not found; run scripts/setup.sh first" >&2
    exit 1
  fi
done

exec cargo test -p complaint-portal --target wasm32-unknown-unknown --test browser "$@"
