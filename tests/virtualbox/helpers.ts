/** Driving a VirtualBox provider directly (check -> create/read/update/delete), as the plugin would. */
import * as net from "net";
import { changedFields, Controller } from "../../provider/core/controller";
import { unwrapSecrets } from "../../provider/core/secrets";

type Provider = {
  check(olds: any, news: any): Promise<{ inputs: any; failures?: { property: string; reason: string }[] }>;
};

/** check() the raw inputs, failing the test with the reasons when they are rejected. */
export async function checked<T = Record<string, any>>(p: Provider, raw: Record<string, unknown>): Promise<T> {
  const r = await p.check({}, raw);
  if (r.failures?.length) throw new Error(`check failed: ${r.failures.map((f) => f.reason).join("; ")}`);
  return r.inputs as T;
}

/** The input fields whose live values differ (what `pulumi preview --refresh` would show as drift). */
export function drift(ctrl: Controller<any, any>, outs: Record<string, unknown>, inputs: Record<string, unknown>): string[] {
  return changedFields(ctrl, unwrapSecrets(outs), inputs);
}

/** Everything the providers print (progress lines) while fn runs. */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: any) => {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    return true;
  });
  try {
    return { result: await fn(), lines };
  } finally {
    spy.mockRestore();
  }
}

/** A tiny TCP server on 127.0.0.1 that greets like sshd (what readiness waits for). */
export async function fakeSshd(banner = "SSH-2.0-OpenSSH_8.7 standin"): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = net.createServer((s) => {
    count++;
    s.end(`${banner}\r\n`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return { port, connections: () => count, close: () => new Promise<void>((r) => server.close(() => r())) };
}
