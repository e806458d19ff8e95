#!/usr/bin/env bash
# Regenerate the expected outputs of the conformance suite from Node 20.
#
# Every cases/NAME.js is run as `node NAME.js` with cwd = cases/ (relative
# Worker file names such as './fixtures/x.js' resolve against the cwd in
# Node). Its stdout is written to cases/NAME.stdout and its exit code, in
# decimal followed by a newline, to cases/NAME.exit. stderr is discarded.
#
# Usage: tests/conformance/regen.sh [NAME ...]   (default: every case)
#        NODE=/path/to/node tests/conformance/regen.sh
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases="$here/cases"
node="${NODE:-node}"

version="$("$node" --version 2>/dev/null)" || { echo "regen.sh: cannot run '$node'" >&2; exit 2; }
case "$version" in
  v20.*) ;;
  *) echo "regen.sh: expected Node 20, found $version" >&2; exit 2 ;;
esac

cd "$cases"
if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in *.js; do names+=("${f%.js}"); done
fi

for name in "${names[@]}"; do
  name="${name%.js}"
  if [ ! -f "$name.js" ]; then
    echo "regen.sh: no such case: $name" >&2
    exit 2
  fi
  # Unset NODE_OPTIONS so local settings cannot change the expectations.
  env -u NODE_OPTIONS "$node" "$name.js" >"$name.stdout" 2>/dev/null </dev/null
  echo "$?" >"$name.exit"
  echo "$name: exit $(cat "$name.exit")"
done
