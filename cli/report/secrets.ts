/**
 * Every secret the report must not show: secret config values, every value inside a secret of the stack export
 * (`--show-secrets`), every string under a secret-looking key (provider/core collectSecrets), the answer file's
 * secret answers, and the lab's private key. The rules and `mask()` are provider/core/secrets.ts's.
 */
import { answerFileSecrets, collectSecrets, mask, SECRET_KEY, SECRET_SIG_KEY } from "../../provider/core/secrets";

/** Strings under password-like keys (not every string of a secret object: its host, user or region are no secret). */
function secretFields(v: unknown, out: string[], key = ""): void {
  if (typeof v === "string") {
    if (SECRET_KEY.test(key)) out.push(v);
  } else if (Array.isArray(v)) v.forEach((x) => secretFields(x, out, key));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) secretFields(x, out, k);
}

/** Values of secret wrappers in a `pulumi stack export --show-secrets` deployment (`plaintext` is JSON). */
function secretValues(v: unknown, out: string[], key = ""): void {
  if (Array.isArray(v)) v.forEach((x) => secretValues(x, out, key));
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (SECRET_SIG_KEY in o) {
      let value: unknown = o.plaintext;
      try {
        value = typeof o.plaintext === "string" ? JSON.parse(o.plaintext) : o.value;
      } catch {
        value = o.plaintext;
      }
      if (typeof value === "string") out.push(value); // a secret string (password, key, answer file): all of it
      else secretFields(value, out, key);
      return;
    }
    for (const [k, x] of Object.entries(o)) secretValues(x, out, k);
  }
}

export function gatherSecrets(o: { config?: Record<string, { value: string; secret?: boolean }>; deployment?: unknown; privateKey?: string }): string[] {
  const given: string[] = [];
  for (const c of Object.values(o.config ?? {})) if (c.secret) given.push(c.value);
  const found: string[] = [];
  if (o.deployment) {
    secretValues(o.deployment, found);
    collectSecrets(o.deployment, false, found);
  }
  if (o.privateKey) found.push(o.privateKey.trim(), ...o.privateKey.split(/\r?\n/).filter((l) => l.length >= 16 && !l.startsWith("-----")));
  for (const s of [...given, ...found]) found.push(...answerFileSecrets(s));
  // what the user set is masked from 4 characters on; what was found in state from 6 (no "root", no "admin")
  const all = [...given.filter((s) => s && s.length >= 4), ...found.filter((s) => s && s.length >= 6)];
  // longest first, so a secret containing another is masked whole
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

export { mask };
