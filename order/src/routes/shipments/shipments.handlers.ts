import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "@platform/shared/app";
import { ApiError } from "@platform/shared/problem";
import type { OrderStatus } from "../../domain/order-status";
import { trackingKey } from "@platform/shared/tracking-number";
import type { OrderDeps } from "../../app";
import type * as routes from "./shipments.routes";

export function shipmentHandlers({ actions, relay, store }: OrderDeps) {
  /**
   * Moves each order on its own, as PATCH status would: each in its own transaction (those started
   * together share a commit), so one refusal spoils nothing else. Unknown orders and refused moves
   * become results; the mails the moves bring are sent once all are written.
   */
  async function moveEach(c: Context<AppEnv>, to: OrderStatus, targets: { order_id: string; shipping?: { carrier?: string; tracking_number?: string }; tracking_number?: string }[]) {
    const outcomes = await Promise.all(targets.map(async ({ shipping, ...target }) => {
      try {
        const { order, messageIds } = await actions.move(target.order_id, to, { ...shipping, requestId: c.var.requestId, operator: c.var.operator });
        return { result: { ...target, status: 200 as const, order }, messageIds };
      } catch (error) {
        if (!(error instanceof ApiError) || !(error.code === "NOT_FOUND" || error.code === "INVALID_TRANSITION")) throw error;
        const { current_status, allowed_next } = error.extensions as { current_status?: OrderStatus; allowed_next?: OrderStatus[] };
        return { result: { ...target, status: error.status as 404 | 409, error: { code: error.code, detail: error.detail, current_status, allowed_next } }, messageIds: [] };
      }
    }));
    void relay.deliverNow(outcomes.flatMap((outcome) => outcome.messageIds));
    return outcomes.map((outcome) => outcome.result);
  }

  const ship: RouteHandler<typeof routes.ship, AppEnv> = async (c) => {
    const results = await moveEach(c, "SHIPPED", c.req.valid("json").shipments.map(({ order_id, ...shipping }) => ({ order_id, shipping })));
    const shipped = results.filter((result) => result.status === 200).length;
    return c.json({ shipped, refused: results.length - shipped, results }, 200);
  };

  const deliver: RouteHandler<typeof routes.deliver, AppEnv> = async (c) => {
    const { deliveries } = c.req.valid("json");
    const keys = deliveries.flatMap(({ tracking_number }) => (tracking_number ? [trackingKey(tracking_number)] : []));
    const shippedUnder = Map.groupBy(await store.shippedUnder(keys), (row) => row.tracking_key!);
    const results = await Promise.all(deliveries.map(async ({ order_id, tracking_number }) => {
      if (order_id) return moveEach(c, "DELIVERED", [{ order_id }]);
      const found = shippedUnder.get(trackingKey(tracking_number!));
      if (found) return moveEach(c, "DELIVERED", found.map(({ id }) => ({ order_id: id, tracking_number })));
      return [{ tracking_number, status: 404 as const, error: { code: "NOT_FOUND", detail: `No order was shipped with tracking number ${tracking_number}.` } }];
    }));
    const flat = results.flat();
    const delivered = flat.filter((result) => result.status === 200).length;
    return c.json({ delivered, refused: flat.length - delivered, results: flat }, 200);
  };

  return { ship, deliver };
}
