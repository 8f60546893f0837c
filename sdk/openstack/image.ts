import { spec } from "../../provider/openstack/image/spec";
import { ArgsOf, resourceClass, ResourceInstance } from "../resource";

/**
 * A Glance image uploaded from a local file (streamed, with progress, checked against Glance's hash), or imported
 * by Glance from a URL (web-download). A changed file (its hash), sourceUrl, diskFormat or containerFormat
 * replaces it; the rest changes in place.
 * Fields, docs, what replaces, secrets: provider/openstack/image/spec.ts; see its README.md.
 */
export interface ImageArgs extends ArgsOf<typeof spec> {}

/** `Image.get(name, id, state)` reads an existing one without managing it. */
export const Image = resourceClass<typeof spec, ImageArgs>(spec);
export type Image = ResourceInstance<typeof spec>;
