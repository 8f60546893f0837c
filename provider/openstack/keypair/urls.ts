/** Nova URLs of key pairs (a key pair's id is its name, per user). */
export const SERVICE = "compute" as const;
/** 2.2 adds the key type. */
export const MICROVERSION = "2.2";
export const KEYPAIRS = "/os-keypairs";
export const keypairUrl = (name: string) => `${KEYPAIRS}/${encodeURIComponent(name)}`;
