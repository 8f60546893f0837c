/** What a killed run leaves, as the next `npm run lab` judges it; the engine's advice in `npm run lab` words. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { inLabWords } from "../../cli/main";
import { causeHint } from "../../cli/words";
import { labPaths } from "../../cli/paths";
import { createJournal, pendingOps, readCreates, stackLocks } from "../../cli/recover";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-recover-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a lock whose process is gone on this PC is stale; a live one is not", () => {
  const paths = labPaths({ LAB_STATE_DIR: dir });
  const locks = path.join(dir, ".pulumi", "locks", "organization", "pulumi-openstack-lab", "lab");
  fs.mkdirSync(locks, { recursive: true });
  fs.writeFileSync(path.join(locks, "dead.json"), JSON.stringify({ pid: 2 ** 22 + 7, hostname: os.hostname(), timestamp: "t" }));
  fs.writeFileSync(path.join(locks, "live.json"), JSON.stringify({ pid: process.pid, hostname: os.hostname(), timestamp: "t" }));
  const byFile = Object.fromEntries(stackLocks(paths).map((l) => [path.basename(l.file), l.alive]));
  expect(byFile).toEqual({ "dead.json": false, "live.json": true });
  expect(stackLocks({ ...paths, stack: "other" })).toEqual([]);
});

test("pending operations of an export, and the lab's own journal of VirtualBox creates from the engine's events", () => {
  const urn = "urn:pulumi:lab::pulumi-openstack-lab::pulumi-openstack-lab:lab:OpenStackLab$pulumi-nodejs:dynamic/virtualbox:VirtualMachine::lab-vm";
  const type = "pulumi-nodejs:dynamic/virtualbox:VirtualMachine";
  expect(pendingOps({ version: 3, deployment: { pending_operations: [{ type: "creating", resource: { urn, type, inputs: { name: "openstack-lab" } } }] } })).toEqual([
    { type: "creating", urn, name: "lab-vm", resourceType: "VirtualMachine", inputs: { name: "openstack-lab" } },
  ]);
  const paths = labPaths({ LAB_STATE_DIR: dir });
  const feed = createJournal(paths);
  feed({ resourcePreEvent: { metadata: { op: "create", urn, type, new: { inputs: { name: "openstack-lab" } } } } });
  expect(readCreates(paths)).toMatchObject([{ urn, type: "VirtualMachine", name: "openstack-lab" }]);
  feed({ resOutputsEvent: { metadata: { urn } } });
  expect(readCreates(paths)).toEqual([]);
  feed({ resourcePreEvent: { metadata: { op: "update", urn, type, new: { inputs: { name: "openstack-lab" } } } } });
  expect(readCreates(paths)).toEqual([]);
});

test("the engine's advice is said in npm run lab words", () => {
  expect(inLabWords("delete the lock file with `pulumi cancel`. Then run `pulumi refresh` and `pulumi up --refresh`")).toBe(
    "delete the lock file with npm run lab -- cancel. Then run npm run lab -- refresh and npm run lab -- up --refresh",
  );
  // a provider's retry line (VirtualBox's lock) as the live view shows it
  expect(inLabWords("retrying in 0.5s (another session holds the VM: the VirtualBox window, or another pulumi up)")).toBe("retrying in 0.5s (another session holds the VM: the VirtualBox window, or another npm run lab)");
});

test("a Neutron 409 on the lab's physical network says how to find and remove the network holding it", () => {
  const cause = "lab-external-network: network POST /v2.0/networks: HTTP 409 FlatNetworkInUse: Unable to create the flat network. Physical network extnet is in use. [request req-1]";
  expect(causeHint(cause)).toBe(
    "another network already uses the physical network extnet (a flat network takes it whole): find it in Horizon (Admin > Network > Networks) or with openstack network list --provider-physical-network extnet on the VM, delete it, then npm run lab",
  );
  expect(causeHint("Execution of '/usr/bin/systemctl start neutron-server' returned 1")).toBeUndefined();
});
