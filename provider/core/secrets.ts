/**
 * Pulumi's wire form of a secret. A dynamic provider that returns this shape in its outputs makes that
 * output a secret in state, whatever the input was (the engine unmarshals results with KeepSecrets).
 */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface SecretWire<T> {
  [SECRET_SIG_KEY]: typeof SECRET_SIG_VALUE;
  value: T;
}

export function asSecret<T>(value: T): SecretWire<T> {
  return { [SECRET_SIG_KEY]: SECRET_SIG_VALUE, value } as SecretWire<T>;
}

export function isSecretWire(v: unknown): v is SecretWire<unknown> {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG_VALUE;
}

/** Removes secret wrappers anywhere in a value (used on state written by an earlier run). */
export function unwrapSecrets<T>(v: T): T {
  if (isSecretWire(v)) return unwrapSecrets(v.value) as T;
  if (Array.isArray(v)) return v.map((x) => unwrapSecrets(x)) as unknown as T;
  if (typeof v === "object" && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = unwrapSecrets(x);
    return out as T;
  }
  return v;
}

/**
 * Replaces every occurrence of each secret (and its URL-encoded and base64 forms) with "***".
 * Every error message and log line that might contain user data goes through this.
 */
export function redact(text: string, secrets: Array<string | undefined | null>): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 3) continue;
    for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString("base64"), JSON.stringify(s).slice(1, -1)])) {
      out = out.split(form).join("***");
    }
  }
  return out;
}
