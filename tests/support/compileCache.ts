/**
 * What is in a Node compile cache folder (NODE_COMPILE_CACHE / module.enableCompileCache). Node names each entry
 * after crc32 of its code type (0: CommonJS) and the module's file name (nodejs/node src/compile_cache.cc), below
 * a folder per Node version; the entries hold no file name, so a module's entry is found by that name.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

/** Every entry file below `dir` (none when it does not exist). */
export function cacheEntries(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

/** Whether the cache below `dir` holds the CommonJS module `file` (its real path, as Node loads it). */
export function cachesModule(dir: string, file: string): boolean {
  const name = zlib.crc32(Buffer.concat([Buffer.from([0]), Buffer.from(fs.realpathSync(file))])).toString(16).padStart(8, "0");
  return cacheEntries(dir).some((f) => path.basename(f) === name);
}
