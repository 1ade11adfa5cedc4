import type { Logger } from "./logger";

/**
 * A background task run at start and then every `everyMs`, never twice at once: a run asked for
 * while one is under way is that run. A failure is logged (`failure` says what failed) and the next
 * run tries again.
 */
export function periodic(task: () => Promise<unknown>, options: { everyMs: number; logger: Logger; failure: string }) {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;

  const run = () => {
    running ??= task()
      .then(() => undefined, (error) => options.logger.warn(options.failure, { error: (error as Error).message }))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    run,
    start() {
      void run();
      timer = setInterval(run, options.everyMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
