/** RAM, vCPUs and free disk on / for a Packstack all-in-one. */
import { numberPrecheck } from "./precheck";

/** A VM given N GiB shows a little less in `free` (kernel and firmware reservations): allow 10%. */
const MIN_RAM_MIB = Math.floor(8192 * 0.9);
const GOOD_RAM_MIB = Math.floor(16384 * 0.9);
const MIN_CPUS = 2;
const MIN_FREE_GB = 40;

const gib = (mib: number) => (mib / 1024).toFixed(1);

export const memory = numberPrecheck(
  "memory",
  `fact mib "$(free -m 2>/dev/null | awk '/^Mem:/ { print $2 }')"`,
  "mib",
  "could not read the RAM size (free -m): check the host's procps-ng",
  (mib) => {
    if (mib < MIN_RAM_MIB) return { failures: [`RAM is ${gib(mib)} GiB; Packstack all-in-one needs at least 8 GiB: power the VM off and give it 16 GiB (VBoxManage modifyvm <vm> --memory 16384)`] };
    if (mib < GOOD_RAM_MIB) return { warnings: [`RAM is ${gib(mib)} GiB; 16 GiB is recommended (with 8 GiB the services swap and Nova can launch only tiny instances)`] };
    return {};
  },
);

export const cpus = numberPrecheck("cpus", `fact count "$(nproc 2>/dev/null)"`, "count", "could not count the vCPUs (nproc)", (n) =>
  n < MIN_CPUS ? { failures: [`${n} vCPU; Packstack needs at least ${MIN_CPUS}: power the VM off and give it more (VBoxManage modifyvm <vm> --cpus 4)`] } : {},
);

export const disk = numberPrecheck(
  "disk",
  `fact freeGb "$(df -P -BG / 2>/dev/null | awk 'NR == 2 { sub(/G$/, "", $4); print $4 }')"`,
  "freeGb",
  "could not read the free space on / (df)",
  (gb) =>
    gb < MIN_FREE_GB
      ? { failures: [`only ${gb} GB free on /; Packstack needs at least ${MIN_FREE_GB} GB: grow the VM's disk (VBoxManage modifymedium disk <vdi> --resize) and the root filesystem, or rebuild the VM with a bigger disk`] }
      : {},
);
