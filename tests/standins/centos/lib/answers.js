"use strict";
/**
 * Packstack (Zed, openstack-packstack 21.x) answer files: the keys `packstack --gen-answer-file` writes, in its
 * order and format ("[general]", "# help" lines, KEY=value, blank line). Passwords are fresh 16-hex strings on
 * every generation, as the real generator does (uuid4().hex[:16]); tokens/keys are 32 hex.
 */
const crypto = require("crypto");

const pw = () => crypto.randomBytes(8).toString("hex");
const hex32 = () => crypto.randomBytes(16).toString("hex");

/** [key, value or generator, help] in the real file's order (a representative subset of ~300 keys). */
function template(ip) {
  return [
    ["CONFIG_SSH_KEY", "/root/.ssh/id_rsa.pub", "Path to a public key to install on servers. If a usable key has not\n# been installed on the remote servers, the user is prompted for a\n# password and this key is installed so the password will not be\n# required again."],
    ["CONFIG_DEFAULT_PASSWORD", "", "Default password to be used everywhere (overridden by passwords set\n# for individual services or users)."],
    ["CONFIG_SERVICE_WORKERS", "%{::processorcount}", "The amount of service workers/threads to use for each service.\n# Useful to tweak when you have memory constraints. Defaults to the\n# amount of cores on the system."],
    ["CONFIG_MARIADB_INSTALL", "y", "Specify 'y' to install MariaDB. ['y', 'n']"],
    ["CONFIG_GLANCE_INSTALL", "y", "Specify 'y' to install OpenStack Image Service (glance). ['y', 'n']"],
    ["CONFIG_CINDER_INSTALL", "y", "Specify 'y' to install OpenStack Block Storage (cinder). ['y', 'n']"],
    ["CONFIG_MANILA_INSTALL", "n", "Specify 'y' to install OpenStack Shared File System (manila). ['y',\n# 'n']"],
    ["CONFIG_NOVA_INSTALL", "y", "Specify 'y' to install OpenStack Compute (nova). ['y', 'n']"],
    ["CONFIG_NEUTRON_INSTALL", "y", "Specify 'y' to install OpenStack Networking (neutron) ['y']"],
    ["CONFIG_HORIZON_INSTALL", "y", "Specify 'y' to install OpenStack Dashboard (horizon). ['y', 'n']"],
    ["CONFIG_SWIFT_INSTALL", "y", "Specify 'y' to install OpenStack Object Storage (swift). ['y', 'n']"],
    ["CONFIG_CEILOMETER_INSTALL", "y", "Specify 'y' to install OpenStack Metering (ceilometer). Note this\n# will also automatically install gnocchi service and configures it as\n# the metrics backend. ['y', 'n']"],
    ["CONFIG_AODH_INSTALL", "y", "Specify 'y' to install OpenStack Telemetry Alarming (Aodh). Note\n# Aodh requires Ceilometer to be installed as well. ['y', 'n']"],
    ["CONFIG_HEAT_INSTALL", "n", "Specify 'y' to install OpenStack Orchestration (heat). ['y', 'n']"],
    ["CONFIG_MAGNUM_INSTALL", "n", "Specify 'y' to install OpenStack Container Infrastructure\n# Management Service (magnum). ['y', 'n']"],
    ["CONFIG_TROVE_INSTALL", "n", "Specify 'y' to install OpenStack Database (trove) ['y', 'n']"],
    ["CONFIG_IRONIC_INSTALL", "n", "Specify 'y' to install OpenStack Bare Metal Provisioning (ironic).\n# ['y', 'n']"],
    ["CONFIG_CLIENT_INSTALL", "y", "Specify 'y' to install the OpenStack Client packages (command-line\n# tools). An admin \"rc\" file will also be installed. ['y', 'n']"],
    ["CONFIG_NTP_SERVERS", "", "Comma-separated list of NTP servers. Leave plain if Packstack\n# should not install ntpd on instances."],
    ["CONFIG_DEBUG_MODE", "n", "Specify 'y' if you want to run OpenStack services in debug mode;\n# otherwise, specify 'n'. ['y', 'n']"],
    ["CONFIG_CONTROLLER_HOST", ip, "Server on which to install OpenStack services specific to the\n# controller role (for example, API servers or dashboard)."],
    ["CONFIG_COMPUTE_HOSTS", ip, "List the servers on which to install the Compute service."],
    ["CONFIG_NETWORK_HOSTS", ip, "List of servers on which to install the network service such as\n# Compute networking (nova network) or OpenStack Networking (neutron)."],
    ["CONFIG_VMWARE_BACKEND", "n", "Specify 'y' if you want to use VMware vCenter as hypervisor and\n# storage; otherwise, specify 'n'. ['y', 'n']"],
    ["CONFIG_UNSUPPORTED", "n", "Specify 'y' if you want to use unsupported parameters. This should\n# be used only if you know what you are doing. ['y', 'n']"],
    ["CONFIG_USE_SUBNETS", "n", "Specify 'y' if you want to use subnet addresses (in CIDR format)\n# instead of interface names. ['y', 'n']"],
    ["CONFIG_STORAGE_HOST", ip, "(Unsupported!) Server on which to install OpenStack services\n# specific to storage servers such as Image or Block Storage services."],
    ["CONFIG_ENABLE_RDO_TESTING", "n", "Specify 'y' to enable the RDO testing repository. ['y', 'n']"],
    ["CONFIG_AMQP_BACKEND", "rabbitmq", "Service to be used as the AMQP broker. Allowed values are: rabbitmq\n# ['rabbitmq']"],
    ["CONFIG_AMQP_HOST", ip, "IP address of the server on which to install the AMQP service."],
    ["CONFIG_AMQP_ENABLE_SSL", "n", "Specify 'y' to enable SSL for the AMQP service. ['y', 'n']"],
    ["CONFIG_AMQP_ENABLE_AUTH", "n", "Specify 'y' to enable authentication for the AMQP service. ['y',\n# 'n']"],
    ["CONFIG_AMQP_NSS_CERTDB_PW", pw, "Password for the NSS certificate database of the AMQP service."],
    ["CONFIG_AMQP_AUTH_USER", "amqp_user", "User for AMQP authentication."],
    ["CONFIG_AMQP_AUTH_PASSWORD", pw, "Password for AMQP authentication."],
    ["CONFIG_MARIADB_HOST", ip, "IP address of the server on which to install MariaDB. If a MariaDB\n# installation was not specified in CONFIG_MARIADB_INSTALL, specify\n# the IP address of an existing database server (a MariaDB cluster can\n# also be specified)."],
    ["CONFIG_MARIADB_USER", "root", "User name for the MariaDB administrative user."],
    ["CONFIG_MARIADB_PW", pw, "Password for the MariaDB administrative user."],
    ["CONFIG_KEYSTONE_DB_PW", pw, "Password to use for the Identity service (keystone) to access the\n# database."],
    ["CONFIG_KEYSTONE_FERNET_TOKEN_ROTATE_ENABLE", "True", "Enter y if cron job for removing soft deleted DB rows should be\n# created."],
    ["CONFIG_KEYSTONE_REGION", "RegionOne", "Default region name to use when creating tenants in the Identity\n# service."],
    ["CONFIG_KEYSTONE_ADMIN_EMAIL", "root@localhost", "Email address for the Identity service 'admin' user.  Defaults to"],
    ["CONFIG_KEYSTONE_ADMIN_USERNAME", "admin", "User name for the Identity service 'admin' user.  Defaults to\n# 'admin'."],
    ["CONFIG_KEYSTONE_ADMIN_PW", pw, "Password to use for the Identity service 'admin' user."],
    ["CONFIG_KEYSTONE_DEMO_PW", pw, "Password to use for the Identity service 'demo' user."],
    ["CONFIG_KEYSTONE_API_VERSION", "v3", "Identity service API version string. ['v2.0', 'v3']"],
    ["CONFIG_KEYSTONE_TOKEN_FORMAT", "FERNET", "Identity service token format (UUID, PKI or FERNET). The recommended\n# format for new deployments is FERNET. ['UUID', 'PKI', 'FERNET']"],
    ["CONFIG_KEYSTONE_IDENTITY_BACKEND", "sql", "Type of Identity service backend (sql or ldap). ['sql', 'ldap']"],
    ["CONFIG_GLANCE_DB_PW", pw, "Password to use for the Image service (glance) to access the\n# database."],
    ["CONFIG_GLANCE_KS_PW", pw, "Password to use for the Image service to authenticate with the\n# Identity service."],
    ["CONFIG_GLANCE_BACKEND", "file", "Storage backend for the Image service (controls how the Image\n# service stores disk images). Valid options are: file or swift\n# (Object Storage). The Object Storage service must be enabled to use\n# it as a working backend; otherwise, Packstack falls back to 'file'.\n# ['file', 'swift']"],
    ["CONFIG_CINDER_DB_PW", pw, "Password to use for the Block Storage service (cinder) to access the\n# database."],
    ["CONFIG_CINDER_KS_PW", pw, "Password to use for the Block Storage service to authenticate with\n# the Identity service."],
    ["CONFIG_CINDER_BACKEND", "lvm", "Storage backend to use for the Block Storage service; valid options\n# are: lvm, gluster, nfs, vmdk, netapp, solidfire. ['lvm', 'gluster',\n# 'nfs', 'vmdk', 'netapp', 'solidfire']"],
    ["CONFIG_CINDER_VOLUMES_CREATE", "y", "Specify 'y' to create the Block Storage volumes group. That is,\n# Packstack creates a raw disk image in /var/lib/cinder, and mounts it\n# using a loopback device. This should only be used for testing on a\n# proof-of-concept installation of the Block Storage service (a file-\n# backed volume group is not suitable for production usage). ['y',\n# 'n']"],
    ["CONFIG_CINDER_VOLUME_NAME", "cinder-volumes", "Specify a custom name for the lvm cinder volume group"],
    ["CONFIG_CINDER_VOLUMES_SIZE", "20G", "Size of Block Storage volumes group. Actual volume size will be\n# extended with 3% more space for VG metadata. Remember that the size\n# of the volume group will restrict the amount of disk space that you\n# can expose to Compute instances, and that the specified amount must\n# be available on the device used for /var/lib/cinder."],
    ["CONFIG_NOVA_DB_PURGE_ENABLE", "True", "Enter y if cron job for removing soft deleted DB rows should be\n# created."],
    ["CONFIG_NOVA_DB_PW", pw, "Password to use for the Compute service (nova) to access the\n# database."],
    ["CONFIG_NOVA_KS_PW", pw, "Password to use for the Compute service to authenticate with the\n# Identity service."],
    ["CONFIG_NOVA_MANAGE_FLAVORS", "y", "Whether or not Packstack should manage a default initial set of\n# Nova flavors. Defaults to 'y'."],
    ["CONFIG_NOVA_SCHED_CPU_ALLOC_RATIO", "16.0", "Overcommitment ratio for virtual to physical CPUs. Specify 1.0 to\n# disable CPU overcommitment."],
    ["CONFIG_NOVA_SCHED_RAM_ALLOC_RATIO", "1.5", "Overcommitment ratio for virtual to physical RAM. Specify 1.0 to\n# disable RAM overcommitment."],
    ["CONFIG_NOVA_COMPUTE_MIGRATE_PROTOCOL", "ssh", "Protocol used for instance migration. Valid options are: ssh and\n# tls. Note that the tls option is disabled by default. ['ssh', 'tls']"],
    ["CONFIG_NOVA_LIBVIRT_VIRT_TYPE", "%{::default_hypervisor}", "The hypervisor driver to use with Nova. Can be either 'qemu' or\n# 'kvm'. Defaults to 'qemu' on virtual machines and 'kvm' on bare\n# metal hardware. For nested KVM set it explicitly to 'kvm'."],
    ["CONFIG_NEUTRON_KS_PW", pw, "Password to use for OpenStack Networking (neutron) to authenticate\n# with the Identity service."],
    ["CONFIG_NEUTRON_DB_PW", pw, "The password to use for OpenStack Networking to access the database."],
    ["CONFIG_NEUTRON_L3_EXT_BRIDGE", "br-ex", "The name of the Open vSwitch bridge (or empty for linuxbridge) for\n# the OpenStack Networking L3 agent to use for external  traffic.\n# Specify 'provider' if you intend to use a provider network to handle\n# external traffic."],
    ["CONFIG_NEUTRON_METADATA_PW", pw, "Password for the OpenStack Networking metadata agent."],
    ["CONFIG_LBAAS_INSTALL", "n", "Specify 'y' to install OpenStack Networking's Load-Balancing-\n# as-a-Service (LBaaS). ['y', 'n']"],
    ["CONFIG_NEUTRON_METERING_AGENT_INSTALL", "y", "Specify 'y' to install OpenStack Networking's L3 Metering agent\n# ['y', 'n']"],
    ["CONFIG_NEUTRON_FWAAS", "n", "Specify 'y' to configure OpenStack Networking's Firewall-\n# as-a-Service (FWaaS). ['y', 'n']"],
    ["CONFIG_NEUTRON_VPNAAS", "n", "Specify 'y' to configure OpenStack Networking's VPN-as-a-Service\n# (VPNaaS). ['y', 'n']"],
    ["CONFIG_NEUTRON_ML2_TYPE_DRIVERS", "geneve,flat", "Comma-separated list of network-type driver entry points to be\n# loaded from the neutron.ml2.type_drivers namespace. ['local',\n# 'flat', 'vlan', 'gre', 'vxlan', 'geneve']"],
    ["CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES", "geneve", "Comma-separated, ordered list of network types to allocate as tenant\n# networks. The 'local' value is only useful for single-box testing\n# and provides no connectivity between hosts. ['local', 'vlan', 'gre',\n# 'vxlan', 'geneve']"],
    ["CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS", "ovn", "Comma-separated ordered list of networking mechanism driver entry\n# points to be loaded from the neutron.ml2.mechanism_drivers namespace.\n# ['logger', 'test', 'linuxbridge', 'openvswitch', 'hyperv', 'ncs',\n# 'arista', 'cisco_nexus', 'mlnx', 'l2population', 'sriovnicswitch',\n# 'ovn']"],
    ["CONFIG_NEUTRON_ML2_FLAT_NETWORKS", "*", "Comma-separated list of physical_network names with which flat\n# networks can be created. Use * to allow flat networks with arbitrary\n# physical_network names."],
    ["CONFIG_NEUTRON_ML2_VLAN_RANGES", "", "Comma-separated list of <physical_network>:<vlan_min>:<vlan_max> or\n# <physical_network> specifying physical_network names usable for VLAN\n# provider and tenant networks, as well as ranges of VLAN tags on each\n# available for allocation to tenant networks."],
    ["CONFIG_NEUTRON_ML2_TUNNEL_ID_RANGES", "", "Comma-separated list of <tun_min>:<tun_max> tuples enumerating\n# ranges of GRE tunnel IDs that are available for tenant-network\n# allocation. A tuple must be an array with tun_max +1 - tun_min >\n# 1000000."],
    ["CONFIG_NEUTRON_ML2_VXLAN_GROUP", "", "Comma-separated list of addresses for VXLAN multicast group. If left\n# empty, disables VXLAN from sending allocate broadcast traffic\n# (disables multicast VXLAN mode). Should be a Multicast IP (v4 or v6)\n# address."],
    ["CONFIG_NEUTRON_ML2_VNI_RANGES", "10:100", "Comma-separated list of <vni_min>:<vni_max> tuples enumerating\n# ranges of VXLAN VNI IDs that are available for tenant network\n# allocation. Minimum value is 0 and maximum value is 16777215."],
    ["CONFIG_NEUTRON_L2_AGENT", "ovn", "Name of the L2 agent to be used with OpenStack Networking.\n# ['openvswitch', 'linuxbridge', 'ovn']"],
    ["CONFIG_NEUTRON_ML2_SRIOV_INTERFACE_MAPPINGS", "", "Comma separated list of supported PCI vendor devices defined by\n# vendor_id:product_id according to the PCI ID Repository."],
    ["CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS", "extnet:br-ex", "Comma-separated list of bridge mappings for the OpenStack Networking\n# Open vSwitch plugin. Each tuple in the list must be in the format\n# <physical_network>:<ovs_bridge>. Example: physnet1:br-eth1,physnet2\n# :br-eth2,physnet3:br-eth3"],
    ["CONFIG_NEUTRON_OVS_BRIDGE_IFACES", "", "Comma-separated list of colon-separated Open vSwitch\n# <bridge>:<interface> pairs. The interface will be added to the\n# associated bridge. If you desire the bridge to be persistent a value\n# must be added to this directive, also\n# CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS must be set in order to create\n# the proper port. This can be achieved from the command line by\n# issuing the following command: packstack --allinone --os-neutron-\n# ovs-bridge-mappings=ext-net:br-ex --os-neutron-ovs-bridge-interfaces\n# =br-ex:eth0"],
    ["CONFIG_NEUTRON_OVS_BRIDGES_COMPUTE", "", "Comma-separated list of Open vSwitch bridges that must be created\n# and connected to interfaces in compute nodes when flat or vlan type\n# drivers are enabled. These bridges must exist in\n# CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS and\n# CONFIG_NEUTRON_OVS_BRIDGE_IFACES. Example: --os-neutron-ovs-bridges-\n# compute=br-vlan"],
    ["CONFIG_NEUTRON_OVS_EXTERNAL_PHYSNET", "extnet", "Name of physical network used for external network when enabling\n# CONFIG_PROVISION_DEMO. Name must be one of the included in\n# CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS. Example: --os-neutron-ovs-\n# external-physnet=\"extnet\""],
    ["CONFIG_NEUTRON_OVS_TUNNEL_IF", "", "Interface for the Open vSwitch tunnel. Packstack overrides the IP\n# address used for tunnels on this hypervisor to the IP found on the\n# specified interface (for example, eth1)."],
    ["CONFIG_NEUTRON_OVS_TUNNEL_SUBNETS", "", "Comma-separated list of subnets (for example,\n# 192.168.10.0/24,192.168.11.0/24) used for sending tunneling packets."],
    ["CONFIG_NEUTRON_OVS_VXLAN_UDP_PORT", "4789", "VXLAN UDP port."],
    ["CONFIG_NEUTRON_OVN_BRIDGE_MAPPINGS", "extnet:br-ex", "Comma-separated list of bridge mappings for the OpenStack Networking\n# Open Virtual Network plugin. Each tuple in the list must be in the\n# format <physical_network>:<ovs_bridge>. Example: physnet1\n# :br-eth1,physnet2:br-eth2,physnet3:br-eth3"],
    ["CONFIG_NEUTRON_OVN_BRIDGE_IFACES", "", "Comma-separated list of colon-separated Open vSwitch\n# <bridge>:<interface> pairs. The interface will be added to the\n# associated bridge."],
    ["CONFIG_NEUTRON_OVN_BRIDGES_COMPUTE", "", "Comma-separated list of Open vSwitch bridges that must be created\n# and connected to interfaces in compute nodes when flat or vlan type\n# drivers are enabled."],
    ["CONFIG_NEUTRON_OVN_EXTERNAL_PHYSNET", "extnet", "Name of physical network used for external network when enabling\n# CONFIG_PROVISION_DEMO. Name must be one of the included in\n# CONFIG_NEUTRON_OVN_BRIDGE_MAPPINGS."],
    ["CONFIG_NEUTRON_OVN_TUNNEL_IF", "", "Interface for the Open vSwitch tunnel."],
    ["CONFIG_NEUTRON_OVN_TUNNEL_SUBNETS", "", "Comma-separated list of subnets used for sending tunneling packets."],
    ["CONFIG_HORIZON_SSL", "n", "Specify 'y' to set up Horizon communication over https. ['y', 'n']"],
    ["CONFIG_HORIZON_SECRET_KEY", hex32, "Secret key to use for Horizon Secret Encryption Key."],
    ["CONFIG_SWIFT_KS_PW", pw, "Password to use for the Object Storage service to authenticate with\n# the Identity service."],
    ["CONFIG_SWIFT_STORAGES", "", "Comma-separated list of devices to use as storage device for Object\n# Storage."],
    ["CONFIG_SWIFT_STORAGE_ZONES", "1", "Number of Object Storage storage zones; this number MUST be no\n# larger than the number of configured storage devices."],
    ["CONFIG_SWIFT_STORAGE_REPLICAS", "1", "Number of Object Storage storage replicas; this number MUST be no\n# larger than the number of configured storage zones."],
    ["CONFIG_SWIFT_STORAGE_FSTYPE", "ext4", "File system type for storage nodes. ['xfs', 'ext4']"],
    ["CONFIG_SWIFT_HASH", pw, "Custom seed number to use for swift_hash_path_suffix in\n# /etc/swift/swift.conf."],
    ["CONFIG_SWIFT_STORAGE_SIZE", "2G", "Size of the Object Storage loopback file storage device."],
    ["CONFIG_HEAT_DB_PW", pw, "Password used by Orchestration service user to authenticate against\n# the database."],
    ["CONFIG_HEAT_AUTH_ENC_KEY", pw, "Encryption key to use for authentication in the Orchestration\n# database (16, 24, or 32 chars)."],
    ["CONFIG_HEAT_KS_PW", pw, "Password to use for the Orchestration service to authenticate with\n# the Identity service."],
    ["CONFIG_HEAT_DOMAIN_PASSWORD", pw, "Password for the Identity domain administrative user for\n# Orchestration."],
    ["CONFIG_PROVISION_DEMO", "y", "Specify 'y' to provision for demo usage and testing. ['y', 'n']"],
    ["CONFIG_PROVISION_TEMPEST", "n", "Specify 'y' to configure the OpenStack Integration Test Suite\n# (tempest) for testing. The test suite requires OpenStack Networking\n# to be installed. ['y', 'n']"],
    ["CONFIG_PROVISION_DEMO_FLOATRANGE", "172.24.4.0/24", "CIDR network address for the floating IP subnet."],
    ["CONFIG_PROVISION_IMAGE_NAME", "cirros", "The name to be assigned to the demo image in Glance (default\n# \"cirros\")."],
    ["CONFIG_PROVISION_IMAGE_URL", "https://download.cirros-cloud.net/0.5.2/cirros-0.5.2-x86_64-disk.img", "A URL or local file location for an image to download and provision\n# in Glance (defaults to a URL for a recent \"cirros\" image)."],
    ["CONFIG_PROVISION_IMAGE_FORMAT", "qcow2", "Format for the demo image (default \"qcow2\")."],
    ["CONFIG_PROVISION_IMAGE_SSH_USER", "cirros", "User to use when connecting to instances booted from the demo\n# image."],
    ["CONFIG_RUN_TEMPEST", "n", "Specify 'y' to run Tempest tests. ['y', 'n']"],
    ["CONFIG_PROVISION_OVS_BRIDGE", "y", "Specify 'y' to configure the Open vSwitch external bridge for an\n# all-in-one deployment (the L3 external bridge acts as the gateway\n# for virtual machines). ['y', 'n']"],
    ["CONFIG_GNOCCHI_DB_PW", pw, "Password to use for Gnocchi to access the database."],
    ["CONFIG_GNOCCHI_KS_PW", pw, "Password to use for Gnocchi to authenticate with the Identity\n# service."],
    ["CONFIG_CEILOMETER_SERVICE_NAME", "httpd", "Ceilometer service name. ['httpd', 'ceilometer']"],
    ["CONFIG_CEILOMETER_KS_PW", pw, "Password to use for Telemetry to authenticate with the Identity\n# service."],
    ["CONFIG_CEILOMETER_COORDINATION_BACKEND", "redis", "Backend driver for Telemetry's group membership coordination.\n# ['redis', 'none']"],
    ["CONFIG_REDIS_HOST", ip, "IP address of the server on which to install the Redis server."],
    ["CONFIG_REDIS_PORT", "6379", "Port on which the Redis server listens."],
    ["CONFIG_AODH_KS_PW", pw, "Password to use for Telemetry Alarming to authenticate with the\n# Identity service."],
    ["CONFIG_AODH_DB_PW", pw, "Password to use for Telemetry Alarming (AODH) to access the\n# database."],
  ];
}

/** Command-line option -> key, the way packstack names them: --os-neutron-l2-agent -> CONFIG_NEUTRON_L2_AGENT. */
function keyForOption(option, keys) {
  const special = { "default-password": "CONFIG_DEFAULT_PASSWORD", "keystone-admin-passwd": "CONFIG_KEYSTONE_ADMIN_PW", "keystone-demo-passwd": "CONFIG_KEYSTONE_DEMO_PW" };
  if (special[option]) return special[option];
  const bare = option.replace(/^os-/, "").replace(/-/g, "_").toUpperCase();
  return [`CONFIG_${bare}`, `CONFIG_${bare}_INSTALL`].find((k) => keys.has(k));
}

/** A new answer file's text; `overrides` are KEY -> value from command-line options. */
function generate(ip, overrides = {}) {
  const rows = template(ip).map(([k, v, help]) => [k, typeof v === "function" ? v() : v, help]);
  const byKey = Object.fromEntries(rows.map(([k, v]) => [k, v]));
  const dflt = overrides.CONFIG_DEFAULT_PASSWORD;
  const lines = ["[general]", ""];
  for (const [k, v, help] of rows) {
    let value = k in overrides ? overrides[k] : v;
    if (dflt && !(k in overrides) && /_(PW|PASSWORD)$/.test(k) && k !== "CONFIG_DEFAULT_PASSWORD") value = dflt;
    lines.push(`# ${help}`, `${k}=${value ?? byKey[k]}`, "");
  }
  return lines.join("\n");
}

/** KEY=value lines of an answer file (comments and [sections] skipped). */
function parse(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const m = /^(CONFIG_[A-Z0-9_]+|EXCLUDE_SERVERS)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

module.exports = { generate, parse, keyForOption, templateKeys: () => new Set(template("x").map((r) => r[0])) };
