#!/usr/bin/env bash
# Builds OpenTofu and terraform-provider-openstack from the Go module proxy (the versions pinned in
# bench/tools/*/go.mod), with the flags of their own release builds, into a cache folder outside the repository,
# and prints that folder. A finished build is reused. Nothing of theirs is committed.
#
# The folder holds:
#   tofu                 the OpenTofu CLI
#   plugins/             a filesystem mirror holding the provider (nothing is downloaded by `tofu init`)
#   tofu.rc              a CLI config for TF_CLI_CONFIG_FILE: the mirror only, no checkpoint
#
# Usage: bash scripts/tofu.sh            (prints the folder)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo/bench/tools"

module_version() { # go.mod, module path -> the version it requires
  awk -v m="$2" '$1 == m { print $2; exit }' "$1"
}

tofu_mod="$tools/tofu/go.mod"
provider_mod="$tools/terraform-provider-openstack/go.mod"
tofu_version="$(module_version "$tofu_mod" github.com/opentofu/opentofu)"
provider_version="$(module_version "$provider_mod" github.com/terraform-provider-openstack/terraform-provider-openstack/v3)"
[ -n "$tofu_version" ] && [ -n "$provider_version" ] || { echo "tofu.sh: no pinned version in bench/tools" >&2; exit 1; }

cache="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openstack-lab/tofu-${tofu_version}-openstack-${provider_version}"
provider_dir="$cache/plugins/registry.opentofu.org/terraform-provider-openstack/openstack/${provider_version#v}/linux_amd64"
provider_bin="$provider_dir/terraform-provider-openstack_${provider_version}"
mkdir -p "$cache" "$provider_dir"

build() { # module dir, package, output, ldflags
  local tmp="$3.tmp.$$"
  echo "tofu.sh: building $2 (a few minutes on 2 cores)" >&2
  (cd "$1" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -ldflags "$4" -o "$tmp" "$2")
  mv -f "$tmp" "$3"
}

if [ ! -x "$cache/tofu" ]; then
  build "$tools/tofu" github.com/opentofu/opentofu/cmd/tofu "$cache/tofu" \
    "-s -w -X github.com/opentofu/opentofu/version.dev=no"
fi
if [ ! -x "$provider_bin" ]; then
  build "$tools/terraform-provider-openstack" github.com/terraform-provider-openstack/terraform-provider-openstack/v3 \
    "$provider_bin" \
    "-s -w -X github.com/terraform-provider-openstack/terraform-provider-openstack/v3/openstack.version=${provider_version#v}"
fi

# Only the mirror: any provider not in it fails `tofu init` instead of being looked up on the network.
cat > "$cache/tofu.rc.tmp.$$" <<EOF
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$cache/plugins"
    include = ["registry.opentofu.org/terraform-provider-openstack/openstack"]
  }
}
EOF
mv -f "$cache/tofu.rc.tmp.$$" "$cache/tofu.rc"

echo "$cache"
