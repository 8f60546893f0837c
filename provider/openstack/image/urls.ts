/** Glance v2 URLs of images. */
export const SERVICE = "image" as const;
export const IMAGES = "/v2/images";
export const imageUrl = (id: string) => `${IMAGES}/${encodeURIComponent(id)}`;
export const imageFileUrl = (id: string) => `${imageUrl(id)}/file`;
/** Content type of Glance's PATCH (JSON patch). */
export const PATCH_CONTENT_TYPE = "application/openstack-images-v2.1-json-patch";
