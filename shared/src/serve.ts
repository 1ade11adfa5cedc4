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
  /** Also stop, the same way, when the process that started this one goes away (STOP_WITH_PARENT). */
  stopWithParent?: boolean;
};

/** Serves until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish, and cleans up. */
export function serve(options: ServeOptions) {
  const server = Bun.serve({ fetch: options.fetch, port: options.port, hostname: options.host, idleTimeout: 60 });
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
