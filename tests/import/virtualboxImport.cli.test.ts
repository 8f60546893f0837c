/**
 * The `import` option and `get` on a VirtualBox resource through the real Pulumi CLI, with the VBoxManage
 * stand-in: a NAT Network made by hand with VBoxManage is imported (no `natnetwork add`), the next up is a no-op,
 * a second stack on the same backend references it with `get` and its destroy leaves it, the owner's destroy
 * removes it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CliStack } from "../support/pulumiCli";
import { STANDIN, STANDIN_DIR } from "../virtualbox/standin";

jest.setTimeout(180_000);

const PROGRAM = path.join(__dirname, "fixtures", "natnetwork");
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "imp-vbox-"));
const env = { PATH: `${STANDIN_DIR}${path.delimiter}${process.env.PATH}`, VBOX_STANDIN_STATE: stateDir, HOME: stateDir };
const vbox = (...args: string[]) => execFileSync(STANDIN, args, { env: { ...process.env, ...env }, encoding: "utf8" });
const calls = (): string[][] => {
  const log = path.join(stateDir, "calls.log");
  return fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : [];
};
const changing = (from: number) => calls().slice(from).filter((a) => a[0] === "natnetwork" && a[1] !== "list");
const exists = () => vbox("natnetwork", "list", "imported").includes("imported");

let owner: CliStack;
let reader: CliStack;
beforeAll(() => {
  vbox("natnetwork", "add", "--netname", "imported", "--network", "10.0.9.0/24", "--enable", "--dhcp", "off");
  owner = new CliStack({ programDir: PROGRAM, config: { mode: "import", name: "imported", cidr: "10.0.9.0/24" }, env });
  reader = new CliStack({ programDir: PROGRAM, stack: "reader", stateDir: owner.stateDir, config: { mode: "get", name: "imported" }, env });
});
afterAll(() => {
  owner.dispose();
  reader.dispose();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test("import: created in state, no natnetwork add or modify; the next up --expect-no-changes passes", async () => {
  const before = calls().length;
  const up = await owner.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ natnet: "create" });
  expect(up.outputs.cidr).toBe("10.0.9.0/24");
  expect(changing(before)).toEqual([]);
  const again = await owner.run("up", { expectNoChanges: true });
  expect(again.error).toBeNull();
  expect(changing(before)).toEqual([]);
});

test("get in a second stack reads it; that stack's destroy leaves it", async () => {
  const up = await reader.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ natnet: "read" });
  expect(up.outputs.cidr).toBe("10.0.9.0/24");
  const down = await reader.run("destroy");
  expect(down.error).toBeNull();
  expect(exists()).toBe(true);
});

test("the owner's destroy removes the imported NAT Network", async () => {
  const down = await owner.run("destroy");
  expect(down.error).toBeNull();
  expect(exists()).toBe(false);
});
