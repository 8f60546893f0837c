export * from "./connection";
export * from "./hostPrep";
export * from "./packstackInstall";
export * from "./openStackLab";
