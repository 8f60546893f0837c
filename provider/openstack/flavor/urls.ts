/** Nova URLs of flavors. */
export const SERVICE = "compute" as const;
/** 2.75: swap is a number (0, not ""), extra_specs come with the flavor (2.61), description (2.55). */
export const MICROVERSION = "2.75";
export const FLAVORS = "/flavors";
export const flavorUrl = (id: string) => `${FLAVORS}/${encodeURIComponent(id)}`;
export const extraSpecsUrl = (id: string) => `${flavorUrl(id)}/os-extra_specs`;
export const extraSpecUrl = (id: string, key: string) => `${extraSpecsUrl(id)}/${encodeURIComponent(key)}`;
export const accessUrl = (id: string) => `${flavorUrl(id)}/os-flavor-access`;
export const actionUrl = (id: string) => `${flavorUrl(id)}/action`;
