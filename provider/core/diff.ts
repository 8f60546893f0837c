/**
 * Which fields changed and which of them replace the object, in a controller's own terms (its `compare`,
 * `replaceOn`, `replaceIf`): what diff, update, adopt and read's live inputs all judge by.
 */
import type { Controller, Props } from "./controller";
import { deepEqual, sameSet } from "./deepEqual";
import { INTERNAL, STORED_INPUTS } from "./outputs";
import { unwrapSecrets } from "./secrets";
import { containsUnknown } from "./unknowns";

export const isObject = (v: unknown): v is Props => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields (of news) whose values differ from olds, in the controller's terms. */
export function changedFields<I extends Props>(ctrl: Pick<Controller<I, Props>, "compare">, oldsIn: Props, newsIn: Props): string[] {
  const olds = isObject(oldsIn) ? oldsIn : {};
  const news = isObject(newsIn) ? newsIn : {};
  const changed: string[] = [];
  for (const key of Object.keys(news)) {
    if (INTERNAL.has(key) || news[key] === undefined) continue;
    const how = ctrl.compare?.[key];
    if (how === "ignore") continue;
    const a = news[key];
    const b = olds[key];
    if (containsUnknown(a)) {
      if (how !== "credentials") changed.push(key);
      continue;
    }
    let same: boolean;
    try {
      same = how === "set" ? sameSet(a, b) : typeof how === "function" ? how(a, b) : deepEqual(a, b);
    } catch {
      same = false; // a value of an unexpected shape (state from another version): show it as a change
    }
    if (!same) changed.push(key);
  }
  return changed;
}

/** The changed fields that need a new object (replaceOn, or a replaceIf whose test says so). */
export function replacedFields<I extends Props>(ctrl: Pick<Controller<I, Props>, "replaceOn" | "replaceIf">, changed: string[], olds: Props, news: Props): string[] {
  return changed.filter((k) => {
    if ((ctrl.replaceOn ?? []).includes(k)) return true;
    const rule = ctrl.replaceIf?.[k];
    if (!rule) return false;
    try {
      return rule.test(news[k], olds[k]);
    } catch {
      return true;
    }
  });
}

/**
 * The inputs as they are live: the stored inputs, with each field that drifted (by the controller's own compare,
 * as the next diff will judge it) replaced by its live value. Returned by `read`, so after a refresh the engine
 * diffs the program against the live state and `pulumi preview --refresh --diff` names exactly the fields that
 * drifted (the dynamic-provider plugin forwards no changed-key list from `diff`).
 */
export function liveInputs(ctrl: Pick<Controller<Props, Props>, "compare">, state: Props, live: Props): Props | undefined {
  const stored = state[STORED_INPUTS];
  if (!stored || typeof stored !== "object") return undefined; // state written before inputs were kept
  const inputs: Props = unwrapSecrets(stored);
  for (const k of changedFields(ctrl, unwrapSecrets(live), inputs)) inputs[k] = live[k];
  return inputs;
}
