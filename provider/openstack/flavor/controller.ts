/**
 * openstack.Flavor: a Nova flavor. Nova flavors are immutable: a change of name, id, vcpus, ram, disk, ephemeral,
 * swap or isPublic replaces the flavor (the diff says why); description, extra specs and project access change in
 * place. Servers keep running on a replaced flavor (Nova copies the flavor into each server).
 */
import { Controller, makeProvider } from "../../core/controller";
import { fromSpec } from "../../core/spec";
import { clientFor, isConflict } from "../client";
import { CLOUD_COMPARE } from "../common";
import { createFlavor, deleteFlavor, findFlavor, flavorAccess, getFlavor, setAccess, setDescription, setExtraSpecs } from "./requests";
import { flavorOutputs } from "./results";
import { spec } from "./spec";
import { FlavorInputs, FlavorOutputs, schema } from "./types";

export const controller: Controller<FlavorInputs, FlavorOutputs> = {
  /** replaceOn (the spec): IMMUTABLE_REASON, Nova has no flavor update (only description, extra specs and access). */
  ...fromSpec(spec),
  compare: { ...CLOUD_COMPARE, projectIds: "set" },
  schema,
  // a flavor's name is unique: the old one goes first
  deleteBeforeReplace: true,
  defaultTimeoutMs: { create: 60e3, update: 60e3, delete: 60e3 },

  async create(inputs, ctx) {
    const client = await clientFor(inputs.cloud);
    let f;
    try {
      f = await createFlavor(client, inputs);
    } catch (e) {
      if (isConflict(e)) throw new Error(`a flavor named "${inputs.name}"${inputs.flavorId ? ` or with id "${inputs.flavorId}"` : ""} already exists; adopt it (adopt: {name: "${inputs.name}"}) or choose another name`);
      throw e;
    }
    try {
      if (Object.keys(inputs.extraSpecs).length) await setExtraSpecs(client, f.id, {}, inputs.extraSpecs);
      if (inputs.projectIds.length) await setAccess(client, f.id, [], inputs.projectIds);
    } catch (e) {
      await deleteFlavor(client, f.id).catch(() => undefined);
      throw e;
    }
    ctx.progress(`created flavor ${f.id} (${inputs.vcpus} vCPU, ${inputs.ram} MiB RAM, ${inputs.disk} GiB disk)`);
    return { id: f.id, outs: await this.read(f.id, inputs as never, ctx).then((o) => o ?? flavorOutputs(f, inputs.projectIds)) };
  },

  async find(adopt, inputs) {
    return findFlavor(await clientFor(inputs.cloud), adopt);
  },

  async read(id, state) {
    const client = await clientFor(state.cloud);
    const f = await getFlavor(client, id);
    return f ? flavorOutputs(f, await flavorAccess(client, f)) : null;
  },

  async update(id, olds, news, ctx) {
    const client = await clientFor(news.cloud);
    const f = await getFlavor(client, id);
    if (!f) throw new Error(`flavor ${id} no longer exists`);
    if (ctx.changed.includes("description")) {
      ctx.progress("updating description");
      await setDescription(client, id, news.description ?? "");
    }
    if (ctx.changed.includes("extraSpecs")) {
      ctx.progress("updating extra specs");
      await setExtraSpecs(client, id, f.extra_specs ?? {}, news.extraSpecs);
    }
    if (ctx.changed.includes("projectIds")) {
      ctx.progress("updating project access");
      await setAccess(client, id, await flavorAccess(client, f), news.projectIds);
    }
    const after = await this.read(id, { ...olds, ...news } as never, ctx);
    if (!after) throw new Error(`flavor ${id} no longer exists`);
    return after;
  },

  async delete(id, state) {
    await deleteFlavor(await clientFor(state.cloud), id);
  },
};

export const provider = makeProvider(controller);
