/**
 * openstack.Image: a Glance image uploaded from a local file (streamed, with progress), checked against the hash
 * Glance computed (os_hash_value). The file's hash is an input (check computes it): a changed file replaces the
 * image, as do the disk and container formats; name, min disk/RAM, visibility and properties change in place.
 * A failed or interrupted upload deletes the half-made image again, so running `up` again starts clean.
 * Or, with `sourceUrl`, Glance downloads the image itself (its web-download import): the record is created, the
 * import started, and the image waited for until active; a failed import deletes it again with Glance's message.
 * A changed URL replaces the image.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider } from "../../core/controller";
import { clientFor } from "../client";
import { CLOUD_COMPARE } from "../common";
import { createImage, deleteImage, findImage, getImage, patchImage, patchOps, startWebDownload, uploadFile, waitForImport } from "./requests";
import { imageOutputs, liveHash } from "./results";
import { ImageInputs, ImageOutputs, schema } from "./types";

/** Gone, or never finished: "killed" (upload failed), "deleted", "pending_delete". */
const GONE = new Set(["deleted", "killed", "pending_delete"]);

export const controller: Controller<ImageInputs, ImageOutputs> = {
  ...fromSpec(spec),
  // the file's path is where the program finds it, not a property of the image: its content (fileHash) is
  compare: { ...CLOUD_COMPARE, file: "ignore" },
  schema,
  checkAlwaysParses: "check reads the image file: fileHash from its content, the format from its header",
  // fileHash is no input field: check sets it from the file, and a changed file replaces the image
  replaceOn: ["fileHash", ...fromSpec(spec).replaceOn],
  defaultTimeoutMs: { create: 30 * 60e3, update: 2 * 60e3, delete: 5 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const made = await createImage(client, inputs);
    ctx.progress(`created image record ${made.id}`);
    if (inputs.sourceUrl !== undefined) {
      const url = inputs.sourceUrl;
      let live;
      try {
        await startWebDownload(client, made.id, url);
        ctx.progress(`Glance is downloading ${url}`);
        live = await waitForImport(client, made.id, url, ctx);
      } catch (e) {
        await deleteImage(client, made.id).catch(() => undefined);
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`${why}; the image ${made.id} was deleted again`);
      }
      ctx.progress(`imported, active (${live.size} bytes, ${liveHash(live).slice(0, 24)}...)`);
      return { id: made.id, outs: { ...imageOutputs(live), sourceUrl: url } };
    }
    const file = inputs.file as string;
    let sent;
    try {
      sent = await uploadFile(client, made.id, file, ctx);
    } catch (e) {
      await deleteImage(client, made.id).catch(() => undefined);
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`uploading ${file} failed (${why}); the half-made image ${made.id} was deleted again: run the update again`);
    }
    const live = await getImage(client, made.id);
    if (!live || live.status !== "active") {
      await deleteImage(client, made.id).catch(() => undefined);
      throw new Error(`image ${made.id} is ${live?.status ?? "gone"} after the upload, not active (deleted again)`);
    }
    const expected = live.os_hash_algo === "sha512" ? sent.sha512 : undefined;
    const mismatch =
      (expected !== undefined && live.os_hash_value !== expected) || (live.checksum && live.checksum !== sent.md5) || (live.size !== null && live.size !== sent.size);
    if (mismatch) {
      await deleteImage(client, made.id).catch(() => undefined);
      throw new Error(
        `image ${made.id}: Glance stored ${live.size} bytes with ${liveHash(live) || `md5 ${live.checksum}`}, ` +
          `but ${sent.size} bytes with sha512 ${sent.sha512} were sent; the image was deleted again`,
      );
    }
    if (live.os_hash_algo && live.os_hash_algo !== "sha512") {
      ctx.progress(`Glance hashes with ${live.os_hash_algo}, not sha512: fileHash will show it as changed`);
    }
    ctx.progress(`uploaded, active (${liveHash(live).slice(0, 24)}...)`);
    return { id: made.id, outs: imageOutputs(live) };
  },

  async find(adopt, inputs) {
    return findImage(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const i = await getImage(await clientFor(state.cloud), id);
    if (!i || GONE.has(i.status)) return null;
    // Glance keeps no record of the URL an image came from: it stays what it was imported from
    return state.sourceUrl !== undefined ? { ...imageOutputs(i), sourceUrl: state.sourceUrl } : imageOutputs(i);
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const live = await getImage(client, id);
    if (!live || GONE.has(live.status)) throw new Error(`image ${id} no longer exists`);
    const ops = patchOps(live, news, ctx.changed);
    if (!ops.length) return imageOutputs(live);
    ctx.progress(`updating ${ops.map((o) => String(o.path).slice(1)).join(", ")}`);
    return imageOutputs(await patchImage(client, id, ops));
  },

  async delete(id, state) {
    await deleteImage(await clientFor(state.cloud), id);
  },
};

export const provider = makeProvider(controller);
