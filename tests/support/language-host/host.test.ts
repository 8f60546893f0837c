/**
 * The language host stand-in's own parts (README.md here): what it reads from Pulumi.yaml's runtime options, the
 * config keys it hands the program, the plugins it finds in node_modules, and the process the CLI starts: the port
 * on the first line of stdout, then gRPC answers. Its `Run` is exercised by the doc tests (examples/*\/readme.test.ts).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("./main.js");
const languageGrpc = require("@pulumi/pulumi/proto/language_grpc_pb.js");
const languagePb = require("@pulumi/pulumi/proto/language_pb.js");
const emptyPb = require("google-protobuf/google/protobuf/empty_pb.js");

test("runtime options: typescript defaults to true; wrong types are refused with the Go host's messages", () => {
  expect(host.parseOptions({})).toMatchObject({ typescript: true, tsconfigpath: "", nodeargs: "" });
  expect(host.parseOptions({ typescript: false, tsconfig: "tsconfig.pulumi.json", nodeargs: "--max-old-space-size=4096" })).toMatchObject({
    typescript: false,
    tsconfigpath: "tsconfig.pulumi.json",
    nodeargs: "--max-old-space-size=4096",
  });
  expect(() => host.parseOptions({ typescript: "yes" })).toThrow("typescript option must be a boolean");
  expect(() => host.parseOptions({ nodeargs: 1 })).toThrow("nodeargs option must be a string");
  expect(() => host.parseOptions({ packagemanager: "cargo" })).toThrow(/packagemanager option must be one of/);
});

test("nodeargs are split as a shell would", () => {
  expect(host.shlexSplit(`--inspect  --title "my lab" 'a b'c d\\ e`)).toEqual(["--inspect", "--title", "my lab", "a bc", "d e"]);
  expect(host.shlexSplit("")).toEqual([]);
  expect(() => host.shlexSplit(`"open`)).toThrow(/closing quote/);
});

test("config keys reach the program as <ns>:config:<name>; a key without a namespace is refused", () => {
  expect(JSON.parse(host.constructConfig([["proj:cloud", "{}"], ["aws:config:region", "x"]]))).toEqual({ "proj:config:cloud": "{}", "aws:config:region": "x" });
  expect(() => host.constructConfig([["nonamespace", "1"]])).toThrow(/configuration keys should be of the form/);
});

test("plugins: package.json files under node_modules with pulumi.resource, deeply, symlinks followed once", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "langhost-"));
  const pkg = (rel: string, json: object) => {
    fs.mkdirSync(path.join(dir, rel), { recursive: true });
    fs.writeFileSync(path.join(dir, rel, "package.json"), JSON.stringify(json));
  };
  pkg("node_modules/@pulumi/random", { name: "@pulumi/random", version: "4.1.0", pulumi: { resource: true } });
  pkg("node_modules/third", { name: "third", version: "1.0.0", pulumi: { resource: true, name: "thirdparty", version: "v2.0.0", server: "https://example.invalid" } });
  pkg("node_modules/plain", { name: "plain", version: "1.0.0" });
  pkg("node_modules/plain/node_modules/@pulumi/tls", { name: "@pulumi/tls", version: "5.0.0", pulumi: { resource: true } });
  pkg("not-node-modules/@pulumi/aws", { name: "@pulumi/aws", version: "6.0.0", pulumi: { resource: true } }); // not in node_modules
  fs.symlinkSync(path.join(dir, "node_modules"), path.join(dir, "node_modules", "loop"));
  const errors: string[] = [];
  const found = host.packagesFromDir(dir, false, new Set(), errors, new Map());
  expect(found.map((p: any) => [p.getName(), p.getVersion(), p.getServer(), p.getKind()]).sort()).toEqual([
    ["random", "v4.1.0", "", "resource"],
    ["thirdparty", "v2.0.0", "https://example.invalid", "resource"],
    ["tls", "v5.0.0", "", "resource"],
  ]);
  expect(errors).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("started as the CLI starts it: the port on stdout's first line, then GetPluginInfo, GetRequiredPackages, Unimplemented", async () => {
  const child = spawn(process.execPath, [path.join(__dirname, "main.js"), "127.0.0.1:1"], {
    env: { ...process.env, OSLAB_LANGUAGE_HOST_VERSION: "3.274.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(Number(out.split("\n")[0]));
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(port).toBeGreaterThan(0);
    const Client = grpc.makeGenericClientConstructor(languageGrpc.LanguageRuntimeService, "LanguageRuntime");
    const client: any = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const call = <T>(method: string, req: unknown) =>
      new Promise<T>((resolve, reject) => client[method](req, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))));
    const info: any = await call("getPluginInfo", new emptyPb.Empty());
    expect(info.getVersion()).toBe("3.274.1");

    const programInfo = new languagePb.ProgramInfo();
    programInfo.setRootDirectory(__dirname);
    programInfo.setProgramDirectory(__dirname);
    programInfo.setEntryPoint(".");
    const req = new languagePb.GetRequiredPackagesRequest();
    req.setInfo(programInfo);
    const pkgs: any = await call("getRequiredPackages", req);
    expect(pkgs.getPackagesList()).toEqual([]);

    await expect(call("getRequiredPlugins", new languagePb.GetRequiredPluginsRequest())).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    await expect(call("template", new languagePb.TemplateRequest())).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    client.close();
  } finally {
    child.kill();
  }
});
