#!/usr/bin/env bash
# Checks, by hand, what the README says of `pulumi import <type> <name> <id>` on the command line: it cannot work
# with a dynamic provider (pulumi/pulumi#16175). Not part of `npm test`: the CLI wants a language host for the
# project, and this project's machines have no Node.js one (see scripts/pulumi-cli.sh), so the check runs in a
# project of the YAML runtime, whose host is built here once (Go module proxy). The error comes from the
# dynamic-provider plugin's Read, whatever the project's language.
#
#   bash tests/import/pulumi-import-command.sh     # needs the test cloud (scripts/test-cloud.sh) and Go
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLI=$(bash "$REPO/scripts/pulumi-cli.sh")
YAML_HOST=${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openstack-lab/pulumi-language-yaml-v1.25.0
if [ ! -x "$YAML_HOST/pulumi-language-yaml" ]; then
  command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
  CGO_ENABLED=0 GOBIN="$YAML_HOST" go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v1.25.0
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/project" "$WORK/state" "$WORK/home"
printf 'name: import-command\nruntime: yaml\n' > "$WORK/project/Pulumi.yaml"
ln -s "$REPO/node_modules" "$WORK/project/node_modules" # the plugin resolves @pulumi/pulumi and this package here

export PATH="$CLI:$YAML_HOST:$PATH" PULUMI_HOME="$WORK/home" PULUMI_BACKEND_URL="file://$WORK/state"
export PULUMI_CONFIG_PASSPHRASE=check PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export OS_AUTH_URL=http://127.0.0.1:5000/v3 OS_IDENTITY_API_VERSION=3 OS_USERNAME=admin OS_PASSWORD="${OS_TEST_ADMIN_PASSWORD:-secret}"
export OS_PROJECT_NAME=admin OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_REGION_NAME=RegionOne OS_INTERFACE=public

NET=$(openstack network create "import-command-$$" -f value -c id)
cd "$WORK/project"
pulumi stack init check --non-interactive >/dev/null
set +e
pulumi import 'pulumi-nodejs:dynamic/openstack:Network' n "$NET" --yes --non-interactive
rc=$?
set -e
openstack network delete "$NET"
echo "pulumi import exited $rc"
[ "$rc" -ne 0 ]
