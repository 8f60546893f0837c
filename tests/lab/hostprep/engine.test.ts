/**
 * lab.HostPrep through the REAL dynamic-provider plugin (gRPC, tests/harness) against the sshd guest: create,
 * no-op second `up` (no Create/Update, no mutating command), drift on refresh naming disableFirewalld, and the
 * next `up` updating only firewalld. Runs against bin/ (build first: npx tsc -p tsconfig.json).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DynamicProviderHost } from "../../harness/dynamicProviderHost";
import { MiniEngine } from "../../harness/miniEngine";
import { serializeInChild } from "../../harness/serializeInChild";
import { isSecret, secret } from "../../harness/wire";
import { describeCalls, isMutating, PrepGuest, startPrepGuest } from "./guest";

const ROOT = path.resolve(__dirname, "../../..");
const REGISTRY = path.join(ROOT, "bin", "sdk", "providers.js");
const T = "pulumi-nodejs:dynamic/lab:HostPrep";

let dir: string;
let host: DynamicProviderHost;
let engine: MiniEngine;
let shim: string;
let g: PrepGuest;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostprep-engine-"));
  const program = path.join(dir, "program");
  fs.mkdirSync(path.join(program, "node_modules"), { recursive: true });
  fs.symlinkSync(ROOT, path.join(program, "node_modules", "pulumi-openstack-lab"), "dir");
  const found = serializeInChild(REGISTRY, "providers.*").find((r) => r.key === "lab.HostPrep");
  expect(found?.ok).toBe(true);
  shim = found!.text!;
  g = await startPrepGuest();
  host = await DynamicProviderHost.start({ cwd: program, project: "proj" });
  await host.configure({});
  engine = new MiniEngine(host);
});
afterAll(async () => {
  await host?.stop();
  await g?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const goal = () => ({
  __provider: shim,
  connection: secret({ host: "127.0.0.1", port: g.port, user: "root", privateKey: g.guest.privateKey }),
  hostname: "openstack.lab",
});

test("create -> no-op up -> drift on refresh -> up fixes only firewalld", async () => {
  const created = await engine.register(T, "prep", goal());
  expect(created.op).toBe("create");
  expect(created.state.outputs.items).toMatchObject({ firewalld: "inactive (disabled)", selinux: "permissive (config: disabled)" });
  expect(isSecret(created.state.outputs.connection)).toBe(true);
  expect(g.guest.state().services.firewalld.active).toBe(false);

  const callsBefore = g.guest.calls().length;
  const same = await engine.register(T, "prep", goal());
  expect(same.op).toBe("same");
  expect(g.guest.calls().length).toBe(callsBefore); // Diff alone decides: nothing even connects

  g.guest.setState({ services: { firewalld: { active: true, enabled: "enabled" } } });
  const refreshed = await engine.refresh(created.state.urn);
  expect(refreshed.deleted).toBe(false);
  expect(refreshed.drifted).toBe(true);
  const outs = refreshed.deleted ? {} : refreshed.state.outputs;
  expect(outs).toMatchObject({ disableFirewalld: false, drift: ["firewalld is active again"] });

  const before = g.guest.calls().length;
  const fixed = await engine.register(T, "prep", goal());
  expect(fixed.op).toBe("update");
  expect(describeCalls(g.guest.calls().slice(before).filter(isMutating))).toEqual(["systemctl disable --now firewalld"]);
  expect(fixed.state.outputs).toMatchObject({ disableFirewalld: true, drift: [] });
});
