import type { Logger } from "./logger";
import { whenParentExits } from "./parent-watch";

export type ServeOptions = {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  host: string;
  logger: Logger;
  /** Stops background work and closes the database, after the server has stopped taking requests. */
  onStop: () => Promise<void>;
  graceMs?: number;
  /** The setting that moves this service under `bun run start` (ORDER_SERVICE_URL …), named when the port is taken. */
  urlSetting: string;
  /** Also stop, the same way, when the process that started this one goes away (STOP_WITH_PARENT). */
  stopWithParent?: boolean;
};

/** Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish, and cleans up. */
export async function serve(options: ServeOptions) {
  const server = await listenOrStop(
    () => Bun.serve({ fetch: options.fetch, port: options.port, hostname: options.host, idleTimeout: 60 }),
    { port: options.port, host: options.host, setting: `PORT (${options.urlSetting} with \`bun run start\`)`, beforeExit: options.onStop }, // gives the database's lease up
  );
  options.logger.info("listening", { url: `http://${options.host}:${server.port}` });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info("shutting down", { signal });
    // In-flight requests get a grace period; connections still open after it are closed.
    await Promise.race([server.stop(), Bun.sleep(options.graceMs ?? 10_000)]);
    await server.stop(true);
    await options.onStop();
    options.logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  if (options.stopWithParent) whenParentExits(() => void shutdown("parent exited"));
  return server;
}

/**
 * Starts listening; a port another process holds is a setting to change, not a fault to trace: one
 * line naming the port and the setting, then exit 1 (after `beforeExit`).
 */
export async function listenOrStop<T>(listen: () => T, where: { port: number; host: string; setting: string; beforeExit?: () => Promise<void> }): Promise<T> {
  try {
    return listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.error(`Cannot run: port ${where.port} on ${where.host} is in use by another process; set ${where.setting} to a free one.`);
    await where.beforeExit?.();
    process.exit(1);
  }
}
