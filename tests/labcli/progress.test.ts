/**
 * The phase list of `up`, driven by engine events as the Automation API delivers them: start on a resource's pre
 * event, end when its phase's resources have outputs; unchanged when nothing ran; failed on resOpFailed; elapsed
 * per phase; durations recorded and used as the next run's estimate; plain timestamped lines off a terminal.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { estimateMs, readDurations, recordDurations } from "../../cli/progress/durations";
import { formatDuration, PhaseTracker } from "../../cli/progress/phases";
import { plainProgress } from "../../cli/progress/render";

let t = 0;
const now = () => t;
let seq = 0;
const meta = (name: string, type: string, op: string) => ({ op, urn: `urn:pulumi:lab::pulumi-openstack-lab::pulumi-openstack-lab:lab:OpenStackLab$pulumi-nodejs:dynamic/${type}::${name}`, type: `pulumi-nodejs:dynamic/${type}`, provider: "" });
const pre = (name: string, type: string, op = "create"): EngineEvent => ({ sequence: seq++, timestamp: 0, resourcePreEvent: { metadata: meta(name, type, op) as any } });
const outs = (name: string, type: string, op = "create"): EngineEvent => ({ sequence: seq++, timestamp: 0, resOutputsEvent: { metadata: meta(name, type, op) as any } });
const failed = (name: string, type: string): EngineEvent => ({ sequence: seq++, timestamp: 0, resOpFailedEvent: { metadata: meta(name, type, "create") as any, status: 1, steps: 1 } });

function firstRun(tracker: PhaseTracker, feed: (e: EngineEvent) => void) {
  t = 1000;
  feed({ sequence: seq++, timestamp: 0, resourcePreEvent: { metadata: { op: "create", urn: "urn:pulumi:lab::p::pulumi:pulumi:Stack::p-lab", type: "pulumi:pulumi:Stack", provider: "" } as any } });
  feed(pre("lab-natnet", "virtualbox:NatNetwork"));
  t = 4000;
  feed(outs("lab-natnet", "virtualbox:NatNetwork"));
  feed(pre("lab-vm", "virtualbox:VirtualMachine"));
  t = 64_000;
  feed(outs("lab-vm", "virtualbox:VirtualMachine"));
  feed(pre("lab-hostprep", "lab:HostPrep"));
  t = 94_000;
  feed(outs("lab-hostprep", "lab:HostPrep"));
  feed(pre("lab-packstack", "lab:PackstackInstall"));
  t = 94_000 + 41 * 60_000;
  feed(outs("lab-packstack", "lab:PackstackInstall"));
  feed(pre("lab-after-packstack", "virtualbox:Snapshot"));
  feed(pre("lab-external-network", "openstack:Network"));
  t += 5000;
  feed(outs("lab-after-packstack", "virtualbox:Snapshot"));
  feed(outs("lab-external-network", "openstack:Network"));
  feed(pre("lab-public-subnet", "openstack:Subnet"));
  feed(pre("lab-default-icmp", "openstack:SecurityGroupRule"));
  t += 2000;
  feed(outs("lab-default-icmp", "openstack:SecurityGroupRule"));
  feed(outs("lab-public-subnet", "openstack:Subnet"));
  t += 1000;
  feed({ sequence: seq++, timestamp: 0, resOutputsEvent: { metadata: { op: "create", urn: "urn:pulumi:lab::p::pulumi:pulumi:Stack::p-lab", type: "pulumi:pulumi:Stack", provider: "" } as any } });
}

test("phases start and end with their resources' events; elapsed per phase", () => {
  const tracker = new PhaseTracker(now);
  firstRun(tracker, (e) => tracker.onEvent(e));
  expect(tracker.phases.map((p) => [p.def.title, p.status, formatDuration(tracker.elapsedMs(p))])).toEqual([
    ["NAT Network", "done", "3s"],
    ["VM install", "done", "1m00s"],
    ["host preparation", "done", "30s"],
    ["Packstack", "done", "41m00s"],
    ["snapshot", "done", "5s"],
    ["networks", "done", "7s"], // the network, then the subnet and the rule: one phase until the last has outputs
  ]);
});

test("off a terminal: timestamped lines; the second run shows the first run's durations as estimates; a failure names the phase", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "labcli-progress-")), "phase-durations.json");
  const lines: string[] = [];
  const tracker = new PhaseTracker(now);
  const p = plainProgress(tracker, readDurations(file), (l) => lines.push(l), now);
  firstRun(tracker, p.onEvent);
  expect(lines).toContain("[00:00:01] NAT Network: started");
  expect(lines).toContain("[00:00:04] NAT Network: done in 3s");
  expect(lines).toContain("[00:42:34] Packstack: done in 41m00s");
  recordDurations(file, tracker.workDurations());
  expect(estimateMs(readDurations(file), "packstack")).toBe(41 * 60_000);

  // second run: nothing changes; estimates shown on start; Packstack fails this time
  const again: string[] = [];
  const t2 = new PhaseTracker(now);
  const p2 = plainProgress(t2, readDurations(file), (l) => again.push(l), now);
  t = 0;
  p2.onEvent(pre("lab-natnet", "virtualbox:NatNetwork", "same"));
  p2.onEvent(outs("lab-natnet", "virtualbox:NatNetwork", "same"));
  p2.onEvent(pre("lab-packstack", "lab:PackstackInstall", "update"));  // a later phase starts: NAT Network has ended
  t = 90_000;
  p2.onEvent(failed("lab-packstack", "lab:PackstackInstall"));
  expect(again).toEqual([
    "[00:00:00] NAT Network: started (about 3s last time)",
    "[00:00:00] NAT Network: unchanged",
    "[00:00:00] Packstack: started (about 41m00s last time)",
    "[00:01:30] Packstack: FAILED after 1m30s",
  ]);
  // only phases that did work are recorded; the median of the kept runs is the estimate
  recordDurations(file, t2.workDurations());
  recordDurations(file, { packstack: 30 * 60_000 });
  recordDurations(file, { packstack: 50 * 60_000 });
  expect(readDurations(file).natnetwork).toEqual([3000]);
  expect(estimateMs(readDurations(file), "packstack")).toBe(41 * 60_000);
});

test("an engine error while a phase runs marks it failed", async () => {
  const lines: string[] = [];
  const tracker = new PhaseTracker(now);
  const p = plainProgress(tracker, {}, (l) => lines.push(l), now);
  t = 0;
  p.onEvent(pre("lab-vm", "virtualbox:VirtualMachine"));
  t = 2000;
  await p.finish("VBoxManage: error: VT-x is not available (VERR_VMX_NO_VMX)");
  expect(lines.pop()).toBe("[00:00:02] VM install: FAILED after 2s: VBoxManage: error: VT-x is not available (VERR_VMX_NO_VMX)");
});

test("the provider's progress message shows under its phase (plain: an indented line), only while the phase runs", () => {
  const lines: string[] = [];
  t = 0;
  const tracker = new PhaseTracker(now);
  const p = plainProgress(tracker, {}, (l) => lines.push(l), now);
  const diag = (message: string): EngineEvent => ({ sequence: seq++, timestamp: 0, diagnosticEvent: { message: `${message}\n`, color: "never", severity: "info" } as any });
  p.onEvent(pre("lab-vm", "virtualbox:VirtualMachine"));
  p.onEvent(diag("[virtualbox.VirtualMachine openstack-lab] waiting for SSH on 127.0.0.1:2222 (30s)"));
  p.onEvent(diag("something else the program printed"));
  p.onEvent(diag("[lab.PackstackInstall 10.0.2.15] Applying 10.0.2.15_controller.pp")); // its phase is not running: not shown
  expect(lines).toEqual(["[00:00:00] VM install: started", "[00:00:00]   VM install: waiting for SSH on 127.0.0.1:2222 (30s)"]);
  expect(tracker.phases.find((x) => x.def.id === "vm")!.message).toBe("waiting for SSH on 127.0.0.1:2222 (30s)");
});
