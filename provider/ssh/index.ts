export { connect, withConnection, SshConnection } from "./connection";
export type { ConnectOptions, RunOptions, RunResult } from "./connection";
export * from "./errors";
export { fingerprint, isFingerprint } from "./hostKey";
export { quote, quoteArgv } from "./quote";
