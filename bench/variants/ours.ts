/** Variant "ours": the providers over the workload's stack, one resource at a time (lib/ours.ts). */
import { runOurs } from "../lib/ours";

runOurs("sequential").catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
