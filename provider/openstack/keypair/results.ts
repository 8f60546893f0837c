/** Nova key pair body -> outputs. */
import type { KeypairOutputs } from "./types";

export interface ApiKeypair {
  name: string;
  public_key: string;
  fingerprint: string;
  type?: string;
  user_id?: string;
}

export function keypairOutputs(k: ApiKeypair): KeypairOutputs {
  return { name: k.name, publicKey: k.public_key.trim(), type: k.type ?? "ssh", fingerprint: k.fingerprint, userId: k.user_id ?? "" };
}
