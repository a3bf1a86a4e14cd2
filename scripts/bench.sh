#!/usr/bin/env bash
# Gate 6: the benchmark. Builds the release, reports what it weighs and how fast the first form
# renders. Figures, not a pass/fail test: it fails only if it cannot measure.
#
#   scripts/bench.sh                       # builds into dist/
#   DIST=/tmp/bench-dist scripts/bench.sh  # builds elsewhere (leaves dist/ alone)
#   SKIP_BUILD=1 scripts/bench.sh          # measures an existing build
#   RUNS=10 BUDGET_KB=150 BENCH_PATH=/service_complaint SPAM_BYTES=10000000 SPAM_RUNS=5  (the defaults)
#
# 1. scripts/build.sh (trunk build --release + CSP) into $DIST
# 2. every file in $DIST: raw, gzip -9 and brotli 11 bytes (scripts/bench/sizes.mjs)
# 3. the first visit (index.html + .js + _bg.wasm + .css, brotli) against the budget
# 4. navigation start → first `form input` in headless Chromium, median/min/max of $RUNS loads
#    of $BENCH_PATH served by scripts/serve.mjs on 127.0.0.1 (scripts/bench/first-render.mjs;
#    needs playwright-core from scripts/setup.sh)
# 5. the spam analysis of a generated message of $SPAM_BYTES (scripts/bench/spam-message.mjs):
#    natively (crates/core/examples/analyse_bench.rs, release), in the Chromium worker, and from
#    choosing the file on the spam form to the summary (scripts/bench/spam.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

export DIST="${DIST:-dist}"
RUNS="${RUNS:-10}"
BUDGET_KB="${BUDGET_KB:-150}"
BENCH_PATH="${BENCH_PATH:-/service_complaint}"
SPAM_BYTES="${SPAM_BYTES:-10000000}"
SPAM_RUNS="${SPAM_RUNS:-5}"

say() { printf '\n== %s\n' "$*"; }

if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "bench: playwright-core is missing from tests/e2e/node_modules; run scripts/setup.sh first" >&2
  exit 1
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  say "release build into $DIST"
  scripts/build.sh
fi
if [ ! -f "$DIST/index.html" ]; then
  echo "bench: no $DIST/index.html; build first (without SKIP_BUILD)" >&2
  exit 1
fi

say "sizes"
node scripts/bench/sizes.mjs "$DIST" --budget-kb "$BUDGET_KB"

say "first render"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
SERVER_LOG=$(mktemp)
node scripts/serve.mjs --dist "$DIST" --port "$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  rm -f "$SERVER_LOG"
}
trap cleanup EXIT

# Wait for the server to answer (up to ~10 s).
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "bench: scripts/serve.mjs exited:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
  fi
  sleep 0.1
done

echo "serving $DIST on http://127.0.0.1:$PORT/ (pid $SERVER_PID)"
node scripts/bench/first-render.mjs --url "http://127.0.0.1:$PORT" --path "$BENCH_PATH" --runs "$RUNS"

say "spam analysis: natively, in the Chromium worker, and choosing a file until the summary shows"
MESSAGE=$(mktemp --suffix=.eml)
node scripts/bench/spam-message.mjs "$MESSAGE" "$SPAM_BYTES"
cargo run -q --release --locked -p portal-core --example analyse_bench -- "$MESSAGE" "$SPAM_RUNS"
rm -f "$MESSAGE"
node scripts/bench/spam.mjs --url "http://127.0.0.1:$PORT" --runs "$SPAM_RUNS" --bytes "$SPAM_BYTES"
