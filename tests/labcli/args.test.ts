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
