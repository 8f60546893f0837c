/**
 * Neutron calls on security group rules that the rule, the rule set and a group's inline rules share: resolving
 * "default", get, find the same rule, create-or-adopt one, bulk create, delete.
 */
import type { OpContext } from "../../../core/controller";
import type { OpenStackClient } from "../../client";
import { neutronResource } from "../neutronResource";
import { apiProtocol } from "./protocols";
import { ApiRule, existingRuleId, ruleFromApi } from "./api";
import { resolveSelf, RuleSpec, ruleKey } from "./rule";
import { GROUP_COLLECTION, GROUPS, RULE_COLLECTION, RULES, SERVICE } from "./urls";

export type NetworkClient = Pick<OpenStackClient, "projectId" | "get" | "post" | "put" | "delete">;

const rules = neutronResource<ApiRule>(RULE_COLLECTION);
/** The groups as this module reads them (a group embeds its rules). */
const groups = neutronResource<{ name: string; security_group_rules?: ApiRule[] }>(GROUP_COLLECTION);

const statusOf = (e: unknown) => (e as { status?: number } | null)?.status;
const errorTypeOf = (e: unknown) => (e as { errorType?: string } | null)?.errorType;

/** The group id `securityGroup` names: an id, or "default" = the caller's project's default group. */
export async function resolveGroupId(client: NetworkClient, securityGroup: string): Promise<string> {
  if (securityGroup !== "default") return securityGroup;
  // Filter by project: an admin sees every project's default group.
  const body = await client.get(SERVICE, GROUPS, { name: "default", project_id: client.projectId, fields: ["id", "name"] });
  const groups: Array<{ id: string; name: string }> = (body?.security_groups ?? []).filter((g: any) => g.name === "default");
  if (groups.length !== 1) {
    throw new Error(`securityGroup "default": project ${client.projectId} has ${groups.length} groups named default; give the group id`);
  }
  return groups[0].id;
}

export function toApiRule(groupId: string, spec: RuleSpec): Record<string, unknown> {
  const r = resolveSelf(spec, groupId);
  const body: Record<string, unknown> = {
    security_group_id: groupId,
    direction: r.direction,
    ethertype: r.ethertype,
    protocol: apiProtocol(r.protocol),
    description: r.description,
  };
  if (r.portRangeMin !== null) body.port_range_min = r.portRangeMin;
  if (r.portRangeMax !== null) body.port_range_max = r.portRangeMax;
  if (r.remoteIpPrefix !== null) body.remote_ip_prefix = r.remoteIpPrefix;
  if (r.remoteGroupId !== null) body.remote_group_id = r.remoteGroupId;
  return body;
}

/** The rule, or null when it does not exist. */
export function getRule(client: NetworkClient, id: string): Promise<ApiRule | null> {
  return rules.get(client, id);
}

/** Every rule of a group, with the group itself (one GET); null when the group is gone. */
export async function getGroupWithRules(client: NetworkClient, groupId: string): Promise<{ name: string; rules: ApiRule[] } | null> {
  const g = await groups.get(client, groupId);
  return g ? { name: g.name, rules: g.security_group_rules ?? [] } : null;
}

/** The rule of the group that is the same rule as `r` for Neutron, if any. */
export async function findSameRule(client: NetworkClient, groupId: string, r: RuleSpec): Promise<ApiRule | null> {
  const body = await client.get(SERVICE, RULES, { security_group_id: groupId, direction: r.direction, ethertype: r.ethertype });
  const key = ruleKey(resolveSelf(r, groupId));
  return (body?.security_group_rules ?? []).find((x: ApiRule) => ruleKey(ruleFromApi(x)) === key) ?? null;
}

export function isRuleExists(e: unknown): boolean {
  return statusOf(e) === 409 && errorTypeOf(e) === "SecurityGroupRuleExists";
}

/** Creates one rule; when Neutron answers 409 SecurityGroupRuleExists, the existing rule is returned with `adopted: true`. */
export async function createOrAdopt(client: NetworkClient, groupId: string, r: RuleSpec): Promise<{ rule: ApiRule; adopted: boolean }> {
  try {
    const body = await client.post(SERVICE, RULES, { security_group_rule: toApiRule(groupId, r) });
    return { rule: body.security_group_rule, adopted: false };
  } catch (e) {
    if (!isRuleExists(e)) throw e;
    const id = existingRuleId((e as { detail?: string }).detail ?? (e as Error).message);
    const existing = (id && (await getRule(client, id))) || (await findSameRule(client, groupId, r));
    if (!existing) throw e;
    return { rule: existing, adopted: true };
  }
}

/** Creates many rules with ONE request (Neutron's bulk create is all or nothing). */
export async function bulkCreateRules(client: NetworkClient, groupId: string, rules: RuleSpec[]): Promise<ApiRule[]> {
  if (rules.length === 0) return [];
  const body = await client.post(SERVICE, RULES, { security_group_rules: rules.map((r) => toApiRule(groupId, r)) });
  return body?.security_group_rules ?? [];
}

/** Deletes a rule; one already gone counts as deleted, a 409 is retried until the deadline. */
export function deleteRule(client: NetworkClient, id: string, ctx: Pick<OpContext, "deadline" | "progress">): Promise<void> {
  return rules.remove(client, id, ctx);
}
