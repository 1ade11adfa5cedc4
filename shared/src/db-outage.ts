import type { Logger } from "./logger";

/** Walks an error and what it was caused by (drizzle wraps the driver's), a few levels deep. */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    yield current as { code?: unknown; message?: unknown };
  }
}

/**
 * Whether an error, or one it was caused by, says the libSQL server could not be reached: its
 * connection refused or dropped (a network error carries a code, a programming TypeError does not),
 * its WebSocket failed, or a proxy in front of it answered 5xx. Such a failure may pass by itself,
 * unlike a refusal (a wrong token) or a failing statement.
 */
export function isServerUnreachable(error: unknown): boolean {
  for (const current of causes(error)) {
    const { code, message } = current;
    if (current instanceof TypeError && typeof code === "string") return true;
    if (code === "HRANA_WEBSOCKET_ERROR" || /HTTP status 5\d\d/.test(String(message))) return true;
  }
  return false;
}

/** Whether a write failed because the database's disk (or a libSQL server's) has no space left. */
export function isDiskFull(error: unknown): boolean {
  for (const current of causes(error)) {
    if (current.code === "SQLITE_FULL" || /database or disk is full/.test(String(current.message))) return true;
  }
  return false;
}

/** A database that cannot take work now, through no fault of the request: its server gone, or its disk full. */
export const isDatabaseOutage = (error: unknown) => isServerUnreachable(error) || isDiskFull(error);

/** How often a background loop tries again during a database outage (instead of its usual poll). */
export const OUTAGE_POLL_MS = 2_000;

/**
 * A failed pass of a background loop (the outbox relay, the notification queue, the payment sweep):
 * a database that does not answer is a warning naming the cause, as it passes by itself; a full
 * disk is an error without a stack, as someone must free space; anything else an error with its stack.
 */
export function logPassFailure(logger: Logger, what: string, error: unknown) {
  if (isServerUnreachable(error)) logger.warn(`${what}: the database does not answer`, { error: String((error as Error).cause ?? (error as Error).message) });
  else if (isDiskFull(error)) logger.error(`${what}: the database's disk is full`, { error: String((error as Error).cause ?? (error as Error).message) });
  else logger.error(what, { error });
}
