/**
 * A small re-statement of what the Go engine does around a provider, so tests can drive the REAL dynamic-provider
 * plugin through `up`, `preview`, `refresh`, `preview --refresh`, `import` and `destroy`. Each rule cites the Go
 * source it mirrors (pulumi/pulumi v3.2xx):
 *   pkg/resource/deploy/step_generator.go  Check -> Diff -> same / update / replace, the DiffUnknown fallback
 *   pkg/resource/deploy/step.go            SameStep keeps old outputs; RefreshStep; ImportStep; DeleteStep
 *   sdk/go/common/resource/plugin/provider_plugin.go  secrets stripped (acceptSecrets=false) + annotateSecrets;
 *                                           no Create/Update during preview (supportsPreview=false)
 * Not covered: the engine's parallel scheduling, protect/retainOnDelete/aliases, the CLI's display.
 */
import { isDeepStrictEqual } from "util";
import { DIFF_NONE, DIFF_SOME, DIFF_UNKNOWN, DiffResult, DynamicProviderHost, makeUrn } from "./dynamicProviderHost";
import { ResourceState, StackState } from "./stackState";
import { annotateSecrets, markAdditionalSecretOutputs, Props, stripSecrets } from "./wire";

export interface RegisterOptions {
  /** The URN the program's monitor gave (parent types included); default urn(type, name). */
  urn?: string;
  preview?: boolean;
  /** The `import` resource option (an id). */
  import?: string;
  ignoreChanges?: string[];
  /** The resource option; when unset the provider's DiffResponse decides. */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs?: string[];
  /** URNs this resource depends on, kept in state for destroy ordering. */
  dependencies?: string[];
}

export type Op = "create" | "same" | "update" | "replace" | "import";

export interface StepRecord {
  op: Op | "refresh" | "delete" | "refresh-deleted";
  urn: string;
  calls: string[];
  diff?: DiffResult;
  checkFailures?: { property: string; reason: string }[];
}

export class CheckFailedError extends Error {
  constructor(
    readonly urn: string,
    readonly failures: { property: string; reason: string }[],
  ) {
    super(`resource ${urn} has check errors: ${failures.map((f) => f.reason).join("; ")}`);
  }
}

export class MiniEngine {
  readonly log: StepRecord[] = [];

  constructor(
    readonly host: DynamicProviderHost,
    readonly state = new StackState(),
    readonly project = "proj",
    readonly stack = "dev",
  ) {}

  urn(type: string, name: string): string {
    return makeUrn(this.stack, this.project, type, name);
  }

  /** RegisterResource of a custom resource during `up` (or `preview` with opts.preview). */
  async register(type: string, name: string, goal: Props, opts: RegisterOptions = {}): Promise<{ op: Op; state: ResourceState }> {
    const urn = opts.urn ?? this.urn(type, name);
    const rec: StepRecord = { op: "same", urn, calls: [] };
    this.log.push(rec);
    let old = this.state.get(urn);
    const dependencies = opts.dependencies ?? old?.dependencies ?? [];
    const options = { deleteBeforeReplace: opts.deleteBeforeReplace, additionalSecretOutputs: opts.additionalSecretOutputs, ignoreChanges: opts.ignoreChanges };

    if (!old && opts.import) {
      // step.go ImportStep.Apply: prov.Read(URN, ID) with no State and no Inputs; then "provider does not support
      // importing resources" when ReadResponse.inputs is empty (L2067).
      rec.op = "import";
      rec.calls.push("Read(import id only)");
      const read = await this.host.read(urn, opts.import);
      if (!read.id || !read.properties) throw new Error(`resource '${opts.import}' does not exist`);
      if (!read.inputs) throw new Error("provider does not support importing resources; please try updating the 'pulumi-nodejs' plugin");
      old = { urn, type, name, id: read.id, inputs: read.inputs, outputs: read.properties, dependencies, options };
    }

    // step_generator.go processIgnoreChanges: ignored paths take their old values before Check.
    const news: Props = { ...goal };
    if (old) for (const k of opts.ignoreChanges ?? []) if (k in old.inputs) news[k] = old.inputs[k];

    // step_generator.go: Check(olds = old inputs, news); failures stop the deployment.
    rec.calls.push("Check");
    const checked = await this.host.check(urn, stripSecrets(old?.inputs ?? {}), stripSecrets(news));
    if (checked.failures.length) {
      rec.checkFailures = checked.failures;
      throw new CheckFailedError(urn, checked.failures);
    }
    // provider_plugin.go Check: annotateSecrets(checked inputs, news).
    const inputs = annotateSecrets(checked.inputs, news);

    if (!old) {
      rec.op = "create";
      return { op: "create", state: await this.create(rec, { urn, type, name, inputs, dependencies, options }, opts) };
    }

    // step_generator.go diffResource: Diff(olds = old OUTPUTS, news = new inputs).
    rec.calls.push("Diff");
    const d = await this.host.diff(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs), stripSecrets(inputs), opts.ignoreChanges);
    rec.diff = d;
    let changes = d.changes;
    if (changes === DIFF_UNKNOWN) {
      // DiffUnknown: the engine compares old inputs with new inputs itself (`__provider` text included).
      changes = isDeepStrictEqual(stripSecrets(old.inputs), stripSecrets(inputs)) ? DIFF_NONE : DIFF_SOME;
    }
    if (changes === DIFF_NONE) {
      // step.go SameStep.Apply: "Retain the ID and outputs"; the state takes the new inputs.
      const same = { ...old, inputs, dependencies };
      if (!opts.preview) this.state.set(same);
      return { op: rec.op === "import" ? "import" : "same", state: same };
    }

    if (d.replaces.length > 0) {
      rec.op = "replace";
      if (opts.preview) return { op: "replace", state: old };
      // step_generator.go: a replacement re-runs Check with no olds.
      rec.calls.push("Check(replacement)");
      const rc = await this.host.check(urn, {}, stripSecrets(news));
      if (rc.failures.length) throw new CheckFailedError(urn, rc.failures);
      const rInputs = annotateSecrets(rc.inputs, news);
      // The resource option wins over the provider's DiffResponse.deleteBeforeReplace.
      const deleteFirst = opts.deleteBeforeReplace ?? d.deleteBeforeReplace;
      if (deleteFirst) {
        rec.calls.push("Delete(old)");
        await this.host.delete(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs));
        this.state.delete(urn);
      }
      const created = await this.create(rec, { urn, type, name, inputs: rInputs, dependencies, options }, opts);
      if (!deleteFirst) {
        // The engine deletes the replaced object at the end of the deployment (DeleteReplaced); here: right away.
        rec.calls.push("Delete(old)");
        await this.host.delete(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs));
      }
      return { op: "replace", state: created };
    }

    rec.op = "update";
    if (opts.preview) return { op: "update", state: old }; // supportsPreview=false: Update is not called
    rec.calls.push("Update");
    const u = await this.host.update(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs), stripSecrets(inputs));
    // provider_plugin.go Update: annotateSecrets(outs, news), then additionalSecretOutputs.
    const outputs = markAdditionalSecretOutputs(annotateSecrets(u.properties, inputs), opts.additionalSecretOutputs);
    const updated = { ...old, inputs, outputs, dependencies, options };
    this.state.set(updated);
    return { op: "update", state: updated };
  }

  private async create(rec: StepRecord, base: Omit<ResourceState, "id" | "outputs">, opts: RegisterOptions): Promise<ResourceState> {
    if (opts.preview) {
      // supportsPreview=false: no Create during preview; the outputs are the (partly unknown) inputs, no id.
      return { ...base, id: "", outputs: base.inputs };
    }
    rec.calls.push("Create");
    const c = await this.host.create(base.urn, stripSecrets(base.inputs));
    // provider_plugin.go Create: "plugin returned empty resource.ID from create" (a non-string id arrives as "").
    if (!c.id) throw new Error(`provider returned an empty id from create of ${base.urn}`);
    // Results are unmarshalled with KeepSecrets: a provider may return new secrets itself; then annotateSecrets.
    const outputs = markAdditionalSecretOutputs(annotateSecrets(c.properties, base.inputs), opts.additionalSecretOutputs);
    const st: ResourceState = { ...base, id: c.id, outputs };
    this.state.set(st);
    return st;
  }

  /**
   * step.go RefreshStep.Apply: Read(id, state = old outputs, inputs = old inputs). An empty id means the object is
   * gone: it leaves the state. Outputs := read props; inputs := read.inputs ?? old inputs. The refresh display diff
   * is Diff(olds = refreshed outputs, news = OLD inputs), inverted for display (L1683-1716).
   */
  async refresh(urn: string, opts: { preview?: boolean } = {}) {
    const old = this.state.get(urn);
    if (!old) throw new Error(`no state for ${urn}`);
    const rec: StepRecord = { op: "refresh", urn, calls: ["Read"] };
    this.log.push(rec);
    const read = await this.host.read(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs));
    if (!read.id) {
      rec.op = "refresh-deleted";
      if (!opts.preview) this.state.delete(urn);
      return { deleted: true as const };
    }
    // provider_plugin.go Read: annotateSecrets on both.
    const inputs = read.inputs ? annotateSecrets(read.inputs, old.inputs) : old.inputs;
    const outputs = markAdditionalSecretOutputs(annotateSecrets(read.properties ?? {}, old.outputs), old.options?.additionalSecretOutputs);
    rec.calls.push("Diff(display)");
    const displayDiff = await this.host.diff(urn, read.id, stripSecrets(outputs), stripSecrets(inputs), stripSecrets(old.inputs));
    rec.diff = displayDiff;
    const st: ResourceState = { ...old, id: read.id, inputs, outputs };
    if (!opts.preview) this.state.set(st);
    return { deleted: false as const, state: st, drifted: displayDiff.changes === DIFF_SOME };
  }

  /** `pulumi refresh` over the whole stack. */
  async refreshAll(opts: { preview?: boolean } = {}) {
    const results = [];
    for (const r of this.state.list()) results.push({ urn: r.urn, ...(await this.refresh(r.urn, opts)) });
    return results;
  }

  /** step.go DeleteStep.Apply: Delete(id, properties = old OUTPUTS, old inputs); the stored `__provider` runs it. */
  async delete(urn: string): Promise<void> {
    const old = this.state.get(urn);
    if (!old) throw new Error(`no state for ${urn}`);
    this.log.push({ op: "delete", urn, calls: ["Delete"] });
    await this.host.delete(urn, old.id, stripSecrets(old.outputs), stripSecrets(old.inputs));
    this.state.delete(urn);
  }

  /** `pulumi destroy`: dependents first. */
  async destroyAll(): Promise<string[]> {
    const order = this.state.deleteOrder();
    for (const urn of order) await this.delete(urn);
    return order;
  }
}
