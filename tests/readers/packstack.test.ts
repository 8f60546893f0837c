/**
 * The answer file as Packstack Zed's loader reads it (./configparser.ts): for every input check() accepts, each
 * answer the inputs decide (extraAnswers included) is read back exactly; an adopted hand-edited file (spaces
 * around "=", lower-case keys, CRLF) gets its keys rewritten in place, never a second copy; linuxbridge is refused.
 * Pure unit test: no SSH, no cloud.
 */
import { spawnSync } from "child_process";
import * as fc from "fast-check";
import { provider } from "../../provider/lab/packstack/controller";
import { desiredAnswers, parseAnswers, setAnswers } from "../../provider/lab/packstack/answerFile";
import type { PackstackInputs } from "../../provider/lab/packstack/types";
import { ZED_OPTIONS, ZED_SOURCE } from "../../provider/lab/packstack/zedOptions";
import { checkWith, expectRefused } from "./helpers";
import { readAnswerFile, readIni } from "./configparser";

const connection = { host: "127.0.0.1", port: 2222, user: "root", password: "Conn-passw0rd", hostKeyFingerprint: "SHA256:" + "A".repeat(43) };
const inputs = (extra: Record<string, unknown> = {}) => ({ connection, adminPassword: "Admin-passw0rd", ...extra });

/** A file as `packstack --gen-answer-file` writes it (run_setup.py generateAnswerFile: [general], "# help", KEY=default). */
const generated = (eol = "\n") =>
  ["[general]", "", "# Password for the admin user", "CONFIG_KEYSTONE_ADMIN_PW=generated1", "", "# Cinder volume size", "CONFIG_CINDER_VOLUMES_SIZE=20G", "", "CONFIG_NOVA_DB_PW=dbpw12345", "CONFIG_HEAT_INSTALL=n", ""].join(eol);

test("the option table names its source commit and holds Zed's keys", () => {
  expect(ZED_SOURCE.commit).toMatch(/^[0-9a-f]{40}$/);
  expect(ZED_OPTIONS.CONFIG_NEUTRON_L2_AGENT.optionList).toEqual(["linuxbridge", "openvswitch", "ovn"]);
  expect(Object.keys(ZED_OPTIONS).length).toBeGreaterThan(250);
});

describe("every answer check() accepts is read back by Packstack's loader as meant", () => {
  const ynKeys = Object.entries(ZED_OPTIONS).filter(([, o]) => o.validators.includes("validate_options") && JSON.stringify(o.optionList) === '["y","n"]').map(([k]) => k);
  const intKeys = Object.entries(ZED_OPTIONS).filter(([, o]) => o.validators.includes("validate_integer")).map(([k]) => k);
  const answer = fc.oneof(
    fc.tuple(fc.constantFrom(...ynKeys), fc.constantFrom("y", "n", "yes", "Y", "")),
    fc.tuple(fc.constantFrom(...intKeys), fc.oneof(fc.integer().map(String), fc.constantFrom("1.5", "x", " 3"))),
    fc.tuple(fc.constantFrom("CONFIG_NTP_SERVERS", "CONFIG_CINDER_VOLUMES_SIZE", "CONFIG_NOVA_SCHED_RAM_ALLOC_RATIO"), fc.string({ unit: "grapheme", maxLength: 12 })),
  );
  test("property (extraAnswers, on a generated file, LF and CRLF)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(answer, { selector: ([k]) => k, maxLength: 5 }), fc.boolean(), async (pairs, crlf) => {
        const extraAnswers = Object.fromEntries(pairs);
        const c = await checkWith<PackstackInputs>(provider, inputs({ extraAnswers }));
        if (!c.ok) {
          for (const f of c.failures) expect(f.property).toMatch(/^extraAnswers\./);
          return;
        }
        const wanted = desiredAnswers(c.inputs);
        const file = setAnswers(generated(crlf ? "\r\n" : "\n"), wanted);
        const read = readAnswerFile(file);
        for (const [k, v] of Object.entries(wanted)) expect([k, read[k]]).toEqual([k, v]);
      }),
      { numRuns: 80 },
    );
  });
});

describe("adopting a hand-edited answer file", () => {
  const handEdited = ["[general]", "config_keystone_admin_pw = old-admin", "CONFIG_CINDER_VOLUMES_SIZE: 20G", "CONFIG_NEUTRON_L2_AGENT =  ovn  ", "CONFIG_NOVA_DB_PW=dbpw12345", ""].join("\r\n");
  test("reads what Packstack reads (spaces, any case, ':' , CRLF)", () => {
    expect(parseAnswers(handEdited)).toMatchObject({ CONFIG_KEYSTONE_ADMIN_PW: "old-admin", CONFIG_CINDER_VOLUMES_SIZE: "20G", CONFIG_NEUTRON_L2_AGENT: "ovn" });
  });
  test("rewrites keys in place: the loader sees no duplicate and the new values", async () => {
    const c = await checkWith<PackstackInputs>(provider, inputs());
    if (!c.ok) throw new Error(JSON.stringify(c.failures));
    const wanted = desiredAnswers(c.inputs);
    const file = setAnswers(handEdited, wanted);
    const read = readAnswerFile(file); // throws DuplicateOptionError on a second copy
    for (const [k, v] of Object.entries(wanted)) expect([k, read[k]]).toEqual([k, v]);
    expect(read.CONFIG_NOVA_DB_PW).toBe("dbpw12345");
    expect(file.split("\r\n").filter((l) => /^config_keystone_admin_pw\b/i.test(l))).toHaveLength(1);
    expect(file).not.toMatch(/[^\r]\n/);
  });
});

test("l2Agent linuxbridge is refused at check(), naming what is unsupported", async () => {
  expectRefused(await checkWith(provider, inputs({ l2Agent: "linuxbridge" })), "l2Agent", /"linuxbridge" is not supported.*Open vSwitch bridge.*CONFIG_NEUTRON_LB_INTERFACE_MAPPINGS/);
});

test("an extraAnswers typo is refused with a did-you-mean, a bad value with Packstack's rule", async () => {
  expectRefused(await checkWith(provider, inputs({ extraAnswers: { CONFIG_CINDER_VOLUMES_SIZ: "30G" } })), "extraAnswers.CONFIG_CINDER_VOLUMES_SIZ", /did you mean CONFIG_CINDER_VOLUMES_SIZE/);
  expectRefused(await checkWith(provider, inputs({ extraAnswers: { CONFIG_HEAT_INSTALL: "yes" } })), "extraAnswers.CONFIG_HEAT_INSTALL", /"y", "n"/);
  expectRefused(await checkWith(provider, inputs({ extraAnswers: { CONFIG_NOVA_SCHED_RAM_ALLOC_RATIO: "1.5x" } })), "extraAnswers.CONFIG_NOVA_SCHED_RAM_ALLOC_RATIO", /number/);
});

const python = spawnSync("python3", ["-c", "import configparser"]).status === 0;
(python ? test : test.skip)("the configparser model = python3's RawConfigParser on generated files", () => {
  const line = fc.oneof(
    fc.constantFrom("[general]", "[other]", "# c", "; c", "", "  cont", "\tx=y"),
    fc.tuple(fc.constantFrom("KEY", "key", "Other", " KEY"), fc.constantFrom("=", " = ", ":", " : "), fc.constantFrom("v", " v ", "a=b", "", "#x")).map((t) => t.join("")),
  );
  const files = fc.sample(fc.array(line, { maxLength: 7 }).map((ls) => ls.join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0])), { numRuns: 200, seed: 15 });
  const script = "import configparser,sys,json\nout=[]\nfor s in json.load(sys.stdin):\n  p=configparser.RawConfigParser()\n  try:\n    p.read_string(s)\n    out.append({n:dict(p.items(n)) for n in p.sections()})\n  except configparser.Error as e: out.append(type(e).__name__)\nprint(json.dumps(out))";
  const py = spawnSync("python3", ["-c", script], { input: JSON.stringify(files), encoding: "utf8" });
  const theirs = JSON.parse(py.stdout) as unknown[];
  files.forEach((f, i) => {
    let mine: unknown;
    try {
      mine = readIni(f);
    } catch (e) {
      mine = (e as Error).message.split(":")[0].split(" (")[0];
    }
    expect([f, mine]).toEqual([f, theirs[i]]);
  });
});
