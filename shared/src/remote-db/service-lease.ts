import { and, eq, lt, or } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { hostname } from "node:os";
import { CannotRun } from "./cannot-run";
import { serviceLease } from "./service-lease.schema";

export type LeaseTiming = { ttlMs: number; renewEveryMs: number; waitMs: number };
/** Renewed every 2 s, it lapses 8 s after its holder stopped (a crash); a new copy waits a little longer. */
const defaults: LeaseTiming = { ttlMs: 8_000, renewEveryMs: 2_000, waitMs: 10_000 };

/**
 * On a libSQL server, the one process that may run a service on its database. The outbox relay, the
 * notification sender and the importer keep what they have under way in their process, so a second
 * copy on the same database could send a mail twice: it is refused at start, naming the first. A
 * graceful stop gives the lease up at once; after a crash it lapses, and the restarted copy waits
 * for that. Should another copy take it over all the same (this one stalled past the lease), this
 * one learns it at its next renewal and stops.
 */
export async function takeServiceLease(db: LibSQLDatabase<Record<string, unknown>>, service: string, onLost: (holder: string) => void, timing: LeaseTiming = defaults) {
  const holder = `${hostname()} pid ${process.pid} (${crypto.randomUUID().slice(0, 8)})`;
  const claim = async () => {
    const now = Date.now();
    const rows = await db.insert(serviceLease).values({ service, holder, expiresAt: now + timing.ttlMs })
      .onConflictDoUpdate({ target: serviceLease.service, set: { holder, expiresAt: now + timing.ttlMs }, setWhere: or(eq(serviceLease.holder, holder), lt(serviceLease.expiresAt, now)) })
      .returning({ holder: serviceLease.holder });
    return rows.length === 1;
  };
  const currentHolder = async () => (await db.select().from(serviceLease).where(eq(serviceLease.service, service)))[0]?.holder ?? "nobody";

  const deadline = Date.now() + timing.waitMs;
  while (!(await claim())) {
    if (Date.now() >= deadline) throw new CannotRun(`another ${service} service runs on this database (${await currentHolder()}); one process per service and database`);
    await Bun.sleep(Math.min(500, timing.renewEveryMs));
  }
  /** Keeps the lease, or reports who took it; a server that does not answer is tried again next time. */
  const renew = () => claim().then(async (kept) => {
    if (!kept) onLost(await currentHolder());
  }, () => undefined);
  const renewal = setInterval(renew, timing.renewEveryMs);
  renewal.unref();
  return {
    holder,
    renew,
    async release() {
      clearInterval(renewal);
      await db.delete(serviceLease).where(and(eq(serviceLease.service, service), eq(serviceLease.holder, holder))).catch(() => undefined);
    },
  };
}
