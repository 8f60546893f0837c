/**
 * A CentOS guest for HostPrep tests (tests/support/guest) plus three fixtures: its resolver points at 127.0.0.1
 * (no DNS query leaves this machine), `ssh` to the guest's static IP reaches the guest's own sshd (the real
 * client and server; any other target is refused, so nothing is sent to 10.0.2.0/24), and a TCP proxy in front of
 * sshd counts the connections the provider opens.
 */
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { Guest, GuestOptions, RecordedCall, startGuest } from "../../support/guest";
import { splice } from "../../support/tcp";

export const STATIC_IP = "10.0.2.15";

export interface PrepGuest {
  guest: Guest;
  /** Port of the counting proxy (use it as connection.port). */
  port: number;
  connections(): number;
  /** While true the proxy hangs up on every new connection (a host that is down). */
  refuseConnections(on: boolean): void;
  /** Lets `n` more connections through, then hangs up on every new one (a host that goes down and stays down). */
  refuseAfter(n: number): void;
  /** Files in the guest's overlay /usr (e.g. "local/sbin/ssh"). */
  writeUsr(rel: string, text: string, mode?: number): void;
  stop(): Promise<void>;
}

export async function startPrepGuest(opts: GuestOptions = {}): Promise<PrepGuest> {
  const guest = await startGuest(opts);
  const usrUpper = path.join(path.dirname(guest.stateDir), "usr-upper");
  const writeUsr = (rel: string, text: string, mode = 0o755) => {
    const file = path.join(usrUpper, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, text, { mode });
  };
  fs.writeFileSync(guest.hostPath("/etc/resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
  writeUsr(
    "local/sbin/ssh",
    `#!/bin/sh
# test fixture: the guest's static IP ${STATIC_IP} is this guest's own sshd on 127.0.0.1:${guest.port}
found=
for a do
  shift
  case "$a" in
    *@${STATIC_IP}|${STATIC_IP}) found=1; set -- "$@" -p ${guest.port} "\${a%@*}@127.0.0.1" ;;
    *) set -- "$@" "$a" ;;
  esac
done
[ -n "$found" ] || { echo "test ssh: refusing a target other than ${STATIC_IP}" >&2; exit 255; }
exec /usr/bin/ssh "$@"
`,
  );
  let count = 0;
  let refusing = false;
  let refuseFrom = Infinity;
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    count++;
    if (refusing || count > refuseFrom) return void client.destroy();
    const upstream = net.connect({ host: guest.host, port: guest.port });
    splice(client, upstream, sockets);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  return {
    guest,
    port: (proxy.address() as net.AddressInfo).port,
    connections: () => count,
    refuseConnections: (on) => {
      refusing = on;
      if (!on) refuseFrom = Infinity;
    },
    refuseAfter: (n) => {
      refuseFrom = count + n;
    },
    writeUsr,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => proxy.close(r));
      await guest.stop();
    },
  };
}

/** Stand-in calls that change the machine (everything else the provider runs only looks). */
export function isMutating(c: RecordedCall): boolean {
  const words = c.args.filter((a) => !a.startsWith("-"));
  switch (c.cmd) {
    case "systemctl":
      return !["is-active", "is-enabled", "status", "show", "list-units", "list-unit-files"].includes(words[0]);
    case "dnf":
    case "yum":
      return !["repolist", "list", "makecache", "info", "search"].includes(words[0]);
    case "hostnamectl":
      return words[0] === "set-hostname" || (words[0] === "hostname" && words.length > 1);
    case "nmcli":
      return words.includes("set") || words.includes("modify") || words.includes("up") || words.includes("down");
    case "setenforce":
    case "reboot":
    case "shutdown":
    case "packstack":
      return true;
    default:
      return false;
  }
}

/** "systemctl disable --now firewalld" style lines, for readable assertions. */
export function describeCalls(calls: RecordedCall[]): string[] {
  return calls.map((c) => [c.cmd, ...c.args].join(" "));
}
