import { z } from "@hono/zod-openapi";
import { daysBetween, isDay } from "./jst-days";
import { problemStatus } from "./problem";

export const ProblemSchema = z.object({
  type: z.string().openapi({ example: "urn:problem:validation-failed" }),
  title: z.string().openapi({ example: "Validation failed" }),
  status: z.number().int().openapi({ example: 422 }),
  detail: z.string().openapi({ example: "The request has invalid fields." }),
  code: z.enum(Object.keys(problemStatus) as [keyof typeof problemStatus]),
  request_id: z.string().optional(),
  errors: z.array(z.object({ path: z.string().openapi({ example: "items.0.quantity" }), message: z.string() })).optional(),
}).openapi("Problem", { description: "An RFC 9457 problem document." });

const descriptions: Record<number, string> = {
  400: "Malformed body",
  401: "Missing or bad credentials (when API_TOKEN is set)",
  404: "Unknown id or route",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "Wrong content type",
  422: "Well-formed but invalid input",
  429: "Rate limited",
  500: "Unexpected failure; quote request_id",
  503: "A dependency is down: another service, or this service's database (a libSQL server)",
};

/** The problem responses a route can give, spread into its `responses` so the document lists them. */
export function problemResponses(...statuses: (keyof typeof descriptions)[]) {
  const all = [...new Set([401, 500, 503, ...statuses])].sort(); // 503: the database of a service on a libSQL server may not answer
  return Object.fromEntries(all.map((status) => [
    status,
    { description: descriptions[status]!, content: { "application/problem+json": { schema: ProblemSchema } } },
  ]));
}

export const IdempotencyKeyHeader = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().openapi({
    description: "Repeat the request safely: the same key with the same body replays the first answer, for at least 24 hours (IDEMPOTENCY_RETENTION_HOURS, 48 by default); another body is a 422. An answer that refused the input (400, 413, 415, 422) is not kept: correct the request and send it again with the same key.",
    example: "3f2a8c1e-order-123",
  }),
});

export const PageQuery = z.object({
  skip: z.coerce.number().int().min(0).default(0).openapi({ description: "Items to skip", example: 0 }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Page size, 1..100", example: 20 }),
});

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    skip: z.number().int(),
    limit: z.number().int(),
  }).openapi(name);
}

export const IdParam = <N extends string>(name: N, example: string) =>
  z.object({ [name]: z.string().min(1).max(64).openapi({ param: { name, in: "path" }, example }) } as Record<N, z.ZodString>);


/** A JSON response of a route: `responses: { 200: json(OrderSchema, "The order") }`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** A calendar day in Japan, YYYY-MM-DD, that exists. */
export const JstDay = (example: string, description: string) => z.string().refine(isDay, "must be a date that exists, YYYY-MM-DD").openapi({ example, description });

/** The check of a `from`..`to` pair of JST days (both included), for `.superRefine`: `to` not before `from`, and at most `maxDays` days. */
export const dayRangeCheck = (maxDays = Infinity) => ({ from, to }: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (!from || !to || !isDay(from) || !isDay(to)) return;
  const days = daysBetween(from, to);
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  else if (days > maxDays) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${maxDays} days after from` });
};
