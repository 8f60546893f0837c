import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CloudConfig, SourceLookup } from "../config";
import { OpenStackConfigError } from "../errors";
import { readCaFile } from "./osVars";

/**
 * Credential source 1: OS_CLOUD names a cloud in clouds.yaml. Files, in order: OS_CLIENT_CONFIG_FILE,
 * ./clouds.yaml, ~/.config/openstack/clouds.yaml, /etc/openstack/clouds.yaml (.yml too); the first file that
 * defines the cloud is used, and secure.yaml (OS_CLIENT_SECURE_FILE or the same directories) is merged over it.
 * OS_CLOUD set but not found is an error (it would be surprising to fall back silently).
 */
export function fromCloudsYaml(env: NodeJS.ProcessEnv): SourceLookup {
  const name = env.OS_CLOUD;
  if (!name) return { skipped: "clouds.yaml (OS_CLOUD not set)" };
  const files = configFiles(env, "clouds", env.OS_CLIENT_CONFIG_FILE);
  const hit = firstDefining(files, name);
  if (!hit) {
    throw new OpenStackConfigError(`OS_CLOUD=${name} but no clouds.yaml defines it (looked at ${files.join(", ")})`);
  }
  const secure = firstDefining(configFiles(env, "secure", env.OS_CLIENT_SECURE_FILE), name);
  const entry = secure ? deepMerge(hit.entry, secure.entry) : hit.entry;
  const where = `clouds.yaml cloud "${name}" (${hit.file}${secure ? ` + ${secure.file}` : ""})`;
  return { found: { name: where, config: configFromEntry(entry, where) } };
}

function configFiles(env: NodeJS.ProcessEnv, base: string, explicit: string | undefined): string[] {
  const home = env.HOME || os.homedir();
  const dirs = [process.cwd(), path.join(home, ".config", "openstack"), "/etc/openstack"];
  const files = dirs.flatMap((d) => [path.join(d, `${base}.yaml`), path.join(d, `${base}.yml`)]);
  return explicit ? [explicit, ...files] : files;
}

function firstDefining(files: string[], name: string): { file: string; entry: Record<string, any> } | undefined {
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    let doc: any;
    try {
      // Loaded at call time: the module is only needed when OS_CLOUD is used.
      doc = require("yaml").parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new OpenStackConfigError(`cannot parse ${file}: ${(e as Error).message}`);
    }
    const entry = doc?.clouds?.[name];
    if (entry && typeof entry === "object") return { file, entry };
  }
  return undefined;
}

function configFromEntry(entry: Record<string, any>, where: string): Partial<CloudConfig> {
  const auth = (entry.auth ?? {}) as Record<string, any>;
  const authType = entry.auth_type;
  if (authType && !["password", "v3password"].includes(authType)) {
    throw new OpenStackConfigError(`${where}: auth_type ${authType} is not supported (use password)`);
  }
  for (const k of ["user_domain_id", "project_domain_id"]) {
    const id = auth[k];
    if (id && !auth[k.replace(/_id$/, "_name")] && String(id).toLowerCase() !== "default") {
      throw new OpenStackConfigError(`${where}: auth.${k} other than "default" is not supported, give ${k.replace(/_id$/, "_name")}`);
    }
  }
  const domainFromId = (id: unknown) => (typeof id === "string" && id.toLowerCase() === "default" ? "Default" : undefined);
  const s = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));
  const config: Partial<CloudConfig> = {
    authUrl: s(auth.auth_url),
    username: s(auth.username),
    password: s(auth.password),
    projectName: s(auth.project_name) ?? s(auth.tenant_name),
    userDomainName: s(auth.user_domain_name) ?? s(auth.domain_name) ?? domainFromId(auth.user_domain_id),
    projectDomainName: s(auth.project_domain_name) ?? s(auth.domain_name) ?? domainFromId(auth.project_domain_id),
    regionName: s(entry.region_name) ?? (Array.isArray(entry.regions) ? s(entry.regions[0]?.name ?? entry.regions[0]) : undefined),
    interface: s(entry.interface) ?? s(entry.endpoint_type),
  };
  if (entry.cacert) config.caCertPem = readCaFile(String(entry.cacert), `cacert in ${where}`);
  if (entry.verify === false || entry.insecure === true) config.insecure = true;
  const overrides: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry)) {
    const m = /^(.+)_endpoint_override$/.exec(k);
    if (m && typeof v === "string") overrides[m[1]] = v;
  }
  if (Object.keys(overrides).length > 0) config.endpointOverrides = overrides;
  return config;
}

function deepMerge(a: Record<string, any>, b: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === "object" && !Array.isArray(v) && typeof a[k] === "object" ? deepMerge(a[k], v) : v;
  }
  return out;
}
