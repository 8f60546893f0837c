import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** One line the OpenStack client appends to OSLAB_HTTP_TRACE per HTTP request it actually sent. */
export interface TraceLine {
  method: string;
  service: string;
  path: string;
  status: number | null;
  error?: string;
}

export interface TraceFilter {
  method?: string;
  service?: string;
  /** Exact path, or a RegExp. */
  path?: string | RegExp;
  status?: number | null;
}

/** A fresh empty trace file in a temp directory (not yet active). */
export function makeTraceFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-trace-"));
  const file = path.join(dir, "http.jsonl");
  fs.writeFileSync(file, "");
  return file;
}

export function readTrace(file: string): TraceLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as TraceLine);
}

export function matches(line: TraceLine, f: TraceFilter): boolean {
  if (f.method !== undefined && line.method !== f.method) return false;
  if (f.service !== undefined && line.service !== f.service) return false;
  if (f.status !== undefined && line.status !== f.status) return false;
  if (f.path !== undefined) {
    if (typeof f.path === "string" ? line.path !== f.path : !f.path.test(line.path)) return false;
  }
  return true;
}

export function countTrace(file: string, filter: TraceFilter = {}): number {
  return readTrace(file).filter((l) => matches(l, filter)).length;
}

/** Token requests (POST /v3/auth/tokens) in the trace, whatever their answer. */
export function countTokenRequests(file: string): number {
  return countTrace(file, { method: "POST", service: "identity", path: "/v3/auth/tokens" });
}

/** An active trace: sets OSLAB_HTTP_TRACE to a fresh file until `stop()` restores the previous value. */
export interface ActiveTrace {
  file: string;
  lines(): TraceLine[];
  count(filter?: TraceFilter): number;
  tokenRequests(): number;
  /** Empties the file (start counting afresh). */
  clear(): void;
  stop(): void;
}

export function startTrace(): ActiveTrace {
  const file = makeTraceFile();
  const previous = process.env.OSLAB_HTTP_TRACE;
  process.env.OSLAB_HTTP_TRACE = file;
  return {
    file,
    lines: () => readTrace(file),
    count: (filter) => countTrace(file, filter),
    tokenRequests: () => countTokenRequests(file),
    clear: () => fs.writeFileSync(file, ""),
    stop: () => {
      if (previous === undefined) delete process.env.OSLAB_HTTP_TRACE;
      else process.env.OSLAB_HTTP_TRACE = previous;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
