/**
 * Variant "pulumi-lab": the whole lab, examples/whole-lab's program with the library's classes from bin/, through
 * the real Pulumi CLI, in the world of tests/lab/wholeLab.e2e.test.ts (the VBoxManage stand-in, the real-sshd
 * CentOS guest behind the counting SSH proxy, the real test cloud's Keystone and Neutron behind the bench's
 * counting proxies): `pulumi up` (create), `pulumi up` (noop: must change nothing), `pulumi preview --refresh`
 * (read: must find no drift), `pulumi destroy` (delete). See lib/lab.ts and lib/labWorld.ts.
 */
import { variantMain } from "../lib/child";
import { runLabVariant } from "../lib/lab";

variantMain(() => runLabVariant({ floor: false }));
