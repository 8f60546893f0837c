/**
 * openstack.Server's inputs and outputs, written once (provider/core/spec.ts). name, metadata, securityGroups and
 * powerState change in place; the rest replaces. The checks spanning fields are in types.ts.
 */
import { defineSpec, field, fieldAs, output } from "../../core/spec";
import { idSchema, requiredName } from "../common/schema";
import { openStackFields } from "../common/spec";
import { POWER_STATES, ServerNetworkInput, serverNetworkSchema, USER_DATA_MAX } from "./types";

export const spec = defineSpec({
  key: "openstack.Server",
  inputs: {
    /** The server's name. */
    name: field((z) => requiredName(z, "the server's name")),
    /** The image's UUID. */
    imageId: field((z) => idSchema(z, "image"), { replace: true }),
    /** The flavor's id (Flavor.id, or e.g. "1" for m1.tiny). */
    flavorId: field((z) => requiredName(z, "the flavor's id", 'must be a string (the flavor\'s id, e.g. "1")'), { replace: true }),
    /** `[{networkId, fixedIp?}]` (a new port on the network) or `[{portId}]` (an existing port). */
    networks: fieldAs<ServerNetworkInput[]>()((z) => z.array(serverNetworkSchema(z), { error: "is required: a list of {networkId} or {portId}" }).min(1, "needs at least one network or port"), { replace: true }),
    /** The key pair's name. */
    keyPair: field((z) => z.string().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(), { replace: true }),
    /** Security groups by id or name (added/removed in place); absent = Nova's default group, not managed. No effect on existing ports (set the port's groups). */
    securityGroups: field((z) => z.array(z.string().min(1, "a security group must not be empty (its id or name)")).optional()),
    /** cloud-init user data: a secret, sent base64-encoded (at most 65535 bytes so); cannot be read back. */
    userData: field(
      (z) => z.string().refine((s) => Buffer.byteLength(Buffer.from(s).toString("base64")) <= USER_DATA_MAX, `is too long (Nova takes at most ${USER_DATA_MAX} bytes once base64-encoded)`).optional(),
      { replace: true, secret: true },
    ),
    /** Key/value strings (the whole set is managed). */
    metadata: field((z) =>
      z
        .record(z.string(), z.string({ error: "a metadata value must be a string" }).max(255, "a metadata value must be at most 255 characters"))
        .superRefine((m, ctx) => {
          for (const k of Object.keys(m)) if (!k || k.length > 255) ctx.addIssue({ code: "custom", path: [k], message: "a metadata key must be 1 to 255 characters" });
        }),
      { default: {} },
    ),
    /** Nova's availability zone. */
    availabilityZone: field((z) => z.string().min(1, "must not be empty").optional(), { replace: true }),
    /** "active" (running) or "shutoff" (stopped): os-start / os-stop in place, waiting for the state. */
    powerState: field((z) => z.enum(POWER_STATES), { default: "active" }),
    ...openStackFields,
  },
  outputs: {
    name: output<string>(), imageId: output<string>(), flavorId: output<string>(), keyPair: output<string | null>(),
    securityGroups: output<string[]>(), metadata: output<Record<string, string>>(),
    availabilityZone: output<string>(), powerState: output<string>(),
    /** Nova's status: ACTIVE, SHUTOFF, ERROR, BUILD ... */
    status: output<string>(),
    /** Network name -> addresses (fixed and floating). */
    addresses: output<Record<string, string[]>>(),
    /** The first fixed IPv4 address ("" when none). */
    accessIpV4: output<string>(),
    /** The server's Neutron ports (give one to FloatingIp.portId). */
    portIds: output<string[]>(),
    hostId: output<string>(),
  },
});
