/** Glance v2 calls for images: create the record, stream the file, get, patch, delete, adopt lookup. */
import * as fs from "fs";
import { Transform } from "stream";
import { createHash } from "crypto";
import type { OpContext } from "../../core/controller";
import { isNotFound, nullIfNotFound } from "../../core/errors";
import { pollUntil } from "../../core/retry";
import type { OpenStackClient } from "../client";
import { adoptByIdOrName, AdoptInput } from "../common";
import { resolveFile } from "./file";
import type { ApiImage } from "./results";
import { ImageInputs, isOwnProperty } from "./types";
import { IMAGES, imageFileUrl, imageImportUrl, imageTasksUrl, imageUrl, PATCH_CONTENT_TYPE, SERVICE } from "./urls";

export function createBody(i: ImageInputs): Record<string, unknown> {
  return {
    name: i.name,
    disk_format: i.diskFormat,
    container_format: i.containerFormat,
    min_disk: i.minDisk,
    min_ram: i.minRam,
    visibility: i.visibility,
    ...i.properties,
  };
}

export async function createImage(client: OpenStackClient, i: ImageInputs): Promise<ApiImage> {
  return client.post(SERVICE, IMAGES, createBody(i));
}

export async function getImage(client: OpenStackClient, id: string): Promise<ApiImage | null> {
  return nullIfNotFound(client.get(SERVICE, imageUrl(id)));
}

const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/**
 * Streams the file to Glance (PUT .../file), saying how far it is every 10%; the sha512 and md5 of what was sent,
 * to compare with what Glance computed.
 */
export async function uploadFile(client: OpenStackClient, id: string, file: string, ctx: Pick<OpContext, "progress">): Promise<{ sha512: string; md5: string; size: number }> {
  const size = fs.statSync(resolveFile(file)).size;
  const sha512 = createHash("sha512");
  const md5 = createHash("md5");
  let sent = 0;
  let nextReport = 0.1;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      sha512.update(chunk);
      md5.update(chunk);
      while (size > 0 && sent / size >= nextReport && nextReport <= 1) {
        ctx.progress(`uploading: ${Math.round(nextReport * 100)}% (${mib(sent)} of ${mib(size)})`);
        nextReport += 0.1;
      }
      done(null, chunk);
    },
  });
  const source = fs.createReadStream(resolveFile(file));
  source.on("error", (e) => counter.destroy(e));
  ctx.progress(`uploading ${resolveFile(file)} (${mib(size)})`);
  await client.upload(SERVICE, "PUT", imageFileUrl(id), source.pipe(counter), {
    "Content-Type": "application/octet-stream",
    "Content-Length": String(size),
  });
  return { sha512: sha512.digest("hex"), md5: md5.digest("hex"), size: sent };
}

/** JSON-patch ops that make the in-place fields of `live` what `news` says (only the changed fields). */
export function patchOps(live: ApiImage, news: ImageInputs, changed: string[]): Array<Record<string, unknown>> {
  const ops: Array<Record<string, unknown>> = [];
  const set = (attr: string, value: unknown) => ops.push({ op: attr in live ? "replace" : "add", path: `/${attr}`, value });
  if (changed.includes("name")) set("name", news.name);
  if (changed.includes("minDisk")) set("min_disk", news.minDisk);
  if (changed.includes("minRam")) set("min_ram", news.minRam);
  if (changed.includes("visibility")) set("visibility", news.visibility);
  if (changed.includes("properties")) {
    for (const [k, v] of Object.entries(news.properties)) if (live[k] !== v) set(k, v);
    for (const k of Object.keys(live)) if (!isOwnProperty(k) && !(k in news.properties)) ops.push({ op: "remove", path: `/${k}` });
  }
  return ops;
}

export async function patchImage(client: OpenStackClient, id: string, ops: Array<Record<string, unknown>>): Promise<ApiImage> {
  return (await client.request(SERVICE, "PATCH", imageUrl(id), { body: ops, headers: { "Content-Type": PATCH_CONTENT_TYPE }, idempotent: true })).data;
}

export async function deleteImage(client: OpenStackClient, id: string): Promise<void> {
  await nullIfNotFound(client.delete(SERVICE, imageUrl(id)));
}

/** adopt: by id, or by name among the project's images. */
export async function findImage(client: OpenStackClient, adopt: AdoptInput): Promise<string | null> {
  const named = async (name: string) => (await client.get(SERVICE, IMAGES, { name, owner: client.projectId }))?.images ?? [];
  return adoptByIdOrName(adopt, "image", (id) => getImage(client, id), named, ` in project ${client.projectId}`);
}

/** Asks Glance to download `uri` into the (queued) image: its web-download import, done by a Glance task. */
export async function startWebDownload(client: OpenStackClient, id: string, uri: string): Promise<void> {
  await client.request(SERVICE, "POST", imageImportUrl(id), { body: { method: { name: "web-download", uri } } });
}

interface ImportTask {
  id: string;
  status: string;
  message: string;
  created_at: string;
}

/** The image's newest import task, or null (Glance without the tasks call: older than API 2.12). */
export async function lastImportTask(client: OpenStackClient, id: string): Promise<ImportTask | null> {
  try {
    const body = await client.get(SERVICE, imageTasksUrl(id));
    const tasks: ImportTask[] = body?.tasks ?? [];
    return tasks.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0] ?? null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/**
 * Waits until the imported image is active, saying what Glance is doing when it changes (status, the import
 * task's status and message, bytes so far). A failed import task (or the image falling back to `queued` with
 * `os_glance_failed_import` set) fails with Glance's own message; so does the deadline (customTimeouts.create).
 */
export async function waitForImport(client: OpenStackClient, id: string, uri: string, ctx: Pick<OpContext, "progress" | "deadline">): Promise<ApiImage> {
  let last = "";
  let status = "";
  const image = await pollUntil(
    async () => {
      const image = await getImage(client, id);
      if (!image) throw new Error(`image ${id} disappeared during the import`);
      status = image.status;
      if (image.status === "active") return image;
      const task = await lastImportTask(client, id);
      const failedStores = String(image.os_glance_failed_import ?? "");
      if (task?.status === "failure" || failedStores || image.status === "killed") {
        throw new Error(`Glance could not import ${uri}: ${task?.message || `the import failed (status ${image.status}${failedStores ? `, failed stores ${failedStores}` : ""})`}`);
      }
      const now = `status ${image.status}${task ? `, task ${task.status}${task.message ? `: ${task.message}` : ""}` : ""}`;
      if (now !== last) ctx.progress(`importing ${uri}: ${now}`);
      last = now;
      return null;
    },
    (image) => image !== null,
    {
      firstMs: 300,
      capMs: 3000,
      deadline: ctx.deadline,
      timedOut: () => {
        throw new Error(`image ${id} is still ${status} after importing ${uri} until the deadline; raise customTimeouts.create if the download is just slow`);
      },
    },
  );
  return image as ApiImage;
}
