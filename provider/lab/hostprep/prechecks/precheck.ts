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
