#!/usr/bin/env bash
# islet vs Node 20 on the same worker_threads scripts, in the same run.
#
#   tools/bench/run.sh                 # every benchmark
#   tools/bench/run.sh ping_pong ...   # only these
#
# Each benchmark script runs once under `node` and once under islet, on a
# fresh isletd started on a temporary socket (stopped afterwards with
# `islet daemon stop`). Both print a `RESULT {json}` line; the table shows
# islet, node and the ratio in islet's favour. See tools/bench/README.md.
#
# Environment:
#   ISLETD_FLAGS           extra isletd flags, e.g. "--threads 1"
#   ISLET_IDLE_N           idle_workers N for islet (default: 10000, capped by
#                          vm.max_map_count, see README); NODE_IDLE_N (default 200)
#   ISLET_BENCH_NO_BUILD=1 use the binaries already in bazel-bin
#   ISLET_BENCH_OUT        where to keep raw output (default: a new /tmp dir)
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
all=(idle_workers spawn_latency flood_vs_latency ping_pong throughput transfer_1mib atomics_ping_pong
  starvation cpu_pool cross_job)

names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${all[@]}")
for n in "${names[@]}"; do
  if [ ! -f "$here/$n.js" ] || [[ "$n" == _* ]]; then
    echo "run.sh: no benchmark '$n' (have: ${all[*]})" >&2
    exit 64
  fi
done

command -v node >/dev/null || { echo "run.sh: node (Node.js 20) is not installed" >&2; exit 1; }

# idle_workers under islet: each V8 isolate of this build takes ~17 memory
# mappings, and the kernel refuses more than vm.max_map_count (65530 by
# default) per process, so ask for no more workers than fit, with headroom.
max_maps="$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 65530)"
idle_cap=$(( (max_maps - 6000) / 18 ))
idle_n="${ISLET_IDLE_N:-$(( idle_cap < 10000 ? idle_cap : 10000 ))}"
node_idle_n="${NODE_IDLE_N:-200}"

# Arguments per benchmark and runtime (both defaults live in the scripts).
args_for() {
  case "$1:$2" in
    idle_workers:islet) echo "$idle_n 250 30000" ;;
    idle_workers:node) echo "$node_idle_n 100 30000" ;;
    *) echo "" ;;
  esac
}

# Build, then run copies of the binaries, so that a rebuild by someone else
# during the run cannot pull them away.
if [ "${ISLET_BENCH_NO_BUILD:-0}" != 1 ]; then
  # shellcheck source=../lib.sh
  source "$root/tools/lib.sh"
  islet_setup >/dev/null
  islet_build //daemon:isletd //client:islet //tools/bench:wake_cost
fi
out="${ISLET_BENCH_OUT:-$(mktemp -d /tmp/islet-bench.XXXXXX)}"
mkdir -p "$out/bin/daemon" "$out/bin/client"
cp "$root/bazel-bin/daemon/isletd" "$out/bin/daemon/" &&
  cp "$root/bazel-bin/client/islet" "$out/bin/client/" &&
  cp -a "$root/bazel-bin/_solib_k8" "$out/bin/" || { echo "run.sh: no built binaries in bazel-bin" >&2; exit 1; }
isletd="$out/bin/daemon/isletd"
islet="$out/bin/client/islet"
rows="$out/rows.jsonl"
: >"$rows"

daemon_pid=""
daemon_sock=""
cleanup() {
  if [ -n "$daemon_pid" ] && alive "$daemon_pid"; then
    "$islet" --socket "$daemon_sock" daemon stop >/dev/null 2>&1 || kill "$daemon_pid" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
# Alive and not a zombie waiting to be reaped.
alive() {
  local st
  st="$(awk '$1 == "State:" { print $2 }' "/proc/$1/status" 2>/dev/null)"
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# cross_job under RUNTIME (node|islet): job B's ping-pong alone, then while
# a second process (node) or a second job on the same daemon (islet) runs
# _busy.js on 64 workers. Both RESULT lines are merged into PREFIX.out.
run_cross_job() {
  local rt="$1" prefix="$2" busy_pid="" rc=0
  local cmd=(node)
  [ "$rt" = islet ] && cmd=("$islet" --socket "$daemon_sock" run)
  (cd "$here" && timeout 60 "${cmd[@]}" cross_job.js alone) >"$prefix.alone.out" 2>"$prefix.err" || rc=$?
  (cd "$here" && exec timeout 90 "${cmd[@]}" _busy.js 64 30000) >"$prefix.busy.out" 2>>"$prefix.err" &
  busy_pid=$!
  for _ in $(seq 600); do
    grep -q busy "$prefix.busy.out" 2>/dev/null && break
    sleep 0.1
  done
  (cd "$here" && timeout 60 "${cmd[@]}" cross_job.js loaded) >"$prefix.loaded.out" 2>>"$prefix.err" || rc=$?
  kill -INT "$busy_pid" 2>/dev/null
  wait "$busy_pid" 2>/dev/null
  node -e '
    const fs = require("fs");
    const rs = process.argv.slice(1).map((f) => {
      const l = fs.readFileSync(f, "utf8").split("\n").reverse().find((l) => l.startsWith("RESULT "));
      return l && JSON.parse(l.slice(7));
    });
    if (rs.some((r) => !r)) process.exit(1);
    console.log("RESULT " + JSON.stringify({ ...rs[0], metrics: rs.flatMap((r) => r.metrics),
                                             info: { alone: rs[0].info, loaded: rs[1].info } }));
  ' "$prefix.alone.out" "$prefix.loaded.out" >"$prefix.out" 2>>"$prefix.err" || rc=1
  return $rc
}

status=0
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "islet vs node $(node --version) on $(nproc) cores; isletd ${ISLETD_FLAGS:-(default flags)}; load average $(load)"
echo "raw output in $out"
# The price of waking a sleeping thread here: Node's ping-pong pays it on
# every hop (each worker's event loop sleeps in the kernel between messages);
# islet's avoids it while the two workers run on one executor thread.
if [ -x "$root/bazel-bin/tools/bench/wake_cost" ]; then
  "$root/bazel-bin/tools/bench/wake_cost" >"$out/wake_cost.json" 2>/dev/null &&
    node -e 'const w = require(process.argv[1]);
      console.log(`cross-thread hand-off on this machine: ${w.condvar_wake_us} us through the kernel ` +
        `(mutex + condition variable, one way), ${w.spin_handoff_us} us spinning`)' "$out/wake_cost.json"
fi
for name in "${names[@]}"; do
  dir="$out/$name"
  mkdir -p "$dir"
  nargs="$(args_for "$name" node)"
  iargs="$(args_for "$name" islet)"
  echo
  echo "== $name   (node $name.js${nargs:+ $nargs} | islet run $name.js${iargs:+ $iargs})"
  if [ "$name" = idle_workers ] && [ -z "${ISLET_IDLE_N:-}" ] && [ "$idle_n" -lt 10000 ]; then
    echo "   islet asks for $idle_n, not 10000: vm.max_map_count=$max_maps allows ~$(( max_maps / 17 ))" \
      "isolates of ~17 mappings each (more aborts isletd); set ISLET_IDLE_N to override"
  fi

  if [ "$name" = cross_job ]; then
    run_cross_job node "$dir/node"
    nrc=$?
  else
    # shellcheck disable=SC2086
    (cd "$here" && timeout 150 node "$name.js" $nargs) >"$dir/node.out" 2>"$dir/node.err"
    nrc=$?
  fi

  # A fresh daemon for each benchmark, on its own socket.
  daemon_sock="$dir/d/s.sock"
  mkdir -p "$dir/d" && chmod 700 "$dir/d"
  # The default worker limit is what half this machine's memory holds; the
  # benchmarks ask for what they use (vm.max_map_count still caps it).
  # shellcheck disable=SC2086
  "$isletd" --socket "$daemon_sock" --pid-file "$dir/d/pid" --max-workers $((idle_n + 1000)) \
    ${ISLETD_FLAGS:-} >"$dir/isletd.start" 2>&1
  for _ in $(seq 100); do
    "$islet" --socket "$daemon_sock" daemon status >/dev/null 2>&1 && break
    sleep 0.1
  done
  daemon_pid="$(cat "$dir/d/pid" 2>/dev/null)"
  rss_before="$(kb "$daemon_pid" VmRSS)"
  if [ "$name" = cross_job ]; then
    run_cross_job islet "$dir/islet"
    irc=$?
  else
    # shellcheck disable=SC2086
    (cd "$here" && timeout 180 "$islet" --socket "$daemon_sock" run "$name.js" $iargs) \
      >"$dir/islet.out" 2>"$dir/islet.err"
    irc=$?
  fi
  # What the executor did in the run (threads, hand-offs, steals, parks, long turns).
  "$islet" --socket "$daemon_sock" daemon status --json >"$dir/daemon_status.json" 2>/dev/null
  hwm=""
  if [ -n "$daemon_pid" ] && alive "$daemon_pid"; then
    hwm="$(kb "$daemon_pid" VmHWM)"
    rss_after="$(kb "$daemon_pid" VmRSS)"
  fi
  if [ -n "$hwm" ]; then
    printf '{"pid":%s,"survived":true,"rss_before_kb":%s,"hwm_kb":%s,"rss_after_kb":%s}\n' \
      "$daemon_pid" "${rss_before:-0}" "${hwm:-0}" "${rss_after:-0}" >"$dir/daemon.json"
    "$islet" --socket "$daemon_sock" daemon stop >/dev/null 2>&1 || kill "$daemon_pid"
  else
    tail_log="$(tail -n 3 "$dir/d/isletd.log" 2>/dev/null | tr -d '\000' | node -e \
      'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify(s.trim())))')"
    printf '{"pid":%s,"survived":false,"rss_before_kb":%s,"hwm_kb":0,"rss_after_kb":0,"log_tail":%s}\n' \
      "${daemon_pid:-0}" "${rss_before:-0}" "${tail_log:-\"\"}" >"$dir/daemon.json"
  fi
  daemon_pid=""
  node "$here/_table.js" one "$name" "$dir/node.out" "$nrc" "$dir/islet.out" "$irc" \
    "$dir/daemon.json" "$rows" "$dir/daemon_status.json" || status=1
done

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'); load average now $(load))"
node "$here/_table.js" summary "$rows" "$out/table.md"
echo "(markdown: $out/table.md)"
exit $status
