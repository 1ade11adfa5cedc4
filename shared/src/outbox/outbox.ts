import { sql } from "drizzle-orm";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { newId } from "../ids";
import { prepared } from "../prepared";
import { outbox } from "./outbox.schema";

type Writer = Pick<LibSQLDatabase<Record<string, unknown>>, "insert">;

export type OutboxMessage = { kind: string; payload: unknown; requestId?: string; id?: string };

/** Adds messages inside the caller's transaction; the relay delivers them after commit. */
export async function enqueue(tx: Writer, ...messages: OutboxMessage[]) {
  if (!messages.length) return [];
  const now = new Date();
  const rows = messages.map((message) => ({
    id: message.id ?? newId("msg"),
    kind: message.kind,
    payload: JSON.stringify(message.payload),
    requestId: message.requestId,
    nextAttemptAt: now.getTime(),
    createdAt: now.toISOString(),
  }));
  const p = sql.placeholder;
  const insertOne = prepared(tx, "outbox.insert", () => (tx as LibSQLDatabase<Record<string, unknown>>).insert(outbox)
    .values({ id: p("id"), kind: p("kind"), payload: p("payload"), requestId: p("requestId"), nextAttemptAt: p("nextAttemptAt") as never, createdAt: p("createdAt") }).prepare());
  for (const row of rows) await insertOne.execute({ ...row, requestId: row.requestId ?? null });
  return rows.map((row) => row.id);
}
