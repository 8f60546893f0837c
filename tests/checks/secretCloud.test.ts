/**
 * A program that calls the exported `providers` directly (no sdk class to wrap `cloud` in pulumi.secret) still
 * gets `cloud` back as a secret, from check() (the inputs in state) and from create()/read() (the outputs). Runs
 * against the test cloud through the shim, as the dynamic-provider plugin would (needs bin/: npx tsc -p tsconfig.json).
 */
import { isSecretWire } from "../../provider/core/secrets";
import { providers } from "../../sdk/providers";
import { adminCloud } from "../support/cloud";
import { uniqueName } from "../openstack/common/helpers";

test("openstack.Network via providers: cloud is a secret in the checked inputs and in every output", async () => {
  const p = providers["openstack.Network"];
  const checked = await p.check({}, { cloud: adminCloud(), name: uniqueName("secret-cloud") });
  expect(checked.failures).toBeUndefined();
  expect(isSecretWire(checked.inputs.cloud)).toBe(true);
  const { id, outs } = await p.create(checked.inputs);
  try {
    expect(isSecretWire(outs.cloud)).toBe(true);
    const read = await p.read(id, outs);
    expect(isSecretWire(read.props.cloud)).toBe(true);
  } finally {
    await p.delete(id, outs);
  }
});
