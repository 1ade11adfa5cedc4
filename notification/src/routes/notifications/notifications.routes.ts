import { createRoute, z } from "@hono/zod-openapi";
import { CreateNotificationSchema, NotificationSchema, notificationStatuses } from "@platform/shared/contracts/notification";
import { erasureRequest } from "@platform/shared/erasure";
import { IdempotencyKeyHeader, IdParam, PageQuery, pageOf, problemResponses, json } from "@platform/shared/openapi";

const tags = ["notifications"];
const ntfId = IdParam("id", "ntf_0193a5b0c7e07a4c9f1e2d3c4b5a6980");

export const AttemptSchema = z.object({
  attempt: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  outcome: z.enum(["SENT", "FAILED", "INTERRUPTED"]).nullable().openapi({ description: "null while under way; INTERRUPTED when the service stopped mid-send" }),
  error: z.string().nullable(),
}).openapi("NotificationAttempt");

export const create = createRoute({
  method: "post", path: "/api/v1/notifications", tags,
  summary: "Queue a notification (FR-019..FR-023)",
  description: "Checks that the recipient fits the channel and the variables fit the template, renders it, and queues it durably: 202 with the notification PENDING. The queue sends at most NOTIFICATION_RATE_PER_SEC a second and retries failures with backoff.",
  request: { headers: IdempotencyKeyHeader, body: { required: true, content: { "application/json": { schema: CreateNotificationSchema } } } },
  responses: { 202: json(NotificationSchema, "Queued"), ...problemResponses(400, 413, 415, 422) },
});

export const getOne = createRoute({
  method: "get", path: "/api/v1/notifications/{id}", tags, summary: "A notification by id (FR-024)",
  request: { params: ntfId },
  responses: { 200: json(NotificationSchema, "The notification"), ...problemResponses(404) },
});

export const byOrder = createRoute({
  method: "get", path: "/api/v1/notifications/order/{order_id}", tags, summary: "An order's notifications, oldest first (FR-025)",
  request: { params: IdParam("order_id", "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977") },
  responses: { 200: json(z.array(NotificationSchema), "The order's notifications"), ...problemResponses() },
});

export const list = createRoute({
  method: "get", path: "/api/v1/notifications", tags, summary: "Notifications, newest first",
  request: { query: PageQuery.extend({
    status: z.enum(notificationStatuses).optional(),
    recipient: z.string().trim().min(1).max(254).optional().openapi({ description: "Only those sent to this recipient: an e-mail address (any case), or a phone number, as dialled in Japan (090-1234-5678) or in E.164", example: "taro@example.jp" }),
  }) },
  responses: { 200: json(pageOf(NotificationSchema, "NotificationPage"), "A page of notifications"), ...problemResponses(422) },
});

export const retry = createRoute({
  method: "post", path: "/api/v1/notifications/{id}/retry", tags,
  summary: "Send a FAILED notification again",
  description: "Queues it again with its attempt history kept; 409 unless it is FAILED, or when it was erased at the customer's request.",
  request: { params: ntfId },
  responses: { 202: json(NotificationSchema, "Queued again"), ...problemResponses(404, 409) },
});

export const resend = createRoute({
  method: "post", path: "/api/v1/notifications/{id}/resend", tags,
  summary: "Send a notification again, as a new one, to the same or a corrected recipient",
  description: "For a customer who did not receive it, or gave a wrong address: queues a new notification with the same content (the first one and its attempts are kept). The recipient must fit the channel (422). One erased at the customer's request is not resent (409).",
  request: {
    headers: IdempotencyKeyHeader,
    params: ntfId,
    body: { required: false, content: { "application/json": { schema: z.object({
      recipient: z.string().trim().min(1).max(254).optional().openapi({ description: "Where to send it instead; the first one's recipient when omitted", example: "taro.yamada@example.jp" }),
    }).openapi("Resend") } } },
  },
  responses: { 202: json(NotificationSchema, "The new notification, queued"), ...problemResponses(400, 404, 409, 415, 422) },
});

export const history = createRoute({
  method: "get", path: "/api/v1/notifications/{id}/attempts", tags, summary: "Every sending attempt of a notification",
  request: { params: ntfId },
  responses: { 200: json(z.array(AttemptSchema), "The attempts, oldest first"), ...problemResponses(404) },
});

export const stats = createRoute({
  method: "get", path: "/api/v1/notifications/stats", tags, summary: "Queue depth and failures, for the dashboard",
  responses: { 200: json(z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }).openapi("NotificationStats"), "Counts by status"), ...problemResponses() },
});

export const BatchItemSchema = CreateNotificationSchema.extend({
  idempotency_key: z.string().min(1).max(255).optional().openapi({ description: "Per notification: a repeated key queues nothing new and returns the first" }),
}).openapi("NotificationBatchItem");

export const erase = createRoute({
  method: "post", path: "/api/v1/notifications/erasure", tags,
  summary: "Erase the recipient and text of every notification of some orders, at the customer's request",
  description: "Sent by the Order Service when a customer's personal data is erased (POST /api/v1/customers/erasure there). The recipient, subject, text, HTML and any error that may name the address read （消去済み）; the template, channel, status and times stay on record, with erased_at. One still queued is not sent (FAILED, saying why); an erased one cannot be retried or resent (409). Repeating it erases nothing more.",
  request: { body: { required: true, content: { "application/json": { schema: erasureRequest("NotificationErasure") } } } },
  responses: { 200: json(z.object({ erased: z.number().int().openapi({ description: "Notifications erased now (those erased before are not counted)" }) }).openapi("NotificationErasureResult"), "Erased"), ...problemResponses(400, 415, 422) },
});

export const batch = createRoute({
  method: "post", path: "/api/v1/notifications/batch", tags,
  summary: "Queue many notifications at once",
  description: "Each is checked and queued as one notification, exactly as POST /api/v1/notifications would; the queue sends them at the rate limit. Up to 1,000 per request. With `Prefer: return=minimal` (RFC 7240) each queued one is answered with its id alone, without the rendered text and HTML, and the answer carries `Preference-Applied: return=minimal`; the Order Service asks for that.",
  request: {
    headers: z.object({ prefer: z.string().optional().openapi({ description: "`return=minimal`: answer each queued notification with its id alone", example: "return=minimal" }) }),
    body: { required: true, content: { "application/json": { schema: z.object({ notifications: z.array(z.unknown()).min(1).max(1000) }).openapi("NotificationBatch") } } },
  },
  responses: {
    202: json(z.object({ results: z.array(z.object({
      status: z.union([z.literal(202), z.literal(422)]),
      id: z.string().optional().openapi({ description: "The queued notification's id (202)" }),
      notification: NotificationSchema.optional().openapi({ description: "The queued notification (202), unless `Prefer: return=minimal`" }),
      error: z.object({ code: z.string(), detail: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).optional(),
    })) }).openapi("NotificationBatchResults"), "One result per notification, in order"),
    ...problemResponses(400, 413, 415, 422),
  },
});
