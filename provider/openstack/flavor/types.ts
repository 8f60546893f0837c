/** openstack.Flavor: inputs and outputs (from spec.ts) and the checks spanning fields. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";

export type FlavorInputs = InputsOf<typeof spec>;

export type FlavorOutputs = OutputsOf<typeof spec>;

/** Why the immutable fields replace: Nova has no flavor update (only description, extra specs and access). */
export const IMMUTABLE_REASON = "Nova flavors are immutable";

/** The spec's fields, with the checks spanning fields. */
export function schema(z: Z) {
  return objectSchema(spec, z)
    .superRefine((v, ctx) => {
      if (known(v.isPublic, v.projectIds) && v.isPublic && v.projectIds.length > 0) {
        ctx.addIssue({ code: "custom", path: ["projectIds"], message: "grants access to a private flavor: set isPublic: false (a public flavor is open to every project)" });
      }
      if (known(v.projectIds)) {
        const seen = new Set<string>();
        v.projectIds.forEach((p, i) => {
          if (seen.has(p)) ctx.addIssue({ code: "custom", path: ["projectIds", i], message: `duplicate project "${p}"` });
          seen.add(p);
        });
      }
    }, whenValid(["isPublic", "projectIds"]));
}
