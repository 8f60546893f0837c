/** openstack.Keypair's inputs and outputs, written once (provider/core/spec.ts). Nova cannot change a key pair: every field replaces. */
import { defineSpec, field, output } from "../../core/spec";
import { requiredName } from "../common/schema";
import { openStackFields } from "../common/spec";
import { publicKeyProblem } from "./types";

export const spec = defineSpec({
  key: "openstack.Keypair",
  inputs: {
    /** The key pair's name, its id in Nova (unique per user): letters, digits, spaces, `_`, `-` (Nova's rule). */
    name: field(
      (z) =>
        requiredName(z, "the key pair's name", "must be a string (the key pair's name)")
          .regex(/^[A-Za-z0-9_ -]+$/, "may hold only letters, digits, spaces, '_' and '-' (Nova's rule for key pair names)")
          .refine((s) => s.trim() === s, "must not start or end with a space"),
      { replace: true },
    ),
    /**
     * The OpenSSH public key line (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521), e.g. the content of
     * ~/.ssh/id_ed25519.pub. check decodes the base64 and refuses a key whose blob is not of the type it says, a
     * private key, or several lines; the comment is not compared.
     */
    publicKey: field(
      (z) =>
        z
          .string({ error: (i) => (i.input === undefined ? "is required (an OpenSSH public key line)" : "must be a string (an OpenSSH public key line)") })
          .superRefine((s, ctx) => {
            const problem = publicKeyProblem(s);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          })
          .transform((s) => s.trim()),
      { replace: true },
    ),
    /** `ssh` or `x509`. */
    type: field((z) => z.enum(["ssh", "x509"]), { default: "ssh", replace: true }),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), publicKey: output<string>(), type: output<string>(),
    /** Nova's fingerprint of the key (MD5, colon separated). */
    fingerprint: output<string>(),
    /** The user the key pair belongs to. */
    userId: output<string>(),
  },
});
