/** Inputs and outputs of openstack.SecurityGroup. */
import type { Z } from "../../core/controller";
import { commonFields, descriptionSchema, nameSchema, OpenStackCommonInputs, tagsSchema } from "../common";

export interface SecurityGroupInputs extends OpenStackCommonInputs {
  name: string;
  description?: string;
  /**
   * Remove the egress rules Neutron adds to every new group (allow all IPv4/IPv6 out). While true, a default
   * egress rule that comes back shows as drift (`deleteDefaultRules` reads false) and is removed again.
   */
  deleteDefaultRules: boolean;
  /** false: a stateless group (Neutron's stateful-security-group extension). */
  stateful?: boolean;
  tags?: string[];
}

export interface SecurityGroupOutputs {
  name: string;
  description: string;
  deleteDefaultRules: boolean;
  stateful: boolean;
  tags: string[];
  projectId: string;
  /** Ids of every rule of the group (managed here or not). */
  ruleIds: string[];
}

export function schema(z: Z) {
  return z.strictObject({
    name: nameSchema(z).min(1, "must not be empty"),
    description: descriptionSchema(z).optional(),
    deleteDefaultRules: z.boolean().default(false),
    stateful: z.boolean().optional(),
    tags: tagsSchema(z).optional(),
    ...commonFields(z),
  }).refine((v) => v.name !== "default", { path: ["name"], message: '"default" is the group Neutron makes for every project; to give it rules use securityGroup: "default" in SecurityGroupRule(Set)' });
}
