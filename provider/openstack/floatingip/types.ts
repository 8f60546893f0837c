/** openstack.FloatingIp: inputs and outputs (from spec.ts) and the check spanning fields. */
import type { Z } from "../../core/controller";
import { needs } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";

export type FloatingIpInputs = InputsOf<typeof spec>;

export type FloatingIpOutputs = OutputsOf<typeof spec>;

/** The spec's fields, with the check spanning fields. */
export function schema(z: Z) {
  return objectSchema(spec, z).superRefine(...needs("fixedIpAddress", "portId", "needs portId (the port whose fixed address it is)"));
}
