/**
 * openstack.Keypair: an OpenSSH public key imported into Nova (for the user the credentials name). Nova cannot
 * change a key pair: any change replaces it (deleted first, the name being its id). id = the name.
 */
import { Controller, makeProvider } from "../../core/controller";
import { clientFor, isConflict } from "../client";
import { CLOUD_COMPARE } from "../common";
import { createKeypair, deleteKeypair, getKeypair } from "./requests";
import { keypairOutputs } from "./results";
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { KeypairInputs, KeypairOutputs, keyMaterial } from "./types";

export const controller: Controller<KeypairInputs, KeypairOutputs> = {
  ...fromSpec(spec),
  compare: { ...CLOUD_COMPARE, publicKey: (a, b) => keyMaterial(a) === keyMaterial(b) },
  deleteBeforeReplace: true,
  defaultTimeoutMs: { create: 60e3, update: 60e3, delete: 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    try {
      const k = await createKeypair(client, inputs);
      ctx.progress(`imported ${k.type ?? inputs.type} key ${k.fingerprint}`);
      return { id: k.name, outs: keypairOutputs(k) };
    } catch (e) {
      if (isConflict(e)) {
        throw new Error(`a key pair named "${inputs.name}" already exists for this user; adopt it (adopt: {name: "${inputs.name}"}) or choose another name`);
      }
      throw e;
    }
  },

  /** By id or name: both are the key pair's name. */
  async find(adopt, inputs) {
    const name = adopt.id ?? adopt.name;
    if (adopt.id && adopt.name && adopt.id !== adopt.name) throw new Error(`adopt: a key pair's id is its name; "${adopt.id}" and "${adopt.name}" differ`);
    const k = await getKeypair(await clientFor(inputs.cloud), String(name));
    return k ? k.name : null;
  },

  async read(id, state) {
    const k = await getKeypair(await clientFor(state.cloud), id);
    return k ? keypairOutputs(k) : null;
  },

  /** Every field replaces: an update only ever follows a change of `cloud`. */
  async update(id, _olds, news) {
    const k = await getKeypair(await clientFor(news.cloud), id);
    if (!k) throw new Error(`key pair ${id} no longer exists`);
    return keypairOutputs(k);
  },

  async delete(id, state) {
    await deleteKeypair(await clientFor(state.cloud), id);
  },
};

export const provider = makeProvider(controller);
