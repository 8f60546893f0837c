#!/bin/bash
# apt-install.sh - install the Debian packages given as arguments that are not installed yet,
# without letting their maintainer scripts start any daemon.
#
#   bash scripts/test-cloud/apt-install.sh [--log FILE] PKG...
#
# * Packages already installed are skipped; nothing at all happens when none is missing.
# * A /usr/sbin/policy-rc.d that exits 101 is in place during the install (there is no systemd
#   here, and e.g. keystone's or sshd's init script would otherwise start and bind all
#   interfaces). Whatever policy-rc.d existed before is put back afterwards.
# * The debconf questions of the OpenStack packages are preseeded to "no" (debconf-preseed.txt).
# * On failure the tail of the apt log is printed and the exit status is non-zero.
set -euo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LOG=/tmp/apt-install.log
if [ "${1:-}" = --log ]; then LOG=$2; shift 2; fi
[ "$(id -u)" = 0 ] || { echo "apt-install.sh: must run as root" >&2; exit 2; }

missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "apt-install: all ${#} packages already installed"
  exit 0
fi
echo "apt-install: installing ${missing[*]} (log: $LOG)"

POLICY=/usr/sbin/policy-rc.d
BACKUP=""
restore_policy() {
  if [ -n "$BACKUP" ]; then mv -f "$BACKUP" "$POLICY"; else rm -f "$POLICY"; fi
}
if [ -e "$POLICY" ]; then BACKUP=$(mktemp /var/tmp/policy-rc.d.orig.XXXXXX); cp -p "$POLICY" "$BACKUP"; fi
trap restore_policy EXIT
printf '#!/bin/sh\n# installed by apt-install.sh: no daemon starts during package installation\nexit 101\n' > "$POLICY"
chmod 755 "$POLICY"

debconf-set-selections < "$HERE/debconf-preseed.txt"
: > "$LOG"
fail() { echo "apt-install: $1 failed; last lines of $LOG:" >&2; tail -30 "$LOG" >&2; exit 1; }
apt-get update -q >>"$LOG" 2>&1 || fail "apt-get update"
apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >>"$LOG" 2>&1 || fail "apt-get install"
echo "apt-install: done"
