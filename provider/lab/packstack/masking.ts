/** What PackstackInstall masks: its secrets (the answer file's passwords are not inputs), in every error. */
import { redact } from "../../core/secrets";
import { connectionSecrets } from "../common/connection";
import { answerSecrets } from "./answerFile";
import type { PackstackInputs } from "./types";

/** Strings to mask in everything this resource reports. */
export function secretsOf(inputs: PackstackInputs, answerFile?: string | null): string[] {
  return [inputs.adminPassword, ...connectionSecrets(inputs.connection), ...answerSecrets(answerFile)];
}

/** Runs fn; any error leaves with every secret masked (the answer file's passwords are not inputs). */
export async function masked<T>(secrets: () => string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message = redact(err.message, secrets());
    if (err.stack) err.stack = redact(err.stack, secrets());
    throw err;
  }
}
