/**
 * Adopting an install made by hand (adopt: {}): the existing answer file is taken over, never regenerated, so the
 * passwords MariaDB already holds stay; Packstack re-runs only when the inputs change that file.
 */
import { applyInputs } from "../../../provider/lab/packstack/answerFile";
import { connect } from "../../../provider/ssh";
import { Guest } from "../../support/guest";
import { answers, capture, checked, passwords, plain, preparedGuest, provider, rawInputs, removeRunLogs, runIds } from "./helpers";

jest.setTimeout(120_000);

const HAND_FILE = "/root/packstack-answers-20240301-101500.txt";

/** What the learner did by hand: generate an answer file, optionally edit it, run Packstack with it. */
async function installByHand(guest: Guest, edit: (text: string) => string): Promise<string> {
  const conn = await connect({ host: guest.host, port: guest.port, privateKey: guest.privateKey });
  try {
    await conn.runOk(["packstack", `--gen-answer-file=${HAND_FILE}`]);
    const text = edit((await conn.download(HAND_FILE)).toString("utf8"));
    await conn.upload(HAND_FILE, text);
    await conn.runOk(["packstack", `--answer-file=${HAND_FILE}`]);
    return text;
  } finally {
    conn.close();
  }
}

describe("lab.PackstackInstall adopt", () => {
  let guest: Guest | undefined;
  const logs: string[] = [];

  beforeEach(() => {
    process.env.OSLAB_PACKSTACK_POLL_SECONDS = "0.2";
  });
  afterEach(async () => {
    delete process.env.OSLAB_PACKSTACK_POLL_SECONDS;
    await guest?.stop();
    guest = undefined;
  });
  afterAll(() => removeRunLogs(runIds(logs)));

  it("refuses to generate a new answer file over an existing install, then adopts it and re-runs with ITS passwords", async () => {
    guest = await preparedGuest();
    const hand = await installByHand(guest, (t) => t.replace(/^CONFIG_KEYSTONE_ADMIN_PW=.*$/m, "CONFIG_KEYSTONE_ADMIN_PW=secret"));
    expect(guest.state().packstack).toMatchObject({ runs: 1, generated: 1 });

    const plainInputs = await checked(rawInputs(guest));
    await expect(provider.create(plainInputs)).rejects.toThrow(/already installed on this host .*Set adopt: \{\} to take over/);
    expect(guest.state().packstack).toMatchObject({ runs: 1, generated: 1 });

    // The hand install used Packstack's OVN defaults; the inputs want OVS: one run, the adopted passwords kept.
    const inputs = await checked(rawInputs(guest, { adopt: {} }));
    const { result, lines } = await capture(() => provider.create(inputs));
    logs.push(...lines);
    expect(lines.some((l) => l.includes(`taking over ${HAND_FILE}`))).toBe(true);
    expect(lines.some((l) => /the inputs change .*CONFIG_NEUTRON_L2_AGENT.*: Packstack re-runs with the adopted passwords/.test(l))).toBe(true);
    const outs = plain(result.outs);
    expect(guest.state().packstack).toMatchObject({ runs: 2, generated: 1, lastRun: { result: "succeeded" } });
    expect(outs).toMatchObject({ runs: 1, healthy: true });
    expect(passwords(outs.answerFile)).toEqual(passwords(hand));
    expect(answers(outs.answerFile).CONFIG_NEUTRON_L2_AGENT).toBe("openvswitch");
    expect(guest.readFile("/etc/nova/nova.conf")).toContain(`nova:${answers(hand).CONFIG_NOVA_DB_PW}@`);
  });

  it("adopts an install whose answer file already matches without running Packstack", async () => {
    guest = await preparedGuest();
    const g = guest;
    const inputs = await checked(rawInputs(g, { adopt: {} }));
    await expect(provider.create(inputs)).rejects.toThrow(/adopt: there is no Packstack install on this host/);
    expect(g.state().packstack).toMatchObject({ runs: 0, generated: 0 });

    const hand = await installByHand(g, (t) => applyInputs(t, inputs as any));
    const { result } = await capture(() => provider.create(inputs));
    const outs = plain(result.outs);
    expect(g.state().packstack).toMatchObject({ runs: 1, generated: 1 });
    expect(outs).toMatchObject({ runs: 0, healthy: true, problems: [] });
    expect(outs.answerFile).toBe(hand);
    expect(outs.keystonerc).toMatchObject({ username: "admin", password: "secret", authUrl: "http://127.0.0.1:5000/v3" });
    // From now on every run uploads this same file.
    expect(g.readFile("/root/packstack-answers-lab.txt")).toBe(hand);
  });
});
