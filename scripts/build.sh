#!/usr/bin/env bash
# Release build of the portal into dist/, with the Content-Security-Policy and the deploy kit
# (_headers, _redirects, 404.html, nginx.conf) written in by scripts/csp.py.
#
#   scripts/build.sh [extra trunk build args]
#   DIST=/tmp/other-dist scripts/build.sh          # build somewhere else (bench, parallel work)
#   scripts/build.sh --public-url /beschwerde/     # served under a sub-path
#   CONFIG=path/to/config.json scripts/build.sh    # ship this config.json; its endpoints' origins
#                                                  # go into the policy's connect-src
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
CONFIG="${CONFIG:-}"
if [ -n "$CONFIG" ]; then
  # Refuse a config the portal would refuse, before anything is built.
  cargo run --quiet -p complaint-cli -- check-config "$CONFIG" >/dev/null || {
    echo "build: $CONFIG is not a valid config.json (see the message above and docs/config.md)" >&2
    exit 1
  }
fi
trunk build --release --dist "$DIST" "$@"
# The submission's JSON Schema, generated from the Rust types (docs/submission.md); a debug
# build of the CLI is enough and shares ./target with the tests.
cargo run --quiet --locked -p complaint-cli -- schema > "$DIST/submission.schema.json"
if [ -n "$CONFIG" ]; then
  cp "$CONFIG" "$DIST/config.json"
  python3 scripts/csp.py "$DIST" --config "$DIST/config.json"
else
  python3 scripts/csp.py "$DIST"
fi
