/** Epoch milliseconds with sub-millisecond precision: comparable across the processes of one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
