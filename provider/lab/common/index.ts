export { connectionSchema, connectionSecrets, openConnection, withHostConnection } from "./connection";
export type { ConnectionInput, OpenOptions } from "./connection";
export { RemoteHost } from "./host";
