import { and, eq, lt, or, sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { CannotRun } from "./remote-db/cannot-run";
import { serviceLease } from "./service-lease.schema";

export type LeaseTiming = { ttlMs: number; renewEveryMs: number; waitMs: number };
/** Renewed every 2 s, it lapses 8 s after its holder stopped (a crash); a new copy waits a little longer. */
const defaults: LeaseTiming = { ttlMs: 8_000, renewEveryMs: 2_000, waitMs: 10_000 };

/**
 * Now, in milliseconds, by the database's clock: every copy, on whatever machine, reads a lease's
 * expiry against the same clock, so machines whose clocks disagree cannot take each other's lease.
 */
const databaseNow = sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;

/** The holders this process has taken and not given up (a process may open a database more than once in tests). */
const heldHere = new Set<string>();

/**
 * The one process that may run a service on its database, a local file or a libSQL server. The outbox
 * relay, the notification sender and the importer keep what they have under way in their process, and
 * a service recovers what a crash cut short when it starts, so a second copy on the same database
 * could send a mail twice: it is refused at start, naming the first. A graceful stop gives the lease
 * up at once. After a crash, a holder on this machine whose process is gone is taken over at once;
 * one on another machine lapses, and the restarted copy waits for that. Should another copy take it
 * over all the same (this one stalled past the lease), this one learns it at its next renewal and stops.
 */
export async function takeServiceLease(db: LibSQLDatabase<Record<string, unknown>>, service: string, onLost: (holder: string) => void, timing: LeaseTiming = defaults) {
  const holder = `${hostname()} pid ${process.pid} (${crypto.randomUUID().slice(0, 8)})`;
  const claim = async (replacing?: string) => {
    const free = or(eq(serviceLease.holder, holder), lt(serviceLease.expiresAt, databaseNow), replacing === undefined ? undefined : eq(serviceLease.holder, replacing));
    const expiresAt = sql<number>`${databaseNow} + ${timing.ttlMs}`;
    const rows = await db.insert(serviceLease).values({ service, holder, expiresAt })
      .onConflictDoUpdate({ target: serviceLease.service, set: { holder, expiresAt }, setWhere: free })
      .returning({ holder: serviceLease.holder });
    return rows.length === 1;
  };
  const currentHolder = async () => (await db.select().from(serviceLease).where(eq(serviceLease.service, service)))[0]?.holder ?? "nobody";
  const refusal = (current: string) => new CannotRun(`another ${service} service runs on this database (${current}); one process per service and database`);

  const deadline = Date.now() + timing.waitMs;
  while (!(await claim())) {
    const current = await currentHolder();
    const state = holderState(current);
    if (state === "gone" && (await claim(current))) break;
    if (state === "running" || Date.now() >= deadline) throw refusal(current);
    await Bun.sleep(Math.min(500, timing.renewEveryMs));
  }
  heldHere.add(holder);
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
      heldHere.delete(holder);
      await db.delete(serviceLease).where(and(eq(serviceLease.service, service), eq(serviceLease.holder, holder))).catch(() => undefined);
    },
  };
}

/**
 * A holder on this machine is "gone" when its process no longer runs (a holder with this pid that this
 * runtime does not know is this process before `bun --watch` restarted it in place), else "running".
 * Of one on another machine, or one this runtime holds, nothing is known: its lease is waited out.
 */
function holderState(holder: string): "gone" | "running" | "unknown" {
  const match = holder.match(/^(.*) pid (\d+) \(/);
  if (!match || match[1] !== hostname()) return "unknown";
  const pid = Number(match[2]);
  if (pid === process.pid) return heldHere.has(holder) ? "unknown" : "gone";
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH" ? "gone" : "running";
  }
  return isZombie(pid) ? "gone" : "running";
}

/** A process killed but not yet reaped by its parent (Linux; elsewhere a killed holder lapses). */
function isZombie(pid: number) {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").startsWith("Z");
  } catch {
    return false;
  }
}
