/**
 * The `import` resource option and the static `get` on every resource class, as the SDK sends them to the engine
 * (pulumi.runtime.setMocks; tests/harness/programCapture.ts records the RegisterResource requests): `import` becomes
 * the library's own adopt in the inputs and never reaches the engine as an import id (Pulumi's import cannot work
 * with a dynamic provider, pulumi/pulumi#16175); `get` is a read of the id with the given state, secrets kept.
 */
import * as pulumi from "@pulumi/pulumi";
import { lab, openstack, providers, virtualbox } from "../..";
import { MODULES } from "../checks/controllers";
import { installRecordingMocks, Recorder, valueOf } from "../harness/programCapture";

type AnyClass = { new (name: string, args: any, opts?: pulumi.CustomResourceOptions): pulumi.CustomResource; get(name: string, id: string, state?: any, opts?: pulumi.CustomResourceOptions): pulumi.CustomResource };

const CLASSES: Record<keyof typeof providers, AnyClass> = {
  "openstack.Network": openstack.Network,
  "openstack.Subnet": openstack.Subnet,
  "openstack.SecurityGroup": openstack.SecurityGroup,
  "openstack.SecurityGroupRule": openstack.SecurityGroupRule,
  "openstack.SecurityGroupRuleSet": openstack.SecurityGroupRuleSet,
  "openstack.Router": openstack.Router,
  "openstack.RouterInterface": openstack.RouterInterface,
  "openstack.FloatingIp": openstack.FloatingIp,
  "openstack.Keypair": openstack.Keypair,
  "openstack.Flavor": openstack.Flavor,
  "openstack.Image": openstack.Image,
  "openstack.Server": openstack.Server,
  "virtualbox.NatNetwork": virtualbox.NatNetwork,
  "virtualbox.VirtualMachine": virtualbox.VirtualMachine,
  "virtualbox.Snapshot": virtualbox.Snapshot,
  "lab.HostPrep": lab.HostPrep,
  "lab.PackstackInstall": lab.PackstackInstall,
};
/** What `import` adds to the inputs where it is not adopt by id (see IMPORT_AS in sdk/resource.ts). */
const NOT_BY_ID: Record<string, unknown> = { "lab.HostPrep": undefined, "lab.PackstackInstall": {} };

const reads: Array<{ type: string; name: string; id: string; inputs: any }> = [];
let rec: Recorder;
beforeAll(async () => {
  rec = await installRecordingMocks({
    newResource: (a) => {
      if (a.id !== undefined && a.id !== "") reads.push({ type: a.type, name: a.name, id: a.id, inputs: a.inputs });
      return { id: a.id || `${a.name}-id`, state: a.inputs };
    },
    call: () => ({}),
  });
});

test("every sdk class is in the list (a new class must be checked too)", () => {
  expect(Object.keys(CLASSES).sort()).toEqual(Object.keys(providers).sort());
});

describe.each(Object.keys(CLASSES))("%s", (key) => {
  const cls = CLASSES[key as keyof typeof CLASSES];
  const name = `imp-${key.replace(".", "-")}`;

  test("the import option becomes adopt in the inputs, and no import id is sent to the engine", async () => {
    const r = new cls(name, { description: "kept" }, { import: "0d4c-imported-id", protect: false });
    await valueOf(r.urn);
    const reg = reg0(rec, name);
    expect(reg.importId).toBe("");
    expect(reg.inputs.description).toBe("kept");
    expect(reg.inputs.adopt).toEqual(key in NOT_BY_ID ? NOT_BY_ID[key] : { id: "0d4c-imported-id" });
    expect(reg.type).toMatch(new RegExp(`${key.split(".")[1]}$`));
  });

  test("the provider accepts that adopt (check names no adopt failure) and can find the object", async () => {
    const adopt = key in NOT_BY_ID ? NOT_BY_ID[key] : { id: "0d4c-imported-id" };
    const { provider, controller } = MODULES[key];
    const res = await provider.check({}, adopt === undefined ? {} : { adopt });
    expect((res.failures ?? []).filter((f: any) => f.property.startsWith("adopt"))).toEqual([]);
    if (adopt !== undefined) expect(typeof controller.find === "function" || key === "lab.PackstackInstall").toBe(true);
  });

  test("import and adopt together are refused", () => {
    expect(() => new cls(`${name}-both`, { adopt: { name: "x" } }, { import: "y" })).toThrow(/either the import option or adopt/);
  });

  test("without import nothing is added", async () => {
    const r = new cls(`${name}-plain`, { description: "d" });
    await valueOf(r.urn);
    expect(reg0(rec, `${name}-plain`).inputs.adopt).toBeUndefined();
  });

  test("get reads the id with the given state, the credentials kept secret", async () => {
    const state = key.startsWith("openstack.")
      ? { cloud: { authUrl: "http://k:5000/v3", username: "u", password: "get-pw", projectName: "p" } }
      : key.startsWith("virtualbox.") ? { vboxManagePath: "/opt/vbox/VBoxManage" } : { connection: { host: "10.0.0.5", user: "root", privateKey: "get-key" } };
    const r = cls.get(`${name}-get`, "existing-id", state);
    expect(await valueOf(r.id)).toBe("existing-id");
    const read = reads.find((x) => x.name === `${name}-get`)!;
    expect(read.id).toBe("existing-id");
    expect(rec.registrations.find((x) => x.name === `${name}-get`)).toBeUndefined(); // a read, not a registration
    const secret = (v: any) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: v });
    if ("cloud" in state) expect(read.inputs.cloud).toEqual(secret(state.cloud));
    else if ("vboxManagePath" in state) expect(read.inputs.vboxManagePath).toBe("/opt/vbox/VBoxManage");
    else expect(read.inputs.connection).toEqual(secret(state.connection));
  });
});

function reg0(r: Recorder, name: string) {
  const found = [...r.registrations].reverse().find((x) => x.name === name);
  if (!found) throw new Error(`no registration for ${name}`);
  return found;
}
