import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import { orderHandlers } from "./orders.handlers";
import * as routes from "./orders.routes";

export function ordersRouter(deps: OrderDeps) {
  const handlers = orderHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.create, handlers.create)
    .openapi(routes.list, handlers.list)
    .openapi(routes.stats, handlers.stats)
    .openapi(routes.exportCsv, handlers.exportCsv) // these before /orders/{id}, which would take "export" for an id
    .openapi(routes.pickingList, handlers.pickingList)
    .openapi(routes.taxSummary, handlers.taxSummary)
    .openapi(routes.taxSummaryExport, handlers.taxSummaryExport)
    .openapi(routes.getOne, handlers.getOne)
    .openapi(routes.history, handlers.history)
    .openapi(routes.changeContact, handlers.changeContact)
    .openapi(routes.changeStatus, handlers.changeStatus)
    .openapi(routes.cancel, handlers.cancel);
}
