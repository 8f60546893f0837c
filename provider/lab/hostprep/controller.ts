/**
 * lab.HostPrep: prechecks, then each prep item checked and, only when needed, acted on, over ONE SSH connection
 * per operation. read() probes every item in one script and maps what it finds back onto the input fields, so a
 * drifted item shows up in the diff under its own field (firewalld active again -> disableFirewalld).
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider, OpContext } from "../../core/controller";
import { RemoteHost } from "../common";
import { ITEMS, ItemView } from "./items";
import { budget } from "./items/item";
import { PRECHECKS } from "./prechecks";
import { runProbes } from "./probe";
import { rebootAndWait } from "./reboot";
import { HostPrepInputs, HostPrepOutputs, hostPrepSchema } from "./types";

/** What the last create/update asked for (read() judges the host against it, since outputs overwrite the inputs' names). */
type Applied = Omit<HostPrepInputs, "connection" | "adopt" | "customTimeouts">;
type Outputs = HostPrepOutputs & { applied: Applied };
type State = HostPrepInputs & Partial<Outputs>;

const PROBE_MS = 10 * 60_000;

function applied(want: HostPrepInputs): Applied {
  const { connection: _c, adopt: _a, customTimeouts: _t, ...rest } = want;
  return rest;
}

function idOf(want: HostPrepInputs): string {
  return `hostprep:${want.connection.host}:${want.connection.port}`;
}

interface Summary {
  views: Record<string, ItemView>;
  outs: Omit<Outputs, "warnings" | "hostKeyFingerprint" | "applied">;
}

function summarize(facts: Record<string, Record<string, string>>, want: HostPrepInputs): Summary {
  const views: Record<string, ItemView> = {};
  const items: Record<string, string> = {};
  const drift: string[] = [];
  const live: Record<string, unknown> = {};
  for (const item of ITEMS) {
    const v = item.view(facts[item.key] ?? {}, want);
    views[item.key] = v;
    items[item.key] = v.state;
    if (!v.done && v.drift) drift.push(v.drift);
    Object.assign(live, v.live);
  }
  return { views, outs: { ...(live as Partial<HostPrepOutputs>), items, drift } };
}

/** Prechecks, then check-then-act for every item, then (only if something changed) a verifying probe. */
async function converge(want: HostPrepInputs, state: Partial<State> | undefined, ctx: OpContext): Promise<Outputs> {
  const pin = state?.hostKeyFingerprint ?? null;
  return RemoteHost.forOperation(want.connection, { pinnedInState: pin, deadline: ctx.deadline, progress: ctx.progress }).with(async (host) => {
    const conn = host.conn;
    ctx.progress(`connected to ${conn.target}; running prechecks and checking every item`);
    const facts = await runProbes(host, [...PRECHECKS, ...ITEMS], want, budget(ctx, PROBE_MS));

    const failures: string[] = [];
    const warnings: string[] = [];
    for (const p of PRECHECKS) {
      const v = p.evaluate(facts[p.key] ?? {}, want);
      failures.push(...(v.failures ?? []));
      warnings.push(...(v.warnings ?? []));
    }
    for (const w of warnings) ctx.progress(`warning: ${w}`);
    if (failures.length) {
      throw new Error(`prechecks failed on ${conn.target}, nothing was changed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    }

    let { views, outs } = summarize(facts, want);
    let reboot = false;
    let changed = 0;
    for (const item of ITEMS) {
      const v = views[item.key];
      if (v.done) {
        ctx.progress(`${item.key}: ok (${v.state})`);
        continue;
      }
      ctx.progress(`${item.key}: ${v.drift ?? v.state}`);
      const r = await item.apply(want, facts[item.key] ?? {}, { host, facts, progress: ctx.progress, deadline: ctx.deadline });
      if (r?.reboot) reboot = true;
      changed++;
    }
    if (reboot) await rebootAndWait(host, ctx);
    if (changed > 0) {
      ({ views, outs } = summarize(await runProbes(host, ITEMS, want, budget(ctx, PROBE_MS)), want));
      const left = ITEMS.filter((i) => !views[i.key].done).map((i) => `${i.key}: ${views[i.key].drift ?? views[i.key].state}`);
      if (left.length) throw new Error(`after preparing, these items are still not right:\n${left.map((l) => `  - ${l}`).join("\n")}`);
      ctx.progress(`host prepared (${changed} item(s) changed${reboot ? ", rebooted" : ""})`);
    } else {
      ctx.progress("host already prepared; nothing changed");
    }
    return { ...outs, warnings, hostKeyFingerprint: conn.hostKeyFingerprint, applied: applied(want) };
  });
}

export const controller: Controller<HostPrepInputs, Outputs> = {
  ...fromSpec(spec),
  label: (i) => (i.connection ? `${i.connection.host ?? "127.0.0.1"}:${i.connection.port ?? 2222}` : undefined),
  schema: (z) => hostPrepSchema(z),
  defaultTimeoutMs: { create: 60 * 60_000, update: 60 * 60_000 },
  compare: { connection: (a, b) => JSON.stringify(withoutPin(a)) === JSON.stringify(withoutPin(b)) },

  async create(want, ctx) {
    const outs = await converge(want, undefined, ctx);
    return { id: idOf(want), outs };
  },

  async find(_adopt, want) {
    // Preparing is idempotent: adopting a host simply means checking every item on it (update acts on what differs).
    return idOf(want);
  },

  async read(_id, state, ctx) {
    const want: HostPrepInputs = { ...state, ...(state.applied ?? {}) } as HostPrepInputs;
    const pin = state.hostKeyFingerprint ?? null;
    return RemoteHost.forOperation(state.connection, { pinnedInState: pin, deadline: ctx.deadline, progress: ctx.progress }).with(async (host) => {
      const conn = host.conn;
      const facts = await runProbes(host, ITEMS, want, budget(ctx, PROBE_MS));
      const { outs } = summarize(facts, want);
      for (const d of outs.drift) ctx.progress(`drift: ${d}`);
      return { ...outs, warnings: state.warnings ?? [], hostKeyFingerprint: conn.hostKeyFingerprint, applied: state.applied ?? applied(want) };
    });
  },

  async update(_id, olds, news, ctx) {
    if (ctx.changed.length) ctx.progress(`changed: ${ctx.changed.join(", ")}`);
    return converge(news, olds, ctx);
  },

  async delete(_id, _state, ctx) {
    ctx.progress("nothing to undo: the host keeps its preparation (restore a VM snapshot to start over)");
  },
};

/** The pin in state may come from trust on first use; a connection differing only by an absent pin is no change. */
function withoutPin(c: unknown): unknown {
  if (!c || typeof c !== "object") return c;
  const { hostKeyFingerprint: _h, ...rest } = c as Record<string, unknown>;
  return rest;
}

export const provider = makeProvider(controller);
