/**
 * Unattended CentOS Stream 9: our kickstart through --script-template, inst.ks= (never the legacy ks=), password
 * only in a temp file, readiness = an SSH banner on the forwarded port (a tiny TCP server here), then the ISOs
 * detached and the VM booting from disk.
 */
import * as fs from "fs";
import * as path from "path";
import { provider } from "../../provider/virtualbox/virtualmachine/controller";
import { captureStdout, checked, fakeSshd } from "./helpers";
import { StandIn, useStandIn, verb } from "./standin";

let standin: StandIn;
let sshd: Awaited<ReturnType<typeof fakeSshd>>;
let ISO: string;
beforeEach(async () => {
  standin = useStandIn();
  sshd = await fakeSshd();
  ISO = path.join(standin.stateDir, "CentOS-Stream-9-latest-x86_64-dvd1.iso");
  fs.writeFileSync(ISO, "not really an ISO");
});
afterEach(async () => {
  standin.restore();
  await sshd.close();
});

const PASSWORD = "r00t-Pa55-never-shown";
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0a2V5dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA lab@host";

const raw = (extra: Record<string, unknown> = {}) => ({
  name: "centos-lab",
  memoryMb: 8192,
  disk: { sizeMb: 65536 },
  nics: [{ type: "natnetwork", natNetwork: "labnet", promiscuous: "allow-all" }],
  installerIso: ISO,
  unattended: { rootPassword: PASSWORD, sshPublicKey: KEY, hostname: "openstack.lab.local" },
  readiness: { host: "127.0.0.1", port: sshd.port },
  ...extra,
});

function optionValue(argv: string[], name: string): string | undefined {
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

test("unattended install: our kickstart, inst.ks=, SSH banner readiness, ISOs detached, disk first", async () => {
  const inputs = await checked(provider, raw());
  const { result, lines } = await captureStdout(() => provider.create(inputs));
  const { id, outs } = result;
  const calls = standin.calls();
  const install = calls.find((c) => verb(c) === "unattended install")!;
  expect(install).toBeDefined();
  expect(install.argv[2]).toBe(id);
  expect(optionValue(install.argv, "--iso")).toBe(ISO);

  // Kernel parameters: EL9's inst.ks=, never the legacy ks=.
  const kernel = optionValue(install.argv, "--extra-install-kernel-parameters")!;
  expect(kernel).toMatch(/(^| )inst\.ks=cdrom:\/ks\.cfg( |$)/);
  expect(kernel.split(" ").filter((a) => a.startsWith("ks="))).toEqual([]);

  // The template: static IP from the inputs' defaults, root's key, sshd; the password only as a SHA-512 crypt hash.
  const template = fs.readFileSync(optionValue(install.argv, "--script-template")!, "utf8");
  expect(template).toMatch(/^network .*--bootproto=static .*--ip=10\.0\.2\.15 --netmask=255\.255\.255\.0 --gateway=10\.0\.2\.1 --nameserver=10\.0\.2\.1 --hostname=openstack\.lab\.local/m);
  expect(template).toContain(`sshkey --username=root "${KEY}"`);
  expect(template).toMatch(/^services --enabled=sshd$/m);
  expect(template).toMatch(/^rootpw --iscrypted \$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/m);
  expect(template).toMatch(/^@\^minimal-environment$/m);
  expect(template).not.toContain(PASSWORD);

  // The password never appears on a command line, in calls.log or in progress output; VirtualBox is not given it.
  expect(JSON.stringify(calls)).not.toContain(PASSWORD);
  expect(lines.join("\n")).not.toContain(PASSWORD);
  expect(install.argv.some((a) => a.startsWith("--password"))).toBe(false);

  // Order: install configured -> boot order disk first -> start -> readiness -> ISOs detached.
  const order = calls.map((c, i) => ({ v: verb(c), a: c.argv, i }));
  const iInstall = order.find((c) => c.v === "unattended install")!.i;
  const iBoot = order.find((c) => c.v === "modifyvm" && c.i > iInstall)!;
  expect(iBoot.a).toEqual(["modifyvm", id, "--boot1", "disk", "--boot2", "dvd", "--boot3", "none", "--boot4", "none"]);
  const iStart = order.find((c) => c.v === "startvm")!.i;
  expect(iStart).toBeGreaterThan(iBoot.i);
  const detaches = order.filter((c) => c.v === "storageattach" && c.i > iStart);
  expect(detaches.length).toBeGreaterThan(0);
  for (const d of detaches) expect(optionValue(d.a, "--medium")).toBe("emptydrive");
  expect(sshd.connections()).toBeGreaterThan(0);
  expect(lines.join("\n")).toMatch(/SSH is up on 127\.0\.0\.1:\d+ \(SSH-2\.0-OpenSSH_8\.7 standin\)/);

  // Live: no ISO left in any drive, disk first, running.
  const info = standin.vbox("showvminfo", id, "--machinereadable");
  expect(info).not.toMatch(/\.iso"/i);
  expect(info).toMatch(/^boot1="disk"$/m);
  expect(outs).toMatchObject({ state: "running", bootOrder: ["disk", "dvd"] });
});

test("unattended is a secret in state and replacing it replaces the VM", async () => {
  const inputs = await checked(provider, raw());
  const { id, outs } = await provider.create(inputs);
  expect(JSON.stringify(outs.unattended)).toContain("4dabf18193072939515e22adb298388d");
  const news = await checked(provider, raw({ unattended: { rootPassword: "another-Pa55word", sshPublicKey: KEY, hostname: "openstack.lab.local" } }));
  expect(await provider.diff(id, outs, news)).toMatchObject({ replaces: ["unattended"], deleteBeforeReplace: true });
});

test("readiness that never comes fails at the timeout, naming the port and leaving the VM for inspection", async () => {
  await sshd.close();
  const closedPort = sshd.port;
  sshd = await fakeSshd(); // keep afterEach happy
  const inputs = await checked(provider, raw({ readiness: { host: "127.0.0.1", port: closedPort, timeoutSeconds: 1 } }));
  const err = await provider.create(inputs).catch((e) => e);
  expect(err.message).toMatch(new RegExp(`no SSH banner on 127\\.0\\.0\\.1:${closedPort}`));
  expect(err.message).toMatch(/adopt: \{ id: "[0-9a-f-]{36}" \}/);
  expect(err.message).not.toContain(PASSWORD);
});
