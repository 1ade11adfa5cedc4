import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { templateNames, type TemplateName } from "@platform/shared/contracts/notification";
import { validationHook } from "@platform/shared/error-handler";
import { ApiError } from "@platform/shared/problem";
import type { NotificationDeps } from "../../app";
import { catalog, sampleVariables, variableNames } from "../../templates/catalog";
import * as routes from "./templates.routes";

export function templatesRouter({ templates }: NotificationDeps) {
  return new OpenAPIHono<AppEnv>({ strict: false, defaultHook: validationHook })
    .openapi(routes.list, (c) => c.json(templateNames.map((name) => ({
      name, description: catalog[name].description, channels: catalog[name].channels, variables: variableNames(name), sample_variables: sampleVariables,
    })), 200))
    .openapi(routes.preview, (c) => {
      const name = c.req.valid("param").name as TemplateName;
      if (!templateNames.includes(name)) throw new ApiError("NOT_FOUND", `There is no template ${name}; there are ${templateNames.join(", ")}.`);
      const { channel, variables } = c.req.valid("json");
      return c.json(templates.render(name, channel, variables ?? sampleVariables), 200);
    });
}
