export { startGuest } from "./guest";
export type { Guest, GuestOptions } from "./guest";
export type { UserOptions } from "./users";
export type { GuestState, RecordedCall, DeepPartial } from "./state";
export { defaultState } from "./state";
