/**
 * The connection's secrets (password, private key) never show in progress lines, errors or plain outputs; the
 * connection is stored as a Pulumi secret.
 */
import { provider } from "../../../provider/lab/hostprep/controller";
import { PrepGuest, startPrepGuest } from "./guest";
import { captureStdout, inputsFor } from "./inputs";

const PASSWORD = "Lab-r00t-S3cret-pw";

describe("lab.HostPrep keeps secrets out of logs and errors", () => {
  let g: PrepGuest;
  beforeAll(async () => {
    g = await startPrepGuest({ rootPassword: PASSWORD });
  });
  afterAll(async () => g?.stop());

  const passwordInputs = (extra: Record<string, unknown> = {}) => ({
    connection: { host: "127.0.0.1", port: g.port, user: "root", password: PASSWORD },
    ...extra,
  });
  const keyBody = () => g.guest.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"));

  it("a precheck failure over a password login: neither the error nor the progress lines hold the password", async () => {
    g.guest.setState({ memoryMb: 4096 });
    const checked = await provider.check({}, passwordInputs());
    const { error, out } = await captureStdout(() => provider.create(checked.inputs));
    g.guest.setState({ memoryMb: 16384 });
    expect(error!.message).toMatch(/RAM is 4\.0 GiB/);
    expect(out).toContain("connected to root@127.0.0.1");
    for (const text of [error!.message, error!.stack ?? "", out]) expect(text).not.toContain(PASSWORD);
  });

  it("a wrong password fails at once, without the password in the message", async () => {
    const wrong = "Not-The-Root-Password-42";
    const checked = await provider.check({}, { connection: { host: "127.0.0.1", port: g.port, password: wrong } });
    const { error, out } = await captureStdout(() => provider.create(checked.inputs));
    expect(error!.message).toMatch(/authentication as root@127\.0\.0\.1:\d+ failed \(tried password\)/);
    expect(error!.message + out).not.toContain(wrong);
  });

  it("a full run with a private key: the key is in no progress line, and the connection output is a secret", async () => {
    const checked = await provider.check({}, inputsFor(g));
    const { result, error, out } = await captureStdout(() => provider.create(checked.inputs));
    expect(error).toBeUndefined();
    expect(out).toContain("host prepared");
    for (const line of keyBody()) expect(out).not.toContain(line);
    const connection = result!.outs.connection as Record<string, unknown>;
    expect(connection["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
    // the stored inputs hold the connection too: as one secret
    expect((result!.outs.__inputs as Record<string, unknown>)["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
    const SIG = "4dabf18193072939515e22adb298388d";
    const plain = JSON.stringify(result!.outs, (_k, v) => (v && typeof v === "object" && SIG in v ? "<secret>" : v));
    for (const line of keyBody()) expect(plain).not.toContain(line);
    expect(plain).not.toContain(PASSWORD);
  });
});
