/**
 * A Neutron-style collection (`/v2.0/networks` of objects sent and returned under one key) and the URLs of its
 * objects: each resource's urls.ts makes its collection here, and every request of neutronResource.ts, find.ts
 * and recover.ts takes its URL from it (as gophercloud's urls.go).
 */
export interface Collection {
  /** Catalog service type, e.g. "network". */
  service: string;
  /** Collection URL path, e.g. "/v2.0/networks". */
  path: string;
  /** Singular JSON key, e.g. "network". */
  singular: string;
  /** Plural JSON key, e.g. "networks". */
  plural: string;
  /** One object's URL path, e.g. "/v2.0/networks/<id>". */
  url(id: string): string;
}

export function collection(service: string, path: string, singular: string, plural: string): Collection {
  return { service, path, singular, plural, url: (id) => `${path}/${encodeURIComponent(id)}` };
}
