/** A rule set lives in Neutron's security group and security group rule collections. */
export { SERVICE, GROUPS, RULES, groupUrl, ruleUrl, GROUP_COLLECTION } from "../securitygrouprule/urls";
