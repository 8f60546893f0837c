/** CentOS Stream 9 only: Packstack Zed is built for el9. Stream 10 also needs an x86-64-v3 CPU, which we name. */
import { Precheck } from "./precheck";

export const os: Precheck = {
  key: "os",
  probe: `( . /etc/os-release 2>/dev/null; fact id "$ID"; fact version "$VERSION_ID"; fact pretty "$PRETTY_NAME" )
# glibc's dynamic loader lists the x86-64 levels this CPU supports ("x86-64-v3 (supported, searched)").
if { ld.so --help 2>/dev/null || /usr/lib64/ld-linux-x86-64.so.2 --help 2>/dev/null; } | grep -q 'x86-64-v3 (supported'; then fact v3 yes; else fact v3 no; fi`,
  evaluate(f) {
    const name = f.pretty || `${f.id || "unknown"} ${f.version || ""}`.trim();
    const reinstall = "reinstall the VM from a CentOS Stream 9 image";
    if (f.id === "centos" && f.version === "9") return {};
    if (f.id === "centos" && /^10/.test(f.version ?? "")) {
      if (f.v3 !== "yes") {
        return { failures: [`OS is ${name} on a CPU without x86-64-v3 (Stream 10 needs x86-64-v3; this CPU is x86-64-v2), and Packstack Zed needs CentOS Stream 9: ${reinstall}`] };
      }
      return { failures: [`OS is ${name}, but Packstack Zed needs CentOS Stream 9: ${reinstall}`] };
    }
    return { failures: [`OS is ${name}, not CentOS Stream 9 (Packstack Zed needs el9): ${reinstall}`] };
  },
};
