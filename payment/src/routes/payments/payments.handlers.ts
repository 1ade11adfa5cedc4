import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { ApiError } from "@platform/shared/problem";
import type { PaymentDeps } from "../../app";
import { toPayment } from "../../store/payment-store";
import { CreatePaymentBody } from "./payments.routes";
import type * as routes from "./payments.routes";


export function paymentHandlers({ store, ledger, processor, relay, syncWaitMs }: PaymentDeps) {
  const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
    const body = c.req.valid("json");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    const { payment, created } = await store.create({ order_id: body.order_id, amount: body.amount, idempotencyKey });
    const retriedCreate = !created && idempotencyKey !== undefined && payment.idempotency_key === idempotencyKey && payment.amount === body.amount;
    if (!created && !retriedCreate) {
      throw new ApiError("DUPLICATE_PAYMENT", `Order ${body.order_id} already has payment ${payment.id}; an order is paid once (FR-015).`, { payment_id: payment.id });
    }
    if (created) {
      const charging = processor.process(payment.id, c.var.requestId);
      if (syncWaitMs > 0) await Promise.race([charging, Bun.sleep(syncWaitMs)]);
    }
    c.header("Location", `/api/v1/payments/${payment.id}`);
    return c.json(toPayment(await store.get(payment.id)), 201);
  };

  const getOne: RouteHandler<typeof routes.getOne, AppEnv> = async (c) => c.json(toPayment(await store.get(c.req.valid("param").id)), 200);

  const refunds: RouteHandler<typeof routes.refunds, AppEnv> = async (c) => {
    const payment = await store.get(c.req.valid("param").id);
    return c.json(await ledger.refundsOf(payment.id), 200);
  };

  const getByOrder: RouteHandler<typeof routes.getByOrder, AppEnv> = async (c) =>
    c.json(toPayment(await store.getByOrder(c.req.valid("param").order_id)), 200);

  const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => c.json(await store.page(c.req.valid("query")), 200);

  const refund: RouteHandler<typeof routes.refund, AppEnv> = async (c) => {
    const body = c.req.valid("json") ?? {};
    const payment = await store.refund(c.req.valid("param").id, body, c.var.requestId, c.var.operator);
    relay.kick();
    return c.json(toPayment(payment), 200);
  };

  const batch: RouteHandler<typeof routes.batch, AppEnv> = async (c) => {
    const items = c.req.valid("json").payments.map((item) => CreatePaymentBody.safeParse(item));
    const valid = items.flatMap((item) => (item.success ? [item.data] : []));
    const requestIds = new Map(c.req.valid("json").payments.flatMap((item) => (item.request_id ? [[String(item.order_id), item.request_id] as const] : [])));
    const stored = await store.createManyStarted(valid, requestIds);
    const started = stored.filter((s) => s.created).map((s) => s.payment);
    if (started.length) await Promise.race([processor.processMany(started, requestIds), Bun.sleep(syncWaitMs)]);
    const current = new Map((await store.getMany(stored.map((s) => s.payment.id))).map((p) => [p.id, p]));
    let next = 0;
    const results = items.map((item, i) => {
      const raw = c.req.valid("json").payments[i]!;
      if (!item.success) {
        return { order_id: String(raw.order_id ?? ""), status: 422 as const, error: { code: "VALIDATION_FAILED", detail: "The payment has invalid fields.", errors: item.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) } };
      }
      const { payment, created: isNew } = stored[next++]!;
      return isNew
        ? { order_id: payment.order_id, status: 201 as const, payment: toPayment(current.get(payment.id)!) }
        : { order_id: payment.order_id, status: 409 as const, payment: toPayment(current.get(payment.id)!), error: { code: "DUPLICATE_PAYMENT", detail: `Order ${payment.order_id} already has payment ${payment.id}.` } };
    });
    return c.json({ results }, 200);
  };

  const erase: RouteHandler<typeof routes.erase, AppEnv> = async (c) => {
    const erased = await store.eraseRefundReasons(c.req.valid("json").order_ids);
    c.var.log.info("refund reasons erased at the customer's request", { erased });
    return c.json({ erased }, 200);
  };

  return { create, getOne, getByOrder, list, refund, refunds, batch, erase };
}
