import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import type { OrderDeps } from "../../app";
import type * as routes from "./orders.routes";

const JST_OFFSET_MS = 9 * 3600_000;
const startOfTodayJst = () => new Date(Math.floor((Date.now() + JST_OFFSET_MS) / 86_400_000) * 86_400_000 - JST_OFFSET_MS).toISOString();

export function orderHandlers({ db, store, actions, relay, settings }: OrderDeps) {

  const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
    const { order, messageIds } = await db.transaction((tx) => store.insert(tx, c.req.valid("json"), { requestId: c.var.requestId }));
    // the payment and the mail are asked for now; what does not go through in time, the relay retries
    await Promise.race([relay.deliverNow(messageIds), Bun.sleep(settings.ORDER_CALL_WAIT_MS)]);
    c.header("Location", `/api/v1/orders/${order.id}`);
    return c.json(await store.refreshed(order), 201);
  };

  const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => c.json(await store.page(c.req.valid("query")), 200);

  const stats: RouteHandler<typeof routes.stats, AppEnv> = async (c) => c.json({ by_status: await store.counts(), today: await store.today(startOfTodayJst()) }, 200);

  const getOne: RouteHandler<typeof routes.getOne, AppEnv> = async (c) => c.json(await store.get(c.req.valid("param").id), 200);

  const history: RouteHandler<typeof routes.history, AppEnv> = async (c) =>
    c.json((await store.history(c.req.valid("param").id)).map(({ id: _id, order_id: _o, ...entry }) => entry), 200);

  const changeContact: RouteHandler<typeof routes.changeContact, AppEnv> = async (c) => {
    const change = c.req.valid("json");
    const order = await store.changeContact(c.req.valid("param").id, change);
    c.var.log.info("customer contact corrected", { order_id: order.id, fields: Object.keys(change) });
    return c.json(order, 200);
  };

  const changeStatus: RouteHandler<typeof routes.changeStatus, AppEnv> = async (c) => {
    const { status, ...details } = c.req.valid("json");
    const { order, messageIds } = await actions.move(c.req.valid("param").id, status, { ...details, requestId: c.var.requestId });
    void relay.deliverNow(messageIds);
    return c.json(order, 200);
  };

  const cancel: RouteHandler<typeof routes.cancel, AppEnv> = async (c) => {
    const body = c.req.valid("json") ?? {};
    const { order, messageIds } = await actions.move(c.req.valid("param").id, "CANCELLED", { reason: body.reason, requestId: c.var.requestId });
    void relay.deliverNow(messageIds);
    return c.json(order, 200);
  };

  return { create, list, stats, getOne, history, changeContact, changeStatus, cancel };
}
