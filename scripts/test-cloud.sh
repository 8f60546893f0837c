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
# What runs (all on 127.0.0.1):
#   MariaDB :3306, Keystone :5000 (uwsgi), Neutron :9696 (neutron-server, ML2/openvswitch, no agents, no data plane)
#   with OS_TEST_WITH_NOVA=1 also: RabbitMQ :5672, Placement :8778 (uwsgi), Glance :9292 (file store),
#   Nova :8774 api + conductor + scheduler + compute (compute_driver = fake.FakeDriver)
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
# How it manages processes: each daemon is started by start-stop-daemon with a pid file and a "signature"
# (a piece of its command line) in $STATE/run. It only ever signals a pid whose command line still contains
# its signature, so `down` cannot hit anything it did not start. Configuration lives only in overlay files
# (e.g. /etc/neutron/server.conf.d/50-openstack-zed-test.conf); when one changes, `up` restarts that service.
# Database and catalog steps are skipped on re-runs through stamps of their inputs ($STATE/stamps).
# The state layout is the one of the reference start-openstack-zed.sh, so `up` takes over a cloud it started.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-cloud   # helper files
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

STATE=/var/lib/openstack-zed-test
RUN=$STATE/run          # <name>.pid and <name>.sig of every daemon this script started
LOGS=$STATE/logs        # <name>.out (daemon stdout/stderr) and setup-step logs
BIN=$STATE/bin          # helper scripts, readable by the service users
STAMPS=$STATE/stamps
PYTHON=/usr/bin/python3

# ================================================================ output, failure reporting
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Logs worth showing if `up` fails: set by each step before it runs; the EXIT trap prints their tails.
FAILURE_LOGS=()
watch_logs() { FAILURE_LOGS=("$@"); }
show_failure_logs() {
  local rc=$? f
  [ "$rc" = 0 ] && return 0
  for f in "${FAILURE_LOGS[@]}"; do
    [ -s "$f" ] || continue
    printf '\n---- last 40 lines of %s ----\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
  printf '\ntest-cloud.sh up FAILED (exit %s). Logs: %s, /var/log/{keystone,neutron,nova,glance,placement}/\n' "$rc" "$LOGS" >&2
  return "$rc"
}

# ================================================================ processes we started
pid_of() { [ -s "$RUN/$1.pid" ] && cat "$RUN/$1.pid"; }
# alive PID: the process exists and is not a zombie (PID 1 on this kind of machine reaps lazily)
alive() { [ -r "/proc/$1/stat" ] && ! awk '{ sub(/.*\) /, ""); exit !($1 == "Z") }' "/proc/$1/stat" 2>/dev/null; }
# is_running NAME: we have a pid file, the pid lives, and its command line still contains our signature
is_running() {
  local pid sig
  pid=$(pid_of "$1") || return 1
  alive "$pid" || return 1
  sig=$(cat "$RUN/$1.sig" 2>/dev/null) || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$sig"
}
descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }

# stop_ours NAME [KILL]: TERM the daemon we started (by pid), KILL it after 30 s, then any leftover children;
# with KILL, the daemon and its children at once (a crash)
stop_ours() {
  local name=$1 sig=${2:-TERM} pid kids i
  if ! is_running "$name"; then rm -f "$RUN/$name.pid"; return 0; fi
  pid=$(pid_of "$name"); kids=$(descendants "$pid")
  log "stopping $name (pid $pid, SIG$sig)"
  if [ "$sig" = KILL ]; then
    # shellcheck disable=SC2086  # a list of pids
    kill -KILL "$pid" $kids 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  for i in $(seq 1 150); do alive "$pid" || break; sleep 0.2; done
  if alive "$pid"; then log "$name ignored TERM, sending KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  for i in $kids; do if alive "$i"; then kill -TERM "$i" 2>/dev/null || true; fi; done
  sleep 0.5
  for i in $kids; do if alive "$i"; then kill -KILL "$i" 2>/dev/null || true; fi; done
  rm -f "$RUN/$name.pid"
}

# A service whose overlay config changed gets a marker file; start_daemon restarts it and removes the marker.
# (A file, not a variable, so a run that fails in between still restarts it the next time.)
mark_changed() { touch "$RUN/$1.restart-needed"; }
changed() { [ -e "$RUN/$1.restart-needed" ]; }
STARTED=" "   # services started during this run

# start_daemon NAME USER WORKDIR SIGNATURE CMD...
# Starts CMD as USER unless NAME already runs; restarts it when its config changed. stdout+stderr go
# to $LOGS/NAME.out.
start_daemon() {
  local name=$1 user=$2 dir=$3 sig=$4; shift 4
  if is_running "$name"; then
    if ! changed "$name"; then log "$name already running (pid $(pid_of "$name"))"; return 0; fi
    log "$name: configuration changed, restarting"
    stop_ours "$name"
  fi
  rm -f "$RUN/$name.pid" "$RUN/$name.restart-needed"
  echo "$sig" > "$RUN/$name.sig"
  [ -e "$LOGS/$name.out" ] || install -o "$user" -m 640 /dev/null "$LOGS/$name.out"
  chown "$user" "$LOGS/$name.out"
  # shellcheck disable=SC2016  # $0/$@ are expanded by the inner sh
  start-stop-daemon --start --background --make-pidfile --pidfile "$RUN/$name.pid" \
    --chuid "$user" --chdir "$dir" \
    --startas /bin/sh -- -c 'exec "$@" >>"$0" 2>&1' "$LOGS/$name.out" "$@"
  STARTED="$STARTED$name "
  log "started $name (pid $(pid_of "$name"))"
}

# fail_if_port_taken PORT NAME: refuse to start NAME next to a foreign process on its port
fail_if_port_taken() {
  if ! is_running "$2" && ss -Hltn "sport = :$1" | grep -q .; then
    die "port $1 is in use by a process this script did not start (wanted it for $2)"
  fi
}

# wait_http NAME URL [DAEMON]: wait until URL answers 2xx/3xx/401; fail early if DAEMON died
wait_http() {
  local name=$1 url=$2 daemon=${3:-$1} t code end
  t=$(now); end=$(( $(date +%s) + TIMEOUT ))
  while :; do
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    case "$code" in 2??|3??|401) break ;; esac
    if [ -s "$RUN/$daemon.pid" ] && ! is_running "$daemon"; then die "$name died during startup"; fi
    [ "$(date +%s)" -lt "$end" ] || die "$name did not answer on $url within ${TIMEOUT}s"
    sleep 0.25
  done
  if [[ $STARTED == *" $daemon "* ]]; then log "$name answers after $(since "$t") s"; fi
}

as() { local user=$1; shift; runuser -u "$user" -- "$@"; }

# ================================================================ config files and stamps
# write_conf SERVICE PATH OWNER:GROUP MODE < content: writes PATH if its content differs, and then marks
# SERVICE as changed (so start_daemon restarts it)
write_conf() {
  local svc=$1 path=$2 owner=$3 mode=$4 tmp
  tmp=$(mktemp); cat > "$tmp"
  mkdir -p "$(dirname "$path")"
  if [ ! -f "$path" ] || ! cmp -s "$tmp" "$path"; then
    install -o "${owner%%:*}" -g "${owner##*:}" -m "$mode" "$tmp" "$path"
    mark_changed "$svc"
  fi
  rm -f "$tmp"
}

digest() { sha256sum | cut -c1-40; }
db_exists() { [ "$(mysql -N -e "select count(*) from information_schema.tables where table_schema='$1'" 2>/dev/null || echo 0)" -gt 0 ]; }
# stamped NAME VALUE [DB...]: the step NAME already succeeded with these inputs and its databases exist
stamped() {
  local name=$1 value=$2 db; shift 2
  [ -f "$STAMPS/$name" ] && [ "$(cat "$STAMPS/$name")" = "$value" ] || return 1
  for db in "$@"; do db_exists "$db" || return 1; done
}
set_stamp() { echo "$2" > "$STAMPS/$1"; }

mysql_url() { echo "mysql+pymysql://openstack:${DB_PW}@127.0.0.1/$1?charset=utf8"; }

# keystone_authtoken section for service USER
authtoken_section() { cat <<EOF
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:5000
auth_url = http://127.0.0.1:5000
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $SVC_PW
region_name = $REGION
EOF
}
# keystoneauth options (for [nova], [placement], [neutron], [service_user] sections) for service USER
ksauth_options() { cat <<EOF
auth_url = http://127.0.0.1:5000/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = $REGION
project_name = service
username = $1
password = $SVC_PW
EOF
}

# ================================================================ packages
packages() {
  local pkgs=(keystone neutron-server python3-openstackclient python3-keystoneclient python3-pymysql
              mariadb-server curl iproute2 procps)
  if [ "$WITH_NOVA" = 1 ]; then
    pkgs+=(rabbitmq-server placement-api glance-api nova-api nova-conductor nova-scheduler python3-osc-placement)
  fi
  echo "${pkgs[@]}"
}

install_packages() {
  local pkg missing=()
  # shellcheck disable=SC2046
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

# ================================================================ MariaDB
mariadb_answers() { mysqladmin --connect-timeout=2 ping >/dev/null 2>&1; }

setup_mariadb() {
  write_conf mariadb /etc/mysql/mariadb.conf.d/99-openstack-zed-test.cnf root:root 644 <<'EOF'
[mysqld]
bind-address = 127.0.0.1
port = 3306
skip-name-resolve
innodb_buffer_pool_size = 64M
performance_schema = off
max_connections = 1000
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
EOF
  install -d -o mysql -g root -m 755 /run/mysqld
  if mariadb_answers && is_running mariadb && changed mariadb; then stop_ours mariadb; fi
  if mariadb_answers; then
    log "mariadb already answering"
    is_running mariadb || rm -f "$RUN/mariadb.restart-needed"   # not ours: not ours to restart
  else
    watch_logs "$LOGS/mariadb-install-db.log" "$LOGS/mariadb.out"
    [ -d /var/lib/mysql/mysql ] || as mysql mariadb-install-db --user=mysql --datadir=/var/lib/mysql >"$LOGS/mariadb-install-db.log" 2>&1
    local t end; t=$(now); end=$(( $(date +%s) + TIMEOUT ))
    start_daemon mariadb mysql /var/lib/mysql /usr/sbin/mariadbd /usr/sbin/mariadbd
    until mariadb_answers; do
      is_running mariadb || die "mariadb died during startup"
      [ "$(date +%s)" -lt "$end" ] || die "mariadb did not answer within ${TIMEOUT}s"
      sleep 0.2
    done
    log "mariadb answers after $(since "$t") s"
  fi
  local dbs=(keystone neutron) db
  [ "$WITH_NOVA" = 1 ] && dbs+=(placement glance nova_api nova nova_cell0)
  {
    for host in 127.0.0.1 localhost; do
      echo "CREATE USER IF NOT EXISTS 'openstack'@'$host' IDENTIFIED BY '${DB_PW}';"
      echo "ALTER USER 'openstack'@'$host' IDENTIFIED BY '${DB_PW}';"
      for db in "${dbs[@]}"; do
        echo "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4;"
        echo "GRANT ALL PRIVILEGES ON \`$db\`.* TO 'openstack'@'$host';"
      done
    done
    echo "FLUSH PRIVILEGES;"
  } | mysql
}

# ================================================================ RabbitMQ (nova only)
# Started right after MariaDB so its ~10 s boot overlaps Keystone and Neutron; rabbitmq_ready waits.
rabbitmqctl_() { runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 rabbitmqctl "$@"; }
EPMD_BEFORE=""
RABBIT_T=""

start_rabbitmq() {
  write_conf rabbitmq /etc/rabbitmq/rabbitmq-env.conf root:root 644 <<'EOF'
# openstack-zed-test: single local node, loopback only
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
  # erlang CLI tools spawn epmd on demand: note whether one existed before us (then it is not ours)
  EPMD_BEFORE=$(ps -o pid= -C epmd | tr -d ' ' || true)
  if ! is_running rabbitmq && ss -Hltn 'sport = :5672' | grep -q . && rabbitmqctl_ -q status >/dev/null 2>&1; then
    log "rabbitmq already running (not started by this script): using it"
    rm -f "$RUN/rabbitmq.restart-needed"
    return 0
  fi
  RABBIT_T=$(now)
  start_daemon rabbitmq rabbitmq /var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server \
    env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 /usr/lib/rabbitmq/bin/rabbitmq-server
}

rabbitmq_ready() {
  watch_logs "$LOGS/rabbitmq.out"
  local end p stamp
  end=$(( $(date +%s) + TIMEOUT ))
  until rabbitmqctl_ -q await_startup >/dev/null 2>&1; do
    if [ -s "$RUN/rabbitmq.pid" ] && ! is_running rabbitmq; then die "rabbitmq died during startup"; fi
    [ "$(date +%s)" -lt "$end" ] || die "rabbitmq did not start within ${TIMEOUT}s"
    sleep 0.5
  done
  [[ $STARTED == *" rabbitmq "* ]] && log "rabbitmq ready after $(since "$RABBIT_T") s"
  if [ -z "$EPMD_BEFORE" ] && [ ! -s "$RUN/epmd.pid" ]; then   # the epmd that runs now was spawned by us
    p=$(ps -o pid=,user:20= -C epmd | awk '$2 == "rabbitmq" { print $1; exit }' || true)
    if [ -n "$p" ]; then echo "$p" > "$RUN/epmd.pid"; echo epmd > "$RUN/epmd.sig"; fi
  fi
  stamp=$(echo "$RABBIT_PW" | digest)
  if ! stamped rabbitmq_user "$stamp"; then
    rabbitmqctl_ -q list_users 2>/dev/null | grep -q '^openstack' || rabbitmqctl_ -q add_user openstack "$RABBIT_PW" >/dev/null
    rabbitmqctl_ -q change_password openstack "$RABBIT_PW" >/dev/null
    rabbitmqctl_ -q set_permissions openstack '.*' '.*' '.*' >/dev/null
    set_stamp rabbitmq_user "$stamp"
  fi
}

# ================================================================ Keystone
KEYSTONE_STAMP=""

keystone_conf() {
  cat <<EOF
[DEFAULT]
log_dir = /var/log/keystone
log_file = keystone.log
[database]
connection = $(mysql_url keystone)
[token]
provider = fernet
EOF
  if [ "$FAST_HASH" = 1 ]; then printf '[identity]\npassword_hash_rounds = 4\n'; fi
}

setup_keystone() {
  install -d -o keystone -g keystone -m 750 /etc/keystone/keystone.conf.d /var/lib/keystone
  install -d -o keystone -g adm -m 750 /var/log/keystone
  write_conf keystone /etc/keystone/keystone.conf.d/50-openstack-zed-test.conf keystone:keystone 640 < <(keystone_conf)
  # threads = 1: each worker one request at a time. Connection: close: uwsgi's http-socket closes after
  # every response; without the header keep-alive clients reuse a dead socket ("RemoteDisconnected", 503s).
  write_conf keystone /etc/keystone/openstack-zed-test-uwsgi.ini root:root 644 <<'EOF'
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:5000
wsgi-file = /usr/bin/keystone-wsgi-public
master = true
processes = 3
threads = 1
lazy-apps = true
die-on-term = true
no-orphans = true
buffer-size = 65535
thunder-lock = true
add-header = Connection: close
chdir = /var/lib/keystone
name = keystone-api
EOF

  KEYSTONE_STAMP=$( { cat /etc/keystone/keystone.conf.d/50-openstack-zed-test.conf; echo "$ADMIN_PW"; } | digest)
  if stamped keystone_db "$KEYSTONE_STAMP" keystone; then
    log "keystone db: up to date"
  else
    local t k out=$LOGS/keystone-db_sync.log; t=$(now)
    watch_logs "$out"
    as keystone keystone-manage db_sync >"$out" 2>&1
    for k in fernet credential; do
      install -d -o keystone -g keystone -m 700 /etc/keystone/$k-keys
      [ -e /etc/keystone/$k-keys/0 ] || as keystone keystone-manage ${k}_setup --keystone-user keystone --keystone-group keystone >>"$out" 2>&1
    done
    as keystone keystone-manage bootstrap --bootstrap-password "$ADMIN_PW" \
      --bootstrap-admin-url http://127.0.0.1:5000/v3/ --bootstrap-internal-url http://127.0.0.1:5000/v3/ \
      --bootstrap-public-url http://127.0.0.1:5000/v3/ --bootstrap-region-id "$REGION" >>"$out" 2>&1
    log "keystone db set up in $(since "$t") s"
  fi

  fail_if_port_taken 5000 keystone
  watch_logs "$LOGS/keystone.out" /var/log/keystone/keystone.log
  start_daemon keystone keystone /var/lib/keystone "--ini /etc/keystone/openstack-zed-test-uwsgi.ini" \
    /usr/bin/uwsgi --ini /etc/keystone/openstack-zed-test-uwsgi.ini
  wait_http keystone http://127.0.0.1:5000/v3
  set_stamp keystone_db "$KEYSTONE_STAMP"
  write_admin_openrc
}

write_admin_openrc() {
  print_admin_env > "$STATE/admin-openrc.sh.tmp"
  chmod 644 "$STATE/admin-openrc.sh.tmp"
  mv -f "$STATE/admin-openrc.sh.tmp" "$STATE/admin-openrc.sh"
}

print_admin_env() { cat <<EOF
export OS_AUTH_URL=http://127.0.0.1:5000/v3
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=admin
export OS_PASSWORD='$ADMIN_PW'
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
EOF
}

# service project + users, demo project + user, catalog: one idempotent python run, skipped when its inputs
# are unchanged
setup_keystone_accounts() {
  local users=neutron services="network|neutron|http://127.0.0.1:9696" stamp t
  if [ "$WITH_NOVA" = 1 ]; then
    users="$users nova placement glance"
    services="$services compute|nova|http://127.0.0.1:8774/v2.1 placement|placement|http://127.0.0.1:8778 image|glance|http://127.0.0.1:9292"
  fi
  stamp=$(echo "$ADMIN_PW|$SVC_PW|$DEMO_PW|$users|$services|$KEYSTONE_STAMP" | digest)
  if stamped keystone_accounts "$stamp" keystone; then log "keystone accounts and catalog: up to date"; return 0; fi
  t=$(now)
  watch_logs "$LOGS/keystone-accounts.log" /var/log/keystone/keystone.log
  ADMIN_PW=$ADMIN_PW SVC_PW=$SVC_PW DEMO_PW=$DEMO_PW REGION=$REGION USERS=$users SERVICES=$services \
    $PYTHON "$BIN/keystone-accounts.py" >"$LOGS/keystone-accounts.log" 2>&1
  set_stamp keystone_accounts "$stamp"
  log "keystone accounts and catalog set up in $(since "$t") s"
}

# ================================================================ Neutron
NEUTRON_ARGS=(--config-file /etc/neutron/neutron.conf --config-dir /etc/neutron/server.conf.d)

neutron_conf() {
  local notify_nova=false
  [ "$WITH_NOVA" = 1 ] && notify_nova=true
  cat <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9696
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
allow_overlapping_ips = true
# neutron-server only needs RPC to talk to agents; there are none -> in-process fake driver
transport_url = fake://
# api in the main process, 1 rpc worker (minimum), no state-report worker
api_workers = 0
rpc_workers = 0
rpc_state_report_workers = 0
# no real L2 agents: the registered (fake) OVS agent must stay "alive"
agent_down_time = 315360000
notify_nova_on_port_status_changes = $notify_nova
notify_nova_on_port_data_changes = $notify_nova
dhcp_agent_notification = false
log_dir = /var/log/neutron
log_file = neutron-server.log
[database]
connection = $(mysql_url neutron)
[oslo_messaging_notifications]
driver = noop
[oslo_concurrency]
lock_path = /var/lib/neutron/lock
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = openvswitch
extension_drivers = port_security
[ml2_type_flat]
# a flat physnet carries one network: extnet for the lab's external network, testnet1..3 are spares for tests
flat_networks = $FLAT_PHYSNETS
[ml2_type_vlan]
network_vlan_ranges = extnet
[ml2_type_vxlan]
vni_ranges = 1:1000
[quotas]
# test suites share the admin project: the defaults (10 groups, 100 rules per project) are too few for them
quota_security_group = 500
quota_security_group_rule = 5000
quota_network = 500
quota_subnet = 500
quota_port = 1000
quota_router = 100
quota_floatingip = 200
[securitygroup]
enable_security_group = true
firewall_driver = openvswitch
EOF
  authtoken_section neutron
  # [nova] and [placement] are needed even without nova: DELETE network loads the segments plugin,
  # whose notifier builds keystoneauth sessions from these sections (else: 500 "auth_url not given")
  echo "[nova]"; ksauth_options neutron
  echo "[placement]"; ksauth_options neutron
}

setup_neutron() {
  install -d -o neutron -g neutron -m 755 /var/lib/neutron /var/lib/neutron/lock /etc/neutron/server.conf.d
  install -d -o neutron -g adm -m 750 /var/log/neutron
  write_conf neutron-server /etc/neutron/server.conf.d/50-openstack-zed-test.conf neutron:neutron 640 < <(neutron_conf)

  local stamp t out=$LOGS/neutron-db.log
  stamp=$( { cat /etc/neutron/server.conf.d/50-openstack-zed-test.conf; echo "$NOVA_HOST"; } | digest)
  if stamped neutron_db "$stamp" neutron; then
    log "neutron db: up to date"
  else
    t=$(now)
    watch_logs "$out"
    as neutron neutron-db-manage "${NEUTRON_ARGS[@]}" upgrade head >"$out" 2>&1
    as neutron $PYTHON "$BIN/neutron-register-fake-ovs-agent.py" "$NOVA_HOST" "$FLAT_PHYSNETS" "${NEUTRON_ARGS[@]}" >>"$out" 2>&1
    log "neutron db set up in $(since "$t") s"
  fi

  fail_if_port_taken 9696 neutron-server
  watch_logs "$LOGS/neutron-server.out" /var/log/neutron/neutron-server.log
  start_daemon neutron-server neutron /var/lib/neutron "/usr/bin/neutron-server --config-file" \
    /usr/bin/neutron-server "${NEUTRON_ARGS[@]}"
  wait_http neutron http://127.0.0.1:9696/ neutron-server
  set_stamp neutron_db "$stamp"
}

# ================================================================ Placement, Glance, Nova (OS_TEST_WITH_NOVA=1)
placement_conf() {
  cat <<EOF
[api]
auth_strategy = keystone
[placement_database]
connection = $(mysql_url placement)
EOF
  authtoken_section placement
}

setup_placement() {
  install -d -o placement -g placement -m 750 /etc/placement/placement.conf.d /var/lib/placement /var/log/placement
  write_conf placement /etc/placement/placement.conf.d/50-openstack-zed-test.conf placement:placement 640 < <(placement_conf)
  write_conf placement /etc/placement/openstack-zed-test-uwsgi.ini root:root 644 <<'EOF'
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:8778
wsgi-file = /usr/bin/placement-api
master = true
processes = 2
threads = 1
lazy-apps = true
die-on-term = true
no-orphans = true
buffer-size = 65535
add-header = Connection: close
http-auto-chunked = true
http-chunked-input = true
http-raw-body = true
wsgi-manage-chunked-input = true
chdir = /var/lib/placement
name = placement-api
EOF
  local stamp; stamp=$(digest < /etc/placement/placement.conf.d/50-openstack-zed-test.conf)
  if ! stamped placement_db "$stamp" placement; then
    watch_logs "$LOGS/placement-db.log"
    as placement placement-manage db sync >"$LOGS/placement-db.log" 2>&1
  fi
  fail_if_port_taken 8778 placement
  watch_logs "$LOGS/placement.out" /var/log/placement/placement-api.log
  start_daemon placement placement /var/lib/placement "--ini /etc/placement/openstack-zed-test-uwsgi.ini" \
    /usr/bin/uwsgi --ini /etc/placement/openstack-zed-test-uwsgi.ini
  wait_http placement http://127.0.0.1:8778/
  set_stamp placement_db "$stamp"
}

glance_conf() {
  cat <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
log_dir = /var/log/glance
log_file = glance-api.log
# the image import API (web-download, enabled by default) stages its data here
node_staging_uri = file:///var/lib/glance/staging/
[database]
connection = $(mysql_url glance)
[glance_store]
stores = file,http
default_store = file
filesystem_store_datadir = /var/lib/glance/images/
[paste_deploy]
flavor = keystone
[oslo_concurrency]
lock_path = /var/lib/glance/lock
[import_filtering_opts]
# web-download from a test's own HTTP server on loopback (refused by default: loopback unless listed, ports 80/443)
allowed_hosts = [127.0.0.1]
allowed_ports = []
EOF
  authtoken_section glance
}

setup_glance() {
  install -d -o glance -g glance -m 750 /etc/glance/glance-api.conf.d /var/lib/glance /var/lib/glance/images \
    /var/lib/glance/lock /var/lib/glance/staging /var/log/glance
  write_conf glance-api /etc/glance/glance-api.conf.d/50-openstack-zed-test.conf glance:glance 640 < <(glance_conf)
  local args=(--config-file /etc/glance/glance-api.conf --config-dir /etc/glance/glance-api.conf.d) stamp
  stamp=$(digest < /etc/glance/glance-api.conf.d/50-openstack-zed-test.conf)
  if ! stamped glance_db "$stamp" glance; then
    watch_logs "$LOGS/glance-db.log"
    as glance glance-manage "${args[@]}" db_sync >"$LOGS/glance-db.log" 2>&1
  fi
  fail_if_port_taken 9292 glance-api
  watch_logs "$LOGS/glance-api.out" /var/log/glance/glance-api.log
  start_daemon glance-api glance /var/lib/glance "/usr/bin/glance-api --config-file" /usr/bin/glance-api "${args[@]}"
  wait_http glance http://127.0.0.1:9292/ glance-api
  set_stamp glance_db "$stamp"
}

NOVA_ARGS=(--config-file /etc/nova/nova.conf --config-dir /etc/nova/nova.conf.d)
nova_manage() { as nova nova-manage "${NOVA_ARGS[@]}" "$@"; }

nova_conf() {
  cat <<EOF
[DEFAULT]
host = $NOVA_HOST
my_ip = 127.0.0.1
state_path = /var/lib/nova
log_dir = /var/log/nova
transport_url = rabbit://openstack:${RABBIT_PW}@127.0.0.1:5672/
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
compute_driver = fake.FakeDriver
[api]
auth_strategy = keystone
[api_database]
connection = $(mysql_url nova_api)
[database]
connection = $(mysql_url nova)
[conductor]
workers = 1
[scheduler]
workers = 1
[glance]
api_servers = http://127.0.0.1:9292
[cinder]
os_region_name = $REGION
[oslo_concurrency]
lock_path = /var/lib/nova/tmp
[oslo_messaging_notifications]
driver = noop
[vnc]
# on, so Nova hands out noVNC console URLs (POST /servers/{id}/remote-consoles): the fake driver answers with a
# fake console; no VNC server or novncproxy runs here
enabled = true
novncproxy_base_url = http://127.0.0.1:6080/vnc_auto.html
[neutron]
service_metadata_proxy = false
default_floating_pool = external_network
EOF
  ksauth_options neutron
  echo "[placement]"; ksauth_options placement
  echo "[service_user]"; echo "send_service_user_token = true"; ksauth_options nova
  authtoken_section nova
}

setup_nova() {
  install -d -o nova -g nova -m 750 /etc/nova/nova.conf.d
  install -d -o nova -g nova -m 755 /var/lib/nova /var/lib/nova/instances /var/lib/nova/tmp
  install -d -o nova -g adm -m 750 /var/log/nova
  write_conf nova /etc/nova/nova.conf.d/50-openstack-zed-test.conf nova:nova 640 < <(nova_conf)

  local stamp fresh=0 t svc end queues
  stamp=$(digest < /etc/nova/nova.conf.d/50-openstack-zed-test.conf)
  if ! stamped nova_db "$stamp" nova_api nova nova_cell0; then
    fresh=1; t=$(now)
    watch_logs "$LOGS/nova-db.log"
    {
      nova_manage api_db sync
      nova_manage cell_v2 list_cells 2>/dev/null | grep -q ' cell0 ' || nova_manage cell_v2 map_cell0 --database_connection "$(mysql_url nova_cell0)"
      nova_manage cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' || nova_manage cell_v2 create_cell --name=cell1 --verbose
      nova_manage db sync
    } >"$LOGS/nova-db.log" 2>&1
    log "nova dbs set up in $(since "$t") s"
  fi

  fail_if_port_taken 8774 nova-api
  if changed nova; then   # one config file for the four nova daemons
    for svc in nova-api nova-conductor nova-scheduler nova-compute; do mark_changed "$svc"; done
    rm -f "$RUN/nova.restart-needed"
  fi
  for svc in nova-api nova-conductor nova-scheduler; do
    watch_logs "$LOGS/$svc.out" "/var/log/nova/$svc.log"
    start_daemon "$svc" nova /var/lib/nova "/usr/bin/$svc --config-file" \
      "/usr/bin/$svc" "${NOVA_ARGS[@]}" --log-file "/var/log/nova/$svc.log"
  done
  start_daemon nova-compute nova /var/lib/nova "$BIN/nova-compute.py --config-file" \
    $PYTHON "$BIN/nova-compute.py" "${NOVA_ARGS[@]}" --log-file /var/log/nova/nova-compute.log
  watch_logs "$LOGS/nova-api.out" /var/log/nova/nova-api.log
  wait_http nova http://127.0.0.1:8774/ nova-api

  # usable once conductor, scheduler and compute consume their RPC queues (a build request cast
  # before compute's queue exists would be lost)
  t=$(now); end=$(( $(date +%s) + TIMEOUT ))
  watch_logs /var/log/nova/nova-conductor.log /var/log/nova/nova-scheduler.log /var/log/nova/nova-compute.log
  until queues=$(rabbitmqctl_ -q list_queues name consumers 2>/dev/null) &&
        echo "$queues" | awk -v h="compute.$NOVA_HOST" '($1 == "conductor" || $1 == "scheduler" || $1 == h) && $2 > 0 { n++ } END { exit n < 3 }'; do
    for svc in nova-conductor nova-scheduler nova-compute; do is_running "$svc" || die "$svc died"; done
    [ "$(date +%s)" -lt "$end" ] || die "nova services did not consume their RPC queues within ${TIMEOUT}s"
    sleep 1
  done
  log "nova RPC consumers ready after $(since "$t") s"

  if [ "$fresh" = 1 ]; then
    # map the compute node into cell1 once it has registered, then seed a flavor and an image
    end=$(( $(date +%s) + TIMEOUT ))
    until nova_manage cell_v2 list_hosts 2>/dev/null | grep -q " $NOVA_HOST "; do
      nova_manage cell_v2 discover_hosts >>"$LOGS/nova-db.log" 2>&1 || true
      is_running nova-compute || die "nova-compute died"
      [ "$(date +%s)" -lt "$end" ] || die "compute host $NOVA_HOST never registered"
      sleep 2
    done
    seed_nova
  fi
  set_stamp nova_db "$stamp"
}

# flavor m1.tiny and public image `tiny` (1 MiB raw)
seed_nova() {
  watch_logs "$LOGS/nova-seed.log"
  (
    # shellcheck disable=SC1091
    . "$STATE/admin-openrc.sh"
    openstack flavor show m1.tiny >/dev/null 2>&1 || openstack flavor create --ram 64 --disk 1 --vcpus 1 m1.tiny >/dev/null
    if ! openstack image show tiny -f value -c status 2>/dev/null | grep -q active; then
      head -c 1048576 /dev/zero > "$STATE/tiny.img"
      openstack image create tiny --disk-format raw --container-format bare --public --file "$STATE/tiny.img" >/dev/null
    fi
  ) >"$LOGS/nova-seed.log" 2>&1
}

# ================================================================ commands
require_root() { [ "$(id -u)" = 0 ] || die "test-cloud.sh $1 must run as root"; }

cmd_up() {
  require_root up
  local t0; t0=$(now)
  trap show_failure_logs EXIT
  mkdir -p "$RUN" "$LOGS" "$BIN" "$STAMPS"
  chmod 755 "$STATE" "$RUN" "$BIN"; chmod 1777 "$LOGS"

  install_packages
  install_helpers
  setup_mariadb
  [ "$WITH_NOVA" = 1 ] && start_rabbitmq
  setup_keystone
  setup_keystone_accounts
  setup_neutron
  if [ "$WITH_NOVA" = 1 ]; then
    rabbitmq_ready
    setup_placement
    setup_glance
    setup_nova
  fi
  watch_logs
  trap - EXIT
  log "OpenStack Zed test cloud is up in $(since "$t0") s (nova=$WITH_NOVA). Admin credentials: . $STATE/admin-openrc.sh"
}

# reverse start order; RabbitMQ gets a graceful broker shutdown first
cmd_down() {
  require_root down
  [ -d "$RUN" ] || { log "nothing to stop ($RUN does not exist)"; return 0; }
  local svc
  for svc in nova-compute nova-scheduler nova-conductor nova-api glance-api placement neutron-server keystone; do
    stop_ours "$svc"
  done
  if is_running rabbitmq; then
    rabbitmqctl_ -q stop >/dev/null 2>&1 || true
    stop_ours rabbitmq
  fi
  stop_ours epmd
  stop_ours mariadb
  log "stopped everything this script started"
}

SERVICES_ALL=(mariadb rabbitmq epmd keystone neutron-server placement glance-api nova-api nova-conductor nova-scheduler nova-compute)
ENDPOINTS=("keystone http://127.0.0.1:5000/v3" "neutron http://127.0.0.1:9696/" "placement http://127.0.0.1:8778/"
           "glance http://127.0.0.1:9292/" "nova http://127.0.0.1:8774/")

cmd_status() {
  local svc entry name url code rc=0
  echo "processes started by this script ($RUN):"
  for svc in "${SERVICES_ALL[@]}"; do
    if is_running "$svc"; then printf '  %-15s running (pid %s)\n' "$svc" "$(pid_of "$svc")"
    elif [ -e "$RUN/$svc.sig" ]; then printf '  %-15s not running\n' "$svc"; fi
  done
  echo "APIs:"
  for entry in "${ENDPOINTS[@]}"; do
    name=${entry%% *} url=${entry#* }
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    case "$name:$code" in
      *:2??|*:3??|*:401) printf '  %-10s %-28s answers (HTTP %s)\n' "$name" "$url" "$code" ;;
      keystone:*|neutron:*) printf '  %-10s %-28s NOT ANSWERING\n' "$name" "$url"; rc=1 ;;
      *) printf '  %-10s %-28s not answering (started only with OS_TEST_WITH_NOVA=1)\n' "$name" "$url" ;;
    esac
  done
  return "$rc"
}

case "${1:-}" in
  up) cmd_up ;;
  install) require_root install; mkdir -p "$LOGS"; install_packages ;;
  down) cmd_down ;;
  stop)
    require_root stop
    case "${2:-}" in
      keystone|neutron-server|placement|glance-api|nova-api|nova-conductor|nova-scheduler|nova-compute)
        case "${3:-}" in
          "") stop_ours "$2" ;;
          --kill) stop_ours "$2" KILL ;;
          *) echo "usage: $0 stop SERVICE [--kill]" >&2; exit 2 ;;
        esac ;;
      *) echo "usage: $0 stop keystone|neutron-server|placement|glance-api|nova-api|nova-conductor|nova-scheduler|nova-compute" >&2; exit 2 ;;
    esac ;;
  status) cmd_status ;;
  env) print_admin_env ;;
  *) echo "usage: $0 up|down|stop SERVICE|status|env|install" >&2; exit 2 ;;
esac
