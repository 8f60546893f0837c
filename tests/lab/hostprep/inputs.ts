/** Inputs for the provider against a PrepGuest, and capturing its progress lines (what `pulumi up` would show). */
import type { PrepGuest } from "./guest";

export function inputsFor(g: PrepGuest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    connection: { host: "127.0.0.1", port: g.port, user: "root", privateKey: g.guest.privateKey },
    ...extra,
  };
}

/** Everything written to stdout while fn runs (makeProvider's progress lines go there). */
export async function captureStdout<T>(fn: () => Promise<T>): Promise<{ result: T | undefined; error: Error | undefined; out: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  (process.stdout as unknown as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    chunks.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  };
  try {
    const result = await fn();
    return { result, error: undefined, out: chunks.join("") };
  } catch (e) {
    return { result: undefined, error: e as Error, out: chunks.join("") };
  } finally {
    (process.stdout as unknown as { write: unknown }).write = write;
  }
}
