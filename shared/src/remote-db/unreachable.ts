import type { Logger } from "../logger";

/**
 * Whether an error, or one it was caused by (drizzle wraps the driver's), says the libSQL server
 * could not be reached: its connection refused or dropped (a network error carries a code, a
 * programming TypeError does not), its WebSocket failed, or a proxy in front of it answered 5xx. Such
 * a failure may pass by itself, unlike a refusal (a wrong token) or a failing statement.
 */
export function isServerUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (current instanceof TypeError && typeof code === "string") return true;
    if (code === "HRANA_WEBSOCKET_ERROR" || /HTTP status 5\d\d/.test(String(message))) return true;
  }
  return false;
}

/** How often a background loop tries again while its database does not answer (instead of its usual poll). */
export const OUTAGE_POLL_MS = 2_000;

/**
 * A failed pass of a background loop (the outbox relay, the notification queue, the payment sweep):
 * a database that does not answer is a warning naming the cause, as it passes by itself and the
 * next pass tries again; anything else is an error with its stack.
 */
export function logPassFailure(logger: Logger, what: string, error: unknown) {
  if (isServerUnreachable(error)) logger.warn(`${what}: the database does not answer`, { error: String((error as Error).cause ?? (error as Error).message) });
  else logger.error(what, { error });
}
