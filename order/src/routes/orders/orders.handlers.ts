import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { csvResponse } from "@platform/shared/csv";
import { jstDateTime, startOfTodayJst } from "@platform/shared/jst-days";
import { dialledInJapan } from "@platform/shared/phone";
import type { OrderDeps } from "../../app";
import { apiActor } from "../../store/order-store";
import type * as routes from "./orders.routes";
import type { ShippingAddress } from "../../domain/shipping-address";

export function orderHandlers({ db, store, actions, relay, settings }: OrderDeps) {

  const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
    const { order, paymentMessage, mailMessage } = await db.transaction((tx) => store.insert(tx, c.req.valid("json"), { requestId: c.var.requestId, actor: apiActor(c.var.operator) }));
    // the payment and the mail are asked for now, in lanes of their own, so that neither waits for the
    // other's call; the answer waits for the payment alone, as the mail is already safe in the outbox.
    // What does not go through in time, the relay retries.
    void relay.deliverNow([mailMessage], "mail");
    await Promise.race([relay.deliverNow([paymentMessage], "payment"), Bun.sleep(settings.ORDER_CALL_WAIT_MS)]);
    c.header("Location", `/api/v1/orders/${order.id}`);
    return c.json(await store.refreshed(order), 201);
  };

  const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => c.json(await store.page(c.req.valid("query")), 200);

  const exportCsv: RouteHandler<typeof routes.exportCsv, AppEnv> = async (c) => {
    const filter = c.req.valid("query");
    const stamp = jstDateTime(new Date().toISOString()).replace(/\D/g, "").slice(0, 12);
    async function* lines() {
      yield [["order_id", "order_ref", "created_at_jst", "status", "customer_name", "customer_email", "customer_phone", "product_name", "quantity", "unit_price", "subtotal", "total_amount", "carrier", "tracking_number", "postal_code", "prefecture", "address_line1", "address_line2", "delivery_date", "delivery_time", "tax_rate"]];
      for await (const page of store.each(filter)) {
        yield page.flatMap((order) => order.items.map((item) => [
          order.id, order.external_ref, jstDateTime(order.created_at), order.status, order.customer_name, order.customer_email, dialledInJapan(order.customer_phone),
          item.product_name, item.quantity, item.unit_price, item.subtotal, order.total_amount, order.carrier, order.tracking_number,
          ...addressCells(order.shipping_address), order.delivery_date, order.delivery_time, item.tax_rate,
        ]));
      }
    }
    return csvResponse(`orders-${filter.status?.toLowerCase() ?? "all"}-${stamp}.csv`, lines()) as never;
  };

  const pickingList: RouteHandler<typeof routes.pickingList, AppEnv> = async (c) => c.json(await store.pickingList(c.req.valid("query")), 200);

  const taxSummary: RouteHandler<typeof routes.taxSummary, AppEnv> = async (c) => {
    const { from, to } = c.req.valid("query");
    return c.json(await store.taxSummary(from, to), 200);
  };

  const taxSummaryExport: RouteHandler<typeof routes.taxSummaryExport, AppEnv> = async (c) => {
    const { from, to } = c.req.valid("query");
    const header = ["date_jst", "tax_rate", "orders", "amount", "tax", "returns", "returned_amount", "returned_tax", "net_amount", "net_tax"];
    const lines = (await store.taxByDay(from, to)).map((row) => [
      row.day, row.rate, row.orders, row.amount, row.tax, row.returns, row.returned_amount, row.returned_tax, row.amount - row.returned_amount, row.tax - row.returned_tax,
    ]);
    return csvResponse(`tax-summary-${from}-${to}.csv`, [header, ...lines]) as never;
  };

  const stats: RouteHandler<typeof routes.stats, AppEnv> = async (c) => c.json({ by_status: await store.counts(), today: await store.today(startOfTodayJst()) }, 200);

  const getOne: RouteHandler<typeof routes.getOne, AppEnv> = async (c) => c.json(await store.get(c.req.valid("param").id), 200);

  const history: RouteHandler<typeof routes.history, AppEnv> = async (c) =>
    c.json((await store.history(c.req.valid("param").id)).map(({ id: _id, order_id: _o, ...entry }) => entry), 200);

  const changeContact: RouteHandler<typeof routes.changeContact, AppEnv> = async (c) => {
    const change = c.req.valid("json");
    const order = await store.changeContact(c.req.valid("param").id, change, c.var.operator);
    c.var.log.info("customer contact corrected", { order_id: order.id, fields: Object.keys(change) });
    return c.json(order, 200);
  };

  const changeStatus: RouteHandler<typeof routes.changeStatus, AppEnv> = async (c) => {
    const { status, ...details } = c.req.valid("json");
    const { order, messageIds } = await actions.move(c.req.valid("param").id, status, { ...details, requestId: c.var.requestId, operator: c.var.operator });
    void relay.deliverNow(messageIds);
    return c.json(order, 200);
  };

  const cancel: RouteHandler<typeof routes.cancel, AppEnv> = async (c) => {
    const body = c.req.valid("json") ?? {};
    const { order, messageIds } = await actions.move(c.req.valid("param").id, "CANCELLED", { reason: body.reason, requestId: c.var.requestId, operator: c.var.operator });
    void relay.deliverNow(messageIds);
    return c.json(order, 200);
  };

  return { create, list, exportCsv, pickingList, taxSummary, taxSummaryExport, stats, getOne, history, changeContact, changeStatus, cancel };
}

const addressCells = (address: ShippingAddress | null) =>
  [address?.postal_code ?? null, address?.prefecture ?? null, address?.address_line1 ?? null, address?.address_line2 ?? null];

