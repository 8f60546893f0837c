/** A precheck (kolla-ansible's prechecks are the model): probe facts, then each problem as ONE line with its fix. */
import type { Facts, Probe } from "../probe";
import type { HostPrepInputs } from "../types";

export interface Verdict {
  failures?: string[];
  warnings?: string[];
}

export interface Precheck extends Probe {
  evaluate(facts: Facts, want: HostPrepInputs): Verdict;
}

/** A precheck on one number the probe reads as fact `fact`: `unreadable` when it is missing or no number, else `judge`. */
export function numberPrecheck(key: string, probe: string, fact: string, unreadable: string, judge: (n: number) => Verdict): Precheck {
  return {
    key,
    probe,
    evaluate(f) {
      const n = Number(f[fact]);
      if (!f[fact] || !Number.isFinite(n)) return { failures: [unreadable] };
      return judge(n);
    },
  };
}
