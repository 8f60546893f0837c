/** Pulumi customTimeouts travel to the provider as the `customTimeouts` input (the plugin does not pass them). */
export interface CustomTimeouts {
  create?: string;
  update?: string;
  delete?: string;
}

/** Parses Go-style durations as Pulumi accepts them: "90s", "10m", "1h30m", "2h". Returns milliseconds. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = "";
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    total += m[2] === "h" ? n * 3600e3 : m[2] === "m" ? n * 60e3 : m[2] === "s" ? n * 1e3 : n;
    matched += m[0];
  }
  if (!matched || matched !== text.replace(/\s+/g, "")) throw new Error(`invalid duration "${text}" (use e.g. "90s", "10m", "1h30m")`);
  return total;
}

/** Milliseconds allowed for `op`: the user's customTimeouts when given, else the resource's default. */
export function timeoutFor(op: keyof CustomTimeouts, timeouts: CustomTimeouts | undefined | null, defaultMs: number): number {
  const t = timeouts?.[op];
  return t ? parseDuration(t) : defaultMs;
}
