/**
 * openstack.Server: a Nova server. Create waits for ACTIVE (saying each status change) and reports ERROR with
 * Nova's fault message, deleting the failed server again (nothing is left behind). Read shows status, addresses,
 * ports and drift of name, metadata, security groups, power state, image, flavor and key pair. Name, metadata,
 * security groups and power state change in place; the rest replaces. Delete waits until the server is gone.
 */
import { fromSpec } from "../../core/spec";
import { spec } from "./spec";
import { Controller, makeProvider } from "../../core/controller";
import { clientFor, OpenStackClient } from "../client";
import { CLOUD_COMPARE } from "../common";
import {
  action, createServer, deleteServer, findServer, getServer, groupsById, rename, serverPorts, setMetadata, waitForStatus,
} from "./requests";
import { ApiServer, serverOutputs } from "./results";
import { ServerInputs, ServerOutputs, schema } from "./types";

async function outputsOf(client: OpenStackClient, s: ApiServer, wanted: string[] | undefined): Promise<ServerOutputs> {
  const ports = await serverPorts(client, s.id);
  const groups = await groupsById(client, [...new Set(ports.flatMap((p) => p.security_groups ?? []))]);
  return serverOutputs(s, ports, groups, wanted);
}

const TARGET = { active: "ACTIVE", shutoff: "SHUTOFF" } as const;

export const controller: Controller<ServerInputs, ServerOutputs> = {
  ...fromSpec(spec),
  // user data cannot be read back (it is only compared with what the program says)
  compare: { ...CLOUD_COMPARE, securityGroups: "set" },
  schema,
  defaultTimeoutMs: { create: 10 * 60e3, update: 5 * 60e3, delete: 5 * 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    const id = await createServer(client, inputs);
    ctx.progress(`server ${id} requested; waiting for ACTIVE`);
    try {
      await waitForStatus(client, id, "ACTIVE", ctx, "create");
      if (inputs.powerState === "shutoff") {
        await action(client, id, { "os-stop": null });
        await waitForStatus(client, id, "SHUTOFF", ctx, "create");
      }
    } catch (e) {
      // a server Pulumi never hears of would be left behind: delete it, and say what Nova said
      const why = e instanceof Error ? e.message : String(e);
      ctx.progress(`${why}; deleting it again`);
      await deleteServer(client, id, { ...ctx, deadline: Date.now() + 5 * 60e3 }).catch((d) => {
        throw new Error(`${why}; deleting it again failed too (${d instanceof Error ? d.message : d}): delete server ${id} by hand`);
      });
      throw new Error(`${why}; the server was deleted again (nothing is left behind)`);
    }
    const s = await getServer(client, id);
    if (!s) throw new Error(`server ${id} disappeared after it became ACTIVE`);
    const outs = await outputsOf(client, s, inputs.securityGroups);
    ctx.progress(`${s.status}: ${Object.entries(outs.addresses).map(([n, a]) => `${n} ${a.join(", ")}`).join("; ") || "no addresses"}`);
    return { id, outs };
  },

  async find(adopt, inputs) {
    return findServer(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const client = await clientFor(state.cloud);
    const s = await getServer(client, id);
    return s ? outputsOf(client, s, state.securityGroups) : null;
  },

  async update(id, _olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const s = await getServer(client, id);
    if (!s) throw new Error(`server ${id} no longer exists`);
    if (ctx.changed.includes("name")) {
      ctx.progress(`renaming to ${news.name}`);
      await rename(client, id, news.name);
    }
    if (ctx.changed.includes("metadata")) {
      ctx.progress("updating metadata");
      await setMetadata(client, id, news.metadata);
    }
    if (ctx.changed.includes("securityGroups") && news.securityGroups) {
      const live = (await outputsOf(client, s, news.securityGroups)).securityGroups;
      for (const g of news.securityGroups.filter((x) => !live.includes(x))) {
        ctx.progress(`adding security group ${g}`);
        await action(client, id, { addSecurityGroup: { name: g } });
      }
      for (const g of live.filter((x) => !news.securityGroups!.includes(x))) {
        ctx.progress(`removing security group ${g}`);
        await action(client, id, { removeSecurityGroup: { name: g } });
      }
    }
    if (ctx.changed.includes("powerState") && s.status !== TARGET[news.powerState]) {
      ctx.progress(news.powerState === "active" ? "starting" : "stopping");
      await action(client, id, { [news.powerState === "active" ? "os-start" : "os-stop"]: null });
      await waitForStatus(client, id, TARGET[news.powerState], ctx, "update");
    }
    const after = await getServer(client, id);
    if (!after) throw new Error(`server ${id} no longer exists`);
    return outputsOf(client, after, news.securityGroups);
  },

  async delete(id, state, ctx) {
    await deleteServer(await clientFor(state.cloud), id, ctx);
  },
};

export const provider = makeProvider(controller);
