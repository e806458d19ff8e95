#!/usr/bin/env bash
# One client pipelines FLOOD spawns on one connection while another runs a
# tiny job (spawn, print, end) again and again: the probe's median and p99,
# alone and during the flood (issue 13, part 6). islet only.
#   tools/bench/fairness.sh [FLOOD=2000] [PROBES=40]
# Uses bazel-bin's isletd and control_fairness (bazel build //daemon:isletd
# //tools/bench:control_fairness first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
isletd="${ISLETD:-$root/bazel-bin/daemon/isletd}"
islet="${ISLET:-$root/bazel-bin/client/islet}"
dir="$(mktemp -d /tmp/islet-fairness.XXXXXX)"
chmod 700 "$dir"
"$isletd" --socket "$dir/s.sock" --max-workers 10000 >"$dir/isletd.log" 2>&1
trap '"$islet" --socket "$dir/s.sock" daemon stop >/dev/null 2>&1 || true' EXIT
"$root/bazel-bin/tools/bench/control_fairness" "$dir/s.sock" "${1:-2000}" "${2:-40}"
