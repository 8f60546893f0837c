"use strict";
/** `showvminfo --machinereadable` in the VirtualBox 7.2 key order (the-pleiades 7.2.20 capture; storage as VBoxManageInfo.cpp). */
const { OS_TYPES } = require("./model");

const q = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

const CONTROLLER_PORTS = { ide: [2, 2], sata: [30, 1], scsi: [16, 1], sas: [255, 1], floppy: [1, 2], usb: [8, 1], pcie: [255, 1], virtio: [256, 1] };

function storageLines(vm) {
  const lines = [];
  vm.controllers.forEach((c, i) => {
    lines.push(`storagecontrollername${i}=${q(c.name)}`, `storagecontrollertype${i}=${q(c.type)}`,
      `storagecontrollerinstance${i}="0"`, `storagecontrollermaxportcount${i}="${c.maxPorts}"`,
      `storagecontrollerportcount${i}="${c.portCount}"`, `storagecontrollerbootable${i}="${c.bootable ? "on" : "off"}"`);
  });
  for (const c of vm.controllers) {
    const devices = CONTROLLER_PORTS[c.bus][1];
    const hotplugKeyed = /^(sata|usb)$/i.test(c.name); // VBoxManageInfo.cpp compares the controller *name*
    for (let p = 0; p < c.portCount; p++) {
      for (let d = 0; d < devices; d++) {
        const a = c.attachments[`${p}-${d}`];
        const key = (tag) => q(tag ? `${c.name}-${tag}-${p}-${d}` : `${c.name}-${p}-${d}`);
        if (!a) {
          lines.push(`${key()}="none"`);
        } else if (a.medium === "emptydrive") {
          lines.push(`${key()}="emptydrive"`);
          if (a.type === "dvddrive") lines.push(`${key("IsEjected")}="off"`);
        } else {
          lines.push(`${key()}=${q(a.medium)}`, `${key("ImageUUID")}=${q(a.uuid)}`);
          if (a.type === "dvddrive") lines.push(`${key("tempeject")}="off"`, `${key("IsEjected")}="off"`);
          if (hotplugKeyed) lines.push(`${key("hot-pluggable")}="${a.hotpluggable ? "on" : "off"}"`);
          lines.push(`${key("nonrotational")}="${a.nonrotational ? "on" : "off"}"`, `${key("discard")}="${a.discard ? "on" : "off"}"`);
        }
      }
    }
  }
  return lines;
}

function nicLines(vm) {
  const lines = [];
  vm.nics.forEach((n, i) => {
    const k = i + 1;
    if (!n.enabled) {
      lines.push(`nic${k}="none"`);
      return;
    }
    // Attachment-specific lines are printed raw (RTPrintf "%ls"), not escaped.
    const head = {
      nat: `natnet${k}="nat"`, bridged: `bridgeadapter${k}="${n.bridgeAdapter}"`, intnet: `intnet${k}="${n.intnet}"`,
      hostonly: `hostonlyadapter${k}="${n.hostOnlyAdapter}"`, natnetwork: `nat-network${k}="${n.natNetwork}"`,
      hostonlynet: `hostonly-network${k}="${n.hostOnlyAdapter}"`, generic: `generic${k}=""`,
    }[n.attachment];
    if (head) lines.push(head);
    const shown = { null: "null", hostonlynet: "hostonlynetwork", generic: "Generic" }[n.attachment] ?? n.attachment;
    lines.push(`macaddress${k}="${n.mac}"`, `cableconnected${k}="${n.cable ? "on" : "off"}"`, `nic${k}="${shown}"`,
      `nictype${k}="${n.nicType}"`, `nicspeed${k}="0"`);
    if (n.attachment === "nat") {
      lines.push('mtu="0"', 'sockSnd="64"', 'sockRcv="64"', 'tcpWndSnd="64"', 'tcpWndRcv="64"',
        'localhostReachable="1"', 'forwardBroadcast="0"', 'enableTFTP="0"');
      [...n.forwards].sort((a, b) => (a.name < b.name ? -1 : 1)).forEach((f, j) =>
        lines.push(`Forwarding(${j})="${f.name},${f.protocol},${f.hostIp},${f.hostPort},${f.guestIp},${f.guestPort}"`));
    }
  });
  return lines;
}

/** `Snapshot*` lines: pre-order, path suffixes -1, -1-2; Current* right after the current node. */
function snapshotLines(vm) {
  const lines = [];
  const walk = (node, path) => {
    lines.push(`SnapshotName${path}=${q(node.name)}`, `SnapshotUUID${path}=${q(node.uuid)}`);
    if (node.description) lines.push(`SnapshotDescription${path}=${q(node.description)}`);
    if (node.uuid === vm.currentSnapshot) {
      lines.push(`CurrentSnapshotName=${q(node.name)}`, `CurrentSnapshotUUID=${q(node.uuid)}`, `CurrentSnapshotNode="SnapshotName${path}"`);
    }
    vm.snapshots.filter((s) => s.parent === node.uuid).forEach((c, i) => walk(c, `${path}-${i + 1}`));
  };
  const root = vm.snapshots.find((s) => !s.parent);
  if (root) walk(root, "");
  return lines;
}

function machineReadable(vm, io) {
  const running = vm.state === "running" || vm.state === "paused";
  const sep = io.windows ? "\\" : "/";
  const lines = [
    `name=${q(vm.name)}`, 'encryption="disabled"', 'groups="/"', 'platformArchitecture="x86"',
    `ostype=${q(OS_TYPES[vm.osTypeId] ?? vm.osTypeId)}`, `UUID="${vm.uuid}"`, `CfgFile=${q(vm.cfgFile)}`,
    `SnapFldr=${q(vm.dir + sep + "Snapshots")}`, `LogFldr=${q(vm.dir + sep + "Logs")}`, `hardwareuuid="${vm.uuid}"`,
    `memory=${vm.memory}`, 'pagefusion="off"', `vram=${vm.vram}`, "cpuexecutioncap=100", 'cpu-profile="host"',
    'chipset="piix3"', `firmware="${vm.firmware}"`, `cpus=${vm.cpus}`, 'hpet="off"', 'pae="on"', 'longmode="on"',
    'triplefaultreset="off"', 'apic="on"', 'x2apic="off"', `nested-hw-virt="${vm.nestedHwVirt ? "on" : "off"}"`,
    'hwvirtex="on"', 'nestedpaging="on"', 'largepages="on"', 'vtxvpid="on"', 'vtxux="on"', 'virtvmsavevmload="on"',
    "cpuid-portability-level=0", 'bootmenu="messageandmenu"', ...vm.boot.map((b, i) => `boot${i + 1}="${b}"`),
    'acpi="on"', 'ioapic="on"', 'biosapic="apic"', "biossystemtimeoffset=0",
    `NvramFile=${q(vm.dir + sep + vm.name + ".nvram")}`, 'rtcuseutc="off"', 'iommu="none"', 'paravirtprovider="default"',
    'effparavirtprovider="none"', `VMState="${vm.state}"`, `VMStateChangeTime="${vm.stateChangeTime}"`,
    `graphicscontroller="${vm.graphicsController}"`, "monitorcount=1", 'accelerate3d="off"', 'teleporterenabled="off"',
    "teleporterport=0", 'teleporteraddress=""', 'teleporterpassword=""', 'tracing-enabled="off"',
    'tracing-allow-vm-access="off"', 'tracing-config=""', 'autostart-enabled="off"', "autostart-delay=0",
    'defaultfrontend=""', 'vmprocpriority="default"',
    ...storageLines(vm), ...nicLines(vm),
    'hidpointing="ps2mouse"', 'hidkeyboard="ps2kbd"', 'uart1="off"', 'uart2="off"', 'uart3="off"', 'uart4="off"',
    'lpt1="off"', 'lpt2="off"', 'audio="default"', 'audio_out="off"', 'audio_in="off"', 'clipboard="disabled"',
    'clipboard_file_transfers="off"', 'draganddrop="disabled"',
    ...(running ? [`SessionName="${vm.sessionName}"`, 'VideoMode="720,400,0"@0,0 1'] : []),
    'vrde="off"', 'usb="off"', 'ehci="off"', 'xhci="off"',
    ...(running ? ['VRDEActiveConnection="off"', "VRDEClients==0"] : []),
    'recording_started="off"', 'recording_enabled="off"', "recording_screens=1", " rec_screen0",
    'rec_screen_enabled="on"', "rec_screen_id=0", 'rec_screen_video_enabled="on"', 'rec_screen_audio_enabled="off"',
    'rec_screen_dest="File"', `rec_screen_dest_filename=${q(vm.dir + sep + vm.name + "-screen0.webm")}`,
    'rec_screen_opts="ac_profile=med"', 'rec_screen_video_res_xy="1024x768"', "rec_screen_video_rate_kbps=512",
    "rec_screen_video_fps=25",
    ...(vm.description ? [`description=${q(vm.description)}`] : []),
    ...snapshotLines(vm), "GuestMemoryBalloon=0",
  ];
  if (running && vm.installed && vm.unattended && vm.unattended.installAdditions) {
    lines.push(`GuestOSType="${vm.osTypeId}"`, "GuestAdditionsRunLevel=2", 'GuestAdditionsVersion="7.1.4 r165100"');
  }
  return lines;
}

const STATE_HUMAN = { poweroff: "powered off", running: "running", paused: "paused", saved: "saved", aborted: "aborted" };
const ATTACH_HUMAN = (n) => ({
  nat: "NAT", bridged: `Bridged Interface '${n.bridgeAdapter}'`, intnet: `Internal Network '${n.intnet}'`,
  hostonly: `Host-only Interface '${n.hostOnlyAdapter}'`, natnetwork: `NAT Network '${n.natNetwork}'`,
  hostonlynet: `Host Only Network '${n.hostOnlyAdapter}'`, generic: "Generic ''", null: "none",
}[n.attachment]);

/** A few lines of the human form: enough for the NIC promiscuous policy, which --machinereadable does not show. */
function human(vm) {
  const pad = (s) => s.padEnd(28) + " ";
  const lines = [
    pad("Name:") + vm.name, pad("UUID:") + vm.uuid,
    pad("State:") + `${STATE_HUMAN[vm.state] ?? vm.state} (since ${vm.stateChangeTime.slice(0, 23)})`,
  ];
  vm.nics.forEach((n, i) => {
    const nm = `NIC ${i + 1}:`;
    if (!n.enabled) lines.push(`${nm.padEnd(28)} disabled`);
    else lines.push(`${nm.padEnd(28)} MAC: ${n.mac}, Attachment: ${ATTACH_HUMAN(n)}, Cable connected: ${n.cable ? "on" : "off"}, Trace: off (file: none), Type: ${n.nicType}, Reported speed: 0 Mbps, Boot priority: 0, Promisc Policy: ${n.promisc}, Bandwidth group: none`);
  });
  return lines;
}

module.exports = { machineReadable, human, snapshotLines, CONTROLLER_PORTS, quote: q };
