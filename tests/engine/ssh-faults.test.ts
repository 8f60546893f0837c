/**
 * sshd on the lab VM restarted while Packstack runs, through the real Pulumi CLI (tests/support/pulumiCli, program
 * fixtures/packstack-stack: one lab.PackstackInstall). The guest is a real sshd with CentOS stand-ins
 * (tests/support/guest); its restart kills the listener and every session and keeps the detached Packstack
 * running, as `systemctl restart sshd` (or a dropped NAT forward) does at its worst. The `up` must come through
 * with Packstack run exactly once, and the next `up` must change nothing.
 */
import * as path from "path";
import { CliStack } from "../support/pulumiCli";
import { adminCloud } from "../support/cloud";
import { Guest } from "../support/guest";
import { preparedGuest, removeRunLogs, runIds } from "../lab/packstack/helpers";

jest.setTimeout(300_000);

const CONTROLLER = "Applying 10.0.2.15_controller.pp";

let guest: Guest;
let stack: CliStack;
const output: string[] = [];

beforeAll(async () => {
  guest = await preparedGuest({ packstack: { durationMs: 8000 } });
  const connection = { host: guest.host, port: guest.port, user: "root", privateKey: guest.privateKey };
  stack = new CliStack({
    programDir: path.join(__dirname, "fixtures", "packstack-stack"),
    secretConfig: { connection: JSON.stringify(connection), adminPassword: adminCloud().password },
    env: { OSLAB_PACKSTACK_POLL_SECONDS: "0.2" },
  });
});

afterAll(async () => {
  try {
    await stack?.run("destroy");
  } finally {
    stack?.dispose();
    await guest?.stop();
    removeRunLogs(runIds(output));
  }
});

test("sshd restarted while the controller manifest applies: pulumi up completes and Packstack ran once", async () => {
  let restart: Promise<void> | undefined;
  const up = await stack.run("up", {}, {
    onOutput: (text) => {
      if (!restart && text.includes(CONTROLLER)) restart = guest.restartSshd({ downMs: 2000 });
    },
  });
  output.push(up.stdout);
  await restart;
  expect(restart).toBeDefined();
  expect(up.error).toBeNull();
  expect(up.outputs).toMatchObject({ runs: 1, healthy: true, problems: [] });
  expect(guest.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
  // the user is told the connection went and that the provider follows the same run again
  expect(up.stdout).toMatch(/connection lost while following Packstack|attempt \d+ failed/);
  expect(up.stdout.split(CONTROLLER).length - 1).toBeGreaterThanOrEqual(1);
  expect(up.stdout).toContain("Installation completed successfully");
});

test("the next pulumi up changes nothing and runs no Packstack", async () => {
  const again = await stack.run("up", { expectNoChanges: true });
  output.push(again.stdout);
  expect(again.error).toBeNull();
  expect(again.ops()).toEqual({ packstack: "same" });
  expect(guest.state().packstack.runs).toBe(1);
});
