#!/bin/bash
# test-cloud.sh - the project's real OpenStack Zed test cloud, from Debian 12 packages, on 127.0.0.1,
# without systemd. Tests (tests/support/cloud.ts) and CI (.ci/run) use it.
#
#   bash scripts/test-cloud.sh up       install what is missing, configure, start what is not running
#   bash scripts/test-cloud.sh install  only install the Debian packages (e.g. to bake a CI image)
#   bash scripts/test-cloud.sh down     stop what this script started (and nothing else); data is kept
#   bash scripts/test-cloud.sh stop S   stop one service this script started (keystone, neutron-server ...; --kill:
#                                       SIGKILL, as a crash): the fault tests restart one mid-`pulumi up` (stop, then up)
#   bash scripts/test-cloud.sh status   what runs and what answers (exit 0 when Keystone and Neutron answer)
#   bash scripts/test-cloud.sh env      print `export OS_...=` lines for admin:  eval "$(bash scripts/test-cloud.sh env)"
#
# What runs (all on 127.0.0.1; SERVICE_TABLE below has every port):
#   MariaDB, Keystone (uwsgi), Neutron (neutron-server, ML2/openvswitch, no agents, no data plane)
#   with OS_TEST_WITH_NOVA=1 also: RabbitMQ, Placement (uwsgi), Glance (file store),
#   Nova api + conductor + scheduler + compute (compute_driver = fake.FakeDriver)
#
# Accounts (domain Default, region RegionOne):
#   admin / $OS_TEST_ADMIN_PASSWORD [secret], project admin, role admin
#   demo  / $OS_TEST_DEMO_PASSWORD [demo-secret], project demo, role member
#   service users neutron (nova, glance, placement) / $OS_TEST_SERVICE_PASSWORD [service-secret], project service
#   MariaDB user openstack / $OS_TEST_DB_PASSWORD [db-secret]; RabbitMQ user openstack / $OS_TEST_RABBIT_PASSWORD [rabbit-secret]
#
# Neutron's networking model (what tests may rely on):
#   type drivers flat,vlan,vxlan; tenant networks are vxlan with VNI 1..1000;
#   flat physnets extnet, testnet1, testnet2, testnet3 (a flat physnet holds ONE network: the testnets are spares);
#   vlan provider networks on physnet extnet; service plugin router; port_security.
#
# Other knobs: OS_TEST_WITH_NOVA [0], OS_TEST_SKIP_APT [0] (never call apt-get), OS_TEST_TIMEOUT [240] seconds
# per API, OS_TEST_FAST_HASH [1] (bcrypt rounds 4: tokens ~0.12 s instead of ~0.38 s), OS_TEST_HOST [compute1].
#
# Layout (DevStack's): this file holds the settings, the one table of services and the commands;
# test-cloud/lib/functions.sh the shared plumbing; test-cloud/lib/<service>.sh one file per service with its
# configure_<service> (config files), init_<service> (databases), start_<service> (daemons, waits until it answers)
# and, where a service needs them, ready_<service> (run before the first service that needs it) and stop_<service>.
#
# How it manages processes: each daemon is started by start-stop-daemon with a pid file and a "signature"
# (a piece of its command line) in $STATE/run. It only ever signals a pid whose command line still contains
# its signature, so `down` cannot hit anything it did not start. Configuration lives only in overlay files
# (e.g. /etc/neutron/server.conf.d/50-openstack-zed-test.conf); when one changes, `up` restarts that service.
# Database and catalog steps are skipped on re-runs through stamps of their inputs ($STATE/stamps).
# The state layout is the one of the reference start-openstack-zed.sh, so `up` takes over a cloud it started.
# shellcheck source-path=SCRIPTDIR disable=SC2034  # the settings are read by test-cloud/lib/<service>.sh, sourced by the table's names
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-cloud   # helper files and lib/
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin   # no pyenv shims: OpenStack needs /usr/bin/python3
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV 2>/dev/null || true
cd /   # service users must be able to stat the working directory

WITH_NOVA=${OS_TEST_WITH_NOVA:-0}
ADMIN_PW=${OS_TEST_ADMIN_PASSWORD:-secret}
DEMO_PW=${OS_TEST_DEMO_PASSWORD:-demo-secret}
SVC_PW=${OS_TEST_SERVICE_PASSWORD:-service-secret}
DB_PW=${OS_TEST_DB_PASSWORD:-db-secret}
RABBIT_PW=${OS_TEST_RABBIT_PASSWORD:-rabbit-secret}
NOVA_HOST=${OS_TEST_HOST:-compute1}
SKIP_APT=${OS_TEST_SKIP_APT:-0}
TIMEOUT=${OS_TEST_TIMEOUT:-240}
FAST_HASH=${OS_TEST_FAST_HASH:-1}
REGION=RegionOne
FLAT_PHYSNETS=extnet,testnet1,testnet2,testnet3
SERVICE_HOST=127.0.0.1   # every service listens here, and only here

STATE=/var/lib/openstack-zed-test
RUN=$STATE/run          # <name>.pid and <name>.sig of every daemon this script started
LOGS=$STATE/logs        # <name>.out (daemon stdout/stderr) and setup-step logs
BIN=$STATE/bin          # helper scripts, readable by the service users
STAMPS=$STATE/stamps
PYTHON=/usr/bin/python3

# The services, in start order (`down` stops them backwards). One line each:
#   mode       all: always; nova: only with OS_TEST_WITH_NOVA=1
#   needs      services whose ready_<service> must pass before this one is configured (what a service needs
#              from the lines above it is up already: their start_ waits until they answer)
#   databases  what MariaDB creates for it (user openstack gets all privileges on them)
#   catalog    its Keystone catalog entry, TYPE[/PATH] at its port (and a service user of its name); - for none
#   probe      the path `up` and `status` ask to see it answer; the services with one are the OpenStack APIs,
#              whose daemons `stop` takes
#   packages   Debian packages (besides python3-openstackclient curl iproute2 procps, which the script itself uses)
#   daemons    in start order; each has $RUN/<daemon>.pid and $LOGS/<daemon>.out
SERVICE_TABLE='
# service  port mode needs    databases                catalog      probe packages                               daemons
mariadb    3306 all  -        -                        -            -     mariadb-server,python3-pymysql         mariadb
rabbitmq   5672 nova -        -                        -            -     rabbitmq-server                        rabbitmq,epmd
keystone   5000 all  -        keystone                 -            /v3   keystone,python3-keystoneclient        keystone
neutron    9696 all  -        neutron                  network      /     neutron-server                         neutron-server
placement  8778 nova -        placement                placement    /     placement-api,python3-osc-placement    placement
glance     9292 nova -        glance                   image        /     glance-api                             glance-api
nova       8774 nova rabbitmq nova_api,nova,nova_cell0 compute/v2.1 /     nova-api,nova-conductor,nova-scheduler nova-api,nova-conductor,nova-scheduler,nova-compute
'

# shellcheck source=test-cloud/lib/functions.sh
. "$HERE/lib/functions.sh"
parse_service_table
for _service in "${SERVICES[@]}"; do
  # shellcheck source=/dev/null
  . "$HERE/lib/$_service.sh"
done

# ================================================================ packages and helper files
packages() {
  local svc more pkgs=(python3-openstackclient curl iproute2 procps)
  for svc in $(enabled_services); do read -ra more <<< "$(items "${PACKAGES[$svc]}")"; pkgs+=("${more[@]}"); done
  echo "${pkgs[@]}"
}

install_packages() {
  local pkg missing=()
  for pkg in $(packages); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "all packages already installed"; return 0; fi
  [ "$SKIP_APT" = 1 ] && die "missing packages: ${missing[*]} (OS_TEST_SKIP_APT=1)"
  local t; t=$(now)
  watch_logs "$LOGS/apt-install.log"
  bash "$HERE/apt-install.sh" --log "$LOGS/apt-install.log" "${missing[@]}"
  log "packages installed in $(since "$t") s"
}

install_helpers() {
  install -m 644 "$HERE/keystone-accounts.py" "$BIN/keystone-accounts.py"
  install -m 644 "$HERE/neutron-register-fake-ovs-agent.py" "$BIN/neutron-register-fake-ovs-agent.py"
  install -m 644 "$HERE/nova-compute.py" "$BIN/nova-compute.py"
}

# ================================================================ commands
require_root() { [ "$(id -u)" = 0 ] || die "test-cloud.sh $1 must run as root"; }

READY=" "   # services whose ready_<service> passed during this run
ensure_ready() {
  [[ $READY == *" $1 "* ]] && return 0
  if has_function "ready_$1"; then "ready_$1"; fi
  READY="$READY$1 "
}

# each enabled service in table order: what it needs ready, then configure, init, start
cmd_up() {
  require_root up
  local t0 svc need phase; t0=$(now)
  trap show_failure_logs EXIT
  mkdir -p "$RUN" "$LOGS" "$BIN" "$STAMPS"
  chmod 755 "$STATE" "$RUN" "$BIN"; chmod 1777 "$LOGS"

  install_packages
  install_helpers
  for svc in $(enabled_services); do
    for need in $(items "${NEEDS[$svc]}"); do ensure_ready "$need"; done
    for phase in configure init start; do
      if has_function "${phase}_$svc"; then "${phase}_$svc"; fi
    done
  done
  watch_logs
  trap - EXIT
  log "OpenStack Zed test cloud is up in $(since "$t0") s (nova=$WITH_NOVA). Admin credentials: . $STATE/admin-openrc.sh"
}

# every service, enabled or not, backwards: its stop_<service>, or its daemons backwards
cmd_down() {
  require_root down
  [ -d "$RUN" ] || { log "nothing to stop ($RUN does not exist)"; return 0; }
  local i svc daemons j
  for (( i = ${#SERVICES[@]} - 1; i >= 0; i-- )); do
    svc=${SERVICES[i]}
    if has_function "stop_$svc"; then "stop_$svc"; continue; fi
    read -ra daemons <<< "$(items "${DAEMONS[$svc]}")"
    for (( j = ${#daemons[@]} - 1; j >= 0; j-- )); do stop_ours "${daemons[j]}"; done
  done
  log "stopped everything this script started"
}

cmd_stop() {
  require_root stop
  local daemons; daemons=$(stoppable_daemons | tr '\n' ' ')
  if [[ " $daemons" != *" ${1:-} "* ]] || [ -z "${1:-}" ]; then
    echo "usage: $0 stop $(echo "$daemons" | xargs | tr ' ' '|')" >&2; exit 2
  fi
  case "${2:-}" in
    "") stop_ours "$1" ;;
    --kill) stop_ours "$1" KILL ;;
    *) echo "usage: $0 stop SERVICE [--kill]" >&2; exit 2 ;;
  esac
}

cmd_status() {
  local daemon svc url code rc=0
  echo "processes started by this script ($RUN):"
  for daemon in $(all_daemons); do
    if is_running "$daemon"; then printf '  %-15s running (pid %s)\n' "$daemon" "$(pid_of "$daemon")"
    elif [ -e "$RUN/$daemon.sig" ]; then printf '  %-15s not running\n' "$daemon"; fi
  done
  echo "APIs:"
  for svc in "${SERVICES[@]}"; do
    [ "${PROBE[$svc]}" != - ] || continue
    url=$(probe_url "$svc")
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    case "${MODE[$svc]}:$code" in
      *:2??|*:3??|*:401) printf '  %-10s %-28s answers (HTTP %s)\n' "$svc" "$url" "$code" ;;
      all:*) printf '  %-10s %-28s NOT ANSWERING\n' "$svc" "$url"; rc=1 ;;
      *) printf '  %-10s %-28s not answering (started only with OS_TEST_WITH_NOVA=1)\n' "$svc" "$url" ;;
    esac
  done
  return "$rc"
}

case "${1:-}" in
  up) cmd_up ;;
  install) require_root install; mkdir -p "$LOGS"; install_packages ;;
  down) cmd_down ;;
  stop) cmd_stop "${2:-}" "${3:-}" ;;
  status) cmd_status ;;
  env) print_admin_env ;;
  *) echo "usage: $0 up|down|stop SERVICE|status|env|install" >&2; exit 2 ;;
esac
