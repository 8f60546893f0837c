/**
 * Runs a Pulumi program under pulumi.runtime.setMocks and records every RegisterResource request the SDK sends
 * (what the engine would receive): type, name, inputs (with the serialized `__provider` of dynamic resources, and
 * secrets in wire form), parent, dependsOn, property dependencies and options. MockResourceArgs carries none of
 * the options, so the monitor's registerResource is wrapped: `registrationFor(args)` gives the request behind a
 * newResource call.
 */
import * as pulumi from "@pulumi/pulumi";

export interface Registration {
  type: string;
  name: string;
  /** Filled once the mock answered. */
  urn: string;
  custom: boolean;
  parent: string;
  inputs: Record<string, any>;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  importId: string;
  ignoreChanges: string[];
  additionalSecretOutputs: string[];
  deleteBeforeReplace: boolean;
  customTimeouts?: { create?: string; update?: string; delete?: string };
}

export interface Recorder {
  registrations: Registration[];
  /** The request behind a newResource call (same type and name, registered most recently). */
  registrationFor(args: { type: string; name: string }): Registration | undefined;
}

function toRegistration(req: any): Registration {
  const pd: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((v: any, k: string) => (pd[k] = v.getUrnsList()));
  const ct = req.getCustomtimeouts?.();
  return {
    type: req.getType(),
    name: req.getName(),
    urn: "",
    custom: req.getCustom(),
    parent: req.getParent(),
    inputs: pulumi.runtime.deserializeProperties(req.getObject()),
    dependencies: req.getDependenciesList(),
    propertyDependencies: pd,
    importId: req.getImportid(),
    ignoreChanges: req.getIgnorechangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    deleteBeforeReplace: req.getDeletebeforereplace(),
    customTimeouts: ct ? { create: ct.getCreate(), update: ct.getUpdate(), delete: ct.getDelete() } : undefined,
  };
}

export async function installRecordingMocks(mocks: pulumi.runtime.Mocks, project = "proj", stack = "dev", preview = false): Promise<Recorder> {
  await pulumi.runtime.setMocks(mocks, project, stack, preview);
  const monitor: any = pulumi.runtime.getMonitor(); // the MockMonitor setMocks installed
  const registrations: Registration[] = [];
  const orig = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req: any, cb: (err: any, resp: any) => void) => {
    const reg = toRegistration(req);
    registrations.push(reg);
    return orig(req, (err: any, resp: any) => {
      if (!err) reg.urn = resp.getUrn();
      cb(err, resp);
    });
  };
  return {
    registrations,
    registrationFor: (args) => [...registrations].reverse().find((r) => r.type === args.type && r.name === args.name),
  };
}

/** An Output's value, known or not (unknown values resolve to undefined), with its secretness. */
export async function settle<T>(o: pulumi.Input<T>): Promise<{ value: T | undefined; known: boolean; secret: boolean }> {
  const out: any = pulumi.output(o);
  const [value, known, secret] = await Promise.all([out.promise(), out.isKnown, out.isSecret]);
  return { value, known, secret };
}

export async function valueOf<T>(o: pulumi.Input<T>): Promise<T> {
  return (await settle(o)).value as T;
}
