import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { prepared } from "@platform/shared/prepared";
import { notInList } from "@platform/shared/sql-lists";
import type { CreateNotification, Notification, NotificationStatus } from "@platform/shared/contracts/notification";
import { newId } from "@platform/shared/ids";
import { phoneToE164 } from "@platform/shared/phone";
import { ERASED } from "@platform/shared/erasure";
import { ApiError } from "@platform/shared/problem";
import type { NotificationDb } from "../db/client";
import { attempts, notifications, type NotificationRow } from "../db/schema";
import type { Rendered } from "../templates/renderer";

const NOT_SENT = "Not sent: the customer's personal data was erased at their request.";

/** A notification erased at the customer's request is never sent again (409). */
export function refuseErased(row: NotificationRow, what: string) {
  if (row.erased_at) throw new ApiError("CONFLICT", `Notification ${row.id} was erased at the customer's request (${row.erased_at}); it cannot be ${what}.`);
}

export function toNotification(row: NotificationRow): Notification {
  const { recipient_name: _n, next_attempt_at: _a, sending_since: _s, idempotency_key: _k, ...wire } = row;
  return wire;
}

export type NewNotification = CreateNotification & { rendered: Rendered; idempotencyKey?: string };

export function createNotificationStore(db: NotificationDb) {
  const iso = (ms = Date.now()) => new Date(ms).toISOString();

  // Built once: drizzle building this insert per notification was the largest cost of queueing in a profile.
  const p = sql.placeholder;
  const insert = prepared(db, "notification.insert", () => db.insert(notifications).values({
    id: p("id"), order_id: p("order_id"), channel: p("channel") as never, template: p("template") as never, recipient: p("recipient"),
    recipient_name: p("recipient_name"), status: "PENDING", subject: p("subject"), body: p("body"), html: p("html"),
    next_attempt_at: p("now") as never, idempotency_key: p("idempotency_key"), created_at: p("created_at"),
  }).onConflictDoNothing({ target: notifications.idempotency_key }).returning({ id: notifications.id }).prepare());
  const byKey = prepared(db, "notification.byKey", () => db.select().from(notifications).where(eq(notifications.idempotency_key, p("key"))).prepare());

  return {
    /** Queues notifications in one transaction; one whose key was used before is returned as it is. */
    async enqueue(batch: NewNotification[]) {
      return db.transaction(async () => {
        const rows: NotificationRow[] = [];
        for (const item of batch) {
          const now = Date.now();
          const row: NotificationRow = {
            id: newId("ntf"), order_id: item.order_id, channel: item.channel, template: item.template, recipient: item.recipient,
            recipient_name: typeof item.variables.customer_name === "string" ? item.variables.customer_name : null,
            status: "PENDING", subject: item.rendered.subject, body: item.rendered.body, html: item.rendered.html ?? null,
            attempts: 0, error: null, next_attempt_at: now, sending_since: null, idempotency_key: item.idempotencyKey ?? null, created_at: iso(now), sent_at: null, erased_at: null,
          };
          // the row is known already: reading its few KB of text back would only copy them again
          const [inserted] = await insert.execute({ ...row, now });
          rows.push(inserted ? row : (await byKey.execute({ key: item.idempotencyKey! }))[0]!);
        }
        return rows;
      });
    },

    async get(id: string) {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
      if (!row) throw ApiError.notFound("Notification", id);
      return row;
    },

    async byOrder(orderId: string) {
      return db.select().from(notifications).where(eq(notifications.order_id, orderId)).orderBy(asc(notifications.id));
    },

    async page(query: { skip: number; limit: number; status?: NotificationStatus; recipient?: string }) {
      const where: SQL | undefined = and(
        query.status ? eq(notifications.status, query.status) : undefined,
        query.recipient ? sql`lower(${notifications.recipient}) = ${recipientKey(query.recipient)}` : undefined,
      );
      const [items, [total]] = await Promise.all([
        db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(query.limit).offset(query.skip),
        db.select({ n: count() }).from(notifications).where(where),
      ]);
      return { items: items.map(toNotification), total: total!.n, skip: query.skip, limit: query.limit };
    },

    async counts() {
      const rows = await db.select({ status: notifications.status, n: count() }).from(notifications).groupBy(notifications.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Partial<Record<NotificationStatus, number>>;
    },

    async history(id: string) {
      return db.select().from(attempts).where(eq(attempts.notification_id, id)).orderBy(asc(attempts.attempt));
    },

    /** Due notifications not already being sent by this process. */
    async due(limit: number, busy: string[]) {
      return db.select().from(notifications)
        .where(and(eq(notifications.status, "PENDING"), isNull(notifications.sending_since), lte(notifications.next_attempt_at, Date.now()), notInList(notifications.id, busy)))
        .orderBy(asc(notifications.next_attempt_at), asc(notifications.id)).limit(limit);
    },

    /** Recorded before the transport is called, so a crash mid-send is known at the next start. */
    async markSending(row: NotificationRow) {
      const attempt = row.attempts + 1;
      await db.transaction(async (tx) => {
        await tx.update(notifications).set({ sending_since: Date.now(), attempts: attempt }).where(eq(notifications.id, row.id));
        await tx.insert(attempts).values({ notification_id: row.id, attempt, started_at: iso() });
      });
      return attempt;
    },

    async markSent(id: string, attempt: number, sentAt: number) {
      await db.transaction(async (tx) => {
        await tx.update(notifications).set({ status: "SENT", sent_at: iso(sentAt), sending_since: null, error: null }).where(eq(notifications.id, id));
        await tx.update(attempts).set({ outcome: "SENT", finished_at: iso() }).where(and(eq(attempts.notification_id, id), eq(attempts.attempt, attempt)));
      });
    },

    async markAttemptFailed(id: string, attempt: number, error: string, retryAt: number | null) {
      await db.transaction(async (tx) => {
        // erased while this attempt was under way: the server's words may name the address, so they are not kept
        const [{ erased_at: erased } = { erased_at: null }] = await tx.select({ erased_at: notifications.erased_at }).from(notifications).where(eq(notifications.id, id));
        const kept = erased ? {} : { error };
        await tx.update(notifications)
          .set(retryAt === null ? { status: "FAILED", ...kept, sending_since: null } : { ...kept, sending_since: null, next_attempt_at: retryAt })
          .where(eq(notifications.id, id));
        await tx.update(attempts).set({ outcome: "FAILED", error: erased ? ERASED : error, finished_at: iso() }).where(and(eq(attempts.notification_id, id), eq(attempts.attempt, attempt)));
      });
    },

    /** At start: attempts a crash cut short are recorded as INTERRUPTED and their notifications sent again. */
    async recoverInterrupted() {
      return db.transaction(async (tx) => {
        const rows = await tx.update(notifications).set({ sending_since: null, next_attempt_at: Date.now() })
          .where(and(eq(notifications.status, "PENDING"), isNotNull(notifications.sending_since))).returning({ id: notifications.id });
        if (rows.length) {
          await tx.update(attempts).set({ outcome: "INTERRUPTED", finished_at: iso() })
            .where(and(inArray(attempts.notification_id, rows.map((r) => r.id)), isNull(attempts.outcome)));
        }
        return rows.length;
      });
    },

    /** A new notification with the content of `original`, to `recipient`: an operator's resend. */
    async resend(original: NotificationRow, recipient: string) {
      const now = Date.now();
      const row: NotificationRow = {
        ...original, id: newId("ntf"), recipient, status: "PENDING", attempts: 0, error: null, next_attempt_at: now, sending_since: null,
        idempotency_key: null, created_at: iso(now), sent_at: null, erased_at: null,
      };
      await insert.execute({ ...row, now });
      return row;
    },

    /** An operator's retry of a FAILED notification: queued again, its attempts kept. */
    async requeue(id: string) {
      const [row] = await db.update(notifications).set({ status: "PENDING", next_attempt_at: Date.now(), error: null })
        .where(and(eq(notifications.id, id), eq(notifications.status, "FAILED"), isNull(notifications.erased_at))).returning();
      if (row) return row;
      const existing = await this.get(id);
      refuseErased(existing, "retried");
      throw new ApiError("CONFLICT", `Notification ${id} is ${existing.status}; only FAILED notifications can be retried.`);
    },

    /**
     * Erases the recipient and the text of every notification of these orders, at the customer's
     * request: what was sent, when and how stays on record. One still queued is never sent.
     */
    async erase(orderIds: string[]) {
      const now = iso();
      return db.transaction(async (tx) => {
        const erased = await tx.update(notifications).set({
          recipient: ERASED, recipient_name: null, body: ERASED, erased_at: now,
          subject: sql`case when ${notifications.subject} is null then null else ${ERASED} end`,
          html: sql`case when ${notifications.html} is null then null else ${ERASED} end`,
          error: sql`case when ${notifications.status} = 'PENDING' then ${NOT_SENT} when ${notifications.error} is null then null else ${ERASED} end`,
          status: sql`case when ${notifications.status} = 'PENDING' then 'FAILED' else ${notifications.status} end`,
        }).where(and(inArray(notifications.order_id, orderIds), isNull(notifications.erased_at))).returning({ id: notifications.id });
        // an SMTP server's refusal may name the address
        if (erased.length) await tx.update(attempts).set({ error: ERASED }).where(and(inArray(attempts.notification_id, erased.map((row) => row.id)), isNotNull(attempts.error)));
        return erased.length;
      });
    },
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;

/** A recipient as the queue compares it: an e-mail address without case, a phone number as dialled in Japan in E.164. */
const recipientKey = (text: string) => (text.includes("@") ? text.trim() : phoneToE164(text) ?? text.trim()).toLowerCase();
