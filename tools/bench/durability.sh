#!/usr/bin/env bash
# What durability costs: `islet spawn` of a worker without a restart policy
# (answered at once) against one with `--restart always` (answered once the
# state file holding it is fsynced), one at a time and 16 at once (group
# commit: concurrent changes share a write). islet only: Node has no state
# file to compare with. Prints medians and p99 in ms, and the state-file
# writes the daemon did for the concurrent round.
#   tools/bench/durability.sh [N=100]
# Uses bazel-bin's isletd and islet (build them first, or run tools/islet once).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-100}"
isletd="${ISLETD:-$root/bazel-bin/daemon/isletd}"
islet="${ISLET:-$root/bazel-bin/client/islet}"
dir="$(mktemp -d /tmp/islet-durability.XXXXXX)"
chmod 700 "$dir"
sock="$dir/s.sock"
"$isletd" --socket "$sock" --max-workers 10000 >"$dir/isletd.log" 2>&1
trap '"$islet" --socket "$sock" daemon stop >/dev/null 2>&1 || true' EXIT
printf 'setInterval(() => {}, 1e6);\n' >"$dir/idle.js"

# One spawn's wall time in ms.
one() {
  local start end
  start=$(date +%s%N)
  "$islet" --socket "$sock" spawn "$@" "$dir/idle.js" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}
export -f one
export islet sock dir

stats() {  # microseconds on stdin -> "median X ms, p99 Y ms"
  sort -n | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; p=v[int(NR*0.99)>0?int(NR*0.99):1];
    printf "median %.2f ms, p99 %.2f ms (%d spawns)", m/1000, p/1000, NR}'
}

kill_all() {
  "$islet" --socket "$sock" ps --json 2>/dev/null |
    node -e 'const l=JSON.parse(require("fs").readFileSync(0,"utf8")); for (const w of (l.workers||l)) console.log(w.id)' |
    xargs -r -P 8 -I{} "$islet" --socket "$sock" kill --grace 0 {} >/dev/null 2>&1 || true
}

echo "== durability: islet spawn, without and with a restart policy (N=$n)"
for mode in plain supervised; do
  flags=()
  [ "$mode" = supervised ] && flags=(--restart always)
  seq "$n" | while read -r _; do one "${flags[@]}"; done | stats | sed "s/^/  $mode, one at a time: /"
  echo
  kill_all
  seq "$n" | xargs -P 16 -I{} bash -c "one ${flags[*]:-}" | stats | sed "s/^/  $mode, 16 at once:    /"
  echo
  kill_all
done
echo "  (each figure includes the islet CLI's own start-up and the bundle upload)"
