#!/usr/bin/env bash
# Run every case (or the named ones) N times under Node and report any run
# whose stdout or exit code differs from the checked-in expectation.
# Use it after adding a case: a case must be stable over many runs.
#
# Usage: tests/conformance/check_stable.sh [-n RUNS] [-j JOBS] [NAME ...]
set -u
runs=20
jobs=4
while getopts "n:j:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    j) jobs="$OPTARG" ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/cases"
node="${NODE:-node}"
if [ "$#" -gt 0 ]; then names=("$@"); else names=(); for f in *.js; do names+=("${f%.js}"); done; fi

check_one() {
  local name="${1%.js}" runs="$2" node="$3" i out rc bad=0
  for ((i = 0; i < runs; i++)); do
    out="$(env -u NODE_OPTIONS "$node" "$name.js" 2>/dev/null </dev/null; echo "rc=$?")"
    if [ "$out" != "$(cat "$name.stdout"; echo "rc=$(cat "$name.exit")")" ]; then
      bad=$((bad + 1))
    fi
  done
  if [ "$bad" -ne 0 ]; then echo "UNSTABLE $name ($bad/$runs runs differ)"; else echo "ok $name"; fi
}
export -f check_one
printf '%s\n' "${names[@]}" | xargs -P "$jobs" -I{} bash -c 'check_one "$@"' _ {} "$runs" "$node" | sort
