/** The engine's and the providers' advice in `npm run lab` words: a bare `pulumi ...` typed in the repository reaches another backend. */
export function inLabWords(text: string): string {
  return text
    .replace(/`?pulumi cancel`?/g, "npm run lab -- cancel")
    .replace(/another `?pulumi up`?/g, "another npm run lab")
    .replace(/`?pulumi (up|preview|refresh|destroy)((?: --[a-z-]+)*)`?/g, (_m, verb: string, flags: string) => `npm run lab${verb === "up" ? "" : ` -- ${verb}`}${flags.includes("--refresh") ? (verb === "up" ? " -- up --refresh" : " --refresh") : ""}`)
    .replace(/`?pulumi stack export`?[^\n]*/g, "npm run lab -- report");
}

/** What to do next for a failure a learner meets (the provider's message names the cause, not the way out). */
export function causeHint(cause: string): string | undefined {
  const flat = /Physical network (\S+?)\.? is in use/i.exec(cause);
  if (flat) {
    return `another network already uses the physical network ${flat[1]} (a flat network takes it whole): find it in Horizon (Admin > Network > Networks) or with openstack network list --provider-physical-network ${flat[1]} on the VM, delete it, then npm run lab`;
  }
  return undefined;
}
