/** Variant "ours": the providers over the workload's stack, one resource at a time (lib/ours.ts). */
import { variantMain } from "../lib/child";
import { runOurs } from "../lib/ours";

variantMain(() => runOurs("sequential"));
