/**
 * The controller methods plain Neutron resources share, over their `neutronResource`: find (adopt), read (one
 * GET), update (tags, then one PUT of the changed fields or one GET), delete, and a create that recovers a lost
 * answer and sets the tags. Network, Subnet, Router, FloatingIp and SecurityGroup name the ones they use in their
 * controller (Router, FloatingIp and SecurityGroup write their own create):
 *
 *   const { create: createRecovered, read, update, delete: remove, find } = neutronControllerParts(networks, networkOutputs, updateBody);
 *   export const controller: Controller<NetworkInputs, NetworkOutputs> = {
 *     type: "openstack.Network", schema: networkSchema, ...
 *     async create(inputs, ctx) { return createRecovered(inputs, ctx, { body: createBody(inputs), what, match }); },
 *     read,
 *     update,
 *     delete: remove,
 *     find,
 *   };
 */
import type { AdoptSpec, OpContext } from "../../core/controller";
import { clientFor } from "../client";
import type { NeutronResource, RecoverableCreate } from "./neutronResource";
import type { OpenStackCommonInputs } from "./schema";

export function neutronControllerParts<T, I extends OpenStackCommonInputs & { tags?: string[] }, O>(
  api: NeutronResource<T>,
  /** API object -> outputs (`state`: the stored inputs, for outputs that echo them). */
  outputs: (obj: T, state: I) => O,
  /** The PUT body of the changed in-place fields ({} when none). */
  updateBody: (news: I, changed: string[]) => Record<string, unknown>,
  /** Narrows an adopt by name (e.g. to the subnet's network). */
  findFilters?: (inputs: I) => Record<string, string>,
) {
  return {
    /**
     * One POST that survives a lost answer (common/recover.ts), then the tags (when they fail, the new object is
     * deleted); says `created <label> <id>`, or `how.created`.
     */
    async create(
      inputs: I,
      ctx: OpContext,
      how: Omit<RecoverableCreate<T>, "ctx" | "finish"> & { body: Record<string, unknown>; created?: (obj: T) => string },
    ): Promise<{ id: string; outs: O }> {
      const client = await clientFor(inputs.cloud);
      const tags = inputs.tags ?? [];
      const obj = await api.createOrRecover(client, how.body, {
        ...how,
        ctx,
        finish: async (o, id) => (tags.length ? { ...o, tags: await api.setTags(client, id, tags) } : o),
      });
      const id = String((obj as { id: unknown }).id);
      ctx.progress(how.created?.(obj) ?? `created ${api.label} ${id}`);
      return { id, outs: outputs(obj, inputs) };
    },

    async find(adopt: AdoptSpec, inputs: I): Promise<string | null> {
      return api.find(await clientFor(inputs.cloud), adopt, findFilters?.(inputs));
    },

    async read(id: string, state: I): Promise<O | null> {
      const obj = await api.get(await clientFor(state.cloud), id);
      return obj ? outputs(obj, state) : null;
    },

    async update(id: string, _olds: I, news: I, ctx: OpContext): Promise<O> {
      const tags = ctx.changed.includes("tags") ? (news.tags ?? []) : undefined;
      return outputs(await api.updateInPlace(await clientFor(news.cloud), id, updateBody(news, ctx.changed), tags, ctx), news);
    },

    async delete(id: string, state: I, ctx: OpContext): Promise<void> {
      await api.remove(await clientFor(state.cloud), id, ctx);
    },
  };
}
