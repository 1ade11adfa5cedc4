import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import * as routes from "./customers.routes";

export function customersRouter({ store, relay }: OrderDeps) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.erase, async (c) => {
      const { customer_email, reason } = c.req.valid("json");
      const erased = await store.eraseCustomer(customer_email, { reason, operator: c.var.operator, requestId: c.var.requestId });
      c.var.log.info("customer's personal data erased", { orders: erased.orders.length });
      relay.kick(); // the Notification and Payment Services are asked now, not at the next poll
      return c.json(erased, 200);
    });
}
