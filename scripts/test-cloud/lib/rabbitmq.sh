# shellcheck shell=bash
# lib/rabbitmq.sh - RabbitMQ (nova mode): Nova's RPC. Started right after MariaDB so its ~10 s boot overlaps
# Keystone and Neutron; ready_rabbitmq (run before the first service that needs it) waits for it and makes the
# openstack user. A RabbitMQ already answering on its port that this script did not start is used as it is.
# The epmd that erlang's tools spawn on demand is ours (and stopped by `down`) only when none ran before.

rabbitmqctl_() { runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS="$SERVICE_HOST" rabbitmqctl "$@"; }
EPMD_BEFORE=""
RABBIT_T=""

configure_rabbitmq() {
  write_conf rabbitmq /etc/rabbitmq/rabbitmq-env.conf root:root 644 <<EOF
# openstack-zed-test: single local node, loopback only
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=$SERVICE_HOST
NODE_PORT=${PORT[rabbitmq]}
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {${SERVICE_HOST//./,}}"
EOF
}

start_rabbitmq() {
  # erlang CLI tools spawn epmd on demand: note whether one existed before us (then it is not ours)
  EPMD_BEFORE=$(ps -o pid= -C epmd | tr -d ' ' || true)
  if ! is_running rabbitmq && ss -Hltn "sport = :${PORT[rabbitmq]}" | grep -q . && rabbitmqctl_ -q status >/dev/null 2>&1; then
    log "rabbitmq already running (not started by this script): using it"
    rm -f "$RUN/rabbitmq.restart-needed"
    return 0
  fi
  RABBIT_T=$(now)
  start_daemon rabbitmq rabbitmq /var/lib/rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server \
    env HOME=/var/lib/rabbitmq ERL_EPMD_ADDRESS="$SERVICE_HOST" /usr/lib/rabbitmq/bin/rabbitmq-server
}

ready_rabbitmq() {
  watch_logs "$LOGS/rabbitmq.out"
  local end p stamp
  end=$(( $(date +%s) + TIMEOUT ))
  until rabbitmqctl_ -q await_startup >/dev/null 2>&1; do
    if [ -s "$RUN/rabbitmq.pid" ] && ! is_running rabbitmq; then die "rabbitmq died during startup"; fi
    [ "$(date +%s)" -lt "$end" ] || die "rabbitmq did not start within ${TIMEOUT}s"
    sleep 0.5
  done
  if [[ $STARTED == *" rabbitmq "* ]]; then log "rabbitmq ready after $(since "$RABBIT_T") s"; fi
  if [ -z "$EPMD_BEFORE" ] && [ ! -s "$RUN/epmd.pid" ]; then   # the epmd that runs now was spawned by us
    p=$(ps -o pid=,user:20= -C epmd | awk '$2 == "rabbitmq" { print $1; exit }' || true)
    if [ -n "$p" ]; then echo "$p" > "$RUN/epmd.pid"; echo epmd > "$RUN/epmd.sig"; fi
  fi
  stamp=$(echo "${RABBIT_PW:?}" | digest)
  if ! stamped rabbitmq_user "$stamp"; then
    rabbitmqctl_ -q list_users 2>/dev/null | grep -q '^openstack' || rabbitmqctl_ -q add_user openstack "$RABBIT_PW" >/dev/null
    rabbitmqctl_ -q change_password openstack "$RABBIT_PW" >/dev/null
    rabbitmqctl_ -q set_permissions openstack '.*' '.*' '.*' >/dev/null
    set_stamp rabbitmq_user "$stamp"
  fi
}

# a graceful broker shutdown first, then the daemon and the epmd we spawned
stop_rabbitmq() {
  if is_running rabbitmq; then
    rabbitmqctl_ -q stop >/dev/null 2>&1 || true
    stop_ours rabbitmq
  fi
  stop_ours epmd
}
