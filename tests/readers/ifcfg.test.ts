/**
 * The ifcfg files lab.HostPrep (ifcfg-<interface>) and lab.PackstackInstall (ifcfg-br-ex, ifcfg-<interface> as an
 * OVS port) write, read the way network-scripts reads them: ifup/ifdown source the file with bash
 * (initscripts network-functions, source_config). Here the real bash sources each file in an empty environment and
 * prints every variable; for every input check() accepts, the values are exactly the ones meant. Pure unit test.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as fc from "fast-check";
import { provider as hostPrep } from "../../provider/lab/hostprep/controller";
import { ifcfgContent } from "../../provider/lab/hostprep/items/staticIp";
import type { HostPrepInputs } from "../../provider/lab/hostprep/types";
import { provider as packstack } from "../../provider/lab/packstack/controller";
import { bridgeIfcfg, ifcfgValue, portIfcfg } from "../../provider/lab/packstack/bridge";
import type { PackstackInputs } from "../../provider/lab/packstack/types";
import { checkWith } from "./helpers";

const connection = { host: "127.0.0.1", port: 2222, user: "root", password: "Conn-passw0rd", hostKeyFingerprint: "SHA256:" + "A".repeat(43) };
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "readers-ifcfg-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every variable an ifcfg file sets, as bash sees it after `. file`. */
function sourced(text: string): Record<string, string> {
  const file = path.join(dir, "ifcfg-test");
  fs.writeFileSync(file, text);
  const script = 'set -e; before=$(compgen -v); . "$1"; for v in $(compgen -v); do case " $(echo $before) " in *" $v "*) ;; *) [ "$v" = before ] || printf "%s=%s\\0" "$v" "${!v}";; esac; done';
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", script, "_", file], { env: {}, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bash could not source it: ${r.stderr}`);
  return Object.fromEntries(r.stdout.split("\0").filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
}

const accepted = { hostPrep: 0, packstack: 0 };
afterAll(() => expect(accepted.hostPrep > 0 && accepted.packstack > 0).toBe(true));
const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((o) => o.join("."));
const ifname = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/);

test("ifcfgValue: bash gives back any value", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 20 }).filter((s) => !s.includes("\0")), (v) => {
      expect(sourced(`X=${ifcfgValue(v)}\n`).X).toBe(v);
    }),
    { numRuns: 40 },
  );
});

test("HostPrep's ifcfg-<interface>: every accepted input reads back exactly", async () => {
  await fc.assert(
    fc.asyncProperty(ifname, fc.integer({ min: 8, max: 30 }), fc.array(ipv4, { minLength: 1, maxLength: 3 }), async (iface, prefix, dns) => {
      const c = await checkWith<HostPrepInputs>(hostPrep, { connection, interface: iface, staticIp: `10.0.2.15/${prefix}`, gateway: "10.0.2.1", dns });
      if (!c.ok) return;
      accepted.hostPrep++;
      const v = sourced(ifcfgContent(c.inputs));
      expect(v).toMatchObject({ DEVICE: iface, NAME: iface, BOOTPROTO: "none", ONBOOT: "yes", IPADDR: "10.0.2.15", PREFIX: String(prefix), GATEWAY: "10.0.2.1" });
      expect(dns.map((_, i) => v[`DNS${i + 1}`])).toEqual(dns);
    }),
    { numRuns: 25 },
  );
});

test("PackstackInstall's ifcfg-<bridge> and ifcfg-<interface>: every accepted input reads back exactly", async () => {
  await fc.assert(
    fc.asyncProperty(ifname, ifname, fc.array(ipv4, { minLength: 1, maxLength: 3 }), async (iface, bridge, dns) => {
      const c = await checkWith<PackstackInputs>(packstack, { connection, adminPassword: "Admin-passw0rd", externalInterface: iface, bridge });
      if (!c.ok) return;
      accepted.packstack++;
      const br = sourced(bridgeIfcfg(c.inputs, dns));
      expect(br).toMatchObject({ DEVICE: bridge, NAME: bridge, TYPE: "OVSBridge", DEVICETYPE: "ovs", IPADDR: "10.0.2.15", PREFIX: "24", GATEWAY: "10.0.2.1", OVS_EXTRA: `set bridge ${bridge} fail_mode=standalone` });
      expect(dns.map((_, i) => br[`DNS${i + 1}`])).toEqual(dns);
      expect(sourced(portIfcfg(c.inputs))).toMatchObject({ DEVICE: iface, TYPE: "OVSPort", OVS_BRIDGE: bridge, BOOTPROTO: "none" });
    }),
    { numRuns: 25 },
  );
});
