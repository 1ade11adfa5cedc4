import { createRoute, z } from "@hono/zod-openapi";
import { channels, templateNames } from "@platform/shared/contracts/notification";
import { problemResponses } from "@platform/shared/openapi";

const tags = ["templates"];

export const TemplateSchema = z.object({
  name: z.enum(templateNames),
  description: z.string(),
  channels: z.array(z.enum(channels)),
  variables: z.array(z.object({ name: z.string(), required: z.boolean() })),
  sample_variables: z.record(z.string(), z.unknown()).openapi({ description: "Variables the preview uses when none are given" }),
}).openapi("Template");

export const PreviewSchema = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  html: z.string().nullable().openapi({ description: "The HTML part of an e-mail; null for SMS" }),
}).openapi("Preview");

export const list = createRoute({
  method: "get", path: "/api/v1/templates", tags, summary: "The templates, with their channels and variables",
  responses: { 200: { description: "Every template", content: { "application/json": { schema: z.array(TemplateSchema) } } }, ...problemResponses() },
});

export const preview = createRoute({
  method: "post", path: "/api/v1/templates/{name}/preview", tags,
  summary: "Render a template without sending anything",
  description: "Omit `variables` to render with the template's sample data.",
  request: {
    params: z.object({ name: z.string().openapi({ param: { name: "name", in: "path" }, example: "ORDER_CONFIRMATION" }) }),
    body: { required: true, content: { "application/json": { schema: z.object({
      channel: z.enum(channels),
      variables: z.record(z.string(), z.unknown()).optional(),
    }).openapi("PreviewRequest") } } },
  },
  responses: { 200: { description: "Rendered", content: { "application/json": { schema: PreviewSchema } } }, ...problemResponses(400, 404, 415, 422) },
});
