/** An input that fails validation; `property` names the field as the user wrote it (e.g. "allocationPools[1].start"). */
export class InputError extends Error {
  constructor(public readonly property: string, message: string) {
    super(`${property}: ${message}`);
    this.name = "InputError";
  }
}

/** The object the resource manages no longer exists (read turns this into "gone"). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

export function isNotFound(e: unknown): boolean {
  return e instanceof Error && (e.name === "NotFoundError" || (e as { status?: number }).status === 404);
}
