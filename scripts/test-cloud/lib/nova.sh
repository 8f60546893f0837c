# shellcheck shell=bash
# lib/nova.sh - Nova (nova mode): api, conductor, scheduler and compute with compute_driver = fake.FakeDriver on
# host $NOVA_HOST; cells cell0 + cell1; on a fresh database the compute host is mapped and a flavor and an image
# are seeded (seed_nova).

NOVA_CONF=/etc/nova/nova.conf.d/50-openstack-zed-test.conf
NOVA_ARGS=(--config-file /etc/nova/nova.conf --config-dir /etc/nova/nova.conf.d)
NOVA_STAMP=""
NOVA_FRESH=0
nova_manage() { as nova nova-manage "${NOVA_ARGS[@]}" "$@"; }

nova_conf() {
  cat <<EOF
[DEFAULT]
host = $NOVA_HOST
my_ip = 127.0.0.1
state_path = /var/lib/nova
log_dir = /var/log/nova
transport_url = rabbit://openstack:${RABBIT_PW}@$SERVICE_HOST:${PORT[rabbitmq]}/
enabled_apis = osapi_compute
osapi_compute_listen = $SERVICE_HOST
osapi_compute_listen_port = ${PORT[nova]}
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
api_servers = $(url_of glance)
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

configure_nova() {
  install -d -o nova -g nova -m 750 /etc/nova/nova.conf.d
  install -d -o nova -g nova -m 755 /var/lib/nova /var/lib/nova/instances /var/lib/nova/tmp
  install -d -o nova -g adm -m 750 /var/log/nova
  write_conf nova "$NOVA_CONF" nova:nova 640 < <(nova_conf)
}

# init_nova: the api, cell0 and cell1 databases (skipped when its stamp holds; set once Nova is usable)
init_nova() {
  NOVA_STAMP=$(digest < "$NOVA_CONF")
  stamped nova_db "$NOVA_STAMP" nova_api nova nova_cell0 && return 0
  local t; NOVA_FRESH=1; t=$(now)
  watch_logs "$LOGS/nova-db.log"
  {
    nova_manage api_db sync
    nova_manage cell_v2 list_cells 2>/dev/null | grep -q ' cell0 ' || nova_manage cell_v2 map_cell0 --database_connection "$(mysql_url nova_cell0)"
    nova_manage cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' || nova_manage cell_v2 create_cell --name=cell1 --verbose
    nova_manage db sync
  } >"$LOGS/nova-db.log" 2>&1
  log "nova dbs set up in $(since "$t") s"
}

start_nova() {
  local svc t end queues
  fail_if_port_taken nova
  if changed nova; then   # one config file for the four nova daemons
    for svc in $(items "${DAEMONS[nova]}"); do mark_changed "$svc"; done
    rm -f "$RUN/nova.restart-needed"
  fi
  for svc in nova-api nova-conductor nova-scheduler; do
    watch_logs "$LOGS/$svc.out" "/var/log/nova/$svc.log"
    start_daemon "$svc" nova /var/lib/nova "/usr/bin/$svc --config-file" \
      "/usr/bin/$svc" "${NOVA_ARGS[@]}" --log-file "/var/log/nova/$svc.log"
  done
  start_daemon nova-compute nova /var/lib/nova "$BIN/nova-compute.py --config-file" \
    "$PYTHON" "$BIN/nova-compute.py" "${NOVA_ARGS[@]}" --log-file /var/log/nova/nova-compute.log
  watch_logs "$LOGS/nova-api.out" /var/log/nova/nova-api.log
  wait_api nova

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

  if [ "$NOVA_FRESH" = 1 ]; then
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
  set_stamp nova_db "$NOVA_STAMP"
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
