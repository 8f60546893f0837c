/** Typed failures of the SSH transport. Every message has already been redacted. */

export class SshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SshError";
  }
}

/** Could not reach the server or finish the handshake within the attempts / deadline. Retryable. */
export class SshConnectError extends SshError {
  constructor(message: string, public readonly attempts: number) {
    super(message);
    this.name = "SshConnectError";
  }
}

/** The server offered a different host key than the one pinned in state. Never retried. */
export class HostKeyMismatchError extends SshError {
  constructor(public readonly target: string, public readonly expected: string, public readonly actual: string) {
    super(
      `host key of ${target} changed: expected ${expected} (pinned in state) but the server offered ${actual}. ` +
        `If the VM was rebuilt on purpose, clear the pinned hostKeyFingerprint; otherwise something else answers on this port.`,
    );
    this.name = "HostKeyMismatchError";
  }
}

/** The server refused the credentials. Never retried. */
export class SshAuthError extends SshError {
  constructor(target: string, methods: string) {
    super(`authentication as ${target} failed (tried ${methods})`);
    this.name = "SshAuthError";
  }
}

/** The command did not finish within its time limit (the remote `timeout` sent TERM, then KILL). */
export class SshTimeoutError extends SshError {
  constructor(public readonly command: string, public readonly timeoutMs: number, public readonly stderrTail: string) {
    super(`\`${command}\` did not finish within ${timeoutMs} ms${stderrTail ? `; stderr: ${stderrTail}` : ""}`);
    this.name = "SshTimeoutError";
  }
}

/** The connection dropped while a command ran: its outcome is unknown (it may still be running remotely). */
export class SshConnectionLostError extends SshError {
  constructor(public readonly command: string, target: string) {
    super(`connection to ${target} was lost while running \`${command}\`; its outcome is unknown`);
    this.name = "SshConnectionLostError";
  }
}

/** `runOk`: the command exited non-zero. */
export class SshCommandError extends SshError {
  constructor(
    public readonly command: string,
    public readonly code: number,
    public readonly stdoutTail: string,
    public readonly stderrTail: string,
  ) {
    super(`\`${command}\` exited with code ${code}${stderrTail ? `: ${stderrTail}` : stdoutTail ? `: ${stdoutTail}` : ""}`);
    this.name = "SshCommandError";
  }
}

/** Last few lines of output, for error messages. */
export function tail(text: string, lines = 8, chars = 2000): string {
  const t = text.trimEnd().split("\n").slice(-lines).join("\n");
  return t.length > chars ? "..." + t.slice(-chars) : t;
}
