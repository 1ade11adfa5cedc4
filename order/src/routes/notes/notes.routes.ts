import { createRoute, z } from "@hono/zod-openapi";
import { IdempotencyKeyHeader, IdParam, json, problemResponses } from "@platform/shared/openapi";
import { FREE_TEXT_MESSAGE, isFreeText } from "@platform/shared/text";

const tags = ["orders"];
const orderId = IdParam("id", "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977");

export const NoteSchema = z.object({
  id: z.number().int(),
  order_id: z.string(),
  text: z.string(),
  operator: z.string().nullable().openapi({ description: "Who wrote it (the request's X-Operator header), when one was named", example: "窓口 花子" }),
  created_at: z.string(),
}).openapi("OrderNote");

const NewNoteSchema = z.object({
  text: z.string().trim().min(1, "must not be empty").max(1000, "must be at most 1,000 characters").refine(isFreeText, FREE_TEXT_MESSAGE).openapi({ example: "お客様よりお電話：配達は夕方を希望" }),
}).openapi("NewOrderNote");

export const add = createRoute({
  method: "post", path: "/api/v1/orders/{id}/notes", tags, summary: "Add a note to an order (for the team, never sent to the customer)",
  description: "Notes are kept in the order they were written, with who wrote them (X-Operator); they are not edited or deleted, so what was said stays on record. Only a customer's erasure (POST /api/v1/customers/erasure) blanks their text.",
  request: { headers: IdempotencyKeyHeader, params: orderId, body: { required: true, content: { "application/json": { schema: NewNoteSchema } } } },
  responses: { 201: json(NoteSchema, "The note"), ...problemResponses(400, 404, 415, 422) },
});

export const list = createRoute({
  method: "get", path: "/api/v1/orders/{id}/notes", tags, summary: "The team's notes on an order, oldest first",
  request: { params: orderId },
  responses: { 200: json(z.array(NoteSchema), "The notes"), ...problemResponses(404) },
});
