/**
 * lab.PackstackInstall through the real dynamic-provider plugin (from bin/) and the engine's rules: create, a
 * second up that is "same", a stopped service seen by refresh as drift of `healthy`, the up that repairs it
 * without Packstack, and secrets kept secret in state.
 */
import * as path from "path";
import { DynamicProviderHost } from "../../harness/dynamicProviderHost";
import { MiniEngine } from "../../harness/miniEngine";
import { serializeInChild } from "../../harness/serializeInChild";
import { isSecret, secret, stripSecrets } from "../../harness/wire";
import { adminCloud } from "../../support/cloud";
import { Guest } from "../../support/guest";
import { passwords, preparedGuest, removeRunLogs } from "./helpers";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../../..");
const T = "pulumi-nodejs:dynamic/lab:PackstackInstall";
let guest: Guest;
let host: DynamicProviderHost;
let engine: MiniEngine;
let provider: string;

beforeAll(async () => {
  const [r] = serializeInChild(path.join(ROOT, "bin", "sdk", "providers.js"), "providers.*").filter((x) => x.key === "lab.PackstackInstall");
  if (!r.ok) throw new Error(r.error);
  provider = r.text!;
  guest = await preparedGuest({ packstack: { durationMs: 800 } });
  host = await DynamicProviderHost.start({ cwd: ROOT, project: "proj", env: { OSLAB_PACKSTACK_POLL_SECONDS: "0.2" } });
  await host.configure({});
  engine = new MiniEngine(host);
});
afterAll(async () => {
  const ids = host ? [...new Set([...host.outputText().matchAll(/run (\d{8}-\d{6}-[a-z0-9]+)/g)].map((m) => m[1]))] : [];
  removeRunLogs(ids);
  await host?.stop();
  await guest?.stop();
});

const goal = () => ({
  __provider: provider,
  connection: secret({ host: guest.host, port: guest.port, user: "root", privateKey: guest.privateKey }),
  adminPassword: secret(adminCloud().password),
});
const secretOutputs = { additionalSecretOutputs: ["keystonerc", "answerFile"] };

test("create -> same -> refresh sees a stopped service -> up repairs it without Packstack", async () => {
  const c = await engine.register(T, "packstack", goal(), secretOutputs);
  expect(c.op).toBe("create");
  const o = c.state.outputs;
  for (const k of ["answerFile", "keystonerc", "adminPassword", "connection"]) expect(isSecret(o[k])).toBe(true);
  expect(stripSecrets(o)).toMatchObject({ healthy: true, runs: 1, dashboardUrl: "http://10.0.2.15/dashboard" });
  const generated = Object.values(passwords(stripSecrets(o.answerFile) as string)).filter((p) => p !== adminCloud().password);
  for (const pw of generated) expect(host.outputText()).not.toContain(pw);
  expect(host.outputText()).toContain("Applying 10.0.2.15_controller.pp");

  expect((await engine.register(T, "packstack", goal(), secretOutputs)).op).toBe("same");
  expect(guest.state().packstack.runs).toBe(1);

  guest.setState({ services: { mariadb: { active: false } } });
  const r = await engine.refresh(c.state.urn);
  expect(r.deleted).toBe(false);
  if (r.deleted) return;
  expect(r.drifted).toBe(true);
  expect(stripSecrets(r.state.outputs)).toMatchObject({ healthy: false, problems: [expect.stringContaining("service mariadb is not active")] });

  const u = await engine.register(T, "packstack", goal(), secretOutputs);
  expect(u.op).toBe("update");
  expect(stripSecrets(u.state.outputs)).toMatchObject({ healthy: true, problems: [], runs: 1 });
  expect(guest.state().services.mariadb.active).toBe(true);
  expect(guest.state().packstack.runs).toBe(1);
  expect(isSecret(u.state.outputs.answerFile)).toBe(true);
});
