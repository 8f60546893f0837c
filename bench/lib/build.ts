/**
 * The variant processes run as plain JavaScript (node, no ts-node in the measured process): every .ts file of
 * bench/ is transpiled into a temporary directory with the same layout; other files (the Python variant) are copied.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

export function buildBench(benchDir: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-bench-"));
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(benchDir, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "results" && !entry.name.startsWith(".")) walk(r);
        continue;
      }
      fs.mkdirSync(path.join(out, rel), { recursive: true });
      const source = fs.readFileSync(path.join(benchDir, r), "utf8");
      if (entry.name.endsWith(".ts")) {
        const js = ts.transpileModule(source, {
          compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
          fileName: r,
        }).outputText;
        fs.writeFileSync(path.join(out, r.replace(/\.ts$/, ".js")), js);
      } else if (entry.name.endsWith(".py")) {
        fs.writeFileSync(path.join(out, r), source);
      }
    }
  };
  walk(".");
  return out;
}
