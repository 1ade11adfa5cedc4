/**
 * Calls `onExit` once the process that started this one is gone (its parent id changes when it is
 * reparented), so a stack started by `bun run start` or a test run does not outlive it after a SIGKILL.
 */
export function whenParentExits(onExit: () => void, everyMs = 1000) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onExit();
  }, everyMs);
  timer.unref();
}
