/**
 * The security group rule model that openstack.SecurityGroupRule, SecurityGroupRuleSet and SecurityGroup's
 * inline rules share: a rule's fields, checks and canonical form (rule.ts, protocols.ts), Neutron's rule bodies
 * (api.ts), URLs, the Neutron calls (requests.ts), and reconciling a group's rules to a list (plan.ts,
 * reconcile.ts, outputs.ts).
 */
export * from "./rule";
export * from "./protocols";
export * from "./api";
export * from "./urls";
export * from "./requests";
export * from "./plan";
export * from "./limit";
export * from "./reconcile";
export * from "./outputs";
