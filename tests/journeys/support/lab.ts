/**
 * `npm run lab` as a learner types it, for the journeys: npm itself (no shell), in the repository, with or without
 * the `--` (PowerShell drops it: npm then hands the flags over as npm_config_* variables), in its own process group
 * so that a test can press Ctrl-C (SIGINT to the group, as a terminal does) or close the window (SIGKILL to the
 * group: the lab, the Pulumi CLI and its plugin), and a gate in front of the guest's SSH port (closed: the VM's
 * install is still going on, nothing answers with an SSH banner).
 */
import { ChildProcess, spawn } from "child_process";
import * as net from "net";
import { REPO } from "../../labcli/support/npmRunLab";

/** The environment of a fresh terminal: no npm_* variables of the npm that started jest. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k) && k !== "INIT_CWD") env[k] = v;
  return { ...env, ...extra };
}

export interface RunningLab {
  proc: ChildProcess;
  output(): string;
  /** Resolves when the output matches (rejects, with the output, when the lab ends first or after timeoutMs). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** The end, or a rejection with the output so far after timeoutMs (the group is killed then). */
  ended(timeoutMs?: number): Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }>;
  exit: Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }>;
  /** A signal to the whole group (a terminal's Ctrl-C, or the window closed). */
  signal(sig: NodeJS.Signals): void;
}

export interface LabOptions {
  /** false: `npm run lab verb --flag` as PowerShell passes it (no `--`). */
  dashes?: boolean;
  cwd?: string;
}

export function startLab(args: string[], env: Record<string, string>, o: LabOptions = {}): RunningLab {
  const dashes = o.dashes ?? true;
  const argv = ["run", "--silent", "lab", ...(args.length ? (dashes ? ["--", ...args] : args) : [])];
  const proc = spawn("npm", argv, { cwd: o.cwd ?? REPO, env: cleanEnv(env), detached: true, stdio: ["ignore", "pipe", "pipe"], shell: false });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of [...listeners]) l();
  };
  proc.stdout!.on("data", onData);
  proc.stderr!.on("data", onData);
  const exit = new Promise<{ status: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    proc.on("close", (status, signal) => {
      for (const l of [...listeners]) l();
      resolve({ status, signal, output: out });
    }),
  );
  let ended = false;
  void exit.then(() => (ended = true));
  return {
    proc,
    output: () => out,
    exit,
    signal(sig) {
      try {
        process.kill(-proc.pid!, sig);
      } catch {
        /* gone */
      }
    },
    ended(timeoutMs = 240_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          try {
            process.kill(-proc.pid!, "SIGKILL");
          } catch {
            /* gone */
          }
          reject(new Error(`npm run lab did not end within ${timeoutMs / 1000}s:\n${out}`));
        }, timeoutMs);
        void exit.then((r) => {
          clearTimeout(t);
          resolve(r);
        });
      });
    },
    waitFor(re, timeoutMs = 240_000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${re} within ${timeoutMs / 1000}s:\n${out}`));
        }, timeoutMs);
        const check = () => {
          const m = re.exec(out);
          if (m) {
            listeners.delete(check);
            clearTimeout(t);
            resolve(m);
          } else if (ended || proc.exitCode !== null) {
            listeners.delete(check);
            clearTimeout(t);
            reject(new Error(`npm run lab ended before ${re}:\n${out}`));
          }
        };
        listeners.add(check);
        void exit.then(check);
        check();
      });
    },
  };
}

/** `npm run lab ...` to its end. */
export async function runLab(args: string[], env: Record<string, string>, o: LabOptions = {}): Promise<{ status: number | null; output: string }> {
  const r = await startLab(args, env, o).exit;
  return { status: r.status, output: r.output };
}

export async function okLab(args: string[], env: Record<string, string>, o: LabOptions = {}): Promise<string> {
  const r = await runLab(args, env, o);
  if (r.status !== 0) throw new Error(`npm run lab ${args.join(" ")} failed (${r.status}):\n${r.output}`);
  return r.output;
}

/** A TCP gate in front of the guest's SSH: closed, connections are dropped before any banner (the VM still installing). */
export interface SshGate {
  port: number;
  open(): void;
  close(): void;
  stop(): Promise<void>;
}

export async function startSshGate(port: number, target: number): Promise<SshGate> {
  return startGate(port, target, "drop");
}

/**
 * A gate that holds, in front of a service (Neutron): closed, connections are accepted and wait, unanswered, until it
 * opens (a slow service: the request in flight); `held()` counts those that waited.
 */
export interface HoldGate extends SshGate {
  held(): number;
}

export async function startHoldGate(port: number, target: number): Promise<HoldGate> {
  return startGate(port, target, "hold");
}

async function startGate(port: number, target: number, closed: "drop" | "hold"): Promise<HoldGate> {
  let isOpen = closed === "hold";
  let held = 0;
  const waiting: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    const forward = () => {
      if (client.destroyed) return;
      const up = net.connect(target, "127.0.0.1");
      sockets.add(up);
      up.on("close", () => sockets.delete(up));
      up.on("error", () => client.destroy());
      client.pipe(up).pipe(client);
    };
    if (isOpen) return forward();
    if (closed === "drop") return void client.destroy();
    held++;
    client.pause();
    waiting.push(() => {
      client.resume();
      forward();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port,
    held: () => held,
    open: () => {
      isOpen = true;
      for (const go of waiting.splice(0)) go();
    },
    close: () => void (isOpen = false),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
