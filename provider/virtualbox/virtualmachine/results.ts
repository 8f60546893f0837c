/** `showvminfo --machinereadable` (parsed) -> VirtualMachine outputs, in the same shape as the inputs. */
import type { VmInfo } from "../vboxmanage/parse";
import { osTypeId } from "./osTypes";
import type { Nic, VirtualMachineOutputs } from "./types";

/** States in which the VM has a session (modifyvm would fail; it must be stopped first). */
export const RUNNING_STATES = new Set(["running", "paused", "starting", "stopping", "livesnapshotting", "teleporting", "teleportingpausedvm", "onlinesnapshotting", "deletingsnapshotlive", "deletingsnapshotlivepaused", "gurumeditation"]);

export function isStopped(state: string): boolean {
  return !RUNNING_STATES.has(state);
}

function flag(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "on" || v === "true";
  return null;
}

export function nicFromInfo(n: VmInfo["nics"][number]): Nic {
  const nic: Nic = { type: n.type as Nic["type"] };
  if (n.natNetwork) nic.natNetwork = n.natNetwork;
  if (n.bridgeAdapter) nic.bridgeAdapter = n.bridgeAdapter;
  if (n.hostOnlyAdapter) nic.hostOnlyAdapter = n.hostOnlyAdapter;
  if (n.internalNetwork) nic.internalNetwork = n.internalNetwork;
  if (n.promiscuous) nic.promiscuous = n.promiscuous as Nic["promiscuous"];
  if (n.macAddress) nic.macAddress = n.macAddress.toUpperCase();
  return nic;
}

export function outputsFromInfo(info: VmInfo): VirtualMachineOutputs {
  return {
    name: info.name,
    uuid: info.uuid,
    osType: osTypeId(info.osType),
    cpus: Number(info.cpus),
    memoryMb: Number(info.memoryMb),
    state: info.state,
    nics: [...info.nics]
      .filter((n) => n.type && n.type !== "none")
      .sort((a, b) => a.index - b.index)
      .map(nicFromInfo),
    bootOrder: info.bootOrder.filter((d) => d && d !== "none"),
    nestedVirtualization: flag(info.nestedVirtualization),
    graphicsController: info.graphicsController ?? null,
  };
}

/**
 * NICs compared field by field, but only the fields the user set: an auto MAC address or a promiscuous policy
 * VirtualBox does not print (machine-readable output omits it) is not drift.
 */
export function sameNics(news: unknown, olds: unknown): boolean {
  if (!Array.isArray(news) || !Array.isArray(olds) || news.length !== olds.length) return false;
  return news.every((wanted: Record<string, unknown>, i) => {
    const live = (olds[i] ?? {}) as Record<string, unknown>;
    return Object.keys(wanted).every((k) => {
      if (wanted[k] === undefined) return true;
      if (k !== "type" && live[k] === undefined) return true; // not printed by VirtualBox
      return wanted[k] === live[k];
    });
  });
}
