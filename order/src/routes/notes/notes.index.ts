import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { validationHook } from "@platform/shared/error-handler";
import type { OrderDeps } from "../../app";
import * as routes from "./notes.routes";

export function notesRouter({ notes }: OrderDeps) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.add, async (c) => c.json(await notes.add(c.req.valid("param").id, c.req.valid("json").text, c.var.operator), 201))
    .openapi(routes.list, async (c) => c.json(await notes.of(c.req.valid("param").id), 200));
}
