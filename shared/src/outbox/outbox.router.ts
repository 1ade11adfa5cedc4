import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app";
import { validationHook } from "../error-handler";
import { IdParam, PageQuery, pageOf, problemResponses } from "../openapi";
import { ApiError } from "../problem";
import type { OutboxRelay } from "./outbox-relay";

const statuses = ["PENDING", "DELIVERED", "DEAD"] as const;

const OutboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string().openapi({ example: "payment.webhook" }),
  payload: z.string().openapi({ description: "The message as JSON text" }),
  request_id: z.string().nullable(),
  status: z.enum(statuses),
  attempts: z.number().int(),
  next_attempt_at: z.string(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  delivered_at: z.string().nullable(),
}).openapi("OutboxMessage");

const list = createRoute({
  method: "get", path: "/api/v1/outbox", tags: ["outbox"],
  summary: "Messages to other services, newest first",
  description: "What this service still has to tell the others: PENDING messages are being retried with backoff, DEAD ones gave up after OUTBOX_MAX_AGE_MS and need an operator.",
  request: { query: PageQuery.extend({ status: z.enum(statuses).optional() }) },
  responses: { 200: { description: "A page of messages", content: { "application/json": { schema: pageOf(OutboxMessageSchema, "OutboxPage") } } }, ...problemResponses(422) },
});

const retry = createRoute({
  method: "post", path: "/api/v1/outbox/{id}/retry", tags: ["outbox"],
  summary: "Send a dead-lettered message again",
  request: { params: IdParam("id", "msg_0193a5b0c7e07a4c9f1e2d3c4b5a6979") },
  responses: { 202: { description: "Queued again", content: { "application/json": { schema: z.object({ id: z.string(), status: z.literal("PENDING") }) } } }, ...problemResponses(404, 409) },
});

/** Lets operators see what is stuck between services and push it again. */
export function outboxRouter(relay: OutboxRelay) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(list, async (c) => {
      const page = await relay.page(c.req.valid("query"));
      const items = page.items.map((row) => ({
        id: row.id, kind: row.kind, payload: row.payload, request_id: row.requestId, status: row.status, attempts: row.attempts,
        next_attempt_at: new Date(row.nextAttemptAt).toISOString(), last_error: row.lastError, created_at: row.createdAt, delivered_at: row.deliveredAt,
      }));
      return c.json({ ...page, items }, 200);
    })
    .openapi(retry, async (c) => {
      const { id } = c.req.valid("param");
      if (!(await relay.retryDead([id]))) throw new ApiError("CONFLICT", `Outbox message ${id} is not DEAD (or does not exist); only dead messages are retried by hand.`);
      return c.json({ id, status: "PENDING" as const }, 202);
    });
}
