/**
 * The sdk's shape of a provider-side type: every field a `pulumi.Input` (and a map's values too), the field docs
 * and optionality kept. So a shape the provider declares (credentials, adopt) is written once.
 */
import type * as pulumi from "@pulumi/pulumi";

type InputValue<V> = V extends string | number | boolean ? V : V extends Record<string, infer E> ? { [k: string]: pulumi.Input<E> } : V;

export type InputsOf<T> = { [K in keyof T]: pulumi.Input<InputValue<NonNullable<T[K]>>> };
