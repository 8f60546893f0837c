/**
 * The provider of the floors (pulumi-dynamic-floor, pulumi-lab-floor): a dynamic provider that does nothing
 * (create returns the inputs, diff finds no change, read returns the state). It captures nothing, so it
 * serializes to a few hundred bytes like our shims; the plugin still starts, loads @pulumi/pulumi, deserializes
 * it for every resource and answers every call. Like ours (provider/controllers.ts), every call writes Node's
 * compile cache (`flushCompileCache`: the engine ends the plugin with a signal, which skips Node's own write at
 * exit), so with NODE_COMPILE_CACHE set the floor's plugin starts from the cache as ours does: like for like.
 */
export const doNothingProvider = {
  async create(inputs: any) {
    require("module").flushCompileCache?.();
    return { id: `floor-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, outs: inputs };
  },
  async diff() {
    require("module").flushCompileCache?.();
    return { changes: false };
  },
  async read(id: string, props: any) {
    require("module").flushCompileCache?.();
    return { id, props };
  },
  async update(_id: string, _olds: any, news: any) {
    require("module").flushCompileCache?.();
    return { outs: news };
  },
  async delete() {
    require("module").flushCompileCache?.();
  },
};
