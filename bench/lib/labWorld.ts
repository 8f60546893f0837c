/**
 * run.ts's side of the whole-lab variants (pulumi-lab, pulumi-lab-floor): for every run, a fresh copy of the world
 * tests/lab/wholeLab.e2e.test.ts runs the whole lab against (tests/lab/support/labWorld.ts: the VBoxManage
 * stand-in with a state folder of its own, the real-sshd CentOS guest behind the counting SSH proxy; the real test
 * cloud), and the sweep of what the lab leaves in the shared cloud and on this machine. A fresh world per run, as a
 * destroyed VM takes its disk with it: every create starts from nothing.
 *
 * This runs in run.ts's own process (ts-node), which only waits while a variant runs (the guest's helpers live on
 * its event loop). The variant processes never load it: bench/ is transpiled alone, tests/ is not; they get the
 * world as the workload's `lab` part.
 *
 * The whole lab's names are the seed's (`external_network` on the physnet extnet, `public_subnet`, the rules in the
 * admin project's `default` group): they collide with the whole-lab e2e and doc tests, so run it holding the cloud
 * lock (flock /tmp/oslab-cloud.lock), as every suite on the test cloud does.
 */
import * as fs from "fs";
import type { LabWorkload } from "../workload";

export interface BenchLab {
  workload: LabWorkload;
  /** Stops the world and sweeps what the run left; returns how many objects it removed from the cloud. */
  stop(): Promise<number>;
}

/** What the whole lab leaves in the test cloud (the seed's network and rules); how many it removed. */
export function sweepLab(): number {
  const { removeSeedObjects }: typeof import("../../tests/lab/support/labWorld") = require("../../tests/lab/support/labWorld");
  return removeSeedObjects();
}

/**
 * A world for one run. `ports`: the counting proxies' (run.ts), which the lab's credentials then point at
 * (`keystonePort`, `neutronPort`), so the requests of every phase are counted as for the other variants.
 */
export async function startLab(ports: { keystone: number; neutron: number }): Promise<BenchLab> {
  const { packstackRunLogs, startLabWorld }: typeof import("../../tests/lab/support/labWorld") = require("../../tests/lab/support/labWorld");
  const logsBefore = new Set(packstackRunLogs());
  const world = await startLabWorld("bench-lab");
  // The proxy counts the requests: no HTTP trace file written by the provider on every request.
  const { OSLAB_HTTP_TRACE: _trace, ...env } = world.env;
  return {
    workload: {
      config: {
        installerIso: world.isoPath,
        sshPrivateKeyPath: world.keyPath,
        sshPort: String(world.proxy.port),
        keystonePort: String(ports.keystone),
        neutronPort: String(ports.neutron),
        natNetworkName: world.natNetworkName,
        vmName: world.vmName,
      },
      env,
    },
    async stop() {
      try {
        await world.stop();
      } finally {
        for (const f of packstackRunLogs()) if (!logsBefore.has(f)) fs.rmSync(f, { force: true });
      }
      return sweepLab();
    },
  };
}
