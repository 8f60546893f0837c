/**
 * The `connection` field the lab resources' specs share (provider/core/spec.ts). Its schema lives with the SSH
 * code (connection.ts, which loads ssh2): required at call time, so a spec stays light.
 */
import { field } from "../../core/spec";
import type * as connection from "./connection";

/** The defaults of the connection's keys (data: core/spec.ts `NestedDefaults`; connectionSchema takes them from here). */
export const CONNECTION_DEFAULTS = { keys: { host: "127.0.0.1", port: 2222, user: "root" } } as const;

/** How to reach the host over SSH (kept secret in state: it carries keys and passwords). */
export const connectionField = () => field((z) => (require("./connection") as typeof connection).connectionSchema(z), { secret: true, nested: CONNECTION_DEFAULTS });
