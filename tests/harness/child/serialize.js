// Serializes providers in a plain node process, exactly as `pulumi up` would (the program runs in node, not in
// jest's VM realm). Usage: node serialize.js <module> <export>: `name` serializes that export, `name.*` each of
// its properties.
// Prints one JSON array: [{ key, ok, text, containsSecrets, error }].
// A pulumi.secret Output lives in scope (global) while serializing: a provider must not capture it.
"use strict";
const path = require("path");
const [modulePath, exportSpec] = process.argv.slice(2);
const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [path.dirname(modulePath), process.cwd()] }));

globalThis.__secretInScope = pulumi.secret(process.env.SERIALIZE_SECRET_MARKER || "no-marker");

(async () => {
  const mod = require(modulePath);
  const each = exportSpec.endsWith(".*");
  const name = each ? exportSpec.slice(0, -2) : exportSpec;
  const targets = each ? Object.entries(mod[name]) : [[name, mod[name]]];
  const results = [];
  for (const [key, provider] of targets) {
    try {
      const sf = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      results.push({ key, ok: true, text: sf.text, containsSecrets: sf.containsSecrets });
    } catch (e) {
      results.push({ key, ok: false, error: String((e && e.stack) || e) });
    }
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e));
  process.exit(1);
});
