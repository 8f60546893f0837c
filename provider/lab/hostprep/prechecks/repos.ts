/** The package repositories answer (dnf makecache); a retired CentOS mirror gets its own message. */
import { Precheck } from "./precheck";

const EOL = /No URLs in mirrorlist|Cannot prepare internal mirrorlist|mirror(list)?\.centos\.org|vault\.centos\.org|Status code: 404/i;

export const reposReachable: Precheck = {
  key: "reposReachable",
  probe: `out="$(timeout 300 dnf -q makecache 2>&1)"; code=$?
fact code "$code"
fact out "$(printf '%s\\n' "$out" | grep -v '^[[:space:]]*$' | tail -n 3)"`,
  evaluate(f) {
    if (f.code === "0") return {};
    const detail = (f.out ?? "").split("\n").map((l) => l.replace(/^Error:\s*/, "").trim()).filter(Boolean).pop() ?? `dnf exited with ${f.code}`;
    if (EOL.test(f.out ?? "")) {
      return { failures: [`CentOS mirror is EOL: ${detail}. This release is no longer served by the mirrors: use a current CentOS Stream 9 image, or point /etc/yum.repos.d at a live mirror (baseurl=...) or vault.centos.org`] };
    }
    return { failures: [`package repositories are unreachable (${detail}): check the VM's DNS and internet access through the NAT Network (and any proxy in /etc/dnf/dnf.conf)`] };
  },
};
