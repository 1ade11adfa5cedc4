import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { PaymentEventSchema } from "@platform/shared/contracts/payment";
import { validationHook } from "@platform/shared/error-handler";
import { ApiError } from "@platform/shared/problem";
import { SIGNATURE_HEADER, verifyWebhook } from "@platform/shared/webhook-signature";
import type { OrderDeps } from "../../app";
import { applyPaymentEvent } from "../../flow/payment-sync";
import { paymentWebhook } from "./webhooks.routes";

export function webhooksRouter({ db, webhookSecret, logger }: OrderDeps) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook }).openapi(paymentWebhook, async (c) => {
    const raw = await c.req.text();
    const check = verifyWebhook(webhookSecret, raw, c.req.header(SIGNATURE_HEADER));
    if (!check.ok) throw new ApiError("INVALID_SIGNATURE", `The webhook signature was refused: ${check.reason}.`);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new ApiError("MALFORMED_JSON", "The webhook body is not valid JSON.");
    }
    const parsed = PaymentEventSchema.safeParse(body);
    if (!parsed.success) throw ApiError.fromZod(parsed.error);
    const { duplicate, order } = await applyPaymentEvent(db, parsed.data, c.var.requestId);
    if (!duplicate && !order) logger.warn("payment webhook for an unknown order ignored", { order_id: parsed.data.payment.order_id, event_id: parsed.data.id });
    return c.json({ received: true as const, duplicate, order_status: order?.status ?? null }, 200);
  });
}
