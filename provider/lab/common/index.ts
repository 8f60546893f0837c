export { connectionSchema, connectionSecrets, openConnection } from "./connection";
export type { ConnectionInput, OpenOptions } from "./connection";
export { RemoteHost, SudoRefusedError } from "./host";
