#!/usr/bin/env bash
# Regenerate the expected outputs of the conformance project cases from Node 20.
#
# Every projects/NAME/ is a small multi-file project whose entry is main.mjs
# (an ES module entry) or, when it has no main.mjs, main.js. It is copied into
# a fresh temporary directory (without its expected.* files and LINKS), the
# symbolic links listed in NAME/LINKS are created in the copy, and `node
# main.mjs` (or `node main.js`) runs with cwd = the copy. Its stdout is written
# to projects/NAME/expected.stdout and its exit code, in decimal followed by a
# newline, to projects/NAME/expected.exit. stderr is discarded.
#
# LINKS (optional) has one link per line, `LINK_PATH TARGET`: LINK_PATH is
# relative to the project directory, TARGET is the literal link target (usually
# relative to the link's directory, e.g. `node_modules/a ../packages/a`).
# Blank lines and lines starting with # are ignored. Symlinks are not stored in
# git; the islet test runner does the same copy + link step.
#
# Usage: tests/conformance/regen_projects.sh [NAME ...]   (default: every case)
#        NODE=/path/to/node tests/conformance/regen_projects.sh
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
projects="$here/projects"
node="${NODE:-node}"

version="$("$node" --version 2>/dev/null)" || { echo "regen_projects.sh: cannot run '$node'" >&2; exit 2; }
# Node 20.19 unflagged require() of ES modules (cjs_require_esm depends on it).
minor="${version#v20.}"; minor="${minor%%.*}"
case "$version" in
  v20.*) [ "$minor" -ge 19 ] 2>/dev/null || {
           echo "regen_projects.sh: expected Node 20.19 or later, found $version" >&2; exit 2; } ;;
  *) echo "regen_projects.sh: expected Node 20, found $version" >&2; exit 2 ;;
esac

cd "$projects" || exit 2
if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for d in */; do names+=("${d%/}"); done
fi

tmp_root="$(mktemp -d)" || exit 2
trap 'rm -rf "$tmp_root"' EXIT

for name in "${names[@]}"; do
  name="${name%/}"
  src="$projects/$name"
  if [ -f "$src/main.mjs" ]; then
    entry=main.mjs
  elif [ -f "$src/main.js" ]; then
    entry=main.js
  else
    echo "regen_projects.sh: no such project case: $name" >&2
    exit 2
  fi
  # A fresh directory per case; its name is unrelated to NAME so that no case
  # can depend on where it runs.
  work="$(mktemp -d "$tmp_root/p.XXXXXX")" || exit 2
  (cd "$src" && tar -cf - --exclude=./expected.stdout --exclude=./expected.exit \
      --exclude=./LINKS .) | (cd "$work" && tar -xf -) || {
    echo "regen_projects.sh: $name: copy failed" >&2; exit 2; }
  if [ -f "$src/LINKS" ]; then
    while read -r link target rest; do
      case "$link" in ''|'#'*) continue ;; esac
      if [ -z "$target" ] || [ -n "$rest" ]; then
        echo "regen_projects.sh: $name/LINKS: bad line: $link $target $rest" >&2
        exit 2
      fi
      mkdir -p "$work/$(dirname "$link")" && ln -s "$target" "$work/$link" || {
        echo "regen_projects.sh: $name: cannot link $link -> $target" >&2; exit 2; }
    done <"$src/LINKS"
  fi
  # Unset NODE_OPTIONS so local settings cannot change the expectations.
  (cd "$work" && env -u NODE_OPTIONS "$node" "$entry") >"$src/expected.stdout" 2>/dev/null </dev/null
  echo "$?" >"$src/expected.exit"
  echo "$name: exit $(cat "$src/expected.exit")"
  rm -rf "$work"
done
