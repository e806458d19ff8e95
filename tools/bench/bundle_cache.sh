#!/usr/bin/env bash
# What it costs to start a real project: tests/npm_project (about 50 MB of
# node_modules in 2,300 files, installed by tools/setup.sh), started with
# `islet run` the first time (every content uploaded to an empty bundle
# store) and the times after (the client sends digests; the daemon has
# everything), beside `node` on the same files. Two entry points: probe.js
# (prints one line: the cost of getting the project to the worker) and the
# project's main.js (requires its packages, prints their results).
# Wall times of the whole command, medians of N runs (default 7). The first
# run reads and hashes every file; later ones stat them (the client's digest
# cache) and send digests.
#   tools/bench/bundle_cache.sh [N]
# Uses bazel-bin's isletd and islet (build them first, or run tools/islet once).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-7}"
isletd="${ISLETD:-$root/bazel-bin/daemon/isletd}"
islet="${ISLET:-$root/bazel-bin/client/islet}"
[[ -d "$root/tests/npm_project/node_modules" ]] || { echo "run tools/setup.sh first" >&2; exit 1; }
dir="$(mktemp -d /tmp/islet-bundle-cache.XXXXXX)"
chmod 700 "$dir"
sock="$dir/s.sock"
# The client's digest cache (client/digest_cache.h) of this run only.
export XDG_CACHE_HOME="$dir/cache"
# A copy, so that probe.js can sit at its root without touching the tree.
cp -a "$root/tests/npm_project" "$dir/project"
printf "console.log('ready');\n" >"$dir/project/probe.js"
files=$(find "$dir/project" -type f -not -path '*/.*' | wc -l)
bytes=$(find "$dir/project" -type f -not -path '*/.*' -printf '%s\n' | awk '{s+=$1} END {print s}')
"$isletd" --socket "$sock" >"$dir/isletd.log" 2>&1
trap '"$islet" --socket "$sock" daemon stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT

ms() {  # runs "$@" in the project; prints its wall time in ms
  local start end
  start=$(date +%s%N)
  (cd "$dir/project" && "$@") >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "bundle_cache: $files files, $((bytes >> 20)) MiB; medians of $n runs (wall time of the command)"
printf '%-28s %10s %10s %8s\n' "" islet node ratio
for entry in probe.js main.js; do
  first=$(ms "$islet" --socket "$sock" run "$entry")
  warm=$(for _ in $(seq "$n"); do ms "$islet" --socket "$sock" run "$entry"; done | median)
  node_ms=$(for _ in $(seq "$n"); do ms node "$entry"; done | median)
  if [[ "$entry" == probe.js ]]; then
    printf '%-28s %8s ms %10s %8s\n' "$entry, first run (upload)" "$first" "" ""
  else
    printf '%-28s %8s ms %10s %8s\n' "$entry, first run" "$first" "" ""
  fi
  printf '%-28s %8s ms %7s ms %7sx\n' "$entry, later runs" "$warm" "$node_ms" \
    "$(awk -v a="$warm" -v b="$node_ms" 'BEGIN {printf "%.2f", b / a}')"
done
"$islet" --socket "$sock" daemon status | grep '^bundle store' || true
