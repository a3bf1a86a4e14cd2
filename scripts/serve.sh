#!/usr/bin/env bash
# Builds the release and serves it on http://127.0.0.1:${PORT:-8080}/ with the built-in defaults
# (no config.json needed). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --dist dist --port "${PORT:-8080}"
