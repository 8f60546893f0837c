# shellcheck shell=bash
# lib/glance.sh - glance-api (nova mode): file store, web-download import from loopback.

GLANCE_CONF=/etc/glance/glance-api.conf.d/50-openstack-zed-test.conf
GLANCE_ARGS=(--config-file /etc/glance/glance-api.conf --config-dir /etc/glance/glance-api.conf.d)
GLANCE_STAMP=""

glance_conf() {
  cat <<EOF
[DEFAULT]
bind_host = $SERVICE_HOST
bind_port = ${PORT[glance]}
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

configure_glance() {
  install -d -o glance -g glance -m 750 /etc/glance/glance-api.conf.d /var/lib/glance /var/lib/glance/images \
    /var/lib/glance/lock /var/lib/glance/staging /var/log/glance
  write_conf glance-api "$GLANCE_CONF" glance:glance 640 < <(glance_conf)
}

init_glance() {
  GLANCE_STAMP=$(digest < "$GLANCE_CONF")
  if ! stamped glance_db "$GLANCE_STAMP" glance; then
    watch_logs "$LOGS/glance-db.log"
    as glance glance-manage "${GLANCE_ARGS[@]}" db_sync >"$LOGS/glance-db.log" 2>&1
  fi
}

start_glance() {
  fail_if_port_taken glance
  watch_logs "$LOGS/glance-api.out" /var/log/glance/glance-api.log
  start_daemon glance-api glance /var/lib/glance "/usr/bin/glance-api --config-file" /usr/bin/glance-api "${GLANCE_ARGS[@]}"
  wait_api glance
  set_stamp glance_db "$GLANCE_STAMP"
}
