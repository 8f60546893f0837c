/**
 * A stand-in of the lab stack for the doc tests of the READMEs that build on it (examples/tenant-network,
 * examples/first-instance): a backend folder laid out as `npm run lab` leaves `.pulumi-state/` (LAB_STATE_DIR):
 * the stack `lab` of the project `pulumi-openstack-lab` (tests/import/fixtures/lab-outputs: `cloud` as a secret, and
 * the `externalNetworkId`/`publicSubnetId` of an external VLAN network it makes on the real test cloud, as the lab
 * exports them), the `passphrase` file and the lab's SSH key pair `id_ed25519`.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cloudCli } from "../lab/support/labWorld";
import { adminCloud } from "../support/cloud";
import { CliStack } from "../support/pulumiCli";

const FIXTURE = path.resolve(__dirname, "..", "import", "fixtures", "lab-outputs", "index.ts");

export interface StandInLab {
  /** What LAB_STATE_DIR names. */
  stateDir: string;
  /** The lab's external network (named `<prefix>-ext`) and its subnet (203.0.113.0/24). */
  externalNetworkId: string;
  publicSubnetId: string;
  stop(): Promise<void>;
}

const segment = () => String(100 + Math.floor(Math.random() * 3900));

export async function startStandInLab(prefix: string): Promise<StandInLab> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "lab-state-"));
  fs.writeFileSync(path.join(stateDir, "passphrase"), "test-passphrase"); // CliStack's stacks use this passphrase
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "lab", "-f", path.join(stateDir, "id_ed25519")]);
  const program = fs.mkdtempSync(path.join(os.tmpdir(), "lab-program-"));
  fs.writeFileSync(path.join(program, "Pulumi.yaml"), `name: pulumi-openstack-lab\nruntime: nodejs\nmain: ${FIXTURE}\n`);
  const lab = new CliStack({ programDir: program, stack: "lab", stateDir, config: { prefix, segment: segment() }, secretConfig: { cloud: JSON.stringify(adminCloud()) } });
  const stop = async () => {
    try {
      await lab.run("destroy");
    } finally {
      for (const n of cloudCli.json("network", "list").filter((x: any) => x.Name.startsWith(prefix))) cloudCli.exists("network", "delete", n.ID);
      lab.dispose();
      for (const d of [stateDir, program]) fs.rmSync(d, { recursive: true, force: true });
    }
  };
  try {
    let up = await lab.run("up");
    if (!up.ok) up = await lab.run("up", {}, { config: { segment: segment() } }); // a VLAN id another suite holds
    if (!up.ok) throw new Error(`the stand-in lab stack: ${up.error}`);
    const o = up.outputs as { externalNetworkId: string; publicSubnetId: string };
    return { stateDir, externalNetworkId: o.externalNetworkId, publicSubnetId: o.publicSubnetId, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
