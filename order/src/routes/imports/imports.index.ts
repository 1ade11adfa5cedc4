import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import { importHandlers } from "./imports.handlers";
import * as routes from "./imports.routes";

export function importsRouter(deps: OrderDeps) {
  const handlers = importHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.upload, handlers.upload)
    .openapi(routes.list, handlers.list)
    .openapi(routes.confirm, handlers.confirm)
    .openapi(routes.getOne, handlers.getOne)
    .openapi(routes.events, handlers.events)
    .openapi(routes.errors, handlers.errors);
}
