#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for SECONDS_PER_TARGET seconds (default 20),
# each from its seeds (fuzz/seeds/<target>, committed) plus the corpus earlier runs grew here
# (fuzz/corpus/<target>, not committed). Prints executions, speed and crashes per target; exits
# non-zero if any target crashed, naming the artifact and the command that replays it.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     e.g. scripts/fuzz.sh 300 for the documented long run
#
# Built without a sanitizer (`-s none`): the core and the fuzz harness are safe Rust, so
# AddressSanitizer finds nothing there and would only halve the executions. Release mode without
# debug assertions, like the shipped build (see docs/fuzzing.md for why that matters).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-20}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
  exit 2
fi
targets=(domain_normalise spam_analyse render_roundtrip)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "cargo fuzz needs the nightly toolchain (rustup toolchain install nightly --profile minimal)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  scripts/setup.sh
fi

echo "[fuzz] building ${#targets[@]} targets (nightly, release, no sanitizer)"
if ! build_log=$(cargo +nightly fuzz build -s none 2>&1); then
  echo "$build_log" >&2
  exit 1
fi

summary=()
crashed=0
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  artifacts="fuzz/artifacts/$target"
  log="fuzz/artifacts/$target.log"
  mkdir -p "$corpus" "$artifacts"
  stamp="fuzz/artifacts/.$target.start"
  touch "$stamp"
  echo "[fuzz] $target for ${seconds}s"
  status=0
  # A wall-clock guard around libFuzzer's own limit, in case a single input hangs.
  timeout $((seconds + 120)) cargo +nightly fuzz run -s none "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  stat() { awk -v key="stat::$1:" '$1 == key {print $2}' "$log" | tail -1; }
  execs=$(stat number_of_executed_units)
  execs=${execs:-0}
  speed=$(stat average_exec_per_sec)
  added=$(stat new_units_added)
  new_artifacts=$(find "$artifacts" -type f -newer "$stamp" | sort)
  crashes=$(printf '%s' "$new_artifacts" | grep -c . || true)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    crashes=1 # libFuzzer stopped without writing an artifact (killed by the guard, say)
  fi
  summary+=("$(printf '%-18s %6ss %11s execs %8s execs/s %6s new inputs %7s in corpus %3s crashes' \
    "$target" "$seconds" "$execs" "${speed:-0}" "${added:-0}" "$(find "$corpus" -type f | wc -l)" "$crashes")")
  if [ "$crashes" -ne 0 ]; then
    crashed=1
    echo "[fuzz] $target CRASHED (exit $status); log: $log" >&2
    sed -n '/panicked at/,/^stack backtrace/p' "$log" | head -40 >&2
    for artifact in $new_artifacts; do
      echo "[fuzz] replay: cargo +nightly fuzz run -s none $target $artifact" >&2
    done
  fi
done

echo
echo "[fuzz] summary (${seconds}s per target)"
printf '  %s\n' "${summary[@]}"
if [ "$crashed" -ne 0 ]; then
  echo "[fuzz] at least one target crashed" >&2
  exit 1
fi
echo "[fuzz] no crashes"
