import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { PaymentDeps } from "../../app";
import { paymentHandlers } from "./payments.handlers";
import * as routes from "./payments.routes";

export function paymentsRouter(deps: PaymentDeps) {
  const handlers = paymentHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.create, handlers.create)
    .openapi(routes.batch, handlers.batch)
    .openapi(routes.erase, handlers.erase)
    .openapi(routes.list, handlers.list)
    .openapi(routes.getByOrder, handlers.getByOrder)
    .openapi(routes.getOne, handlers.getOne)
    .openapi(routes.refund, handlers.refund)
    .openapi(routes.refunds, handlers.refunds);
}
