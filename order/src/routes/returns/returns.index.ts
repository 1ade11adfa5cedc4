import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import * as routes from "./returns.routes";

export function returnsRouter({ returns, relay }: OrderDeps) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.record, async (c) => {
      const { view, messageIds } = await returns.record(c.req.valid("param").id, c.req.valid("json"), { operator: c.var.operator, requestId: c.var.requestId });
      void relay.deliverNow(messageIds);
      return c.json(view, 201);
    })
    .openapi(routes.list, async (c) => c.json(await returns.of(c.req.valid("param").id), 200));
}
