/** RAM, vCPUs and free disk on / for a Packstack all-in-one. */
import { Precheck } from "./precheck";

/** A VM given N GiB shows a little less in `free` (kernel and firmware reservations): allow 10%. */
const MIN_RAM_MIB = Math.floor(8192 * 0.9);
const GOOD_RAM_MIB = Math.floor(16384 * 0.9);
const MIN_CPUS = 2;
const MIN_FREE_GB = 40;

const gib = (mib: number) => (mib / 1024).toFixed(1);

export const memory: Precheck = {
  key: "memory",
  probe: `fact mib "$(free -m 2>/dev/null | awk '/^Mem:/ { print $2 }')"`,
  evaluate(f) {
    const mib = Number(f.mib);
    if (!f.mib || !Number.isFinite(mib)) return { failures: ["could not read the RAM size (free -m): check the host's procps-ng"] };
    if (mib < MIN_RAM_MIB) return { failures: [`RAM is ${gib(mib)} GiB; Packstack all-in-one needs at least 8 GiB: power the VM off and give it 16 GiB (VBoxManage modifyvm <vm> --memory 16384)`] };
    if (mib < GOOD_RAM_MIB) return { warnings: [`RAM is ${gib(mib)} GiB; 16 GiB is recommended (with 8 GiB the services swap and Nova can launch only tiny instances)`] };
    return {};
  },
};

export const cpus: Precheck = {
  key: "cpus",
  probe: `fact count "$(nproc 2>/dev/null)"`,
  evaluate(f) {
    const n = Number(f.count);
    if (!f.count || !Number.isFinite(n)) return { failures: ["could not count the vCPUs (nproc)"] };
    if (n < MIN_CPUS) return { failures: [`${n} vCPU; Packstack needs at least ${MIN_CPUS}: power the VM off and give it more (VBoxManage modifyvm <vm> --cpus 4)`] };
    return {};
  },
};

export const disk: Precheck = {
  key: "disk",
  probe: `fact freeGb "$(df -P -BG / 2>/dev/null | awk 'NR == 2 { sub(/G$/, "", $4); print $4 }')"`,
  evaluate(f) {
    const gb = Number(f.freeGb);
    if (!f.freeGb || !Number.isFinite(gb)) return { failures: ["could not read the free space on / (df)"] };
    if (gb < MIN_FREE_GB) return { failures: [`only ${gb} GB free on /; Packstack needs at least ${MIN_FREE_GB} GB: grow the VM's disk (VBoxManage modifymedium disk <vdi> --resize) and the root filesystem, or rebuild the VM with a bigger disk`] };
    return {};
  },
};
