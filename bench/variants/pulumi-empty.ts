/**
 * Variant "pulumi-empty": the engine's floor, a program that declares nothing, through the same CLI setup as
 * "pulumi-cli" (lib/pulumiStack.ts): `pulumi up` (create: only the stack itself), `pulumi up` again (noop: the
 * floor a no-op `pulumi up` of the real stack is judged against), `pulumi destroy` (delete).
 */
import { variantMain } from "../lib/child";
import { runCliVariant } from "../lib/pulumiStack";

variantMain(() => runCliVariant({ projectName: "oslab-bench-empty", program: async () => {}, phases: ["create", "noop", "delete"] }));
