# shellcheck shell=bash
# lib/keystone.sh - Keystone under uwsgi (fernet tokens), the admin account (keystone-manage bootstrap), then the
# service users, the demo account and the catalog of every enabled service with a catalog entry in the table.

KEYSTONE_AUTH_URL=$(url_of keystone)/v3
KEYSTONE_CONF=/etc/keystone/keystone.conf.d/50-openstack-zed-test.conf
KEYSTONE_UWSGI=/etc/keystone/openstack-zed-test-uwsgi.ini
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

configure_keystone() {
  install -d -o keystone -g keystone -m 750 /etc/keystone/keystone.conf.d /var/lib/keystone
  install -d -o keystone -g adm -m 750 /var/log/keystone
  write_conf keystone "$KEYSTONE_CONF" keystone:keystone 640 < <(keystone_conf)
  # threads = 1: each worker one request at a time. Connection: close: uwsgi's http-socket closes after
  # every response; without the header keep-alive clients reuse a dead socket ("RemoteDisconnected", 503s).
  write_conf keystone "$KEYSTONE_UWSGI" root:root 644 <<EOF
[uwsgi]
plugins = python3
http-socket = $SERVICE_HOST:${PORT[keystone]}
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
}

# init_keystone: schema, fernet and credential keys, admin and the identity endpoint (skipped when its stamp holds)
init_keystone() {
  KEYSTONE_STAMP=$( { cat "$KEYSTONE_CONF"; echo "$ADMIN_PW"; } | digest)
  if stamped keystone_db "$KEYSTONE_STAMP" keystone; then log "keystone db: up to date"; return 0; fi
  local t k out=$LOGS/keystone-db_sync.log; t=$(now)
  watch_logs "$out"
  as keystone keystone-manage db_sync >"$out" 2>&1
  for k in fernet credential; do
    install -d -o keystone -g keystone -m 700 /etc/keystone/$k-keys
    [ -e /etc/keystone/$k-keys/0 ] || as keystone keystone-manage ${k}_setup --keystone-user keystone --keystone-group keystone >>"$out" 2>&1
  done
  as keystone keystone-manage bootstrap --bootstrap-password "$ADMIN_PW" \
    --bootstrap-admin-url "$KEYSTONE_AUTH_URL/" --bootstrap-internal-url "$KEYSTONE_AUTH_URL/" \
    --bootstrap-public-url "$KEYSTONE_AUTH_URL/" --bootstrap-region-id "$REGION" >>"$out" 2>&1
  log "keystone db set up in $(since "$t") s"
}

start_keystone() {
  fail_if_port_taken keystone
  watch_logs "$LOGS/keystone.out" /var/log/keystone/keystone.log
  start_daemon keystone keystone /var/lib/keystone "--ini $KEYSTONE_UWSGI" /usr/bin/uwsgi --ini "$KEYSTONE_UWSGI"
  wait_api keystone
  set_stamp keystone_db "$KEYSTONE_STAMP"
  write_admin_openrc
  create_keystone_accounts
}

write_admin_openrc() {
  print_admin_env > "$STATE/admin-openrc.sh.tmp"
  chmod 644 "$STATE/admin-openrc.sh.tmp"
  mv -f "$STATE/admin-openrc.sh.tmp" "$STATE/admin-openrc.sh"
}

print_admin_env() { cat <<EOF
export OS_AUTH_URL=$KEYSTONE_AUTH_URL
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

# service project + a user per enabled service with a catalog entry, demo project + user, catalog: one idempotent
# python run, skipped when its inputs are unchanged
create_keystone_accounts() {
  local svc users="" services="" stamp t
  for svc in $(enabled_services); do
    [ "${CATALOG[$svc]}" != - ] || continue
    users="$users${users:+ }$svc"
    services="$services${services:+ }${CATALOG[$svc]%%/*}|$svc|$(url_of "$svc")$(catalog_path "$svc")"
  done
  stamp=$(echo "$ADMIN_PW|$SVC_PW|$DEMO_PW|$users|$services|$KEYSTONE_STAMP" | digest)
  if stamped keystone_accounts "$stamp" keystone; then log "keystone accounts and catalog: up to date"; return 0; fi
  t=$(now)
  watch_logs "$LOGS/keystone-accounts.log" /var/log/keystone/keystone.log
  AUTH_URL=$KEYSTONE_AUTH_URL ADMIN_PW=$ADMIN_PW SVC_PW=$SVC_PW DEMO_PW=$DEMO_PW REGION=$REGION USERS=$users \
    SERVICES=$services $PYTHON "$BIN/keystone-accounts.py" >"$LOGS/keystone-accounts.log" 2>&1
  set_stamp keystone_accounts "$stamp"
  log "keystone accounts and catalog set up in $(since "$t") s"
}
# the table's catalog cell is TYPE[/PATH]: "compute/v2.1" -> "/v2.1", "network" -> ""
catalog_path() { local c=${CATALOG[$1]}; if [[ $c == */* ]]; then echo "/${c#*/}"; fi; }
