/**
 * Creates cut off by a killed process (`pulumi up` killed with SIGKILL, a closed terminal, a power cut): the
 * engine then keeps the resource as a pending create, and after `pulumi refresh --clear-pending-creates` the next
 * `pulumi up` creates it again. So that this makes no second object, a create first writes a small record (the
 * object's collection, project and the fields that tell it apart, and when) to the journal folder, and adds the new
 * object's id once it has one: the engine may still never hear of it (the plugin outlives a killed CLI and finishes
 * the create). A later create of the same object that finds a record uses the recorded object when it still
 * exists, or else what the interrupted create made (created at or after the record's time) when there is exactly
 * one. The record goes once the engine shows it has the object (makeProvider: a diff, read, update or delete of that
 * id), or when the create failed for certain.
 *
 * The folder: OSLAB_CREATE_JOURNAL, else ~/.pulumi-openstack-lab/creates (read when called, never at load).
 * Records older than a day are ignored (and removed).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface JournalRecord {
  /** How messages name the object, e.g. `subnet "lab-b"`. */
  what: string;
  /** Epoch ms when the interrupted create started. */
  since: number;
  pid: number;
  /** The object the create made, once it answered. */
  id?: string;
}

const MAX_AGE_MS = 24 * 3600e3;

function dir(): string {
  return process.env.OSLAB_CREATE_JOURNAL || path.join(os.homedir(), ".pulumi-openstack-lab", "creates");
}

/** The record's file name for one object: its collection, project and identifying fields. */
export function journalKey(parts: { service: string; path: string; projectId: string; match: Record<string, string> }): string {
  const sorted = Object.fromEntries(Object.entries(parts.match).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify([parts.service, parts.path, parts.projectId, sorted])).digest("hex").slice(0, 32);
}

/** The record an earlier process left for this object (null when none, or too old). */
export function unfinishedCreate(key: string, now = Date.now()): JournalRecord | null {
  const file = path.join(dir(), `${key}.json`);
  try {
    const rec = JSON.parse(fs.readFileSync(file, "utf8")) as JournalRecord;
    if (typeof rec.since !== "number" || now - rec.since > MAX_AGE_MS) {
      fs.rmSync(file, { force: true });
      return null;
    }
    return rec;
  } catch {
    return null;
  }
}

/** Writes the record before the create is sent. */
export function beginCreate(key: string, what: string): void {
  fs.mkdirSync(dir(), { recursive: true, mode: 0o700 });
  const rec: JournalRecord = { what, since: Date.now(), pid: process.pid };
  fs.writeFileSync(path.join(dir(), `${key}.json`), JSON.stringify(rec), { mode: 0o600 });
}

/** The create answered with `id` (the engine may still not hear of it): kept until the engine shows it has it. */
export function createdObject(key: string, id: string): void {
  const file = path.join(dir(), `${key}.json`);
  const rec: JournalRecord = { ...(unfinishedCreate(key) ?? { what: "", since: Date.now(), pid: process.pid }), id };
  fs.writeFileSync(file, JSON.stringify(rec), { mode: 0o600 });
  fs.mkdirSync(path.join(dir(), "ids"), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir(), "ids", safe(id)), key, { mode: 0o600 });
}

/** The engine has the object (it diffs, reads, updates or deletes it): its record is done with. */
export function knownToEngine(id: string): void {
  const link = path.join(dir(), "ids", safe(id));
  let key: string;
  try {
    key = fs.readFileSync(link, "utf8");
  } catch {
    return; // the usual case: nothing recorded
  }
  if (unfinishedCreate(key)?.id === id) endCreate(key);
  fs.rmSync(link, { force: true });
}

/** Removes the record (the create failed for certain, or the engine has the object). */
export function endCreate(key: string): void {
  fs.rmSync(path.join(dir(), `${key}.json`), { force: true });
}

const safe = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, "_");
