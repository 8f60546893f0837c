/**
 * The phases of `up` (NAT Network, VM install, host preparation, Packstack, snapshot, networks), driven by the
 * Automation API's engine events: a resource's pre event starts its phase, its outputs event (or failure) ends it.
 * Pure state over events and a clock, so the renderer (render.ts) and the tests share it.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { inLabWords } from "../words";

export interface PhaseDef {
  id: string;
  title: string;
  /** Last segment of the resource type token (`pulumi-nodejs:dynamic/virtualbox:NatNetwork` -> NatNetwork). */
  types: string[];
}

export const PHASES: PhaseDef[] = [
  { id: "natnetwork", title: "NAT Network", types: ["NatNetwork"] },
  { id: "vm", title: "VM install", types: ["VirtualMachine"] },
  { id: "hostprep", title: "host preparation", types: ["HostPrep"] },
  { id: "packstack", title: "Packstack", types: ["PackstackInstall"] },
  { id: "snapshot", title: "snapshot", types: ["Snapshot"] },
  { id: "networks", title: "networks", types: ["Network", "Subnet", "SecurityGroupRule", "SecurityGroup"] },
];

export type PhaseStatus = "pending" | "running" | "done" | "unchanged" | "failed";

export interface PhaseState {
  def: PhaseDef;
  status: PhaseStatus;
  startedAt?: number;
  endedAt?: number;
  /** URNs started and not finished. */
  open: Set<string>;
  /** When its last open resource got outputs. */
  lastDoneAt?: number;
  /** Ops seen (create, update, same...). */
  ops: Set<string>;
  error?: string;
  /** The provider's latest progress message (waiting for SSH, Packstack's manifest, a retry and why). */
  message?: string;
}

export interface PhaseChange {
  phase: PhaseState;
  /** "start" when it began running, "end" when it finished (done/unchanged/failed). */
  kind: "start" | "end";
}

const typeName = (type: string) => type.split(":").pop() ?? type;
const NO_WORK = new Set(["same", "read", "refresh"]);

export class PhaseTracker {
  readonly phases: PhaseState[];
  constructor(private readonly now: () => number = Date.now, defs: PhaseDef[] = PHASES) {
    this.phases = defs.map((def) => ({ def, status: "pending", open: new Set(), ops: new Set() }));
  }

  private phaseOf(type: string | undefined): PhaseState | undefined {
    if (!type) return undefined;
    const t = typeName(type);
    return this.phases.find((p) => p.def.types.includes(t));
  }

  /**
   * Ends the running phases whose resources all have outputs, when `before` (a phase index) is later than theirs:
   * a phase's next resource may start right after the previous one finished (the subnet after the network), so a
   * phase only ends once a later phase starts or the run ends. Its end time is its last resource's outputs.
   */
  private settle(before: number): PhaseChange[] {
    const changes: PhaseChange[] = [];
    this.phases.forEach((p, i) => {
      if (i < before && p.status === "running" && p.open.size === 0 && p.lastDoneAt !== undefined) {
        p.status = [...p.ops].every((o) => NO_WORK.has(o)) ? "unchanged" : "done";
        p.endedAt = p.lastDoneAt;
        changes.push({ phase: p, kind: "end" });
      }
    });
    return changes;
  }

  /**
   * A provider's progress line (makeProvider prints `[<ns>.<Type> <name>] <message>` on the plugin's stdout, which
   * the engine passes on as a diagnostic): the phase it belongs to, with the message kept as its latest.
   */
  onProgress(e: EngineEvent): PhaseState | undefined {
    const d = e.diagnosticEvent;
    if (!d || d.severity === "error") return undefined;
    const m = /^\[(?:\w+)\.(\w+) [^\]]+\] (.+)$/m.exec(d.message.trim());
    if (!m) return undefined;
    const p = this.phases.find((x) => x.def.types.includes(m[1]));
    if (!p || p.status !== "running") return undefined;
    p.message = inLabWords(m[2].trim());
    return p;
  }

  /** Applies one engine event; returns the phases that started or ended with it. */
  onEvent(e: EngineEvent): PhaseChange[] {
    const changes: PhaseChange[] = [];
    const pre = e.resourcePreEvent?.metadata;
    const outs = e.resOutputsEvent?.metadata;
    const failed = e.resOpFailedEvent?.metadata;
    if (pre) {
      const p = this.phaseOf(pre.type);
      if (p) {
        changes.push(...this.settle(this.phases.indexOf(p)));
        if (p.status !== "failed") {
          p.ops.add(pre.op);
          p.open.add(pre.urn);
          if (p.status === "pending") {
            p.status = "running";
            p.startedAt = this.now();
            changes.push({ phase: p, kind: "start" });
          }
        }
      }
    }
    if (outs && outs.type === "pulumi:pulumi:Stack") changes.push(...this.settle(this.phases.length));
    const finished = outs ?? failed;
    if (finished) {
      const p = this.phaseOf(finished.type);
      if (p && p.open.delete(finished.urn)) {
        if (failed) {
          p.status = "failed";
          p.endedAt = this.now();
          changes.push({ phase: p, kind: "end" });
        } else if (p.open.size === 0) p.lastDoneAt = this.now();
      }
    }
    return changes;
  }

  /** The run ended: phases whose resources finished end now; with an error, the running ones fail. */
  finishRun(error?: string): PhaseChange[] {
    const changes = this.settle(this.phases.length);
    if (error) changes.push(...this.failRunning(error));
    return changes;
  }

  /** Marks the running phase(s) failed (the engine stopped with an error). */
  failRunning(error: string): PhaseChange[] {
    return this.phases.filter((p) => p.status === "running").map((p) => {
      p.status = "failed";
      p.error = error;
      p.endedAt = this.now();
      return { phase: p, kind: "end" as const };
    });
  }

  elapsedMs(p: PhaseState): number {
    return p.startedAt === undefined ? 0 : (p.endedAt ?? this.now()) - p.startedAt;
  }

  /** Durations of the phases that did real work this run (for the next run's estimate). */
  workDurations(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of this.phases) if (p.status === "done") out[p.def.id] = this.elapsedMs(p);
    return out;
  }
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}h${String(m).padStart(2, "0")}m` : m ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}
