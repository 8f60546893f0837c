/** What every prep item is: a probe (check), a view of the facts against the inputs, and an action (act). */
import type { RemoteHost } from "../../common";
import type { Facts, Probe } from "../probe";
import type { HostPrepInputs, LiveFields } from "../types";

export interface ItemView {
  /** Human state for the `items` output, e.g. "active (enabled)". */
  state: string;
  /** True when nothing needs doing (always true for an item the inputs leave unmanaged). */
  done: boolean;
  /** One line naming what is wrong, e.g. "firewalld is active again" (absent when done). */
  drift?: string;
  /** The input fields this item maps back to, holding live values (so diff names this item on drift). */
  live: { [K in keyof LiveFields]?: LiveFields[K] | null };
}

export interface ApplyContext {
  host: RemoteHost;
  /** Facts of every item, as probed before any change. */
  facts: Record<string, Facts>;
  progress(line: string): void;
  deadline: number;
}

export interface Item extends Probe {
  view(facts: Facts, want: HostPrepInputs): ItemView;
  /** Makes the item true; returns `reboot: true` when only a reboot can finish it. */
  apply(want: HostPrepInputs, facts: Facts, ctx: ApplyContext): Promise<{ reboot?: boolean } | void>;
}

/** Milliseconds left before the operation's deadline, capped (for remote command time limits). */
export function budget(ctx: { deadline: number }, capMs: number): number {
  return Math.max(1000, Math.min(capMs, ctx.deadline - Date.now()));
}

/** `systemctl is-active` / `is-enabled` facts of a unit, with the unit prefix. */
export function unitProbe(unit: string, prefix: string): string {
  return `fact ${prefix}Active "$(systemctl is-active ${unit} 2>/dev/null)"\nfact ${prefix}Enabled "$(systemctl is-enabled ${unit} 2>/dev/null)"`;
}

export function unitState(active: string | undefined, enabled: string | undefined): string {
  if (!enabled) return "not installed";
  return `${active || "inactive"} (${enabled})`;
}
