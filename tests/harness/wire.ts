/**
 * Engine-side value rules for the dynamic-provider wire: secrets, unknowns, and the secret handling the Go engine
 * applies around every provider call. Sources: pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go
 * (MarshalProperties with KeepSecrets = acceptSecrets, annotateSecrets L913-929) and sdk/nodejs/runtime/rpc.ts
 * (the special signature keys).
 */

/** pulumi.runtime.specialSigKey / specialSecretSig: the wire form of a secret. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** pulumi.runtime.unknownValue: what the engine sends for values not known yet (preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Props = Record<string, any>;

export function secret<T>(value: T): any {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(v: unknown): boolean {
  return typeof v === "object" && v !== null && (v as Props)[SIG_KEY] === SECRET_SIG;
}

export function containsSecrets(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecrets);
  if (typeof v === "object" && v !== null) return Object.values(v).some(containsSecrets);
  return false;
}

/**
 * The dynamic-provider plugin answers Configure with acceptSecrets=false, so the engine marshals every request
 * with KeepSecrets=false: secrets reach the provider as plain values (provider_plugin.go MarshalProperties).
 */
export function stripSecrets<T>(v: T): T {
  if (isSecret(v)) return stripSecrets((v as Props).value);
  if (Array.isArray(v)) return v.map(stripSecrets) as unknown as T;
  if (typeof v === "object" && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stripSecrets(x)])) as T;
  }
  return v;
}

/**
 * provider_plugin.go annotateSecrets(outs, ins): after Check/Create/Read/Update, an output becomes secret when the
 * same-named input contained a secret (recursing into objects present on both sides).
 */
export function annotateSecrets(outs: Props, ins: Props): Props {
  const res: Props = { ...outs };
  const plainObject = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x) && !isSecret(x);
  for (const [k, inV] of Object.entries(ins)) {
    if (!(k in res)) continue;
    const outV = res[k];
    if (plainObject(outV) && plainObject(inV)) res[k] = annotateSecrets(outV, inV);
    else if (!isSecret(outV) && containsSecrets(inV)) res[k] = secret(outV);
  }
  return res;
}

/** step.go / resource_monitor: the `additionalSecretOutputs` option marks the named outputs secret. */
export function markAdditionalSecretOutputs(outs: Props, names: ReadonlyArray<string> = []): Props {
  const res: Props = { ...outs };
  for (const n of names) if (n in res && !isSecret(res[n])) res[n] = secret(res[n]);
  return res;
}

/** Every plain string inside secrets of `v`: what must never show up in logs, errors or plain state. */
export function secretStrings(v: unknown, inSecret = false, out: string[] = []): string[] {
  if (isSecret(v)) return secretStrings((v as Props).value, true, out);
  if (typeof v === "string") {
    if (inSecret && v.length >= 3) out.push(v);
  } else if (Array.isArray(v)) {
    v.forEach((x) => secretStrings(x, inSecret, out));
  } else if (typeof v === "object" && v !== null) {
    Object.values(v).forEach((x) => secretStrings(x, inSecret, out));
  }
  return out;
}
