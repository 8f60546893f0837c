/** The VBoxManage command lines of virtualbox.NatNetwork (gophercloud's "requests"), and turning `natnetwork list` into outputs. */
import { NatNetworkInfo, parseNatNetworks } from "../vboxmanage/parse";
import type { NatNetworkInputs, NatNetworkOutputs, PortForward } from "./types";

/** `name:proto:[hostip]:hostport:[guestip]:guestport`, the rule syntax of `--port-forward-4`. */
export function ruleText(f: PortForward): string {
  return `${f.name}:${f.protocol}:[${f.hostIp ?? ""}]:${f.hostPort}:[${f.guestIp}]:${f.guestPort}`;
}

const onOff = (b: boolean) => (b ? "on" : "off");

export function addArgs(n: NatNetworkInputs): string[] {
  const args = ["natnetwork", "add", "--netname", n.name, "--network", n.cidr, n.enabled ? "--enable" : "--disable"];
  args.push("--dhcp", onOff(n.dhcp), "--ipv6", onOff(n.ipv6));
  for (const f of n.portForwards) args.push("--port-forward-4", ruleText(f));
  return args;
}

export const listArgs = (name: string) => ["natnetwork", "list", name];
export const removeArgs = (name: string) => ["natnetwork", "remove", "--netname", name];

/** `natnetwork modify` for the scalar settings that differ, or null when none do. */
export function modifySettingsArgs(olds: Partial<NatNetworkOutputs>, news: NatNetworkInputs): string[] | null {
  const args: string[] = [];
  if (olds.cidr !== news.cidr) args.push("--network", news.cidr);
  if (olds.enabled !== news.enabled) args.push(news.enabled ? "--enable" : "--disable");
  if (olds.dhcp !== news.dhcp) args.push("--dhcp", onOff(news.dhcp));
  if (olds.ipv6 !== news.ipv6) args.push("--ipv6", onOff(news.ipv6));
  return args.length ? ["natnetwork", "modify", "--netname", news.name, ...args] : null;
}

const key = (f: PortForward) => ruleText(f);

/** Port forwards reconciled as a set: rules to delete (by name; also changed ones) and rules to add. */
export function portForwardChanges(live: PortForward[], wanted: PortForward[]): { remove: string[]; add: PortForward[] } {
  const liveKeys = new Set(live.map(key));
  const wantedKeys = new Set(wanted.map(key));
  return {
    remove: live.filter((f) => !wantedKeys.has(key(f))).map((f) => f.name),
    add: wanted.filter((f) => !liveKeys.has(key(f))),
  };
}

export function deleteForwardsArgs(name: string, ruleNames: string[]): string[] | null {
  if (!ruleNames.length) return null;
  return ["natnetwork", "modify", "--netname", name, ...ruleNames.flatMap((r) => ["--port-forward-4", "delete", r])];
}

export function addForwardsArgs(name: string, rules: PortForward[]): string[] | null {
  if (!rules.length) return null;
  return ["natnetwork", "modify", "--netname", name, ...rules.flatMap((r) => ["--port-forward-4", ruleText(r)])];
}

/** The network named exactly `name` in `natnetwork list` output (the list filter is a pattern), as outputs. */
export function outputsFromList(text: string, name: string): NatNetworkOutputs | null {
  const net = parseNatNetworks(text).find((n) => n.name === name);
  return net ? toOutputs(net) : null;
}

export function toOutputs(net: NatNetworkInfo): NatNetworkOutputs {
  return {
    name: net.name,
    cidr: net.cidr,
    gateway: net.gateway ?? null,
    dhcp: net.dhcp,
    enabled: net.enabled,
    ipv6: net.ipv6,
    portForwards: net.portForwards.map((f) => {
      const pf: PortForward = { name: f.name, protocol: f.protocol as "tcp" | "udp", hostPort: Number(f.hostPort), guestIp: f.guestIp, guestPort: Number(f.guestPort) };
      if (f.hostIp) pf.hostIp = f.hostIp;
      return pf;
    }),
  };
}
