import { randomUUID } from "crypto";
import * as util from "util";

/** Sets env vars (undefined deletes) for the duration of `fn`, then restores them. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T> | T): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Every OS_* / OSLAB_KEYSTONERC variable unset, so only what a test sets is seen. */
export function noCredentialEnv(): Record<string, undefined> {
  const out: Record<string, undefined> = { OSLAB_KEYSTONERC: undefined, OS_CLIENT_CONFIG_FILE: undefined, OS_CLIENT_SECURE_FILE: undefined };
  for (const k of Object.keys(process.env)) if (k.startsWith("OS_")) out[k] = undefined;
  return out;
}

/** Everything an error could leak through: message, stack, enumerable fields, util.inspect. */
export function everythingIn(e: unknown): string {
  const err = e as Error;
  return [String(err?.message), String(err?.stack), JSON.stringify(err), util.inspect(err, { depth: 10, showHidden: true })].join("\n");
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail, it succeeded");
}
