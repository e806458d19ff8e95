# Shared by tools/islet and tools/test: set up (fast when done) and build.
islet_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

islet_setup() {
  "$islet_root/tools/setup.sh" || {
    echo "islet: setup failed (see above); fix it and run tools/setup.sh again" >&2
    exit 1
  }
}

# Builds the given targets quietly; shows Bazel's output only on failure.
islet_build() {
  local log
  log="$(mktemp)"
  if ! (cd "$islet_root" && bazel build --noshow_progress "$@" >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "islet: build failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
}
