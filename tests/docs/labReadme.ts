/**
 * What the doc tests of the READMEs that run the whole lab (examples/whole-lab, examples/adopt-existing-lab) share
 * on top of the lab's test world (tests/lab/support/labWorld.ts): the NAT Network's default SSH forward,
 * 127.0.0.1:2222, in front of the world's counting proxy (the READMEs' defaults and their `ssh -p 2222` lines
 * reach the sshd guest there), the user's `~/.ssh/id_ed25519` (the key the guest's root accepts), and the
 * environment a README run needs (the world's, the VBoxManage stand-in first on PATH); and describeLabReadme, the
 * suite set-up both share.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { STANDIN_DIR } from "../virtualbox/standin";
import { LabWorld, removeSeedObjects, startLabWorld } from "../lab/support/labWorld";
import { describeReadme, ReadmeRun, ReadmeSuite } from "./readme";
import { splice } from "../support/tcp";

/** The lab's SSH forward (natNetwork.sshPort's default). */
export const SSH_FORWARD_PORT = 2222;

export interface Forward {
  close(): Promise<void>;
}

/**
 * 127.0.0.1:2222 -> 127.0.0.1:`port`, served by this process: for the README run's processes (spawned, not
 * synchronous). close() ends the connections still open (server.close() waits for them).
 */
export function forwardSsh(port: number): Promise<Forward> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    const up = net.connect(port, "127.0.0.1");
    splice(c, up, sockets);
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e) => reject(new Error(`127.0.0.1:${SSH_FORWARD_PORT} is taken (${e.message}): the README's default SSH forward`)));
    server.listen(SSH_FORWARD_PORT, "127.0.0.1", () =>
      resolve({
        close: async () => {
          const closed = new Promise((r) => server.close(r));
          for (const s of sockets) s.destroy();
          await closed;
        },
      }),
    );
  });
}

/**
 * OpenSSH's `ssh` takes `~` from the password database, not from HOME: this `ssh`, first on the run's PATH, points
 * it at the run's home (its ~/.ssh/config), where the user's ssh would look in theirs.
 */
const SSH_AT_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "readme-ssh-"));
fs.writeFileSync(path.join(SSH_AT_HOME, "ssh"), '#!/bin/sh\nexec /usr/bin/ssh -F "$HOME/.ssh/config" "$@"\n', { mode: 0o755 });
process.on("exit", () => fs.rmSync(SSH_AT_HOME, { recursive: true, force: true }));

/**
 * runReadme's `more`: the stand-in first on PATH, the world's key as the user's ~/.ssh/id_ed25519, and the lab's
 * host key in ~/.ssh/known_hosts for 127.0.0.1:2222 (as after the user's first `ssh-copy-id -p 2222 root@127.0.0.1`).
 */
export function labReadmeMore(world: LabWorld): { pathPrefix: string[]; home: (home: string) => void } {
  return {
    pathPrefix: [SSH_AT_HOME, STANDIN_DIR],
    home: (home) => {
      const ssh = path.join(home, ".ssh");
      fs.mkdirSync(ssh, { mode: 0o700 });
      fs.copyFileSync(world.keyPath, path.join(ssh, "id_ed25519"));
      fs.chmodSync(path.join(ssh, "id_ed25519"), 0o600);
      fs.copyFileSync(`${world.keyPath}.pub`, path.join(ssh, "id_ed25519.pub"));
      // from the world's proxy (out of process): a synchronous ssh-keyscan through the forward, served by this
      // process's event loop, would wait for itself
      const hostKeys = execFileSync("ssh-keyscan", ["-p", String(world.proxy.port), "127.0.0.1"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 });
      fs.writeFileSync(path.join(ssh, "known_hosts"), hostKeys.replace(/^\[127\.0\.0\.1\]:\d+ /gm, `[127.0.0.1]:${SSH_FORWARD_PORT} `));
      fs.writeFileSync(path.join(ssh, "config"), `IdentityFile ${path.join(ssh, "id_ed25519")}\nUserKnownHostsFile ${path.join(ssh, "known_hosts")}\nBatchMode yes\n`);
    },
  };
}

/** runReadme's `env`: the world's (its PATH aside: runReadme builds PATH). */
export function labReadmeEnv(world: LabWorld): Record<string, string> {
  const { PATH: _path, ...env } = world.env;
  return env;
}

/**
 * describeReadme in the lab's test world: the seed's objects removed, the world started (`name`), the SSH forward
 * in front of it, then `before(world)`; the run gets the world's environment (plus `env(world)`) and labReadmeMore;
 * afterwards the forward closed, the seed's objects removed and the world stopped. `suite.world` is the world.
 */
export function describeLabReadme(
  o: Pick<ReadmeSuite, "readme" | "pauses"> & { name: string; before?: (world: LabWorld) => unknown; env?: (world: LabWorld) => Record<string, string> },
): { readonly run: ReadmeRun; readonly world: LabWorld } {
  let world: LabWorld | undefined;
  let forward: Forward | undefined;
  const the = () => {
    if (!world) throw new Error("the lab world did not start (see the suite's beforeAll)");
    return world;
  };
  const suite = describeReadme({
    readme: o.readme,
    before: async () => {
      removeSeedObjects();
      world = await startLabWorld(o.name);
      forward = await forwardSsh(world.proxy.port);
      await o.before?.(world);
    },
    env: () => ({ ...labReadmeEnv(the()), ...(o.env?.(the()) ?? {}) }),
    pauses: o.pauses,
    more: () => labReadmeMore(the()),
    after: async () => {
      try {
        await forward?.close();
        removeSeedObjects();
      } finally {
        await world?.stop();
      }
    },
  });
  return {
    get run() {
      return suite.run;
    },
    get world() {
      return the();
    },
  };
}
