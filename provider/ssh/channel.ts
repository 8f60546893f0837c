/** A command's channel, collected (provider/ssh/connection.ts): output, exit code or signal, timeouts, loss. */
import { constants as osConstants } from "os";
import type { ClientChannel } from "ssh2";
import { SshConnectionLostError, SshTimeoutError, tail } from "./errors";
import { RawResult, REMOTE_KILL_GRACE_S, RunOptions } from "./options";

/**
 * A started command's output and exit (`target`: user@host:port, `shown`: the command as errors show it, masked): each line to
 * `options.onLine` as it comes (masked), the local backstop timer past the remote `timeout`, and the connection's
 * loss (`pending` holds the call that fails this one when the client goes away).
 */
export function collect(
  channel: ClientChannel,
  target: string,
  shown: string,
  options: RunOptions,
  secrets: string[],
  mask: (text: string, extra: string[]) => string,
  pending: Set<(e: Error) => void>,
): Promise<RawResult> {
  return new Promise<RawResult>((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const lines = { stdout: new LineSplitter(), stderr: new LineSplitter() };
    const emit = (stream: "stdout" | "stderr", chunk: Buffer | undefined) => {
      if (!options.onLine) return;
      for (const l of chunk ? lines[stream].push(chunk) : lines[stream].flush()) options.onLine(mask(l, secrets), stream);
    };
    let code: number | undefined;
    let signal: string | undefined;
    let timedOut = false;
    let done = false;
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pending.delete(lost);
      emit("stdout", undefined);
      emit("stderr", undefined);
      const stderrText = Buffer.concat(err).toString("utf8");
      if (options.timeoutMs && (code === 124 || code === 137) && Date.now() - started >= options.timeoutMs) timedOut = true;
      if (timedOut) return reject(new SshTimeoutError(shown, options.timeoutMs!, mask(tail(stderrText), secrets)));
      if (e || (code === undefined && signal === undefined)) return reject(new SshConnectionLostError(shown, target));
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? 128 + signalNumber(signal), ...(signal ? { signal } : {}) });
    };
    const lost = (e: Error) => finish(e);
    pending.add(lost);
    // The remote `timeout` does the killing (sshd refuses signal requests for root sessions, and closing a
    // channel does not stop a command without a tty); this local timer is the backstop if the server hangs.
    const started = Date.now();
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          channel.close();
          setTimeout(() => finish(), 2000).unref();
        }, options.timeoutMs + REMOTE_KILL_GRACE_S * 1000 + 2000)
      : undefined;
    channel.on("data", (d: Buffer) => {
      out.push(d);
      emit("stdout", d);
    });
    channel.stderr.on("data", (d: Buffer) => {
      err.push(d);
      emit("stderr", d);
    });
    channel.on("exit", (c: number | null, sig?: string) => {
      if (typeof c === "number") code = c;
      if (sig) signal = sig;
    });
    channel.on("close", () => finish());
    channel.on("error", () => undefined);
    channel.end(options.stdin ?? undefined);
  });
}

class LineSplitter {
  private rest = "";
  push(chunk: Buffer): string[] {
    const parts = (this.rest + chunk.toString("utf8")).split("\n");
    this.rest = parts.pop() ?? "";
    return parts.map((l) => l.replace(/\r$/, ""));
  }
  flush(): string[] {
    const r = this.rest;
    this.rest = "";
    return r ? [r] : [];
  }
}

function signalNumber(name: string | undefined): number {
  const n = name ? (osConstants.signals as Record<string, number>)[`SIG${name.replace(/^SIG/, "")}`] : undefined;
  return n ?? 0;
}
