import type { Logger } from "@platform/shared/logger";
import { isDatabaseOutage, logPassFailure, OUTAGE_POLL_MS } from "@platform/shared/db-outage";
import type { NotificationRow } from "../db/schema";
import { Undeliverable, type EmailTransport, type SmsTransport } from "../transports/transport";
import type { NotificationStore } from "./notification-store";
import { createRateLimiter } from "./rate-limiter";

export type SenderOptions = {
  store: NotificationStore;
  email: EmailTransport;
  sms: SmsTransport;
  logger: Logger;
  ratePerSecond: number;
  concurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs?: number;
};

/**
 * Drains the queue: renders were stored at acceptance, so a send is just the transport call. Every
 * attempt is recorded before the call and its outcome after, so a restart knows what was cut short.
 */
export function createSender(options: SenderOptions) {
  const { store, logger } = options;
  const limiter = createRateLimiter(options.ratePerSecond);
  const active = new Map<string, Promise<void>>();
  let running = false;
  let kicked = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  const retryDelay = (attempt: number) => options.retryBaseMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);

  async function sendOne(row: NotificationRow) {
    const startedAt = await limiter.acquire();
    const attempt = await store.markSending(row);
    try {
      if (row.channel === "EMAIL") {
        await options.email.send({ id: row.id, to: row.recipient, toName: row.recipient_name, subject: row.subject ?? "", text: row.body, html: row.html ?? "" });
      } else {
        await options.sms.send({ id: row.id, to: row.recipient, body: row.body });
      }
      await store.markSent(row.id, attempt, startedAt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const refused = error instanceof Undeliverable;
      const giveUp = refused || attempt >= options.maxAttempts;
      await store.markAttemptFailed(row.id, attempt, message, giveUp ? null : Date.now() + retryDelay(attempt));
      const said = refused ? "notification FAILED: the receiving server refused it for good" : giveUp ? "notification FAILED after its last attempt" : "notification attempt failed, will retry";
      (giveUp ? logger.error : logger.warn)(said, { notification_id: row.id, attempt, error: message });
    }
  }

  async function fill() {
    const free = options.concurrency - active.size;
    if (free <= 0) return;
    for (const row of await store.due(free, [...active.keys()])) {
      active.set(row.id, sendOne(row)
        .catch((error) => logger.error("notification send crashed", { notification_id: row.id, error }))
        .finally(() => {
          active.delete(row.id);
          wake?.();
        }));
    }
  }

  async function run() {
    while (running) {
      let restMs = options.pollMs ?? 250;
      kicked = false;
      try {
        await fill();
      } catch (error) {
        logPassFailure(logger, "notification queue pass failed", error);
        if (isDatabaseOutage(error)) restMs = Math.max(restMs, OUTAGE_POLL_MS);
      }
      if (kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, restMs);
        wake = () => (clearTimeout(timer), resolve());
      });
      wake = undefined;
    }
  }

  return {
    async start() {
      const interrupted = await store.recoverInterrupted();
      if (interrupted) logger.warn("sending again notifications a stop cut short", { count: interrupted });
      running = true;
      loop = run();
    },
    kick() {
      kicked = true;
      wake?.();
    },
    async stop(graceMs = 5_000) {
      running = false;
      wake?.();
      await loop;
      await Promise.race([Promise.allSettled(active.values()), Bun.sleep(graceMs)]);
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
