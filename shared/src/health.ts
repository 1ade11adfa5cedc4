import { createRoute, z } from "@hono/zod-openapi";

export type HealthChecks = Record<string, () => Promise<unknown>>;

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  service: z.string().openapi({ example: "payment" }),
  version: z.string(),
  checks: z.record(z.string(), z.string()).openapi({ example: { db: "ok" } }),
}).openapi("Health");

export const healthRoute = (service: string) => createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  summary: `Whether the ${service} service is ready`,
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "A check is failing; `checks` names it", content: { "application/json": { schema: HealthSchema } } },
  },
});
