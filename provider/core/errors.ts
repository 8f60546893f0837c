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

/** What `call` gives, or null when what it asks for does not exist (404): a GET of a gone object, a DELETE of one already gone. */
export async function nullIfNotFound<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}
