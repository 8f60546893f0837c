/** Neutron URLs of security groups (declared with their rules' in common/rules/urls.ts). */
export { SERVICE, GROUPS, groupUrl, GROUP_COLLECTION as COLLECTION } from "../common/rules/urls";
