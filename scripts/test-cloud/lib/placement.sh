# shellcheck shell=bash
# lib/placement.sh - Placement under uwsgi (nova mode).

PLACEMENT_CONF=/etc/placement/placement.conf.d/50-openstack-zed-test.conf
PLACEMENT_UWSGI=/etc/placement/openstack-zed-test-uwsgi.ini
PLACEMENT_STAMP=""

placement_conf() {
  cat <<EOF
[api]
auth_strategy = keystone
[placement_database]
connection = $(mysql_url placement)
EOF
  authtoken_section placement
}

configure_placement() {
  install -d -o placement -g placement -m 750 /etc/placement/placement.conf.d /var/lib/placement /var/log/placement
  write_conf placement "$PLACEMENT_CONF" placement:placement 640 < <(placement_conf)
  write_conf placement "$PLACEMENT_UWSGI" root:root 644 <<EOF
[uwsgi]
plugins = python3
http-socket = $SERVICE_HOST:${PORT[placement]}
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
}

init_placement() {
  PLACEMENT_STAMP=$(digest < "$PLACEMENT_CONF")
  if ! stamped placement_db "$PLACEMENT_STAMP" placement; then
    watch_logs "$LOGS/placement-db.log"
    as placement placement-manage db sync >"$LOGS/placement-db.log" 2>&1
  fi
}

start_placement() {
  fail_if_port_taken placement
  watch_logs "$LOGS/placement.out" /var/log/placement/placement-api.log
  start_daemon placement placement /var/lib/placement "--ini $PLACEMENT_UWSGI" /usr/bin/uwsgi --ini "$PLACEMENT_UWSGI"
  wait_api placement
  set_stamp placement_db "$PLACEMENT_STAMP"
}
