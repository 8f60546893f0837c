/** Neutron calls for security groups. */
import type { OpContext } from "../../core/controller";
import { deleteUntilGone, findByIdOrName, listCreatedSince, replaceTags } from "../common";
import type { AdoptInput } from "../common";
import { deleteRule, NetworkClient } from "../securitygrouprule/requests";
import type { ApiGroup } from "./results";
import { defaultEgressRules } from "./results";
import { COLLECTION, GROUPS, groupUrl, SERVICE } from "./urls";
import type { SecurityGroupInputs } from "./types";

const statusOf = (e: unknown) => (e as { status?: number } | null)?.status;

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

export async function createGroup(client: NetworkClient, body: Record<string, unknown>): Promise<ApiGroup> {
  return (await client.post(SERVICE, GROUPS, { security_group: body })).security_group;
}

export async function getGroup(client: NetworkClient, id: string): Promise<ApiGroup | null> {
  try {
    return (await client.get(SERVICE, groupUrl(id)))?.security_group ?? null;
  } catch (e) {
    if (statusOf(e) === 404) return null;
    throw e;
  }
}

export async function updateGroup(client: NetworkClient, id: string, body: Record<string, unknown>): Promise<ApiGroup> {
  return (await client.put(SERVICE, groupUrl(id), { security_group: body })).security_group;
}

export async function setGroupTags(client: NetworkClient, id: string, tags: string[]): Promise<string[]> {
  return replaceTags(client, SERVICE, groupUrl(id), tags);
}

/** Deletes Neutron's default egress rules; returns the group without them. */
export async function removeDefaultEgress(client: NetworkClient, g: ApiGroup): Promise<ApiGroup> {
  const doomed = defaultEgressRules(g);
  await Promise.all(doomed.map((r) => deleteRule(client, r.id)));
  const gone = new Set(doomed.map((r) => r.id));
  return { ...g, security_group_rules: (g.security_group_rules ?? []).filter((r) => !gone.has(r.id)) };
}

export async function findGroup(client: NetworkClient, adopt: AdoptInput): Promise<string | null> {
  return findByIdOrName(client, COLLECTION, adopt);
}

/** The project's groups named `name` created at or after `since` (what a create whose answer was lost made). */
export async function groupsCreatedSince(client: NetworkClient, name: string, since: Date): Promise<ApiGroup[]> {
  return listCreatedSince(client, COLLECTION, { name }, since);
}

/** Delete; a group still used by ports answers 409 and is retried until the deadline. */
export async function deleteGroup(client: NetworkClient, id: string, ctx: Pick<OpContext, "deadline" | "progress">): Promise<void> {
  await deleteUntilGone(client, SERVICE, groupUrl(id), `security group ${id}`, ctx);
}
