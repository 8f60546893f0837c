/** openstack.Router: inputs and outputs (from spec.ts) and the check spanning fields. */
import type { Z } from "../../core/controller";
import { needs } from "../../core/refine";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";

export type RouterInputs = InputsOf<typeof spec>;

export interface ExternalFixedIp {
  subnetId: string;
  ipAddress: string;
}

export type RouterOutputs = OutputsOf<typeof spec>;

/** The spec's fields, with the check spanning fields. */
export function schema(z: Z) {
  return objectSchema(spec, z).superRefine(...needs("enableSnat", "externalNetworkId", "needs externalNetworkId (SNAT happens on the external gateway)"));
}
