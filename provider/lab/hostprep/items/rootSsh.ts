/**
 * Root key login for Packstack, which sshes to its own IP as root and must never be asked for a password: root has
 * a key pair (~/.ssh/id_rsa, Packstack's default CONFIG_SSH_KEY), its public key is in root's authorized_keys,
 * sshd permits root key logins, and `ssh root@<static IP>` from the host to itself works (its host key is in
 * root's known_hosts, so no prompt either).
 */
import { splitCidr } from "../types";
import { budget, Item } from "./item";

const PERMIT = `sshd -T 2>/dev/null | awk '$1 == "permitrootlogin" { print $2 }'`;
const SSH_OPTS = "-o BatchMode=yes -o PasswordAuthentication=no -o ConnectTimeout=10";
const ROOT_LOGIN_OK = new Set(["yes", "prohibit-password", "without-password"]);
export const PERMIT_DROPIN = "/etc/ssh/sshd_config.d/00-lab-permitrootlogin.conf";

export const rootSsh: Item = {
  key: "rootSsh",
  args: (w) => [splitCidr(w.staticIp).address],
  probe: `if [ -f /root/.ssh/id_rsa ] && [ -f /root/.ssh/id_rsa.pub ]; then fact key yes; else fact key no; fi
if [ -f /root/.ssh/id_rsa.pub ] && grep -qxF "$(cat /root/.ssh/id_rsa.pub)" /root/.ssh/authorized_keys 2>/dev/null; then fact authorized yes; else fact authorized no; fi
fact permit "$(${PERMIT})"
if [ -f /root/.ssh/id_rsa ] && ssh ${SSH_OPTS} -o StrictHostKeyChecking=yes -i /root/.ssh/id_rsa "root@$1" true </dev/null >/dev/null 2>&1; then fact login yes; else fact login no; fi`,
  view(f, want) {
    const ip = splitCidr(want.staticIp).address;
    const problems: string[] = [];
    if (f.key !== "yes") problems.push("root has no SSH key pair (/root/.ssh/id_rsa)");
    else if (f.authorized !== "yes") problems.push("root's key is not in root's authorized_keys");
    if (!ROOT_LOGIN_OK.has(f.permit ?? "")) problems.push(`sshd has PermitRootLogin ${f.permit || "(unknown)"}`);
    if (f.login !== "yes") problems.push(`ssh root@${ip} from the host to itself does not work without a password`);
    const state = problems.length === 0 ? `root@${ip} key login works (PermitRootLogin ${f.permit})` : problems.join("; ");
    if (!want.rootSshForPackstack) return { state, done: true, live: { rootSshForPackstack: false } };
    const done = problems.length === 0;
    return { state, done, drift: done ? undefined : problems.join("; "), live: { rootSshForPackstack: done } };
  },
  async apply(want, _f, ctx) {
    const ip = splitCidr(want.staticIp).address;
    ctx.progress(`rootSsh: root key login to root@${ip} for Packstack`);
    await ctx.host.script(
      `set -e
umask 077
mkdir -p /root/.ssh && chmod 700 /root/.ssh
[ -f /root/.ssh/id_rsa ] || ssh-keygen -q -t rsa -b 4096 -N '' -C "root@packstack" -f /root/.ssh/id_rsa
[ -f /root/.ssh/id_rsa.pub ] || ssh-keygen -y -f /root/.ssh/id_rsa > /root/.ssh/id_rsa.pub
touch /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys
grep -qxF "$(cat /root/.ssh/id_rsa.pub)" /root/.ssh/authorized_keys || cat /root/.ssh/id_rsa.pub >> /root/.ssh/authorized_keys
case "$(${PERMIT})" in
  yes|prohibit-password|without-password) ;;
  *) printf '# Written by pulumi-openstack-lab (lab.HostPrep): Packstack logs in as root with a key.\\nPermitRootLogin prohibit-password\\n' > ${PERMIT_DROPIN}
     chmod 600 ${PERMIT_DROPIN}
     systemctl reload sshd ;;
esac
ssh ${SSH_OPTS} -o StrictHostKeyChecking=accept-new -i /root/.ssh/id_rsa "root@$1" true </dev/null`,
      [ip],
      { timeoutMs: budget(ctx, 120_000) },
    );
  },
};
