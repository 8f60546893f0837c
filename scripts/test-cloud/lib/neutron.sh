# shellcheck shell=bash
# lib/neutron.sh - neutron-server, ML2/openvswitch, no agents and no data plane: one fake OVS agent record on
# $NOVA_HOST (neutron-register-fake-ovs-agent.py) so that ports bind. Its networking model is the one the
# header of scripts/test-cloud.sh describes.

NEUTRON_CONF=/etc/neutron/server.conf.d/50-openstack-zed-test.conf
NEUTRON_ARGS=(--config-file /etc/neutron/neutron.conf --config-dir /etc/neutron/server.conf.d)
NEUTRON_STAMP=""

neutron_conf() {
  local notify_nova=false
  [ "$WITH_NOVA" = 1 ] && notify_nova=true
  cat <<EOF
[DEFAULT]
bind_host = $SERVICE_HOST
bind_port = ${PORT[neutron]}
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

configure_neutron() {
  install -d -o neutron -g neutron -m 755 /var/lib/neutron /var/lib/neutron/lock /etc/neutron/server.conf.d
  install -d -o neutron -g adm -m 750 /var/log/neutron
  write_conf neutron-server "$NEUTRON_CONF" neutron:neutron 640 < <(neutron_conf)
}

# init_neutron: schema and the fake OVS agent (skipped when its stamp holds; the stamp is set once Neutron answers)
init_neutron() {
  NEUTRON_STAMP=$( { cat "$NEUTRON_CONF"; echo "$NOVA_HOST"; } | digest)
  if stamped neutron_db "$NEUTRON_STAMP" neutron; then log "neutron db: up to date"; return 0; fi
  local t out=$LOGS/neutron-db.log; t=$(now)
  watch_logs "$out"
  as neutron neutron-db-manage "${NEUTRON_ARGS[@]}" upgrade head >"$out" 2>&1
  as neutron "$PYTHON" "$BIN/neutron-register-fake-ovs-agent.py" "$NOVA_HOST" "$FLAT_PHYSNETS" "${NEUTRON_ARGS[@]}" >>"$out" 2>&1
  log "neutron db set up in $(since "$t") s"
}

start_neutron() {
  fail_if_port_taken neutron
  watch_logs "$LOGS/neutron-server.out" /var/log/neutron/neutron-server.log
  start_daemon neutron-server neutron /var/lib/neutron "/usr/bin/neutron-server --config-file" \
    /usr/bin/neutron-server "${NEUTRON_ARGS[@]}"
  wait_api neutron
  set_stamp neutron_db "$NEUTRON_STAMP"
}
