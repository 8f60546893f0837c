/** Inputs and outputs of openstack.Server. */
import type { Z } from "../../core/controller";
import { known, whenValid } from "../../core/refine";
import { commonFields, idSchema, ipVersionOf, normalizeIp, OpenStackCommonInputs } from "../common";

export interface ServerNetworkInput {
  /** A network to get a new port on. */
  networkId?: string;
  /** An existing port to use (its security groups are the port's own). */
  portId?: string;
  /** A fixed address on networkId. */
  fixedIp?: string;
}

export const POWER_STATES = ["active", "shutoff"] as const;

export interface ServerInputs extends OpenStackCommonInputs {
  name: string;
  imageId: string;
  /** The flavor's id (Flavor.id, or e.g. "1" for m1.tiny). */
  flavorId: string;
  networks: ServerNetworkInput[];
  /** The key pair's name. */
  keyPair?: string;
  /** Security groups by id or by name (absent: Nova's default, not managed). */
  securityGroups?: string[];
  /** cloud-init user data (a secret; sent base64-encoded). */
  userData?: string;
  metadata: Record<string, string>;
  availabilityZone?: string;
  /** "active" (running, default) or "shutoff" (stopped). */
  powerState: (typeof POWER_STATES)[number];
}

export interface ServerOutputs {
  name: string;
  imageId: string;
  flavorId: string;
  keyPair: string | null;
  securityGroups: string[];
  metadata: Record<string, string>;
  availabilityZone: string;
  powerState: string;
  /** Nova's status: ACTIVE, SHUTOFF, ERROR, BUILD ... */
  status: string;
  /** Network name -> addresses (fixed and floating). */
  addresses: Record<string, string[]>;
  /** The first fixed IPv4 address ("" when none). */
  accessIpV4: string;
  /** The server's Neutron ports (for FloatingIp.portId). */
  portIds: string[];
  hostId: string;
}

/** Nova's limit on user data (base64-encoded). */
export const USER_DATA_MAX = 65535;

export function schema(z: Z) {
  const network = z
    .strictObject({
      networkId: idSchema(z, "network").optional(),
      portId: idSchema(z, "port").optional(),
      fixedIp: z.string().refine((s) => ipVersionOf(s) !== null, "must be an IPv4 or IPv6 address").transform((s) => normalizeIp(s)).optional(),
    })
    .superRefine((n, ctx) => {
      if (known(n.networkId, n.portId) && !n.networkId === !n.portId) {
        ctx.addIssue({ code: "custom", path: [], message: "give exactly one of networkId (a new port on that network) or portId (an existing port)" });
      }
      if (known(n.fixedIp, n.networkId) && n.fixedIp !== undefined && !n.networkId) {
        ctx.addIssue({ code: "custom", path: ["fixedIp"], message: "needs networkId (a port's addresses are the port's own)" });
      }
    }, whenValid());
  return z
    .strictObject({
      name: z.string({ error: (i) => (i.input === undefined ? "is required (the server's name)" : "must be a string") }).min(1, "must not be empty").max(255, "must be at most 255 characters"),
      imageId: idSchema(z, "image"),
      flavorId: z.string({ error: (i) => (i.input === undefined ? "is required (the flavor's id)" : "must be a string (the flavor's id, e.g. \"1\")") }).min(1, "must not be empty").max(255, "must be at most 255 characters"),
      networks: z.array(network, { error: "is required: a list of {networkId} or {portId}" }).min(1, "needs at least one network or port"),
      keyPair: z.string().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
      securityGroups: z.array(z.string().min(1, "a security group must not be empty (its id or name)")).optional(),
      userData: z.string().refine((s) => Buffer.byteLength(Buffer.from(s).toString("base64")) <= USER_DATA_MAX, `is too long (Nova takes at most ${USER_DATA_MAX} bytes once base64-encoded)`).optional(),
      metadata: z.record(z.string(), z.string({ error: "a metadata value must be a string" }).max(255, "a metadata value must be at most 255 characters"))
        .superRefine((m, ctx) => {
          for (const k of Object.keys(m)) if (!k || k.length > 255) ctx.addIssue({ code: "custom", path: [k], message: "a metadata key must be 1 to 255 characters" });
        })
        .default({}),
      availabilityZone: z.string().min(1, "must not be empty").optional(),
      powerState: z.enum(POWER_STATES).default("active"),
      ...commonFields(z),
    })
    .superRefine((v, ctx) => {
      if (!known(v.securityGroups)) return;
      const seen = new Set<string>();
      (v.securityGroups ?? []).forEach((g, i) => {
        if (seen.has(g)) ctx.addIssue({ code: "custom", path: ["securityGroups", i], message: `duplicate security group "${g}"` });
        seen.add(g);
      });
      if (known(v.networks) && v.securityGroups && v.networks.every((n) => n.portId)) {
        ctx.addIssue({ code: "custom", path: ["securityGroups"], message: "has no effect when every network is an existing port (set the port's security groups instead)" });
      }
    }, whenValid(["securityGroups", "networks"]));
}
