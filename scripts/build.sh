#!/usr/bin/env bash
# Release build of the portal into dist/, with the Content-Security-Policy written in.
#
#   scripts/build.sh [extra trunk build args]
#   DIST=/tmp/other-dist scripts/build.sh     # build somewhere else (bench, parallel work)
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${DIST:-dist}"
trunk build --release --dist "$DIST" "$@"
python3 scripts/csp.py "$DIST"
