import { createRoute, z } from "@hono/zod-openapi";

export type HealthChecks = Record<string, () => Promise<unknown>>;

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  service: z.string().openapi({ example: "payment" }),
  version: z.string(),
  checks: z.record(z.string(), z.string()).openapi({ example: { db: "ok" } }),
  disk: z.object({
    folder: z.string().openapi({ example: "/data" }),
    free_mb: z.number().int().openapi({ description: "MB the service may still write there", example: 312 }),
    min_free_mb: z.number().int().openapi({ description: "DISK_MIN_FREE_MB: below it, `warnings.disk`", example: 500 }),
  }).optional().openapi({ description: "The disk of the database file; absent for a database on a libSQL server" }),
  warnings: z.record(z.string(), z.string()).optional().openapi({
    description: "What needs an operator soon without failing the service (still 200): `disk` when the free space on the database's disk is below DISK_MIN_FREE_MB. Absent when there is nothing.",
    example: { disk: "312 MB free on the disk of /data, below DISK_MIN_FREE_MB=500: once it is full, changes are refused (503) until space is made" },
  }),
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
