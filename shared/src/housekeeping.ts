import type { Logger } from "./logger";

/** Clean-ups that keep tables from growing forever, run at start and then every hour. */
export function startHousekeeping(tasks: Record<string, () => Promise<unknown>>, logger: Logger, everyMs = 3600_000) {
  const run = async () => {
    for (const [name, task] of Object.entries(tasks)) {
      await task().catch((error) => logger.warn("housekeeping task failed; it runs again within the hour", { task: name, error: (error as Error).message }));
    }
  };
  const first = run();
  const timer = setInterval(() => void run(), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await first;
    },
  };
}
