/**
 * Variant "ours-parallel": the same providers and stack as "ours", scheduled the way Pulumi's engine runs any
 * `pulumi up` / `refresh` / `destroy`: independent resources at the same time (lib/schedule.ts, lib/ours.ts).
 */
import { variantMain } from "../lib/child";
import { runOurs } from "../lib/ours";

variantMain(() => runOurs("parallel"));
