"use strict";
/**
 * What `dnf` can install in the stand-in guest: package -> version, the repo it comes from, the systemd units
 * it brings, the repos it adds, and what it needs. Versions are the Zed-era CentOS Stream 9 / RDO ones.
 */
const OPENSTACK_UNITS = [
  "openstack-nova-api", "openstack-nova-scheduler", "openstack-nova-conductor", "openstack-nova-compute",
  "openstack-nova-novncproxy", "neutron-server", "ovn-northd", "ovn-controller", "neutron-ovn-metadata-agent",
  "openstack-cinder-api", "openstack-cinder-scheduler", "openstack-cinder-volume", "openstack-glance-api",
  "openstack-placement-api", "httpd", "rabbitmq-server", "mariadb", "openvswitch", "memcached",
];

/** The units a Packstack run leaves running: the Neutron agents depend on CONFIG_NEUTRON_L2_AGENT. */
function unitsFor(l2Agent) {
  if (l2Agent !== "openvswitch") return OPENSTACK_UNITS;
  const ovn = new Set(["ovn-northd", "ovn-controller", "neutron-ovn-metadata-agent"]);
  return [
    ...OPENSTACK_UNITS.filter((u) => !ovn.has(u)),
    "neutron-openvswitch-agent", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent",
  ];
}

const packages = {
  "centos-release-openstack-zed": {
    version: "1-1.el9s.noarch", repo: "extras-common",
    addsRepos: {
      "centos-openstack-zed": "CentOS-9 - OpenStack zed",
      "centos-rabbitmq-38": "CentOS-9 - RabbitMQ 38",
      "centos-ceph-pacific": "CentOS-9 - Ceph Pacific",
      "centos-nfv-openvswitch": "CentOS Stream 9 - NFV OpenvSwitch",
    },
  },
  "openstack-packstack": { version: "21.0.0-1.el9s.noarch", repo: "centos-openstack-zed", needsRepos: ["crb"], missingDep: "python3-pyOpenSSL" },
  "network-scripts": { version: "10.11.6-1.el9.x86_64", repo: "centos-openstack-zed", units: ["network"] },
  "dnf-plugins-core": { version: "4.3.0-13.el9.noarch", repo: "baseos" },
  "vim-enhanced": { version: "8.2.2637-20.el9.x86_64", repo: "appstream" },
  "chrony": { version: "4.5-1.el9.x86_64", repo: "baseos", units: ["chronyd"] },
  "lvm2": { version: "2.03.23-2.el9.x86_64", repo: "baseos" },
  "iptables-services": { version: "1.8.10-4.el9.noarch", repo: "baseos", units: ["iptables"] },
};

/** Packages Packstack's puppet run installs (and the units they bring). */
const packstackInstalls = {
  "openstack-nova-api": "26.2.1-1.el9s.noarch",
  "openstack-nova-compute": "26.2.1-1.el9s.noarch",
  "openstack-neutron": "21.2.0-1.el9s.noarch",
  "openstack-neutron-ovn-metadata-agent": "21.2.0-1.el9s.noarch",
  "openstack-cinder": "21.3.1-1.el9s.noarch",
  "openstack-glance": "25.1.0-1.el9s.noarch",
  "openstack-placement-api": "8.0.0-1.el9s.noarch",
  "openstack-dashboard": "23.0.1-1.el9s.noarch",
  "openstack-keystone": "22.0.0-1.el9s.noarch",
  "httpd": "2.4.57-5.el9.x86_64",
  "mariadb-server": "10.5.22-1.el9.x86_64",
  "rabbitmq-server": "3.9.21-1.el9s.x86_64",
  "openvswitch3.1": "3.1.0-44.el9s.x86_64",
  "ovn22.12-central": "22.12.0-32.el9s.x86_64",
  "python3-openstackclient": "6.0.0-1.el9s.noarch",
};

module.exports = { packages, packstackInstalls, OPENSTACK_UNITS, unitsFor };
