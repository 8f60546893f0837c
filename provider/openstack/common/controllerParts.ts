/**
 * The controller methods plain Neutron resources share, over their `neutronResource`: find (adopt), read (one
 * GET), update (tags, then one PUT of the changed fields or one GET) and delete. Router, FloatingIp and
 * SecurityGroup spread the ones they use and write their own create (Network and Subnet write all of theirs,
 * calling their neutronResource directly):
 *
 *   export const controller: Controller<NetworkInputs, NetworkOutputs> = {
 *     type: "openstack.Network", schema: networkSchema, ...
 *     ...neutronControllerParts(networks, networkOutputs, updateBody),
 *     async create(inputs, ctx) { ... },
 *   };
 */
import type { AdoptSpec, OpContext } from "../../core/controller";
import { clientFor } from "../client";
import type { NeutronResource } from "./neutronResource";
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
