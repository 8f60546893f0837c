/**
 * A throwaway "CentOS Stream 9 guest" for tests: a real OpenSSH sshd on 127.0.0.1:<free port> in a private mount
 * namespace (its own /etc, /root, /home, /var/tmp and an overlay /usr with CentOS stand-ins first on PATH), so SSH
 * sessions behave like the lab VM without touching this machine's files. `stop()` kills every process the guest
 * ever ran and deletes its files.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { freePort, killNamespace, killNamespaceSync, pidsIn, SshdProcess, startSshd } from "./namespace";
import { buildRoot, GuestLayout, hostKeyFingerprint, layout, newHostKey } from "./rootfs";
import { addUser, UserOptions } from "./users";
import { DeepPartial, defaultState, GuestState, merge, readCalls, RecordedCall, StateFile } from "./state";

export interface GuestOptions {
  hostname?: string;
  /** Root's password (allows password logins for root, as anaconda's `rootpw --allow-ssh`). */
  rootPassword?: string;
  /** Offer the sftp subsystem (default true); false exercises the exec fallback. */
  sftp?: boolean;
  /** Initial machine state on top of a fresh CentOS Stream 9 minimal install. */
  state?: DeepPartial<GuestState>;
}

export interface Guest {
  host: string;
  port: number;
  user: string;
  privateKey: string;
  rootPassword?: string;
  hostKeyFingerprint: string;
  stateDir: string;
  /** Every stand-in call so far, in order. */
  calls(): RecordedCall[];
  /** Calls of one command (e.g. "systemctl"). */
  callsOf(cmd: string): RecordedCall[];
  state(): GuestState;
  setState(change: DeepPartial<GuestState> | ((s: GuestState) => void)): GuestState;
  /** A file as the guest sees it (its /etc, /root, /var/tmp, /usr overlay); null when it does not exist. */
  readFile(guestPath: string): string | null;
  /**
   * A login user besides root (`useradd -m -G groups`), who logs in with the same key as root (`privateKey`);
   * `sudoers`: its /etc/sudoers.d file. The guest's sudo is this machine's /usr/bin/sudo reading the guest's /etc.
   */
  addUser(name: string, opts?: UserOptions): { uid: number };
  /** The host-side path of a guest path (for fixtures). */
  hostPath(guestPath: string): string;
  /** Kills sshd and every session, waits `downMs`, starts sshd again on the same port (`newHostKey`: as a rebuilt VM). */
  restart(opts?: { downMs?: number; newHostKey?: boolean }): Promise<void>;
  /**
   * `systemctl restart sshd` at its worst: the listener and every session die, nothing else does (a detached
   * Packstack keeps running); after `downMs` a new listener takes the same port.
   */
  restartSshd(opts?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const live = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const kill of live) kill();
  });
}

export async function startGuest(opts: GuestOptions = {}): Promise<Guest> {
  if (process.getuid?.() !== 0) throw new Error("startGuest needs root (mount namespaces, sshd)");
  installExitHook();
  const l = layout(fs.mkdtempSync(path.join(os.tmpdir(), "oslab-guest-")));
  try {
    return await GuestImpl.start(l, opts);
  } catch (e) {
    fs.rmSync(l.dir, { recursive: true, force: true });
    throw e;
  }
}

class GuestImpl implements Guest {
  readonly host = "127.0.0.1";
  readonly user = "root";
  private sshd!: SshdProcess;
  private readonly stateFile: StateFile;
  private readonly killSync = () => killNamespaceSync(this.sshd.namespace);
  private stopped = false;

  private constructor(
    private readonly l: GuestLayout,
    readonly port: number,
    readonly privateKey: string,
    public hostKeyFingerprint: string,
    readonly rootPassword: string | undefined,
  ) {
    this.stateFile = new StateFile(l.state);
  }

  static async start(l: GuestLayout, opts: GuestOptions): Promise<GuestImpl> {
    const hostname = opts.hostname ?? "localhost.localdomain";
    const { privateKey } = buildRoot(l, { hostname, rootPassword: opts.rootPassword, sftp: opts.sftp ?? true });
    const fingerprint = hostKeyFingerprint(l.etc);
    const g = new GuestImpl(l, await freePort(), privateKey, fingerprint, opts.rootPassword);
    g.stateFile.write(merge({ ...defaultState(), hostname }, opts.state ?? {}));
    await g.launch();
    return g;
  }

  get stateDir(): string {
    return this.l.state;
  }

  private async launch(join?: number): Promise<void> {
    this.sshd = await startSshd(this.l, this.port, this.stateFile.read().hostname, join);
    live.add(this.killSync);
    this.stateFile.update({ listenerPid: this.sshd.pid });
  }

  calls(): RecordedCall[] {
    return readCalls(this.l.state);
  }

  callsOf(cmd: string): RecordedCall[] {
    return this.calls().filter((c) => c.cmd === cmd);
  }

  state(): GuestState {
    return this.stateFile.read();
  }

  setState(change: DeepPartial<GuestState> | ((s: GuestState) => void)): GuestState {
    return this.stateFile.update(change);
  }

  addUser(name: string, opts: UserOptions = {}): { uid: number } {
    return addUser(this.l, name, opts);
  }

  hostPath(guestPath: string): string {
    const p = path.posix.normalize(guestPath);
    const under = (prefix: string, dir: string) => (p === prefix || p.startsWith(prefix + "/") ? path.join(dir, p.slice(prefix.length)) : null);
    const mapped = under("/etc", this.l.etc) ?? under("/root", this.l.root) ?? under("/var/tmp", this.l.varTmp) ?? under("/var/log", this.l.varLog) ?? under("/home", this.l.home);
    if (mapped) return mapped;
    const usr = under("/usr", this.l.usrUpper);
    if (usr) return fs.existsSync(usr) ? usr : p;
    return p; // shared with the host (/tmp, /var, ...)
  }

  readFile(guestPath: string): string | null {
    const p = this.hostPath(guestPath);
    return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null;
  }

  async restart(opts: { downMs?: number; newHostKey?: boolean } = {}): Promise<void> {
    await this.kill();
    if (opts.newHostKey) this.hostKeyFingerprint = newHostKey(this.l.etc);
    if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
    await this.launch();
  }

  async restartSshd(opts: { downMs?: number } = {}): Promise<void> {
    const ns = this.sshd.namespace;
    killSshdIn(ns);
    if (this.sshd.child.exitCode === null && this.sshd.child.signalCode === null) await new Promise((r) => this.sshd.child.once("exit", r));
    if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
    // what still runs on the "machine" (a detached Packstack) keeps its namespace: the new sshd joins it (two
    // mounts of one overlay would not see each other's writes); with nothing left, a fresh namespace
    const survivor = pidsIn(ns)[0];
    await this.launch(survivor);
  }

  private async kill(): Promise<void> {
    if (!this.sshd) return;
    live.delete(this.killSync);
    await killNamespace(this.sshd.namespace);
    if (this.sshd.child.exitCode === null && this.sshd.child.signalCode === null) {
      await new Promise((r) => this.sshd.child.once("exit", r));
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.kill();
    fs.rmSync(this.l.dir, { recursive: true, force: true });
  }
}

/** SIGKILLs the sshd processes (listener and sessions) of a namespace, leaving everything else there running. */
function killSshdIn(namespace: string): void {
  for (const pid of pidsIn(namespace)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "sshd") process.kill(pid, "SIGKILL");
    } catch {
      /* gone meanwhile */
    }
  }
}
