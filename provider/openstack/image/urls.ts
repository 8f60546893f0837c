/** Glance v2 URLs of images. */
export const SERVICE = "image" as const;
export const IMAGES = "/v2/images";
export const imageUrl = (id: string) => `${IMAGES}/${encodeURIComponent(id)}`;
export const imageFileUrl = (id: string) => `${imageUrl(id)}/file`;
/** Content type of Glance's PATCH (JSON patch). */
export const PATCH_CONTENT_TYPE = "application/openstack-images-v2.1-json-patch";
/** Glance's image import (API 2.6+): POST {method: {name: "web-download", uri}}. */
export const imageImportUrl = (id: string) => `${imageUrl(id)}/import`;
/** The import tasks of an image (API 2.12+): their status and Glance's message when one failed. */
export const imageTasksUrl = (id: string) => `${imageUrl(id)}/tasks`;
