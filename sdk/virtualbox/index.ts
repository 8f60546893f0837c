export * from "./natNetwork";
export * from "./virtualMachine";
export * from "./snapshot";
