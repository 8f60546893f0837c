/**
 * A stack's state, like the CLI's checkpoint: one record per resource (inputs and outputs in engine form, secrets
 * wrapped), in registration order, so a second `up`, `preview --refresh` or `destroy` can run over it. Kept in
 * memory, saved to / loaded from a JSON file between runs of separate processes.
 */
import * as fs from "fs";
import type { Props } from "./wire";

export interface ResourceOptions {
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs?: string[];
  ignoreChanges?: string[];
}

export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** Engine-side inputs (after Check; secrets wrapped). */
  inputs: Props;
  /** Outputs as stored (secrets wrapped; includes `__provider`, which Delete and Read run). */
  outputs: Props;
  /** URNs this resource depends on (dependsOn + property dependencies): destroy deletes it before them. */
  dependencies: string[];
  options?: ResourceOptions;
}

export class StackState {
  private readonly resources: ResourceState[] = [];

  constructor(resources: ResourceState[] = []) {
    this.resources.push(...resources);
  }

  static load(file: string): StackState {
    if (!fs.existsSync(file)) return new StackState();
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { resources: ResourceState[] };
    return new StackState(json.resources);
  }

  save(file: string): void {
    fs.writeFileSync(file, JSON.stringify(this.toJSON(), null, 2));
  }

  toJSON(): { resources: ResourceState[] } {
    return { resources: this.resources.map((r) => structuredClone(r)) };
  }

  get(urn: string): ResourceState | undefined {
    return this.resources.find((r) => r.urn === urn);
  }

  has(urn: string): boolean {
    return this.get(urn) !== undefined;
  }

  /** Replaces the record in place (keeps its position), or appends a new one. */
  set(state: ResourceState): void {
    const i = this.resources.findIndex((r) => r.urn === state.urn);
    if (i >= 0) this.resources[i] = state;
    else this.resources.push(state);
  }

  delete(urn: string): void {
    const i = this.resources.findIndex((r) => r.urn === urn);
    if (i >= 0) this.resources.splice(i, 1);
  }

  list(): ResourceState[] {
    return [...this.resources];
  }

  get size(): number {
    return this.resources.length;
  }

  /** Delete order: dependents before what they depend on (reverse topological order). */
  deleteOrder(urns: ReadonlyArray<string> = this.resources.map((r) => r.urn)): string[] {
    const pending = new Set(urns);
    const order: string[] = [];
    while (pending.size) {
      // a resource can go once nothing still pending depends on it
      const free = [...pending].filter((u) => ![...pending].some((o) => o !== u && this.get(o)?.dependencies.includes(u)));
      const batch = free.length ? free : [...pending]; // a cycle cannot happen in Pulumi; be safe anyway
      for (const u of batch.reverse()) {
        order.push(u);
        pending.delete(u);
      }
    }
    return order;
  }

  snapshot(): StackState {
    return new StackState(this.toJSON().resources);
  }
}
