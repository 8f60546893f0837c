/**
 * Variant "ours-parallel": the same providers and stack as "ours", scheduled the way Pulumi's engine runs any
 * `pulumi up` / `refresh` / `destroy`: independent resources at the same time (lib/schedule.ts, lib/ours.ts).
 */
import { runOurs } from "../lib/ours";

runOurs("parallel").catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
