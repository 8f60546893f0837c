#!/usr/bin/env bash
# The main job: build (or reconcile) the whole OpenStack lab with `pulumi up`, state kept in a local folder
# (no Pulumi Cloud account). Seed defaults for everything (10.0.2.0/24 NAT Network, VM 10.0.2.15, gateway
# 10.0.2.1, Packstack Zed with extnet:br-ex, external_network + public_subnet .100-.200).
#
#   npm run lab                    # = pulumi up on the root Pulumi.yaml, stack "lab"
#   npm run lab -- preview --refresh   # any other pulumi verb and its flags
#
# Needs on the PC: the Pulumi CLI, VirtualBox >= 7.0 (VBoxManage), Node.js, and the CentOS Stream 9 ISO
# (LAB_ISO=/path/to.iso or `pulumi config set installerIso ...`).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v pulumi >/dev/null || die "the Pulumi CLI is not installed: https://www.pulumi.com/docs/install/"
command -v VBoxManage >/dev/null || [ -n "${VBOXMANAGE_PATH:-}" ] || die "VBoxManage not found: install VirtualBox 7.x or set VBOXMANAGE_PATH"

[ -d node_modules ] || { say "installing npm packages"; npm ci; }
say "building the library"; npm run -s build

STATE_DIR=${LAB_STATE_DIR:-$PWD/.pulumi-state}
mkdir -p "$STATE_DIR"
export PULUMI_BACKEND_URL="file://$STATE_DIR"
# Local stacks encrypt secrets with a passphrase; keep it in a file beside the state unless you set your own.
if [ -z "${PULUMI_CONFIG_PASSPHRASE:-}" ] && [ -z "${PULUMI_CONFIG_PASSPHRASE_FILE:-}" ]; then
  [ -f "$STATE_DIR/passphrase" ] || { head -c 24 /dev/urandom | base64 > "$STATE_DIR/passphrase"; chmod 600 "$STATE_DIR/passphrase"; }
  export PULUMI_CONFIG_PASSPHRASE_FILE="$STATE_DIR/passphrase"
fi
STACK=${LAB_STACK:-lab}
pulumi stack select --create "$STACK" >/dev/null

# One SSH key for the lab (root login for Packstack without a password prompt).
KEY=${LAB_SSH_KEY:-$STATE_DIR/id_ed25519}
[ -f "$KEY" ] || { say "creating the lab's SSH key $KEY"; ssh-keygen -q -t ed25519 -N '' -C openstack-lab -f "$KEY"; }
pulumi config get sshPrivateKeyPath >/dev/null 2>&1 || pulumi config set sshPrivateKeyPath "$KEY"

# Passwords are generated once and kept as encrypted stack secrets: re-runs never change them.
for key in rootPassword adminPassword; do
  pulumi config get "$key" >/dev/null 2>&1 || pulumi config set --secret "$key" "$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
done
if [ -n "${LAB_ISO:-}" ]; then pulumi config set installerIso "$LAB_ISO"; fi
pulumi config get installerIso >/dev/null 2>&1 || die "set the CentOS Stream 9 ISO: LAB_ISO=/path/to/CentOS-Stream-9-x86_64-dvd1.iso npm run lab"

if [ $# -eq 0 ]; then set -- up; fi
say "pulumi $*"
exec pulumi "$@"
