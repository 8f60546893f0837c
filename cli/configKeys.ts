/**
 * The lab's settings (`npm run lab -- config ...`): the keys and their types come from the program itself (its
 * `config.get("k")`, `config.getNumber("k")`, `config.requireSecret("k")`... calls in Pulumi.yaml's `main`), so the
 * program stays the one source; the doctor's own settings (installerIsoSha256) are added here.
 * `config set` checks the key (with "did you mean") and the value's type before anything is stored; a key named
 * like a password/secret/token (provider/core/secrets.ts SECRET_KEY), or read by the program as a secret, is always
 * stored as a secret; a path setting is resolved against the folder the user typed the command in (npm runs
 * scripts in the repository: INIT_CWD holds the user's folder) and stored absolute.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SECRET_KEY } from "../provider/core/secrets";

export type KeyType = "string" | "number" | "boolean" | "object" | "secret";

export interface ConfigKey {
  key: string;
  type: KeyType;
  secret: boolean;
  path: boolean;
}

const METHOD_TYPES: Record<string, KeyType> = {
  get: "string",
  require: "string",
  getNumber: "number",
  requireNumber: "number",
  getBoolean: "boolean",
  requireBoolean: "boolean",
  getObject: "object",
  requireObject: "object",
  getSecret: "secret",
  requireSecret: "secret",
  getSecretObject: "object",
  requireSecretObject: "object",
};

/** Settings only the lab's CLI reads (the doctor), not the program. */
const CLI_KEYS: ConfigKey[] = [{ key: "installerIsoSha256", type: "string", secret: false, path: false }];

const PATH_NAME = /(Path|Iso|File|Dir)$/;

/** A setting kept as a secret by its name: the provider's one secret-key rule (provider/core/secrets.ts), a path to a key file excepted. */
export function secretByName(key: string): boolean {
  return SECRET_KEY.test(key) && !PATH_NAME.test(key);
}

/** The keys a program source reads through `config.<method>("key")`. */
export function keysOfProgram(source: string): ConfigKey[] {
  const out = new Map<string, ConfigKey>();
  // the names the program gives its `new pulumi.Config()` (config, cfg, ...)
  const names = new Set(["config", ...[...source.matchAll(/\b(\w+)\s*=\s*new\s+(?:pulumi\.)?Config\s*\(/g)].map((m) => m[1])]);
  const re = new RegExp(`\\b(?:${[...names].join("|")})\\.(\\w+)(?:<[^>]*>)?\\(\\s*["'\`]([A-Za-z0-9_.-]+)["'\`]`, "g");
  for (let m; (m = re.exec(source)); ) {
    const type = METHOD_TYPES[m[1]];
    if (!type) continue;
    const key = m[2];
    const secret = type === "secret" || /Secret/.test(m[1]) || secretByName(key);
    out.set(key, { key, type, secret, path: PATH_NAME.test(key) });
  }
  return [...out.values()];
}

export function labKeys(mainFile: string): ConfigKey[] {
  const keys = keysOfProgram(fs.readFileSync(mainFile, "utf8"));
  for (const k of CLI_KEYS) if (!keys.some((x) => x.key === k.key)) keys.push(k);
  return keys;
}

/** Edit distance (for "did you mean"). */
export function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export class ConfigError extends Error {}

export function findKey(keys: ConfigKey[], key: string): ConfigKey {
  const k = keys.find((x) => x.key === key);
  if (k) return k;
  const ci = keys.find((x) => x.key.toLowerCase() === key.toLowerCase());
  const near = ci ? [ci] : keys.map((x) => ({ x, d: distance(key, x.key) })).filter((c) => c.d <= Math.max(2, Math.floor(key.length / 4))).sort((p, q) => p.d - q.d).map((c) => c.x);
  throw new ConfigError(
    `${key} is not a setting of the lab${near.length ? `: did you mean ${near[0].key}?` : ""}\n` +
      `the settings: ${keys.map((x) => x.key).sort().join(", ")} (npm run lab -- config list shows what is set)`,
  );
}

/** The user's folder: npm runs scripts in the package folder and keeps the one the command was typed in as INIT_CWD. */
export function userCwd(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : process.cwd();
}

/** A path as typed, absolute: `~` is the home folder, a relative path is from the user's folder. */
export function absolutePath(p: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = /^~(?=$|[\\/])/.test(p) ? os.homedir() + p.slice(1) : p;
  return path.resolve(userCwd(env), home);
}

/** The value to store for `config set KEY VALUE`, or a ConfigError naming what is wrong. */
export function checkValue(k: ConfigKey, value: string, env: NodeJS.ProcessEnv = process.env): string {
  const bad = (why: string) => new ConfigError(`${k.key}=${k.secret ? "[secret]" : JSON.stringify(value)} is not valid: ${why}`);
  if (/[\r\n]/.test(value) && k.type !== "object") throw bad("it holds a line break");
  switch (k.type) {
    case "number": {
      if (!/^\s*-?\d+(\.\d+)?\s*$/.test(value)) throw bad("a number is needed (e.g. 16384)");
      const n = Number(value);
      if (/Port$/.test(k.key) && !(Number.isInteger(n) && n >= 1 && n <= 65535)) throw bad("a TCP port is a whole number from 1 to 65535");
      if (/(Mb|Minutes|cpus|Length)$/i.test(k.key) && !(Number.isInteger(n) && n > 0)) throw bad("a whole number above 0 is needed");
      return String(n);
    }
    case "boolean":
      if (!/^(true|false)$/.test(value)) throw bad("true or false");
      return value;
    case "object":
      try {
        const v = JSON.parse(value);
        if (v === null || typeof v !== "object") throw new Error("not a list or an object");
      } catch (e) {
        throw bad(`JSON is needed (e.g. ["8.8.8.8"] or {"KEY":"value"}): ${(e as Error).message}`);
      }
      return value;
    default:
      if (value === "") throw bad("it is empty (npm run lab -- config rm " + k.key + " removes a setting)");
      return k.path ? absolutePath(value, env) : value;
  }
}
