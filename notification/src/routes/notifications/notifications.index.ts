import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { NotificationDeps } from "../../app";
import { notificationHandlers } from "./notifications.handlers";
import * as routes from "./notifications.routes";

export function notificationsRouter(deps: NotificationDeps) {
  const handlers = notificationHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.create, handlers.create)
    .openapi(routes.batch, handlers.batch)
    .openapi(routes.erase, handlers.erase)
    .openapi(routes.list, handlers.list)
    .openapi(routes.stats, handlers.stats)
    .openapi(routes.byOrder, handlers.byOrder)
    .openapi(routes.getOne, handlers.getOne)
    .openapi(routes.retry, handlers.retry)
    .openapi(routes.resend, handlers.resend)
    .openapi(routes.history, handlers.history);
}
