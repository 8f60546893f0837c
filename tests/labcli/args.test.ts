/** The verbs and flags of `npm run lab -- ...`: up by default, each verb's flags, and a usage error for the rest. */
import { parseArgs, UsageError } from "../../cli/args";

test("no arguments is up; preview --refresh; outputs --show-secrets; report --out; up --no-doctor", () => {
  expect(parseArgs([])).toMatchObject({ verb: "up", refresh: false, noDoctor: false });
  expect(parseArgs(["preview", "--refresh"])).toMatchObject({ verb: "preview", refresh: true });
  expect(parseArgs(["outputs", "--show-secrets"])).toMatchObject({ verb: "outputs", showSecrets: true });
  expect(parseArgs(["report", "--out", "C:\\Users\\First Last\\report.md"])).toMatchObject({ verb: "report", out: "C:\\Users\\First Last\\report.md" });
  expect(parseArgs(["report", "--out=r.md"]).out).toBe("r.md");
  expect(parseArgs(["up", "--no-doctor", "--yes"])).toMatchObject({ verb: "up", noDoctor: true });
  for (const v of ["refresh", "destroy", "doctor"]) expect(parseArgs([v]).verb).toBe(v);
});

test("config set/get with --secret", () => {
  expect(parseArgs(["config", "set", "adminPassword", "p w", "--secret"])).toMatchObject({ verb: "config", rest: ["set", "adminPassword", "p w"], secret: true });
  expect(parseArgs(["config", "get", "memoryMb"]).rest).toEqual(["get", "memoryMb"]);
});

test("unknown verbs and flags, and incomplete config, are usage errors naming them", () => {
  expect(() => parseArgs(["upp"])).toThrow(UsageError);
  expect(() => parseArgs(["upp"])).toThrow(/unknown verb upp/);
  expect(() => parseArgs(["preview", "--refesh"])).toThrow(/unknown flag --refesh/);
  expect(() => parseArgs(["config", "set", "memoryMb"])).toThrow(/config needs/);
  expect(() => parseArgs(["report", "--out"])).toThrow(/--out needs a file name/);
});

/** What npm 11 hands the script for flags it took as its own (PowerShell drops `--`): see cli/args.ts's header. */
const npmEnv = (vars: Record<string, string>) => ({ npm_lifecycle_event: "lab", npm_config_yes: "", ...vars });

test("flags npm took as its own arrive as npm_config_* and count as typed", () => {
  expect(parseArgs(["config", "set", "adminPassword", "x"], npmEnv({ npm_config_secret: "true" }))).toMatchObject({ secret: true, rest: ["set", "adminPassword", "x"], fromNpm: ["--secret"] });
  expect(parseArgs(["preview"], npmEnv({ npm_config_refresh: "true" }))).toMatchObject({ verb: "preview", refresh: true });
  expect(parseArgs(["outputs"], npmEnv({ npm_config_show_secrets: "true" })).showSecrets).toBe(true);
  expect(parseArgs([], npmEnv({ npm_config_doctor: "" })).noDoctor).toBe(true); // --no-doctor: npm writes false as ""
  expect(parseArgs(["destroy"], npmEnv({ npm_config_yes: "true" })).yes).toBe(true);
  expect(parseArgs(["report", "r.md"], npmEnv({ npm_config_out: "true" })).out).toBe("r.md"); // --out r.md
  expect(parseArgs(["report"], npmEnv({ npm_config_out: "r.md" })).out).toBe("r.md"); // --out=r.md
  // npm's defaults say nothing: npm_config_yes="" is always there, no npm_config_doctor without --no-doctor
  expect(parseArgs([], npmEnv({}))).toMatchObject({ verb: "up", noDoctor: false, yes: false, refresh: false, secret: false, fromNpm: [] });
  // outside npm (node bin/cli/main.js) the variables are not the lab's
  expect(parseArgs([], { npm_config_refresh: "true" }).refresh).toBe(false);
});

test("help, --help, -h print the usage; config list/rm; destroy --yes", () => {
  for (const a of [["help"], ["--help"], ["-h"], ["config", "--help"]]) expect(parseArgs(a).verb).toBe("help");
  expect(parseArgs(["config", "list"]).rest).toEqual(["list"]);
  expect(parseArgs(["config"]).rest).toEqual(["list"]);
  expect(parseArgs(["config", "rm", "memoryMb"]).rest).toEqual(["rm", "memoryMb"]);
  expect(parseArgs(["destroy", "--yes"]).yes).toBe(true);
  expect(parseArgs(["cancel"]).verb).toBe("cancel");
  expect(() => parseArgs(["config", "rm"])).toThrow(/config needs/);
});
