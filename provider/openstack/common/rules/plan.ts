/**
 * What a rule set has to change: the live rules of the group (one GET) against the wanted rules. Pure, so the
 * rules about Neutron's own default rules live in one place.
 */
import { ApiRule, ruleFromApi } from "./api";
import { fullRuleKey, resolveSelf, ruleKey, RuleSpec, SELF } from "./rule";

export interface LiveGroup {
  id: string;
  name: string;
  rules: ApiRule[];
}

export interface Plan {
  /** Live rules that stay, each with the wanted rule it is (in the wanted rule's own form). */
  keep: Array<{ rule: ApiRule; as: RuleSpec }>;
  /** Live rules to delete: not wanted (added out of band, or wanted with another description). */
  remove: ApiRule[];
  /** Wanted rules missing from the group. */
  add: RuleSpec[];
  /** Neutron's default rules left alone (includeDefaultRules false and not wanted). */
  ignored: ApiRule[];
}

/** A rule Neutron creates by itself: egress any, or (in the group named "default") ingress any from itself. */
export function isDefaultRule(r: ApiRule, groupName: string): boolean {
  const s = ruleFromApi(r); // 0.0.0.0/0 and ::/0 count as "any", as Neutron counts them
  if (s.protocol !== "any" || s.portRangeMin !== null || s.portRangeMax !== null || s.remoteIpPrefix !== null) return false;
  if (s.direction === "egress") return s.remoteGroupId === null;
  return groupName === "default" && s.remoteGroupId === r.security_group_id;
}

/** A live rule in the form outputs use: its own group shown as "self". */
export function liveSpec(r: ApiRule): RuleSpec {
  const spec = ruleFromApi(r);
  return spec.remoteGroupId === r.security_group_id ? { ...spec, remoteGroupId: SELF } : spec;
}

export function plan(group: LiveGroup, wanted: RuleSpec[], includeDefaultRules: boolean): Plan {
  const resolved = wanted.map((w) => resolveSelf(w, group.id));
  const wantedKeys = new Set(resolved.map(ruleKey));
  const byFullKey = new Map<string, RuleSpec>();
  resolved.forEach((r, i) => byFullKey.set(fullRuleKey(r), wanted[i]));

  const out: Plan = { keep: [], remove: [], add: [], ignored: [] };
  const matched = new Set<string>();
  for (const rule of group.rules) {
    const spec = ruleFromApi(rule);
    const full = fullRuleKey(spec);
    const as = byFullKey.get(full);
    if (as && !matched.has(full)) {
      matched.add(full);
      out.keep.push({ rule, as });
    } else if (!includeDefaultRules && isDefaultRule(rule, group.name) && !wantedKeys.has(ruleKey(spec))) {
      out.ignored.push(rule);
    } else {
      out.remove.push(rule);
    }
  }
  resolved.forEach((r, i) => {
    if (!matched.has(fullRuleKey(r))) out.add.push(wanted[i]);
  });
  return out;
}
