import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "@platform/shared/app";
import { PaymentEventSchema } from "@platform/shared/contracts/payment";
import { validationHook } from "@platform/shared/error-handler";
import { ApiError } from "@platform/shared/problem";
import { SIGNATURE_HEADER, verifyWebhook } from "@platform/shared/webhook-signature";
import type { OrderDeps } from "../../app";
import { applyPaymentEvents } from "../../flow/payment-sync";
import { paymentWebhook, paymentWebhookBatch } from "./webhooks.routes";

const EventBatchSchema = z.object({ events: z.array(PaymentEventSchema.extend({ request_id: z.string().max(128).nullish() })).min(1).max(500) });

export function webhooksRouter({ db, webhookSecret, logger, relay }: OrderDeps) {
  /** The body, once its signature over the raw bytes is verified and it parses to the schema. */
  async function signedBody<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
    const raw = await c.req.text();
    const check = verifyWebhook(webhookSecret, raw, c.req.header(SIGNATURE_HEADER));
    if (!check.ok) throw new ApiError("INVALID_SIGNATURE", `The webhook signature was refused: ${check.reason}.`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new ApiError("MALFORMED_JSON", "The webhook body is not valid JSON.");
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw ApiError.fromZod(parsed.error);
    return parsed.data;
  }
  const handle = async (deliveries: Parameters<typeof applyPaymentEvents>[1]) => {
    const results = await applyPaymentEvents(db, deliveries);
    for (const r of results) if (!r.duplicate && !r.order) logger.warn("payment webhook for an unknown order ignored", { order_id: r.order_id, event_id: r.id });
    if (deliveries.some(({ event }, i) => event.refund?.notify_customer && !results[i]!.duplicate)) relay.kick(); // the refund mail goes now, not at the next poll
    return results.map((r) => ({ id: r.id, received: true as const, duplicate: r.duplicate, order_status: r.order?.status ?? null }));
  };

  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(paymentWebhook, async (c) => {
      const event = await signedBody(c, PaymentEventSchema);
      const [result] = await handle([{ event, requestId: c.var.requestId }]);
      const { id: _id, ...ack } = result!;
      return c.json(ack, 200);
    })
    .openapi(paymentWebhookBatch, async (c) => {
      const { events } = await signedBody(c, EventBatchSchema);
      const results = await handle(events.map(({ request_id, ...event }) => ({ event, requestId: request_id ?? c.var.requestId })));
      return c.json({ received: true as const, results }, 200);
    });
}
