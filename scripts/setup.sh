#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions, and only what is missing.
# Idempotent: a second run checks versions and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# For scripts/fuzz.sh, run on the nightly toolchain the machine comes with.
CARGO_FUZZ_VERSION=0.13.2
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi

version_of() { "$1" --version 2>/dev/null | awk '{print $2}'; }

if [ "$(version_of trunk || true)" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes ~9 minutes)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(version_of wasm-bindgen || true)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile names a crate version the registry no longer serves.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (takes ~1 minute)"
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! command -v nginx >/dev/null; then
  say "installing nginx-light from Debian (scripts/check-nginx.sh tests the shipped server block)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nginx-light >/dev/null
fi

if [ -f tests/e2e/package-lock.json ]; then
  if [ ! -d tests/e2e/node_modules ] || ! (cd tests/e2e && npm ls --silent >/dev/null 2>&1); then
    say "installing the end-to-end test packages from the lockfile"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
fi
say "all tools present"
