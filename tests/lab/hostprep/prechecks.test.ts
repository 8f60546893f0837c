/**
 * Prechecks run before any change: each failure is ONE line naming the problem and its fix, all failures come
 * together, and a failed precheck leaves the guest untouched (no mutating command, no file written).
 */
import * as fs from "fs";
import { provider } from "../../../provider/lab/hostprep/controller";
import { GuestState } from "../../support/guest";
import { describeCalls, isMutating, PrepGuest, startPrepGuest } from "./guest";
import { inputsFor } from "./inputs";

const STREAM10 = 'NAME="CentOS Stream"\nVERSION="10 (Coughlan)"\nID="centos"\nVERSION_ID="10"\nPRETTY_NAME="CentOS Stream 10 (Coughlan)"\n';
const fakeLoader = (levels: string) => `#!/bin/sh\necho "Usage: ld.so [OPTION]... EXECUTABLE-FILE [ARGS-FOR-PROGRAM...]"\necho "Subdirectories of glibc-hwcaps directories, in priority order:"\nprintf '%s\\n' ${levels}\n`;
const V2_ONLY = fakeLoader(`"  x86-64-v4" "  x86-64-v3" "  x86-64-v2 (supported, searched)"`);
const V3 = fakeLoader(`"  x86-64-v4" "  x86-64-v3 (supported, searched)" "  x86-64-v2 (supported, searched)"`);

describe("lab.HostPrep prechecks", () => {
  let g: PrepGuest;
  let pristine: GuestState;
  const files: Record<string, string> = {};
  const GUEST_FILES = ["/etc/os-release", "/etc/nsswitch.conf"];

  beforeAll(async () => {
    g = await startPrepGuest();
    pristine = g.guest.state();
    for (const f of GUEST_FILES) files[f] = g.guest.readFile(f)!;
  });
  afterAll(async () => g?.stop());
  afterEach(async () => {
    g.guest.setState((s) => Object.assign(s, JSON.parse(JSON.stringify(pristine)), { listenerPid: s.listenerPid }));
    for (const f of GUEST_FILES) fs.writeFileSync(g.guest.hostPath(f), files[f]);
    if (fs.existsSync(g.guest.hostPath("/usr/local/sbin/ld.so"))) {
      fs.rmSync(g.guest.hostPath("/usr/local/sbin/ld.so"));
      await g.guest.restart(); // a fresh overlay mount, which sees the upper dir as it is now
    }
  });

  /** A fake glibc loader first on the guest's PATH (the guest restarts so its /usr overlay sees it). */
  async function cpuLevels(loader: string): Promise<void> {
    fs.writeFileSync(g.guest.hostPath("/etc/os-release"), STREAM10);
    g.writeUsr("local/sbin/ld.so", loader);
    await g.guest.restart();
  }

  /** Runs create; expects it to fail on prechecks without changing anything; returns the failure lines. */
  async function failedLines(extra: Record<string, unknown> = {}): Promise<string[]> {
    const checked = await provider.check({}, inputsFor(g, extra));
    expect(checked.failures).toBeUndefined();
    const callsBefore = g.guest.calls().length;
    const err = (await provider.create(checked.inputs).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain("prechecks failed on root@127.0.0.1");
    expect(err.message).toContain("nothing was changed");
    expect(describeCalls(g.guest.calls().slice(callsBefore).filter(isMutating))).toEqual([]);
    expect(g.guest.readFile("/etc/sysconfig/network-scripts/ifcfg-enp0s3")).toBeNull();
    return err.message.split("\n").filter((l: string) => l.startsWith("  - ")).map((l: string) => l.slice(4));
  }

  const cases: Array<[string, (g: PrepGuest) => unknown, Record<string, unknown>, RegExp]> = [
    ["RAM 4 GiB", (p) => p.guest.setState({ memoryMb: 4096 }), {}, /^RAM is 4\.0 GiB; Packstack all-in-one needs at least 8 GiB: .*--memory 16384/],
    ["1 vCPU", (p) => p.guest.setState({ cpus: 1 }), {}, /^1 vCPU; Packstack needs at least 2: .*--cpus/],
    ["disk 20 GB", (p) => p.guest.setState({ disks: { "/": { sizeGb: 20, usedGb: 3 } } }), {}, /^only 17 GB free on \/; Packstack needs at least 40 GB: grow the VM's disk/],
    ["missing interface", () => undefined, { interface: "enp0s8" }, /^interface enp0s8 does not exist \(found: enp0s3\): set `interface` to the VM's NAT Network adapter$/],
    ["gateway down", (p) => p.guest.setState({ reachable: ["10.0.2.15", "127.0.0.1"] }), {}, /^gateway 10\.0\.2\.1 does not answer ping: attach the VM's adapter to the NAT Network/],
    ["EOL mirror", (p) => p.guest.setState({ mirror: "eol" }), {}, /^CentOS mirror is EOL: Failed to download metadata for repo 'baseos': Cannot prepare internal mirrorlist: No URLs in mirrorlist\. .*use a current CentOS Stream 9 image/],
    [
      "Stream 10 on an x86-64-v2 CPU",
      () => cpuLevels(V2_ONLY),
      {},
      /^OS is CentOS Stream 10 \(Coughlan\) on a CPU without x86-64-v3 \(Stream 10 needs x86-64-v3; this CPU is x86-64-v2\), and Packstack Zed needs CentOS Stream 9: reinstall the VM from a CentOS Stream 9 image$/,
    ],
    [
      "Stream 10 on an x86-64-v3 CPU",
      () => cpuLevels(V3),
      {},
      /^OS is CentOS Stream 10 \(Coughlan\), but Packstack Zed needs CentOS Stream 9: reinstall/,
    ],
    [
      "hostname unresolvable (resolver ignores /etc/hosts)",
      (p) => fs.writeFileSync(p.guest.hostPath("/etc/nsswitch.conf"), files["/etc/nsswitch.conf"].replace(/^hosts:.*$/m, "hosts:          dns")),
      {},
      /^hostname openstack\.lab cannot resolve: \/etc\/nsswitch\.conf has "hosts: dns" without "files", so \/etc\/hosts is ignored: put "files" first/,
    ],
  ];

  test.each(cases)("%s: one line with the fix, nothing changed", async (_what, arrange, extra, line) => {
    await arrange(g);
    const lines = await failedLines(extra);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it("reports every failure together, in one error", async () => {
    g.guest.setState({ memoryMb: 4096, cpus: 1, mirror: "eol", disks: { "/": { sizeGb: 20, usedGb: 3 } } });
    const lines = await failedLines({ interface: "eth9" });
    expect(lines.map((l) => l.split(/[;:(]/)[0])).toEqual(["RAM is 4.0 GiB", "1 vCPU", "only 17 GB free on /", "interface eth9 does not exist ", "CentOS mirror is EOL"]);
  });

  it("8 GiB of RAM passes with a warning in the `warnings` output", async () => {
    g.guest.setState({ memoryMb: 8192 });
    const checked = await provider.check({}, inputsFor(g));
    const res = await provider.create(checked.inputs);
    expect(res.outs.warnings).toEqual([expect.stringMatching(/^RAM is 8\.0 GiB; 16 GiB is recommended/)]);
    expect(res.outs.drift).toEqual([]);
  });
});
