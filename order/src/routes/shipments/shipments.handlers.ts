import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { ApiError } from "@platform/shared/problem";
import type { OrderStatus } from "../../domain/order-status";
import type { OrderDeps } from "../../app";
import type * as routes from "./shipments.routes";

export function shipmentHandlers({ actions, relay }: OrderDeps) {
  const ship: RouteHandler<typeof routes.ship, AppEnv> = async (c) => {
    const { shipments } = c.req.valid("json");
    // each order moves in its own transaction (those started together share a commit), so one refusal spoils nothing else
    const outcomes = await Promise.all(shipments.map(async ({ order_id, ...details }) => {
      try {
        const { order, messageIds } = await actions.move(order_id, "SHIPPED", { ...details, requestId: c.var.requestId, operator: c.var.operator });
        return { result: { order_id, status: 200 as const, order }, messageIds };
      } catch (error) {
        if (!(error instanceof ApiError) || !(error.code === "NOT_FOUND" || error.code === "INVALID_TRANSITION")) throw error;
        const { current_status, allowed_next } = error.extensions as { current_status?: OrderStatus; allowed_next?: OrderStatus[] };
        return { result: { order_id, status: error.status as 404 | 409, error: { code: error.code, detail: error.detail, current_status, allowed_next } }, messageIds: [] };
      }
    }));
    void relay.deliverNow(outcomes.flatMap((outcome) => outcome.messageIds));
    const results = outcomes.map((outcome) => outcome.result);
    const shipped = results.filter((result) => result.status === 200).length;
    return c.json({ shipped, refused: results.length - shipped, results }, 200);
  };
  return { ship };
}
