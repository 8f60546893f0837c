/**
 * Importing, as users write it, through the real Pulumi CLI against the real test cloud: objects made by hand with
 * the `openstack` CLI are taken over with the `import` resource option (the sdk turns it into adopt by id, since
 * Pulumi's own import cannot work with a dynamic provider), a second stack on the same backend only references
 * them with `get`, and `pulumi import` on the command line fails as the README says.
 */
import * as path from "path";
import { cloudCli } from "../lab/support/labWorld";
import { adminCloud } from "../support/cloud";
import { CliStack } from "../support/pulumiCli";

jest.setTimeout(300_000);

const cloud = adminCloud();
const cli = (...args: string[]): any => cloudCli.json(...args);
const quiet = (...args: string[]) => cloudCli.exists(...args);
const exists = (kind: string[], id: string) => cloudCli.exists(...kind, "show", id);

const PREFIX = `imp-${process.pid}`;
const CIDR = `10.${100 + (process.pid % 100)}.7.0/24`;
const secretConfig = { cloud: JSON.stringify(cloud) };
let byHand: { networkId: string; subnetId: string; groupId: string; routerId: string; createdAt: Record<string, string> };
let owner: CliStack;
const others: CliStack[] = [];

beforeAll(() => {
  const net = cli("network", "create", `${PREFIX}-net`);
  const sub = cli("subnet", "create", "--network", net.id, "--subnet-range", CIDR, `${PREFIX}-sub`);
  const sg = cli("security", "group", "create", "--description", "by hand", `${PREFIX}-sg`);
  const router = cli("router", "create", `${PREFIX}-router`);
  byHand = {
    networkId: net.id, subnetId: sub.id, groupId: sg.id, routerId: router.id,
    createdAt: { network: net.created_at, subnet: sub.created_at, group: sg.created_at, router: router.created_at },
  };
  owner = new CliStack({
    programDir: path.join(__dirname, "fixtures", "openstack-import"),
    config: { prefix: PREFIX, networkId: net.id, subnetId: sub.id, cidr: CIDR, groupId: sg.id, routerId: router.id, retainGroup: "true" },
    secretConfig,
  });
});

afterAll(async () => {
  try {
    await owner.run("destroy");
  } finally {
    quiet("router", "delete", byHand.routerId);
    quiet("security", "group", "delete", byHand.groupId);
    quiet("subnet", "delete", byHand.subnetId);
    quiet("network", "delete", byHand.networkId);
    for (const s of [owner, ...others]) s.dispose();
  }
});

const named = (kind: string[], name: string) => cli(...kind, "list").filter((x: any) => x.Name === name).map((x: any) => x.ID);

test("pulumi up with the import option takes the objects over: created in state, nothing created in Neutron", async () => {
  const up = await owner.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ network: "create", subnet: "create", group: "create", router: "create" });
  expect(up.outputs.ids).toEqual({
    networkId: byHand.networkId, subnetId: byHand.subnetId, subnetCidr: CIDR, groupId: byHand.groupId, routerId: byHand.routerId,
  });
  // still exactly the objects made by hand, and none re-made
  expect(named(["network"], `${PREFIX}-net`)).toEqual([byHand.networkId]);
  expect(named(["subnet"], `${PREFIX}-sub`)).toEqual([byHand.subnetId]);
  expect(named(["security", "group"], `${PREFIX}-sg`)).toEqual([byHand.groupId]);
  expect(named(["router"], `${PREFIX}-router`)).toEqual([byHand.routerId]);
  expect(cli("network", "show", byHand.networkId).created_at).toBe(byHand.createdAt.network);
  // the engine was sent no import id: the resources are ordinary creates, the plugin never had to Read without state
  expect(up.stdout).not.toMatch(/code must be a string/);
});

test("the next pulumi up is a no-op (--expect-no-changes), and so is preview --refresh", async () => {
  const up = await owner.run("up", { expectNoChanges: true });
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ network: "same", subnet: "same", group: "same", router: "same" });
  const refreshed = await owner.run("preview", { refresh: true, expectNoChanges: true });
  expect(refreshed.error).toBeNull();
  // with the import option taken out of the program again: still nothing to do
  const dropped = await owner.run("preview", { expectNoChanges: true }, { config: { dropImport: "true" } });
  expect(dropped.error).toBeNull();
  expect(dropped.ops()).toMatchObject({ network: "same" });
});

test("an in-place difference is reconciled on import (as adopt does): the group's description", async () => {
  quiet("security", "group", "set", "--description", "changed by hand", byHand.groupId);
  const up = await owner.run("up", { refresh: true }, { config: { groupDescription: "by pulumi" } });
  expect(up.error).toBeNull();
  expect(up.ops()).toMatchObject({ group: "update" });
  expect(cli("security", "group", "show", byHand.groupId).description).toBe("by pulumi");
});

test("importing with a field that would need a replacement is refused, naming the field, and changes nothing", async () => {
  const other = new CliStack({
    programDir: path.join(__dirname, "fixtures", "openstack-import"),
    config: { prefix: PREFIX, subnetId: byHand.subnetId, subnetNetworkId: byHand.networkId, cidr: "10.250.250.0/24" },
    secretConfig,
  });
  others.push(other);
  const up = await other.run("up");
  expect(up.ok).toBe(false);
  expect(up.stdout).toMatch(new RegExp(`adopt: ${byHand.subnetId} differs in cidr, which cannot change in place`));
  expect(cli("subnet", "show", byHand.subnetId).cidr).toBe(CIDR);
  expect(named(["subnet"], `${PREFIX}-sub`)).toEqual([byHand.subnetId]);
});

test("get in a second stack on the same backend reads the objects; that stack's destroy leaves them in place", async () => {
  const reader = new CliStack({
    programDir: path.join(__dirname, "fixtures", "openstack-get"),
    stateDir: owner.stateDir,
    config: { networkId: byHand.networkId, subnetId: byHand.subnetId, groupId: byHand.groupId },
    secretConfig,
  });
  others.push(reader);
  const up = await reader.run("up");
  expect(up.error).toBeNull();
  expect(up.ops()).toEqual({ network: "read", subnet: "read", group: "read" });
  expect(up.outputs).toMatchObject({ networkName: `${PREFIX}-net`, subnetCidr: CIDR, subnetNetworkId: byHand.networkId, groupName: `${PREFIX}-sg` });
  expect(reader.stateText()).not.toMatch(/"password"\s*:/); // the credentials the reads use stay secret in state
  const again = await reader.run("preview", { expectNoChanges: true });
  expect(again.error).toBeNull();
  const down = await reader.run("destroy");
  expect(down.error).toBeNull();
  expect(exists(["network"], byHand.networkId)).toBe(true);
  expect(exists(["subnet"], byHand.subnetId)).toBe(true);
  expect(exists(["security", "group"], byHand.groupId)).toBe(true);
});

test("Pulumi's own import (the option passed to the engine, not turned into adopt) fails as pulumi/pulumi#16175 says", async () => {
  // `pulumi import <type> <name> <id>` on the command line makes the same request (README: "Adopt instead of import").
  const raw = new CliStack({
    programDir: path.join(__dirname, "fixtures", "raw-import"),
    config: { name: `${PREFIX}-net`, networkId: byHand.networkId },
    secretConfig,
  });
  others.push(raw);
  const up = await raw.run("up");
  expect(up.ok).toBe(false);
  expect(up.stdout).toMatch(/code must be a string, not undefined/);
  expect(exists(["network"], byHand.networkId)).toBe(true);
});

test("pulumi destroy deletes the imported objects, except the one with retainOnDelete", async () => {
  const down = await owner.run("destroy");
  expect(down.error).toBeNull();
  expect(exists(["router"], byHand.routerId)).toBe(false);
  expect(exists(["subnet"], byHand.subnetId)).toBe(false);
  expect(exists(["network"], byHand.networkId)).toBe(false);
  expect(exists(["security", "group"], byHand.groupId)).toBe(true);
});
