# shellcheck shell=bash
# lib/functions.sh - what every service file of scripts/test-cloud.sh uses: output and failure reporting, the
# daemons this script started (pid files with a signature), config files and stamps, the service table's lookups,
# and the Keystone client sections every service's config carries.
# Sourced by scripts/test-cloud.sh after its settings and SERVICE_TABLE; defines functions and nothing runs.
# shellcheck disable=SC2034  # the table's arrays are read by test-cloud.sh and lib/<service>.sh

# ================================================================ the service table
SERVICES=()                       # table order = start order (`down` goes backwards)
declare -A PORT MODE NEEDS DATABASES CATALOG PROBE PACKAGES DAEMONS
parse_service_table() {
  local name port mode needs dbs catalog probe pkgs daemons
  while read -r name port mode needs dbs catalog probe pkgs daemons; do
    case "$name" in ''|'#'*) continue ;; esac
    SERVICES+=("$name")
    PORT[$name]=$port MODE[$name]=$mode NEEDS[$name]=$needs DATABASES[$name]=$dbs CATALOG[$name]=$catalog
    PROBE[$name]=$probe PACKAGES[$name]=$pkgs DAEMONS[$name]=$daemons
  done <<< "$SERVICE_TABLE"
}
items() { [ "$1" = - ] || echo "${1//,/ }"; }          # a table cell: "a,b" -> "a b", "-" -> nothing
enabled() { [ "${MODE[$1]}" = all ] || [ "$WITH_NOVA" = 1 ]; }
enabled_services() { local s; for s in "${SERVICES[@]}"; do if enabled "$s"; then echo "$s"; fi; done; }
url_of() { echo "http://$SERVICE_HOST:${PORT[$1]}"; }
probe_url() { echo "$(url_of "$1")${PROBE[$1]}"; }   # what `status` and `up` ask to see a service answer
main_daemon() { local d; d=$(items "${DAEMONS[$1]}"); echo "${d%% *}"; }
all_daemons() { local s; for s in "${SERVICES[@]}"; do items "${DAEMONS[$s]}"; done; }
# the daemons `stop` takes: those of the OpenStack services (the ones with an API to probe)
stoppable_daemons() { local s; for s in "${SERVICES[@]}"; do if [ "${PROBE[$s]}" != - ]; then items "${DAEMONS[$s]}"; fi; done; }
has_function() { declare -F "$1" >/dev/null; }

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

# fail_if_port_taken SERVICE: refuse to start SERVICE's main daemon next to a foreign process on its port
fail_if_port_taken() {
  local daemon; daemon=$(main_daemon "$1")
  if ! is_running "$daemon" && ss -Hltn "sport = :${PORT[$1]}" | grep -q .; then
    die "port ${PORT[$1]} is in use by a process this script did not start (wanted it for $daemon)"
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
# wait_api SERVICE: its API (the table's probe) answers, its main daemon alive
wait_api() { wait_http "$1" "$(probe_url "$1")" "$(main_daemon "$1")"; }

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

mysql_url() { echo "mysql+pymysql://openstack:${DB_PW}@$SERVICE_HOST/$1?charset=utf8"; }

# keystone_authtoken section for service USER
authtoken_section() { cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $(url_of keystone)
auth_url = $(url_of keystone)
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
auth_url = $KEYSTONE_AUTH_URL
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = $REGION
project_name = service
username = $1
password = $SVC_PW
EOF
}
