/**
 * The `connection` field the lab resources' specs share (provider/core/spec.ts). Its schema lives with the SSH
 * code (connection.ts, which loads ssh2): required at call time, so a spec stays light.
 */
import { field } from "../../core/spec";
import type * as connection from "./connection";

/** How to reach the host over SSH (kept secret in state: it carries keys and passwords). */
export const connectionField = () => field((z) => (require("./connection") as typeof connection).connectionSchema(z), { secret: true });
