/**
 * lab.PackstackInstall when things go wrong, against the real-sshd guest: the SSH connection dies mid-install,
 * Packstack stalls (with and without a reachable gateway), Packstack fails with a secret in its output.
 */
import { RemoteHost } from "../../../provider/lab/common";
import { runPackstack } from "../../../provider/lab/packstack/run";
import { Guest } from "../../support/guest";
import { answers, capture, checked, dropSessions, plain, preparedGuest, provider, rawInputs, removeRunLogs, runIds } from "./helpers";

jest.setTimeout(120_000);

const CONTROLLER = "Applying 10.0.2.15_controller.pp";

describe("lab.PackstackInstall faults", () => {
  let guest: Guest | undefined;
  const logs: string[] = [];

  beforeEach(() => {
    process.env.OSLAB_PACKSTACK_POLL_SECONDS = "0.2";
    process.env.OSLAB_PACKSTACK_POLL_TIMEOUT_SECONDS = "5";
  });
  afterEach(async () => {
    delete process.env.OSLAB_PACKSTACK_POLL_SECONDS;
    delete process.env.OSLAB_PACKSTACK_STALL_SECONDS;
    delete process.env.OSLAB_PACKSTACK_POLL_TIMEOUT_SECONDS;
    await guest?.stop();
    guest = undefined;
  });
  afterAll(() => removeRunLogs(runIds(logs)));

  it("the SSH connections die while the controller manifest applies; the detached install still completes", async () => {
    guest = await preparedGuest({ packstack: { durationMs: 6000 } });
    const g = guest;
    const inputs = await checked(rawInputs(g));
    let killed = 0;
    let killer: NodeJS.Timeout | undefined;
    const { result, lines } = await capture(
      () => provider.create(inputs),
      (line) => {
        if (!killer && line.includes(CONTROLLER)) {
          const until = Date.now() + 2000;
          killer = setInterval(() => {
            killed += dropSessions(g);
            if (Date.now() > until) clearInterval(killer);
          }, 25);
        }
      },
    );
    clearInterval(killer);
    logs.push(...lines);
    expect(killed).toBeGreaterThan(0);
    expect(lines.some((l) => /connection lost while following Packstack|attempt \d+ failed/.test(l))).toBe(true);
    expect(plain(result.outs)).toMatchObject({ runs: 1, healthy: true });
    expect(g.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
    expect(lines.filter((l) => l.includes(CONTROLLER))).toHaveLength(1);
    expect(lines.some((l) => l.includes("Installation completed successfully"))).toBe(true);
  });

  it("a stall with the gateway unreachable is blamed on br-ex's address; the next up resumes the same run", async () => {
    process.env.OSLAB_PACKSTACK_STALL_SECONDS = "1";
    guest = await preparedGuest({ packstack: { stall: true }, reachable: ["10.0.2.15", "127.0.0.1"] });
    const g = guest;
    const inputs = await checked(rawInputs(g));
    const err = await capture(() => provider.create(inputs)).then(
      () => null,
      (e) => e as Error & { progress: string[] },
    );
    expect(err).not.toBeNull();
    logs.push(...err!.progress);
    expect(err!.message).toMatch(/Packstack made no progress for [\d.]+ min \(last step: "Applying 10\.0\.2\.15_controller\.pp"\) and the gateway 10\.0\.2\.1 does not answer/);
    expect(err!.message).toContain("br-ex most likely has the wrong address");
    expect(err!.message).toContain("/etc/sysconfig/network-scripts/ifcfg-br-ex");
    expect(err!.message).toContain("/etc/sysconfig/network-scripts/ifcfg-enp0s3");
    expect(err!.message).toContain("Packstack is still running on the host");
    expect(g.state().packstack.lastRun?.result).toBe("running");

    // The network is fixed but Puppet is still slow: the next `up` follows the SAME run, warns, and finishes.
    g.setState({ reachable: ["10.0.2.1", "10.0.2.15", "127.0.0.1"] });
    const { result, lines } = await capture(
      () => provider.create(inputs),
      (line) => {
        if (line.includes("the gateway 10.0.2.1 answers, so Puppet is probably still working")) g.setState({ packstack: { stall: false } });
      },
    );
    logs.push(...lines);
    expect(lines.some((l) => l.includes("is still going; following it"))).toBe(true);
    expect(lines.some((l) => l.includes("no new Packstack output for"))).toBe(true);
    expect(g.state().packstack).toMatchObject({ runs: 1, generated: 1, lastRun: { result: "succeeded" } });
    expect(plain(result.outs)).toMatchObject({ runs: 1, healthy: true });
  });

  /** A create that stops while Packstack stalls with the gateway unreachable: the run it leaves is still going. */
  async function runLeftGoing(g: Guest, inputs: Record<string, any>): Promise<void> {
    process.env.OSLAB_PACKSTACK_STALL_SECONDS = "1";
    const err = await capture(() => provider.create(inputs)).then(
      () => null,
      (e) => e as Error & { progress: string[] },
    );
    expect(err?.message).toContain("Packstack is still running on the host");
    logs.push(...err!.progress);
    expect(g.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "running" } });
  }

  it("the run an interrupted up left finished on its own: the next up takes over that install, Packstack not run again", async () => {
    guest = await preparedGuest({ packstack: { stall: true }, reachable: ["10.0.2.15", "127.0.0.1"] });
    const g = guest;
    const inputs = await checked(rawInputs(g));
    await runLeftGoing(g, inputs);
    g.setState({ packstack: { stall: false } });
    for (let i = 0; g.state().packstack.lastRun?.result !== "succeeded"; i++) {
      if (i > 200) throw new Error(`the stalled run did not finish: ${JSON.stringify(g.state().packstack.lastRun)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const { result, lines } = await capture(() => provider.create(inputs));
    logs.push(...lines);
    expect(lines.some((l) => /finished successfully; taking over its install/.test(l))).toBe(true);
    expect(g.state().packstack).toMatchObject({ runs: 1, generated: 1, lastRun: { result: "succeeded" } });
    expect(plain(result.outs)).toMatchObject({ runs: 1, healthy: true });
    expect(plain(result.outs).answerFile).toBe(g.readFile("/root/packstack-answers-lab.txt"));
  });

  it("a run still going with the same answer file is followed to success, and no second run starts", async () => {
    guest = await preparedGuest({ packstack: { stall: true }, reachable: ["10.0.2.15", "127.0.0.1"] });
    const g = guest;
    const inputs = await checked(rawInputs(g));
    await runLeftGoing(g, inputs);
    g.setState({ reachable: ["10.0.2.1", "10.0.2.15", "127.0.0.1"] });
    const answerFile = g.readFile("/root/packstack-answers-lab.txt")!;
    const lines: string[] = [];
    const ctx = {
      progress: (l: string) => {
        lines.push(l);
        if (l.includes("following it to the end first")) g.setState({ packstack: { stall: false } });
      },
      deadline: Date.now() + 60_000,
      changed: [],
    };
    expect(await runPackstack(RemoteHost.forOperation((inputs as any).connection, ctx), inputs as any, answerFile, ctx)).toBe(answerFile);
    logs.push(...lines);
    expect(lines.some((l) => l.includes("following it to the end first"))).toBe(true);
    expect(lines.some((l) => l.includes("succeeded with this same answer file; Packstack is not run again"))).toBe(true);
    expect(g.state().packstack).toMatchObject({ runs: 1, lastRun: { result: "succeeded" } });
  });

  it("a failed run ends with the log's tail, every password masked", async () => {
    guest = await preparedGuest({ packstack: { stall: true } });
    const g = guest;
    const inputs = await checked(rawInputs(g));
    let novaPw = "";
    const err = await capture(
      () => provider.create(inputs),
      (line) => {
        if (novaPw || !line.includes(CONTROLLER)) return;
        novaPw = answers(g.readFile("/root/packstack-answers-lab.txt")!).CONFIG_NOVA_DB_PW;
        g.setState({
          packstack: {
            stall: false,
            fail:
              "Error: /Stage[main]/Nova::Db::Mysql/Openstacklib::Db::Mysql[nova]/Mysql_user[nova@%]: Could not evaluate: Execution of " +
              `'/usr/bin/mysql -e CREATE USER 'nova'@'%' IDENTIFIED BY '${novaPw}'' returned 1: ERROR 1045 (28000): Access denied for user 'root'@'localhost'`,
          },
        });
      },
    ).then(
      () => null,
      (e) => e as Error & { progress: string[] },
    );
    expect(err).not.toBeNull();
    logs.push(...err!.progress);
    expect(novaPw).toMatch(/^[0-9a-f]{16}$/);
    expect(err!.message).toMatch(/Packstack failed \(exit code 1\)\. Last lines of \/var\/log\/packstack-lab\/\S+\.log:/);
    expect(err!.message).toContain("ERROR : Error appeared during Puppet run: 10.0.2.15_controller.pp");
    expect(err!.message).toContain("IDENTIFIED BY '***'");
    expect(err!.message).toContain("Access denied for user 'root'@'localhost'");
    expect(err!.message).not.toContain(novaPw);
    expect(err!.stack ?? "").not.toContain(novaPw);
    expect(err!.progress.join("\n")).not.toContain(novaPw);
    expect(err!.progress.some((l) => /10\.0\.2\.15_controller\.pp:\s+\[ ERROR \]/.test(l))).toBe(true);
  });
});
