/** Neutron calls for security groups: the shared CRUD (neutronResource), the request bodies, default rules. */
import type { OpContext } from "../../core/controller";
import { neutronResource } from "../common";
import type { ApiGroup } from "./results";
import { defaultEgressRules } from "./results";
import { COLLECTION } from "./urls";
import type { SecurityGroupInputs } from "./types";
import { deleteRule, NetworkClient } from "../common/rules";

/** Deleting a group still used by ports answers 409: retried until the deadline. */
export const groups = neutronResource<ApiGroup>(COLLECTION);

export function createBody(i: SecurityGroupInputs): Record<string, unknown> {
  const body: Record<string, unknown> = { name: i.name };
  if (i.description !== undefined) body.description = i.description;
  if (i.stateful !== undefined) body.stateful = i.stateful;
  return body;
}

/** The in-place fields that changed, as Neutron attributes. */
export function updateBody(i: SecurityGroupInputs, changed: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const k of ["name", "description", "stateful"] as const) {
    if (changed.includes(k) && i[k] !== undefined) body[k] = i[k];
  }
  return body;
}

/** Deletes Neutron's default egress rules; returns the group without them. */
export async function removeDefaultEgress(client: NetworkClient, g: ApiGroup, ctx: Pick<OpContext, "deadline" | "progress">): Promise<ApiGroup> {
  const doomed = defaultEgressRules(g);
  await Promise.all(doomed.map((r) => deleteRule(client, r.id, ctx)));
  const gone = new Set(doomed.map((r) => r.id));
  return { ...g, security_group_rules: (g.security_group_rules ?? []).filter((r) => !gone.has(r.id)) };
}
