/** Opaque, time-ordered ids: a type prefix and a UUIDv7, so ids sort by creation and say what they name. */
export function newId(prefix: string): string {
  return `${prefix}_${Bun.randomUUIDv7().replaceAll("-", "")}`;
}
