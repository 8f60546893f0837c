/** Nova calls for servers (create, get, wait, actions, delete) and the Neutron lookups read needs. */
import type { OpContext } from "../../core/controller";
import { isNotFound } from "../../core/errors";
import { nova, OpenStackClient } from "../client";
import { adoptByIdOrName, AdoptInput, isUuid } from "../common";
import { pollUntil } from "../../core/retry";
import type { ApiPort, ApiServer } from "./results";
import type { ServerInputs } from "./types";
import { actionUrl, metadataUrl, MICROVERSION, PORTS, SECURITY_GROUPS, SERVERS, serverUrl } from "./urls";

/** Nova is asked again after 0.5 s, the wait doubling up to 3 s, until the operation's deadline. */
const POLL = { firstMs: 500, capMs: 3000 };

type Method = "GET" | "POST" | "PUT" | "DELETE";
const call = <T = any>(client: OpenStackClient, method: Method, path: string, body?: unknown, query?: Record<string, string>) =>
  nova<T>(client, MICROVERSION, method, path, { body, query });

export function createBody(i: ServerInputs): Record<string, unknown> {
  const server: Record<string, unknown> = {
    name: i.name,
    imageRef: i.imageId,
    flavorRef: i.flavorId,
    networks: i.networks.map((n) => (n.portId ? { port: n.portId } : n.fixedIp ? { uuid: n.networkId, fixed_ip: n.fixedIp } : { uuid: n.networkId })),
    metadata: i.metadata,
  };
  if (i.keyPair) server.key_name = i.keyPair;
  if (i.securityGroups) server.security_groups = i.securityGroups.map((name) => ({ name }));
  if (i.userData !== undefined) server.user_data = Buffer.from(i.userData).toString("base64");
  if (i.availabilityZone) server.availability_zone = i.availabilityZone;
  return { server };
}

/** POST /servers, sent once (never repeated: a second POST would make a second server). */
export async function createServer(client: OpenStackClient, i: ServerInputs): Promise<string> {
  return (await call(client, "POST", SERVERS, createBody(i))).server.id;
}

export async function getServer(client: OpenStackClient, id: string): Promise<ApiServer | null> {
  try {
    const s: ApiServer | undefined = (await call(client, "GET", serverUrl(id)))?.server;
    return s && s.status !== "DELETED" && s.status !== "SOFT_DELETED" ? s : null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

export async function serverPorts(client: OpenStackClient, id: string): Promise<ApiPort[]> {
  return (await client.get("network", PORTS, { device_id: id }))?.ports ?? [];
}

export async function groupsById(client: OpenStackClient, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (!ids.length) return [];
  const body = await client.get("network", SECURITY_GROUPS, { id: ids, fields: ["id", "name"] });
  return body?.security_groups ?? [];
}

/** Nova's fault of a server in ERROR, as one line. */
export function faultOf(s: ApiServer): string {
  if (!s.fault) return "Nova gave no fault message";
  return `${s.fault.message.trim()}${s.fault.code ? ` (code ${s.fault.code})` : ""}`;
}

export class ServerErrorState extends Error {
  constructor(readonly server: ApiServer) {
    super(`server ${server.id} went to ERROR: ${faultOf(server)}`);
  }
}

/**
 * Polls until the server's status is `target` (and no task is running), saying each change; ERROR throws
 * ServerErrorState (with Nova's fault), the deadline a message naming customTimeouts.
 */
export async function waitForStatus(
  client: OpenStackClient,
  id: string,
  target: string,
  ctx: Pick<OpContext, "progress" | "deadline">,
  op: "create" | "update",
): Promise<ApiServer> {
  let last = "";
  const s = await pollUntil(
    async () => {
      const s = await getServer(client, id);
      if (!s) throw new Error(`server ${id} disappeared while waiting for ${target}`);
      const task = s["OS-EXT-STS:task_state"];
      const now = `${s.status}${task ? ` (${task})` : ""}${s.progress ? ` ${s.progress}%` : ""}`;
      if (now !== last) ctx.progress(`status ${now}`);
      last = now;
      if (s.status === "ERROR") throw new ServerErrorState(s);
      return s.status === target && !task ? s : null;
    },
    (s) => s !== null,
    {
      ...POLL,
      deadline: ctx.deadline,
      timedOut: () => {
        throw new Error(`server ${id} is still ${last}, not ${target}; raise customTimeouts.${op} if it is just slow`);
      },
    },
  );
  return s as ApiServer;
}

/** DELETE, then waits until Nova no longer knows the server (its ports are gone then too). */
export async function deleteServer(client: OpenStackClient, id: string, ctx: Pick<OpContext, "progress" | "deadline">): Promise<void> {
  try {
    await call(client, "DELETE", serverUrl(id));
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  ctx.progress(`deleting ${id}`);
  let status = "";
  await pollUntil(
    async () => {
      const s = await getServer(client, id);
      status = s?.status ?? "";
      return s === null;
    },
    (gone) => gone,
    {
      ...POLL,
      deadline: ctx.deadline,
      timedOut: () => {
        throw new Error(`server ${id} is still ${status} after the delete; raise customTimeouts.delete`);
      },
    },
  );
}

export async function rename(client: OpenStackClient, id: string, name: string): Promise<void> {
  await call(client, "PUT", serverUrl(id), { server: { name } });
}

/** Replaces the whole metadata set. */
export async function setMetadata(client: OpenStackClient, id: string, metadata: Record<string, string>): Promise<void> {
  await call(client, "PUT", metadataUrl(id), { metadata });
}

export async function action(client: OpenStackClient, id: string, body: Record<string, unknown>): Promise<void> {
  await call(client, "POST", actionUrl(id), body);
}

/** adopt: by id, or by exact name among the project's servers. */
export async function findServer(client: OpenStackClient, adopt: AdoptInput): Promise<string | null> {
  const named = async (name: string) =>
    (await call(client, "GET", `${SERVERS}/detail`, undefined, { name: `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$` }))?.servers ?? [];
  return adoptByIdOrName(adopt, "server", (id) => getServer(client, id), named);
}

export { isUuid };
