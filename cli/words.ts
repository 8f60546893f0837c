/** The engine's and the providers' advice in `npm run lab` words: a bare `pulumi ...` typed in the repository reaches another backend. */
export function inLabWords(text: string): string {
  return text
    .replace(/`?pulumi cancel`?/g, "npm run lab -- cancel")
    .replace(/another `?pulumi up`?/g, "another npm run lab")
    .replace(/`?pulumi (up|preview|refresh|destroy)((?: --[a-z-]+)*)`?/g, (_m, verb: string, flags: string) => `npm run lab${verb === "up" ? "" : ` -- ${verb}`}${flags.includes("--refresh") ? (verb === "up" ? " -- up --refresh" : " --refresh") : ""}`)
    .replace(/`?pulumi stack export`?[^\n]*/g, "npm run lab -- report");
}
