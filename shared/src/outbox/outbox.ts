import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { newId } from "../ids";
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
  await tx.insert(outbox).values(rows);
  return rows.map((row) => row.id);
}
