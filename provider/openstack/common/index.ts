export * from "./schema";
export * from "./ip";
export * from "./find";
export * from "./tags";
export * from "./remove";
export * from "./recover";
export { sleep } from "../../core/retry";
export * from "./neutronResource";
export * from "./controllerParts";
