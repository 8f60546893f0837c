import * as crypto from "crypto";
import { OpenStackConfigError } from "./errors";
import { fromCloudsYaml } from "./sources/cloudsYaml";
import { fromEnv } from "./sources/env";
import { fromKeystonerc } from "./sources/keystonerc";

/** Where and how to authenticate: Keystone v3, password, scoped to a project. */
export interface CloudConfig {
  authUrl: string;
  username: string;
  password: string;
  projectName: string;
  /** Default "Default". */
  userDomainName?: string;
  /** Default "Default". */
  projectDomainName?: string;
  /** Catalog region; any region when absent. */
  regionName?: string;
  /** Catalog interface: "public" (default), "internal" or "admin" ("publicURL" style accepted). */
  interface?: string;
  /** PEM of the CA that signed the cloud's certificates. */
  caCertPem?: string;
  /** Skip TLS verification. */
  insecure?: boolean;
  /** Service type -> base URL, replacing the catalog's (e.g. {network: "http://127.0.0.1:19696"}). */
  endpointOverrides?: Record<string, string>;
}

/**
 * Complete credentials scoped to a region, as a keystonerc or a test cloud gives them (PackstackInstall's
 * `keystonerc` output, the tests' and the bench's clouds): CloudConfig's fields, the domains and region given.
 */
export type ScopedCloud = Required<Pick<CloudConfig, "authUrl" | "username" | "password" | "projectName" | "userDomainName" | "projectDomainName" | "regionName">>;

/** What one credential source found (fields it had) and how it describes itself in messages. */
export interface SourceResult {
  /** e.g. "clouds.yaml cloud \"lab\" (/root/.config/openstack/clouds.yaml)". */
  name: string;
  config: Partial<CloudConfig>;
}

/** A source either found something, or explains why it did not (for the "missing credentials" message). */
export type SourceLookup = { found: SourceResult } | { skipped: string };

const REQUIRED: ReadonlyArray<keyof CloudConfig> = ["authUrl", "username", "password", "projectName"];

/**
 * The complete configuration: the fields given in `cloud` win, the rest come from the first credential source
 * that is present: (1) OS_CLOUD + clouds.yaml, (2) OS_* environment variables, (3) a keystonerc file.
 * Fields are never mixed across sources. Reads the environment and files now (never at module load).
 */
export function resolveCloud(cloud?: Partial<CloudConfig> | null, env: NodeJS.ProcessEnv = process.env): CloudConfig {
  const given = compact(cloud ?? {});
  const looked: string[] = [];
  let source: SourceResult | undefined;
  if (!REQUIRED.every((k) => given[k] !== undefined)) {
    for (const lookup of [fromCloudsYaml, fromEnv, fromKeystonerc]) {
      const r = lookup(env);
      if ("found" in r) {
        source = r.found;
        break;
      }
      looked.push(r.skipped);
    }
  }
  const merged: Partial<CloudConfig> = { ...compact(source?.config ?? {}), ...given };
  if (source?.config.endpointOverrides && given.endpointOverrides) {
    merged.endpointOverrides = { ...source.config.endpointOverrides, ...given.endpointOverrides };
  }
  const missing = REQUIRED.filter((k) => typeof merged[k] !== "string" || (merged[k] as string).length === 0);
  if (missing.length > 0) {
    const from = source ? `the \`cloud\` input and ${source.name}` : "the `cloud` input";
    const others = looked.length > 0 ? ` Also looked at: ${looked.join("; ")}.` : "";
    throw new OpenStackConfigError(
      `OpenStack credentials incomplete: missing ${missing.join(", ")} (from ${from}).${others} ` +
        "Give them in `cloud`, or set OS_CLOUD with a clouds.yaml, or the OS_* environment variables, " +
        "or point OSLAB_KEYSTONERC at a keystonerc file.",
    );
  }
  return normalize(merged as CloudConfig);
}

function normalize(c: CloudConfig): CloudConfig {
  const out: CloudConfig = {
    authUrl: c.authUrl.trim(),
    username: c.username,
    password: c.password,
    projectName: c.projectName,
    userDomainName: c.userDomainName || "Default",
    projectDomainName: c.projectDomainName || "Default",
    interface: normalizeInterface(c.interface),
  };
  if (c.regionName) out.regionName = c.regionName;
  if (c.caCertPem) out.caCertPem = c.caCertPem;
  if (c.insecure) out.insecure = true;
  if (c.endpointOverrides && Object.keys(c.endpointOverrides).length > 0) out.endpointOverrides = { ...c.endpointOverrides };
  return out;
}

/** "publicURL" -> "public"; default "public". */
export function normalizeInterface(i: string | undefined): string {
  if (!i) return "public";
  return i.toLowerCase().replace(/url$/, "");
}

/** A stable key for one set of credentials (the client cache key); a hash, so the password is not kept as a key. */
export function configKey(c: CloudConfig): string {
  const overrides = c.endpointOverrides ? Object.entries(c.endpointOverrides).sort(([a], [b]) => a.localeCompare(b)) : [];
  const canonical = JSON.stringify([
    c.authUrl, c.username, c.password, c.projectName, c.userDomainName, c.projectDomainName,
    c.regionName ?? null, c.interface ?? null, c.caCertPem ?? null, c.insecure ?? false, overrides,
  ]);
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/** Drops undefined/null/"" fields so they do not hide a source's value. */
function compact(c: Partial<CloudConfig>): Partial<CloudConfig> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v !== null && v !== "") out[k] = v;
  return out as Partial<CloudConfig>;
}
