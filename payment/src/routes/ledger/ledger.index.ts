import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { PaymentDeps } from "../../app";
import { ledgerHandlers } from "./ledger.handlers";
import * as routes from "./ledger.routes";

export function ledgerRouter(deps: PaymentDeps) {
  const handlers = ledgerHandlers(deps);
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook }).openapi(routes.ledger, handlers.list).openapi(routes.summary, handlers.summary);
}
