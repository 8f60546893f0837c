/**
 * What makeProvider (core/controller.ts) stores: outputs are the stored inputs overlaid with what was read, the
 * secret outputs wrapped, and the inputs themselves kept under STORED_INPUTS (one secret) so `read` can give the
 * engine the live inputs; check() wraps the secret inputs.
 */
import type { Controller, Props } from "./controller";
import { jsonSafe } from "./jsonSafe";
import { asSecret, unwrapSecrets } from "./secrets";

/** The output key holding the inputs the outputs were made from, as one secret (see `outputsOf`). */
export const STORED_INPUTS = "__inputs";
/** Keys that are the plugin's or the library's own, never a field of the object (diff skips them). */
export const INTERNAL = new Set(["__provider", "adopt", "customTimeouts", STORED_INPUTS]);

/** The user's inputs without the plugin's and the library's own keys. */
export const withoutInternal = (inputs: Props): Props =>
  Object.fromEntries(Object.entries(inputs).filter(([k, v]) => k !== "__provider" && k !== STORED_INPUTS && v !== undefined));

/** Outputs = the stored inputs (so drift is compared field by field) overlaid with what was read. */
export function outputsOf(ctrl: Pick<Controller<Props, Props>, "secretOutputs">, inputs: Props, outs: Props, reading = false): Props {
  const merged: Props = {};
  for (const [k, v] of Object.entries(inputs)) if (k !== "__provider") merged[k] = v;
  Object.assign(merged, outs);
  for (const k of ctrl.secretOutputs ?? []) {
    if (merged[k] !== undefined && merged[k] !== null) merged[k] = asSecret(unwrapSecrets(merged[k]));
  }
  // The inputs themselves (one secret: they may hold passwords), so that `read` can tell the engine which inputs
  // the live object no longer matches (an internal key: the engine's displays and diffs skip keys starting "__").
  // On read, `inputs` is the previous state, whose stored inputs stand (absent in state from before they were kept).
  const stored = reading ? inputs[STORED_INPUTS] : withoutInternal(inputs);
  if (stored !== undefined) merged[STORED_INPUTS] = asSecret(unwrapSecrets(stored));
  return jsonSafe(merged);
}

/** Checked inputs with the secret fields wrapped, so the inputs in state hold them as secrets too. */
export function withSecretInputs(ctrl: Pick<Controller<Props, Props>, "secretInputs">, inputs: Props): Props {
  const out: Props = { ...inputs };
  for (const k of ctrl.secretInputs ?? []) if (out[k] !== undefined && out[k] !== null) out[k] = asSecret(unwrapSecrets(out[k]));
  return out;
};
