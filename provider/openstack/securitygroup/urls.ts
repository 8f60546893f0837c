/** Neutron security groups (declared with their rules' in common/rules/urls.ts). */
export { GROUP_COLLECTION as COLLECTION } from "../common/rules/urls";
