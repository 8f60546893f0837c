/**
 * pulumi-openstack-lab: Pulumi dynamic resources that build an OpenStack learning lab as code.
 *
 *   import { openstack, virtualbox, lab, providers } from "pulumi-openstack-lab";
 */
export * as openstack from "./sdk/openstack";
export * as virtualbox from "./sdk/virtualbox";
export * as lab from "./sdk/lab";
export { providers } from "./sdk/providers";
