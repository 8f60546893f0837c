/** Waits `ms` milliseconds (the default of every `sleep` parameter; tests pass one that records instead). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
