/**
 * The provider of the floors (pulumi-dynamic-floor, pulumi-lab-floor): a dynamic provider that does nothing
 * (create returns the inputs, diff finds no change, read returns the state). It captures nothing, so it
 * serializes to a few hundred bytes like our shims; the plugin still starts, loads @pulumi/pulumi, deserializes
 * it for every resource and answers every call.
 */
export const doNothingProvider = {
  async create(inputs: any) {
    return { id: `floor-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, outs: inputs };
  },
  async diff() {
    return { changes: false };
  },
  async read(id: string, props: any) {
    return { id, props };
  },
  async update(_id: string, _olds: any, news: any) {
    return { outs: news };
  },
  async delete() {},
};
