#!/usr/bin/env bash
# The real Pulumi CLI for the tests and the bench, built here from its Go module (no download of a binary):
#
#   bash scripts/pulumi-cli.sh          # builds once per machine, prints the folder that holds
#                                       #   pulumi                          (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
#                                       #   pulumi-resource-pulumi-nodejs   (the dynamic-provider launcher)
#                                       #   pulumi-language-nodejs          (TEST STAND-IN: tests/support/language-host)
#
# The version and the module set are pinned by scripts/pulumi-cli/go.mod + go.sum (a wrapper module of ours that
# only names theirs, with the non-local replace line pkg/v3's own go.mod has). The build goes to a cache folder
# outside the repository (PULUMI_CLI_CACHE, default ~/.cache/pulumi-openstack-lab/pulumi-cli-<version>-<hash of go.mod and go.sum>/bin)
# and a finished build is reused. Progress goes to stderr; stdout is only the folder.
#
# The Node.js language host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not served by
# the Go module proxy this project can reach (403 for every version and commit). In its place a launcher of our
# test stand-in (tests/support/language-host/main.js, see the README there) is written beside the CLI as
# pulumi-language-nodejs, so `pulumi up` runs in a program folder; it is not part of the cached build (the cache
# key stays the hash of go.mod and go.sum) and points at this checkout.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
MOD="$HERE/pulumi-cli"
VERSION=$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" { print $2; exit }' "$MOD/go.mod")
[ -n "$VERSION" ] || { echo "pulumi-cli.sh: no github.com/pulumi/pulumi/pkg/v3 requirement in $MOD/go.mod" >&2; exit 1; }
SUM=$(cat "$MOD/go.mod" "$MOD/go.sum" | sha256sum | cut -c1-12)   # the content only: one build per machine, whatever the checkout
ROOT=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openstack-lab/pulumi-cli-$VERSION-$SUM}
OUT="$ROOT/bin"   # <root>/bin/pulumi: the layout the Automation API's PulumiCommand.get({ root }) expects
LAUNCHER="$REPO/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

log() { printf 'pulumi-cli.sh: %s\n' "$*" >&2; }

if [ ! -x "$OUT/pulumi" ]; then
  command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null || { log "Go is needed to build the Pulumi CLI (go 1.26 or later)"; exit 1; }
  mkdir -p "$OUT"
  log "building the Pulumi CLI $VERSION into $OUT (once per machine; a few minutes)"
  t0=$(date +%s)
  # Release build settings from Pulumi's own .goreleaser.yml: trimpath, osusergo/grpcnotrace, version stamped.
  (cd "$MOD" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -tags osusergo,grpcnotrace \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$VERSION" \
      -o "$OUT/pulumi.partial" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) >&2
  mv "$OUT/pulumi.partial" "$OUT/pulumi"
  log "built in $(( $(date +%s) - t0 )) s"
fi

# The dynamic-provider launcher is a small script shipped in @pulumi/pulumi: the CLI looks for it on PATH, then
# beside the pulumi binary. It resolves @pulumi/pulumi from its working directory (the program's folder).
if [ ! -f "$LAUNCHER" ]; then
  log "$LAUNCHER is missing: run npm ci first"
  exit 1
fi
cmp -s "$LAUNCHER" "$OUT/pulumi-resource-pulumi-nodejs" || install -m 755 "$LAUNCHER" "$OUT/pulumi-resource-pulumi-nodejs"

# The language host stand-in: a launcher that runs this checkout's tests/support/language-host/main.js on the node
# found on PATH (as the Go host finds node for the programs it runs).
LANGHOST="$REPO/tests/support/language-host/main.js"
[ -f "$LANGHOST" ] || { log "$LANGHOST is missing"; exit 1; }
langhost_launcher() {
  printf '#!/bin/sh\n'
  printf '# pulumi-language-nodejs: TEST STAND-IN for Pulumi'"'"'s Node.js language host (%s), written by scripts/pulumi-cli.sh\n' "tests/support/language-host/README.md"
  printf 'OSLAB_LANGUAGE_HOST_VERSION=%s\nexport OSLAB_LANGUAGE_HOST_VERSION\n' "${VERSION#v}"
  printf 'exec node "%s" "$@"\n' "$LANGHOST"
}
langhost_launcher | cmp -s - "$OUT/pulumi-language-nodejs" || {
  langhost_launcher >"$OUT/pulumi-language-nodejs.partial"
  chmod 755 "$OUT/pulumi-language-nodejs.partial"
  mv "$OUT/pulumi-language-nodejs.partial" "$OUT/pulumi-language-nodejs"
}
"$OUT/pulumi" version >/dev/null 2>&1 || { log "$OUT/pulumi does not run"; exit 1; }
echo "$OUT"
