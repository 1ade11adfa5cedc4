/** Opaque, time-ordered ids: a type prefix and a UUIDv7, so ids sort by creation and say what they name. */
export function newId(prefix: string): string {
  return `${prefix}_${Bun.randomUUIDv7().replaceAll("-", "")}`;
}

/**
 * The smallest id `newId(prefix)` makes at `instant` (ms) or later: a UUIDv7 begins with its
 * creation time, so the ids made in a span of time are a range of ids (and of a primary key).
 */
export const firstIdAt = (prefix: string, instant: number) => `${prefix}_${Math.max(0, Math.floor(instant)).toString(16).padStart(12, "0")}`;
