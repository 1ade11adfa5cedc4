/**
 * At most `perSecond` sends start in any one-second window (NFR-008): a sliding window of the last
 * `perSecond` start times, so a burst never exceeds the limit at a window's edge as a fixed
 * per-second counter would.
 */
export function createRateLimiter(perSecond: number, now = () => Date.now()) {
  const starts: number[] = [];
  let queue = Promise.resolve();

  /** Resolves at the moment the caller may start, with that moment. */
  function acquire(): Promise<number> {
    const slot = queue.then(async () => {
      let at = now();
      if (starts.length >= perSecond) {
        const earliest = starts[starts.length - perSecond]! + 1000;
        if (earliest > at) {
          await Bun.sleep(earliest - at);
          at = Math.max(now(), earliest);
        }
      }
      starts.push(at);
      if (starts.length > perSecond) starts.splice(0, starts.length - perSecond);
      return at;
    });
    queue = slot.then(() => undefined);
    return slot;
  }

  return { acquire };
}
