/**
 * Login users besides root in a guest: lines in the guest's copy of /etc/passwd, group and shadow, a sudoers.d
 * file, a home under the guest's private /home. This machine's own users and sudoers are not touched.
 */
import * as fs from "fs";
import * as path from "path";
import type { GuestLayout } from "./rootfs";

export interface UserOptions {
  /** Supplementary groups (created when the guest has none of that name, as CentOS's `wheel`). */
  groups?: string[];
  /** A file in /etc/sudoers.d named after the user with this text (mode 0440, as visudo leaves it). */
  sudoers?: string;
}

/**
 * A login user as `useradd -m -G <groups>` makes one: a line in the guest's /etc/passwd, group and shadow (no
 * password: key login only), /home/<name> owned by it, the guest's client key in its ~/.ssh/authorized_keys.
 */
export function addUser(l: GuestLayout, name: string, opts: UserOptions = {}): { uid: number } {
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(name)) throw new Error(`addUser: bad user name ${JSON.stringify(name)}`);
  const read = (f: string) => fs.readFileSync(path.join(l.etc, f), "utf8").split("\n").filter(Boolean);
  const passwd = read("passwd");
  const group = read("group");
  if (passwd.some((e) => e.split(":")[0] === name)) throw new Error(`addUser: ${name} exists in the guest`);
  const ids = new Set([...passwd, ...group].map((e) => Number(e.split(":")[2])));
  const free = (from: number) => {
    let id = from;
    while (ids.has(id)) id++;
    ids.add(id);
    return id;
  };
  const uid = free(1000);
  const lines = group.map((e) => {
    const f = e.split(":");
    if (!(opts.groups ?? []).includes(f[0])) return e;
    f[3] = f[3] ? `${f[3]},${name}` : name;
    return f.join(":");
  });
  for (const g of opts.groups ?? []) if (!group.some((e) => e.split(":")[0] === g)) lines.push(`${g}:x:${free(10)}:${name}`);
  lines.push(`${name}:x:${uid}:`);
  // rewritten in place: the files keep the owner and mode `cp -a` gave them
  fs.writeFileSync(path.join(l.etc, "group"), lines.join("\n") + "\n");
  fs.appendFileSync(path.join(l.etc, "passwd"), `${name}:x:${uid}:${uid}::/home/${name}:/bin/bash\n`);
  fs.appendFileSync(path.join(l.etc, "shadow"), `${name}:*:19500:0:99999:7:::\n`);
  const home = path.join(l.home, name);
  fs.mkdirSync(path.join(home, ".ssh"), { recursive: true, mode: 0o700 });
  fs.copyFileSync(`${l.clientKey}.pub`, path.join(home, ".ssh", "authorized_keys"));
  fs.chmodSync(home, 0o700);
  for (const p of [home, path.join(home, ".ssh"), path.join(home, ".ssh", "authorized_keys")]) fs.chownSync(p, uid, uid);
  if (opts.sudoers !== undefined) {
    const file = path.join(l.etc, "sudoers.d", name);
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, opts.sudoers, { mode: 0o440 });
  }
  return { uid };
}
