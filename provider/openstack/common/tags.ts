/** Neutron's standard tags: the whole set is replaced with one PUT {collection}/{id}/tags. */

export interface TagClient {
  put(service: string, path: string, body: unknown): Promise<any>;
}

export async function replaceTags(client: TagClient, service: string, resourcePath: string, tags: string[]): Promise<string[]> {
  const body = await client.put(service, `${resourcePath}/tags`, { tags: [...new Set(tags)] });
  return sortedTags(body?.tags ?? tags);
}

/** Tags as the API returns them, in a stable order (Neutron does not keep the order). */
export function sortedTags(tags: unknown): string[] {
  return Array.isArray(tags) ? tags.map(String).sort() : [];
}
