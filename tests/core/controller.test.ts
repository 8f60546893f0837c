import { changedFields, collectSecrets, Controller, makeProvider } from "../../provider/core/controller";
import { asSecret, isSecretWire, redact } from "../../provider/core/secrets";
import { UNKNOWN } from "../../provider/core/unknowns";
import { parseDuration } from "../../provider/core/timeouts";

/** A controller over an in-memory table, so the plumbing's behaviour can be seen without any cloud. */
function tableController(table: Map<string, any>, calls: string[]): Controller<any, any> {
  let next = 1;
  return {
    type: "test.Thing",
    schema: (z) =>
      z
        .object({
          name: z.string().min(1),
          size: z.number().int().min(1).max(10).default(1),
          kind: z.enum(["a", "b"]).default("a"),
          tags: z.array(z.string()).default([]),
          password: z.string().optional(),
          adopt: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
        })
        .superRefine((v, ctx) => {
          if (v.kind === "b" && v.size < 5) ctx.addIssue({ code: "custom", path: ["size"], message: "kind b needs size >= 5" });
          // a careless message that echoes the value: the plumbing must mask it, whatever the schema says
          if (v.password?.includes(" ")) ctx.addIssue({ code: "custom", path: ["password"], message: `"${v.password}" holds a space` });
        }),
    replaceOn: ["kind"],
    deleteBeforeReplace: true,
    compare: { tags: "set" },
    secretOutputs: ["password"],
    async create(i) {
      calls.push("create");
      const id = `t-${next++}`;
      table.set(id, { name: i.name, size: i.size, kind: i.kind, tags: i.tags });
      return { id, outs: { ...table.get(id), createdBy: undefined } };
    },
    async find(adopt) {
      calls.push("find");
      for (const [id, row] of table) if (id === adopt.id || row.name === adopt.name) return id;
      return null;
    },
    async read(id) {
      calls.push("read");
      return table.has(id) ? { ...table.get(id) } : null;
    },
    async update(id, _olds, news, ctx) {
      calls.push(`update:${ctx.changed.join(",")}`);
      table.set(id, { name: news.name, size: news.size, kind: news.kind, tags: news.tags });
      return { ...table.get(id) };
    },
    async delete(id) {
      calls.push("delete");
      table.delete(id);
    },
  };
}

describe("makeProvider", () => {
  let table: Map<string, any>;
  let calls: string[];
  let p: ReturnType<typeof makeProvider>;
  beforeEach(() => {
    table = new Map();
    calls = [];
    p = makeProvider(tableController(table, calls));
  });

  it("check fills defaults and rejects bad input naming the field, without calling the API", async () => {
    const ok = await p.check({}, { name: "x", __provider: "code" });
    expect(ok.inputs).toEqual({ name: "x", size: 1, kind: "a", tags: [] });
    const bad = await p.check({}, { name: "", size: 42 });
    expect(bad.failures!.map((f: any) => f.property).sort()).toEqual(["name", "size"]);
    expect(bad.failures!.find((f: any) => f.property === "size")!.reason).toMatch(/^size: /);
    const cross = await p.check({}, { name: "x", kind: "b", size: 2 });
    expect(cross.failures).toEqual([{ property: "size", reason: "size: kind b needs size >= 5" }]);
    expect(calls).toEqual([]);
  });

  it("check tolerates unknown values during preview but still validates what is known", async () => {
    const r = await p.check({}, { name: UNKNOWN, kind: "b", size: UNKNOWN });
    expect(r.failures).toBeUndefined();
    const r2 = await p.check({}, { name: UNKNOWN, size: 99 });
    expect(r2.failures!.map((f: any) => f.property)).toEqual(["size"]);
  });

  it("check never echoes a secret in a failure, even when a schema's message quotes it", async () => {
    const r = await p.check({}, { name: "x", password: "hunter2 secret" });
    expect(r.failures!.map((f: any) => f.property)).toEqual(["password"]);
    expect(r.failures![0].reason).toMatch(/^password: .*holds a space/);
    expect(JSON.stringify(r.failures)).not.toContain("hunter2 secret");
  });

  it("create returns a string id and JSON-safe outputs that carry the inputs and secret outputs", async () => {
    const r = await p.create({ name: "x", size: 2, kind: "a", tags: ["b", "a"], password: "pw-123456" });
    expect(typeof r.id).toBe("string");
    expect("createdBy" in r.outs).toBe(false);
    expect(r.outs.name).toBe("x");
    expect(isSecretWire(r.outs.password)).toBe(true);
  });

  it("diff names in-place changes and replacements, compares sets without order", async () => {
    const olds = { name: "x", size: 2, kind: "a", tags: ["a", "b"] };
    expect(await p.diff("t-1", olds, { ...olds, tags: ["b", "a"] })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await p.diff("t-1", olds, { ...olds, size: 3 })).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(await p.diff("t-1", olds, { ...olds, kind: "b" })).toEqual({ changes: true, replaces: ["kind"], deleteBeforeReplace: true });
    expect((await p.diff("t-1", olds, { ...olds, size: UNKNOWN })).changes).toBe(true);
    // fields the user did not set are not compared (the cloud's defaults are not drift)
    expect((await p.diff("t-1", { ...olds, mtu: 1450 }, olds)).changes).toBe(false);
  });

  it("read shows drift field by field and reads a vanished object as gone", async () => {
    const { id, outs } = await p.create({ name: "x", size: 2, kind: "a", tags: [] });
    table.get(id).size = 7; // changed out of band
    const refreshed = (await p.read(id, outs)).props!;
    expect(refreshed.size).toBe(7);
    const d = await p.diff(id, refreshed, { name: "x", size: 2, kind: "a", tags: [] });
    expect(changedFields({}, refreshed, { name: "x", size: 2, kind: "a", tags: [] })).toEqual(["size"]);
    expect(d.changes).toBe(true);
    table.delete(id);
    expect(await p.read(id, outs)).toEqual({});
  });

  it("update passes the changed fields to the controller", async () => {
    const { id, outs } = await p.create({ name: "x", size: 2, kind: "a", tags: [] });
    await p.update(id, outs, { name: "y", size: 2, kind: "a", tags: ["t"] });
    expect(calls).toContain("update:name,tags");
    expect(table.get(id).name).toBe("y");
  });

  it("adopt takes over an existing object and reconciles in-place fields", async () => {
    table.set("pre-1", { name: "old", size: 3, kind: "a", tags: [] });
    const r = await p.create({ name: "old", size: 4, kind: "a", tags: [], adopt: { name: "old" } });
    expect(r.id).toBe("pre-1");
    expect(calls).toEqual(["find", "read", "update:size"]);
    expect(table.get("pre-1").size).toBe(4);
    expect(table.size).toBe(1);
  });

  it("adopt with matching inputs changes nothing", async () => {
    table.set("pre-1", { name: "old", size: 3, kind: "a", tags: ["x"] });
    await p.create({ name: "old", size: 3, kind: "a", tags: ["x"], adopt: { id: "pre-1" } });
    expect(calls).toEqual(["find", "read"]);
  });

  it("adopt refuses when a replace-only field differs, and when nothing matches", async () => {
    table.set("pre-1", { name: "old", size: 3, kind: "a", tags: [] });
    await expect(p.create({ name: "old", size: 5, kind: "b", tags: [], adopt: { name: "old" } })).rejects.toThrow(/kind, which cannot change in place/);
    await expect(p.create({ name: "nope", size: 1, kind: "a", tags: [], adopt: { name: "nope" } })).rejects.toThrow(/no existing object/);
    expect(table.size).toBe(1);
  });

  it("errors are prefixed with the resource type and never carry secrets", async () => {
    const failing = makeProvider({
      ...tableController(table, calls),
      async create(i: any) {
        throw new Error(`auth failed for password ${i.cloud.password}`);
      },
    });
    await expect(failing.create({ name: "x", cloud: { password: "s3cr3t-pw" } })).rejects.toThrow("test.Thing create: auth failed for password ***");
  });
});

describe("secrets and durations", () => {
  it("redacts plain, URL-encoded and base64 forms", () => {
    const s = "p@ss word";
    const text = `a ${s} b ${encodeURIComponent(s)} c ${Buffer.from(s).toString("base64")}`;
    expect(redact(text, [s])).toBe("a *** b *** c ***");
  });
  it("collects strings under secret-looking keys only", () => {
    expect(collectSecrets({ cloud: { password: "a1", username: "u" }, answerFile: "f", x: { privateKey: "k" } }).sort()).toEqual(["a1", "f", "k"]);
  });
  it("wraps secrets in Pulumi's wire form", () => {
    expect(asSecret("v")).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "v" });
  });
  it("parses customTimeouts durations", () => {
    expect(parseDuration("1h30m")).toBe(5400e3);
    expect(parseDuration("90s")).toBe(90e3);
    expect(() => parseDuration("soon")).toThrow(/invalid duration/);
  });
});
