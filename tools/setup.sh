#!/usr/bin/env bash
# Installs what islet needs to build and test on Debian 12, and provisions V8
# (from Debian's libnode) into third_party/v8/ (git-ignored).
# Idempotent: a second run checks, changes nothing, and takes about a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
v8_dir="$root/third_party/v8"

packages=(
  bazel-bootstrap bazel-rules-java bazel-platforms
  g++ libasio-dev libprotobuf-dev protobuf-compiler libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libcli11-dev libbenchmark-dev zlib1g-dev
  clang-16 clang-format-16 libclang-rt-16-dev
  libssl-dev libuv1 libicu72 libssl3 libc-ares2 libnghttp2-14 libbrotli1 zlib1g
)

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || fail "not root and no sudo: install these packages by hand: ${packages[*]}"
  sudo_cmd=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  did_something=1
  say "installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq \
    || fail "apt-get update failed: check that Debian's archive is reachable (see /etc/apt/sources.list*)"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null \
    || fail "apt-get install failed for: ${missing[*]} (run it by hand to see why)"
fi

# V8 ships inside Debian's libnode (Node 18.20.4, V8 10.2). apt cannot install
# it beside the nodesource nodejs package, so unpack the .debs into the tree.
if [[ ! -f "$v8_dir/.provisioned" ]]; then
  did_something=1
  say "provisioning V8 from libnode108 + libnode-dev into third_party/v8"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download libnode108 libnode-dev >/dev/null 2>&1) || {
    "${sudo_cmd[@]}" apt-get update -qq || true
    (cd "$tmp" && apt-get download libnode108 libnode-dev >/dev/null) \
      || fail "apt-get download libnode108 libnode-dev failed: Debian's archive must be reachable"
  }
  rm -rf "$v8_dir" && mkdir -p "$v8_dir"
  for deb in "$tmp"/*.deb; do
    dpkg -x "$deb" "$v8_dir" || fail "could not unpack $deb"
  done
  lib="$(find "$v8_dir" -name 'libnode.so.108' | head -n1)"
  [[ -n "$lib" && -f "$v8_dir/usr/include/node/v8.h" ]] \
    || fail "libnode.so.108 or v8.h missing after unpacking; the libnode packages changed layout"
  mkdir -p "$v8_dir/lib"
  cp -L "$lib" "$v8_dir/lib/libnode.so.108"
  ln -sf libnode.so.108 "$v8_dir/lib/libnode.so"
  ln -sfn usr/include/node "$v8_dir/include"
  touch "$v8_dir/.provisioned"
fi

# Bazel 4.2.3 wants three repositories it would normally download; the
# workspace points at local stand-ins under third_party/bazel/ (checked in),
# and at these Debian folders:
for d in /usr/share/bazel/rules/java /usr/share/bazel/platforms; do
  [[ -d "$d" ]] || fail "$d missing: reinstall bazel-rules-java / bazel-platforms"
done
# Each live worker holds ~18 memory mappings; the kernel's default
# vm.max_map_count (65530) would cap a daemon near 2,800 workers. Raise it
# when we may (root); isletd caps its worker count to the budget otherwise.
want_maps=1048576
have_maps=$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo "$want_maps")
if ((have_maps < want_maps)); then
  if "${sudo_cmd[@]}" sysctl -q -w vm.max_map_count=$want_maps >/dev/null 2>&1; then
    did_something=1
    say "raised vm.max_map_count to $want_maps (for 10,000+ workers per daemon)"
  else
    say "note: vm.max_map_count is $have_maps; isletd will allow about $(( (have_maps - 10000) / 20 )) workers"
  fi
fi

# Every clone shares compiled actions through one disk cache under $HOME.
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/islet/bazel-disk-cache"
want="build --disk_cache=$cache_dir"
if [[ ! -f "$root/.bazelrc.local" ]] || ! grep -qxF "$want" "$root/.bazelrc.local"; then
  mkdir -p "$cache_dir"
  printf '%s\n' "$want" >"$root/.bazelrc.local"
fi

# npm packages, each directory exactly as its lock file says, again only
# when the lock file changed: the JS libraries the runtime embeds
# (third_party/npm) and the npm fixture (tests/npm_project: real packages,
# compared with Node by tools/npm_project_test and uploaded by the bundle
# benchmark).
for npm_dir in "$root/third_party/npm" "$root/tests/npm_project"; do
  lock_sum="$(sha256sum "$npm_dir/package-lock.json" | cut -d' ' -f1)"
  if [[ "$(cat "$npm_dir/node_modules/.islet-lock-sum" 2>/dev/null)" != "$lock_sum" ]]; then
    command -v npm >/dev/null || fail "npm not found: install Node 20 (it is the reference runtime)"
    did_something=1
    say "installing npm packages in ${npm_dir#"$root"/} (npm ci)"
    (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
      || fail "npm ci in $npm_dir failed: the npm registry must be reachable"
    printf '%s\n' "$lock_sum" >"$npm_dir/node_modules/.islet-lock-sum"
  fi
done

command -v bazel >/dev/null || fail "bazel not on PATH after installing bazel-bootstrap"
[[ -n "${did_something:-}" ]] && say "ok: everything is installed"
exit 0
