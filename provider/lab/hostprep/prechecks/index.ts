/** Every precheck, in the order their lines are reported. */
import { hostnameResolves } from "./hostname";
import { gateway, iface } from "./network";
import { os } from "./os";
import { Precheck } from "./precheck";
import { reposReachable } from "./repos";
import { cpus, disk, memory } from "./resources";

export const PRECHECKS: ReadonlyArray<Precheck> = [os, memory, cpus, disk, iface, gateway, reposReachable, hostnameResolves];
export type { Precheck, Verdict } from "./precheck";
