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

/**
 * Field names whose values are secrets: passwords, keys, tokens, the answer file and keystonerc (and Packstack's
 * CONFIG_*_PW, CONFIG_*_KEY, CONFIG_*_HASH under extraAnswers). The one rule for inputs, outputs, state and reports.
 */
export const SECRET_KEY = /password|passwd|secret|token|privatekey|passphrase|answerfile|keystonerc|extraanswers|(^|_)(pw|key|hash)$/i;

/** Every string under a secret-looking key, for masking in errors and logs. */
export function collectSecrets(v: unknown, underSecret = false, out: string[] = []): string[] {
  if (typeof v === "string") {
    if (underSecret) out.push(v);
  } else if (Array.isArray(v)) {
    v.forEach((x) => collectSecrets(x, underSecret, out));
  } else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v)) collectSecrets(x, underSecret || SECRET_KEY.test(k), out);
  }
  return out;
}

/** Packstack answers whose values are secrets: passwords, keys, tokens, hashes (a path, like CONFIG_SSH_KEY's, is none). */
const SECRET_ANSWER_KEY = /(_PW|PASSWORD|PASSWD|_KEY|SECRET|TOKEN|_HASH)$/;
export function isSecretAnswer(key: string, value: string): boolean {
  return SECRET_ANSWER_KEY.test(key) && value.length >= 3 && !value.startsWith("/");
}

/** Packstack answers that are passwords (written unquoted into shell and Puppet files). */
export const PASSWORD_ANSWER_KEY = /^CONFIG_(DEFAULT_PASSWORD|[A-Z0-9_]*_PW)$/;

/** The secret answers (`CONFIG_..._PW=value`, _KEY, _PASSWORD, _SECRET, _TOKEN, _HASH) in a text holding an answer file. */
export function answerFileSecrets(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^(CONFIG_[A-Z0-9_]*)=(.+)$/gm)) {
    const v = m[2].trim();
    if (isSecretAnswer(m[1], v)) out.push(v);
  }
  return out;
}

/**
 * Masks the secrets (redact), then any value still written after a password-like name (`password=`, `_PW=`,
 * `"token": "...`): a log line naming a secret the caller never saw.
 */
export function mask(text: string, secrets: Array<string | undefined | null>): string {
  return redact(text, secrets).replace(/((?:password|passwd|_PW|secret|token)["']?\s*[=:]\s*["']?)(?!\[secret\]|\*\*\*)([^\s"',;]{3,})/gi, (_m, k) => `${k}***`);
}
