/** virtualbox.Snapshot: inputs and outputs (from spec.ts). */
import type { Z } from "../../core/controller";
import { InputsOf, objectSchema, OutputsOf } from "../../core/spec";
import { spec } from "./spec";

export type SnapshotInputs = InputsOf<typeof spec>;

export type SnapshotOutputs = OutputsOf<typeof spec>;

export function snapshotSchema(z: Z) {
  return objectSchema(spec, z);
}
