import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { drizzle } from "drizzle-orm/libsql";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { openDatabase } from "./db";
import { tempDir } from "./testing/service-process";
import { CannotRun } from "./remote-db/cannot-run";
import { takeServiceLease } from "./service-lease";

// Two copies of a service on one database, in one process: the lease's rules with short timings.
let opened: Awaited<ReturnType<typeof openDatabase>>;
let db: ReturnType<typeof drizzle>;
beforeAll(async () => {
  opened = await openDatabase(`file:${join(tempDir("lease-"), "lease.db")}`);
  db = drizzle(opened.client);
  await opened.client.execute("create table service_lease (service text primary key not null, holder text not null, expires_at integer not null)");
});
afterAll(() => opened.client.close());

const quick = { ttlMs: 300, renewEveryMs: 100, waitMs: 600 };
const never = () => {
  throw new Error("the lease was not lost");
};

describe("the service lease", () => {
  test("a second copy is refused, naming the first, while the first renews it; once given up, it is taken at once", async () => {
    const first = await takeServiceLease(db, "order", never, quick);
    const refused = await takeServiceLease(db, "order", never, quick).catch((error) => error);
    expect(refused).toBeInstanceOf(CannotRun);
    expect(refused.message).toBe(`another order service runs on this database (${first.holder}); one process per service and database`);
    await first.release();
    const second = await takeServiceLease(db, "order", never, { ...quick, waitMs: 0 }); // no waiting allowed
    await second.release();
  });

  test("after a crash (no more renewals) the lease lapses and a new copy takes it; the old one, should it wake, learns who has it", async () => {
    let lostTo: string | undefined;
    // its renewals would come every minute: for the test, it has stopped
    const crashed = await takeServiceLease(db, "payment", (holder) => (lostTo = holder), { ttlMs: 1_000, renewEveryMs: 60_000, waitMs: 0 });
    expect(await takeServiceLease(db, "payment", never, { ...quick, waitMs: 0 }).catch((error) => error)).toBeInstanceOf(CannotRun); // not yet lapsed
    const next = await takeServiceLease(db, "payment", never, { ttlMs: 5_000, renewEveryMs: 1_000, waitMs: 3_000 }); // waits out the lapse
    await crashed.renew(); // it wakes
    expect(lostTo).toBe(next.holder);
    await crashed.release(); // gives up nothing that is not its own
    expect((await opened.client.execute("select holder from service_lease where service = 'payment'")).rows[0]!.holder).toBe(next.holder);
    await next.release();
  });

  test("expiry is read by the database's clock: a copy on a machine whose clock runs an hour ahead cannot take a live lease", async () => {
    const first = await takeServiceLease(db, "order", never, { ttlMs: 5_000, renewEveryMs: 1_000, waitMs: 0 });
    const realNow = Date.now;
    Date.now = () => realNow() + 3_600_000;
    try {
      expect(await takeServiceLease(db, "order", never, { ttlMs: 5_000, renewEveryMs: 1_000, waitMs: 0 }).catch((error) => error)).toBeInstanceOf(CannotRun);
    } finally {
      Date.now = realNow;
      await first.release();
    }
  });

  test("each service has a lease of its own", async () => {
    const order = await takeServiceLease(db, "order", never, quick);
    const notification = await takeServiceLease(db, "notification", never, quick);
    await Promise.all([order.release(), notification.release()]);
  });

  describe("a holder on this machine", () => {
    const holdAs = (service: string, holder: string) =>
      opened.client.execute({ sql: "insert or replace into service_lease values (?, ?, ?)", args: [service, holder, Date.now() + 60_000] });
    const patient = { ttlMs: 5_000, renewEveryMs: 1_000, waitMs: 0 };

    test("whose process is gone (a crash) is taken over at once, without waiting out its lease", async () => {
      const crashed = Bun.spawn(["true"]);
      await crashed.exited;
      await holdAs("order", `${hostname()} pid ${crashed.pid} (crashed1)`);
      const next = await takeServiceLease(db, "order", never, patient);
      await next.release();
    });

    test("whose process was killed but not yet reaped (a zombie) is taken over at once", async () => {
      // sh starts a child that exits at once, then becomes `sleep`, which never reaps it
      const parent = Bun.spawn(["sh", "-c", "sleep 0 & echo $!; exec sleep 30"], { stdout: "pipe" });
      const { value } = await parent.stdout.getReader().read();
      const zombie = Number(new TextDecoder().decode(value).trim());
      await Bun.sleep(100);
      expect(readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/\) Z /);
      try {
        await holdAs("payment", `${hostname()} pid ${zombie} (zombie01)`);
        const next = await takeServiceLease(db, "payment", never, patient);
        await next.release();
      } finally {
        parent.kill();
      }
    });

    test("with this process's pid but not held by it (this process before `bun --watch` restarted it) is taken over at once", async () => {
      await holdAs("notification", `${hostname()} pid ${process.pid} (before01)`);
      const next = await takeServiceLease(db, "notification", never, patient);
      await next.release();
    });

    test("whose process runs is refused at once, naming it: waiting would not change it", async () => {
      const running = Bun.spawn(["sleep", "30"]);
      try {
        const holder = `${hostname()} pid ${running.pid} (running1)`;
        await holdAs("order", holder);
        const refused = await takeServiceLease(db, "order", never, { ...patient, waitMs: 60_000 }).catch((error) => error);
        expect(refused).toBeInstanceOf(CannotRun);
        expect(refused.message).toContain(holder);
      } finally {
        running.kill();
        await opened.client.execute("delete from service_lease");
      }
    }, 10_000);

    test("on another machine is waited out: refused while its lease lasts", async () => {
      await holdAs("order", "elsewhere pid 1 (remote01)");
      expect(await takeServiceLease(db, "order", never, patient).catch((error) => error)).toBeInstanceOf(CannotRun);
      await opened.client.execute("delete from service_lease");
    });
  });
});
