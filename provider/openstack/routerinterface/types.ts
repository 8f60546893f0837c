/** openstack.RouterInterface: inputs and outputs (from spec.ts). */
import type { InputsOf, OutputsOf } from "../../core/spec";
import type { spec } from "./spec";

export type RouterInterfaceInputs = InputsOf<typeof spec>;

export type RouterInterfaceOutputs = OutputsOf<typeof spec>;
