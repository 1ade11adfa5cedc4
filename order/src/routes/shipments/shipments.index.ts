import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import { shipmentHandlers } from "./shipments.handlers";
import * as routes from "./shipments.routes";

export function shipmentsRouter(deps: OrderDeps) {
  const handlers = shipmentHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook }).openapi(routes.ship, handlers.ship).openapi(routes.deliver, handlers.deliver);
}
