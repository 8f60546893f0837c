/** The VM's snapshots: `snapshots` lists them, `restore [NAME]` goes back to one and reconciles the rest. */
import type { ConfigMap } from "@pulumi/pulumi/automation";
import { locateVBoxManage } from "../../provider/virtualbox/vboxmanage/locate";
import { DEFAULT_SNAPSHOT, listSnapshots, restoreSnapshot, withDates } from "../restore";
import { labSettings, PROJECT } from "../stack";
import { stackView } from "../stackState";
import { Ctx, recovered, say } from "./context";
import { up } from "./run";

function vmOf(config: ConfigMap): { exe: string; vm: string; sshPort: number } {
  const settings = labSettings(config);
  return { exe: locateVBoxManage(settings.vboxManagePath), vm: config[`${PROJECT}:vmName`]?.value ?? "openstack-lab", sshPort: settings.ports.find((p) => p.name === "sshPort")!.port };
}

export async function snapshots(c: Ctx): Promise<number> {
  const { exe, vm } = vmOf(await c.stack.getAllConfig());
  const list = withDates(await listSnapshots(exe, vm), await stackView(c.stack));
  if (!list.length) return say(`the VM ${vm} has no snapshots yet (npm run lab takes "${DEFAULT_SNAPSHOT}" once Packstack is installed)`), 0;
  for (const s of list) say(`${s.name}${s.current ? " (current)" : ""}  ${s.takenAt ? `taken ${s.takenAt}` : "taken outside the lab (no date recorded)"}${s.description ? `  ${s.description}` : ""}`);
  const hasDefault = list.some((s) => s.name === DEFAULT_SNAPSHOT);
  say(hasDefault ? `npm run lab -- restore goes back to ${DEFAULT_SNAPSHOT} (npm run lab -- restore NAME to another)` : "npm run lab -- restore NAME goes back to one of them");
  return 0;
}

export async function restore(c: Ctx): Promise<number> {
  const name = c.args.rest[0] ?? DEFAULT_SNAPSHOT;
  if (!(await recovered(c))) return 1;
  const { exe, vm, sshPort } = vmOf(await c.stack.getAllConfig());
  const list = await listSnapshots(exe, vm).catch(() => []);
  if (!list.some((s) => s.name === name || s.uuid === name)) {
    say(`the VM ${vm} has no snapshot ${name}${list.length ? ` (it has: ${list.map((s) => s.name).join(", ")})` : ""}: npm run lab -- snapshots lists them`);
    return 1;
  }
  try {
    await restoreSnapshot(exe, vm, name, sshPort, say);
  } catch (e) {
    say(`restore failed: ${(e as Error).message}`);
    say("npm run lab -- restore tries again; npm run lab -- doctor checks the PC");
    return 1;
  }
  say(`restored ${name}; reconciling the rest (npm run lab -- up --refresh)`);
  return up({ ...c, args: { ...c.args, refresh: true, noDoctor: true } });
}

