/**
 * Every secret the report must not show: secret config values, every value inside a secret of the stack export
 * (`--show-secrets`), every string under a secret-looking key (provider/core collectSecrets), the answer file's
 * CONFIG_*_PW values, and the lab's private key; plus `mask()` applying them (provider/core/secrets redact).
 */
import { collectSecrets } from "../../provider/core/controller";
import { redact, SECRET_SIG_KEY } from "../../provider/core/secrets";

function stringsIn(v: unknown, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => stringsIn(x, out));
}

/** Values inside secret wrappers of a `pulumi stack export --show-secrets` deployment (`plaintext` is JSON). */
function secretValues(v: unknown, out: string[]): void {
  if (Array.isArray(v)) v.forEach((x) => secretValues(x, out));
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (SECRET_SIG_KEY in o) {
      if (typeof o.plaintext === "string") {
        try {
          stringsIn(JSON.parse(o.plaintext), out);
        } catch {
          out.push(o.plaintext);
        }
      }
      if (typeof o.ciphertext === "string") out.push(o.ciphertext);
      if ("value" in o) stringsIn(o.value, out);
      return;
    }
    Object.values(o).forEach((x) => secretValues(x, out));
  }
}

/** `CONFIG_..._PW=value` (and other password-like answers) of an answer file text. */
export function answerFilePasswords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^CONFIG_[A-Z0-9_]*(?:PW|PASSWORD|SECRET|TOKEN|KEY)[A-Z0-9_]*=(.+)$/gm)) if (m[1].trim()) out.push(m[1].trim());
  return out;
}

export function gatherSecrets(o: { config?: Record<string, { value: string; secret?: boolean }>; deployment?: unknown; privateKey?: string }): string[] {
  const out: string[] = [];
  for (const c of Object.values(o.config ?? {})) if (c.secret) out.push(c.value);
  if (o.deployment) {
    secretValues(o.deployment, out);
    collectSecrets(o.deployment, false, out);
  }
  if (o.privateKey) out.push(o.privateKey.trim(), ...o.privateKey.split(/\r?\n/).filter((l) => l.length >= 16 && !l.startsWith("-----")));
  for (const s of [...out]) out.push(...answerFilePasswords(s));
  // longest first, so a secret containing another is masked whole
  return [...new Set(out.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
}

/** Masks the secrets, then any `password=`/`_PW=` value left (a log line naming one we never saw). */
export function mask(text: string, secrets: string[]): string {
  return redact(text, secrets).replace(/((?:password|passwd|_PW|secret|token)["']?\s*[=:]\s*["']?)(?!\[secret\]|\*\*\*)([^\s"',;]{3,})/gi, (_m, k) => `${k}***`);
}
