/**
 * The lab as the learner built it by hand, command by command (the seed's order), for readme.test.ts: VBoxManage
 * (the stand-in) for the NAT Network and the VM, a root shell on the VM over SSH for the host preparation and
 * Packstack (the CentOS stand-ins), and the seed's four `openstack` commands.
 */
import { execFileSync } from "child_process";
import { LabWorld, cloudCli, defaultGroupId } from "../../tests/lab/support/labWorld";

export const GUEST_IP = "10.0.2.15";

/** VirtualBox: NAT Network without DHCP, the four port forwards, the VM on it (promiscuous), installed and running. */
export function buildVirtualBox(
  w: LabWorld,
  ports: { ssh: number; http: number; keystone: number; neutron: number },
  names: { natNetwork: string; vm: string } = { natNetwork: w.natNetworkName, vm: w.vmName },
): void {
  const { natNetwork, vm } = names;
  const fwd = (name: string, host: number, guest: number) => ["--port-forward-4", `${name}:tcp:[127.0.0.1]:${host}:[${GUEST_IP}]:${guest}`];
  w.vbox("natnetwork", "add", "--netname", natNetwork, "--network", "10.0.2.0/24", "--enable", "--dhcp", "off", "--ipv6", "off");
  w.vbox("natnetwork", "modify", "--netname", natNetwork, ...fwd("ssh", ports.ssh, 22), ...fwd("http", ports.http, 80), ...fwd("keystone", ports.keystone, 5000), ...fwd("neutron", ports.neutron, 9696));
  w.vbox("createvm", "--name", vm, "--ostype", "RedHat_64", "--register");
  w.vbox("modifyvm", vm, "--cpus", "4", "--memory", "16384", "--nested-hw-virt", "on", "--graphicscontroller", "vmsvga", "--ioapic", "on",
    "--nic1", "natnetwork", "--nat-network1", natNetwork, "--nic-promisc1", "allow-all", "--boot1", "disk", "--boot2", "dvd", "--boot3", "none", "--boot4", "none");
  const disk = `${w.vboxState}/${vm}.vdi`;
  w.vbox("createmedium", "disk", "--filename", disk, "--size", "102400", "--format", "VDI");
  w.vbox("storagectl", vm, "--name", "SATA", "--add", "sata", "--controller", "IntelAhci", "--portcount", "4", "--bootable", "on");
  w.vbox("storageattach", vm, "--storagectl", "SATA", "--port", "0", "--device", "0", "--type", "hdd", "--medium", disk);
  w.vbox("startvm", vm, "--type", "headless");
}

/** A root shell on the VM (through the forwarded SSH port), running `script` with bash. */
export function rootShell(w: LabWorld, sshPort: number, script: string): string {
  return execFileSync(
    "ssh",
    ["-i", w.keyPath, "-p", String(sshPort), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "BatchMode=yes", "root@127.0.0.1", "bash -se"],
    { input: script, encoding: "utf8", timeout: 120_000 },
  );
}

/** The seed's host preparation, typed at the VM's root shell. */
export const PREPARE_HOST = `
hostnamectl set-hostname openstack.lab
echo "${GUEST_IP} openstack.lab openstack" >> /etc/hosts
printf 'LANG=en_US.utf-8\\nLC_ALL=en_US.utf-8\\n' > /etc/environment
cat > /etc/sysconfig/network-scripts/ifcfg-enp0s3 <<'IFCFG'
TYPE=Ethernet
NAME=enp0s3
DEVICE=enp0s3
BOOTPROTO=none
ONBOOT=yes
IPADDR=${GUEST_IP}
PREFIX=24
GATEWAY=10.0.2.1
DNS1=8.8.8.8
DNS2=8.8.4.4
IFCFG
systemctl disable --now firewalld
sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config
setenforce 0
dnf config-manager --set-enabled crb
dnf install -y centos-release-openstack-zed
dnf install -y network-scripts
systemctl disable --now NetworkManager
systemctl enable --now network
dnf install -y openstack-packstack
[ -f /root/.ssh/id_rsa ] || ssh-keygen -q -t rsa -N '' -f /root/.ssh/id_rsa
cat /root/.ssh/id_rsa.pub >> /root/.ssh/authorized_keys
`;

/** Packstack as the learner finally ran it: an answer file edited for OVS + vxlan and extnet:br-ex, then the install. */
export function installPackstack(adminPassword: string): string {
  const answers: Record<string, string> = {
    CONFIG_KEYSTONE_ADMIN_PW: adminPassword,
    CONFIG_PROVISION_DEMO: "n",
    CONFIG_NEUTRON_L2_AGENT: "openvswitch",
    CONFIG_NEUTRON_ML2_MECHANISM_DRIVERS: "openvswitch",
    CONFIG_NEUTRON_ML2_TYPE_DRIVERS: "vxlan,flat",
    CONFIG_NEUTRON_ML2_TENANT_NETWORK_TYPES: "vxlan",
    CONFIG_NEUTRON_L3_EXT_BRIDGE: "br-ex",
    CONFIG_NEUTRON_OVS_BRIDGE_MAPPINGS: "extnet:br-ex",
    CONFIG_NEUTRON_OVS_BRIDGE_IFACES: "br-ex:enp0s3",
    CONFIG_NEUTRON_OVS_EXTERNAL_PHYSNET: "extnet",
  };
  return `
packstack --gen-answer-file=/root/answers.txt
set_answer() { if grep -q "^$1=" /root/answers.txt; then sed -i "s|^$1=.*|$1=$2|" /root/answers.txt; else echo "$1=$2" >> /root/answers.txt; fi; }
${Object.entries(answers).map(([k, v]) => `set_answer ${k} '${v}'`).join("\n")}
# the final working network setup: the address on br-ex, enp0s3 its OVS port
cat > /etc/sysconfig/network-scripts/ifcfg-br-ex <<'IFCFG'
DEVICE=br-ex
DEVICETYPE=ovs
TYPE=OVSBridge
BOOTPROTO=static
IPADDR=${GUEST_IP}
PREFIX=24
GATEWAY=10.0.2.1
DNS1=8.8.8.8
ONBOOT=yes
OVS_EXTRA="set bridge br-ex fail_mode=standalone"
IFCFG
cat > /etc/sysconfig/network-scripts/ifcfg-enp0s3 <<'IFCFG'
DEVICE=enp0s3
DEVICETYPE=ovs
TYPE=OVSPort
OVS_BRIDGE=br-ex
ONBOOT=yes
IFCFG
packstack --answer-file=/root/answers.txt
`;
}

/** The seed's post-install commands, verbatim. */
export function createNetworks(): void {
  cloudCli.quiet("network", "create", "external_network", "--provider-network-type", "flat", "--provider-physical-network", "extnet", "--external");
  cloudCli.quiet("subnet", "create", "public_subnet", "--network", "external_network", "--no-dhcp", "--allocation-pool", "start=10.0.2.100,end=10.0.2.200", "--gateway", "10.0.2.1", "--subnet-range", "10.0.2.0/24");
  const group = defaultGroupId();
  cloudCli.quiet("security", "group", "rule", "create", "--proto", "icmp", group);
  cloudCli.quiet("security", "group", "rule", "create", "--proto", "tcp", "--dst-port", "22", group);
}
