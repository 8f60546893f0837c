/** Nova calls for key pairs. */
import { nullIfNotFound } from "../../core/errors";
import { nova, OpenStackClient } from "../client";
import type { ApiKeypair } from "./results";
import type { KeypairInputs } from "./types";
import { KEYPAIRS, keypairUrl, MICROVERSION } from "./urls";

export async function createKeypair(client: OpenStackClient, i: KeypairInputs): Promise<ApiKeypair> {
  const body = { keypair: { name: i.name, public_key: i.publicKey, type: i.type } };
  return (await nova(client, MICROVERSION, "POST", KEYPAIRS, { body })).keypair;
}

/** null when there is no such key pair (404). */
export async function getKeypair(client: OpenStackClient, name: string): Promise<ApiKeypair | null> {
  return (await nullIfNotFound(nova(client, MICROVERSION, "GET", keypairUrl(name))))?.keypair ?? null;
}

/** 404 = already gone. */
export async function deleteKeypair(client: OpenStackClient, name: string): Promise<void> {
  await nullIfNotFound(nova(client, MICROVERSION, "DELETE", keypairUrl(name)));
}
