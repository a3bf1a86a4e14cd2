#!/usr/bin/env bash
# Release build of the portal into dist/, with the Content-Security-Policy written in.
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release "$@"
python3 scripts/csp.py dist
