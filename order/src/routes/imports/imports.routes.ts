import { createRoute, z } from "@hono/zod-openapi";
import { IdParam, PageQuery, pageOf, problemResponses } from "@platform/shared/openapi";
import { importStatuses } from "../../db/schema";

const tags = ["imports"];
const importId = IdParam("id", "imp_0193a5b0c7e07a4c9f1e2d3c4b5a6981");
const RowErrorSchema = z.object({ row: z.number().int().openapi({ description: "The file's line; the header is row 1" }), column: z.string().nullable(), message: z.string() });

export const ImportSchema = z.object({
  id: z.string(),
  status: z.enum(importStatuses),
  file_name: z.string().nullable(),
  encoding: z.string().openapi({ description: "As detected: UTF-8, UTF-8 (BOM) or Shift_JIS" }),
  total_rows: z.number().int(), total_orders: z.number().int(), valid_orders: z.number().int(),
  error_rows: z.number().int().openapi({ description: "Rows reported and skipped; GET …/errors lists them" }),
  processed: z.number().int().openapi({ description: "Valid orders handled so far" }),
  succeeded: z.number().int().openapi({ description: "Orders created" }),
  failed: z.number().int().openapi({ description: "Valid orders that could not be created" }),
  payments_completed: z.number().int(), payments_failed: z.number().int(),
  notifications_sent: z.number().int().openapi({ description: "Confirmations handed to the Notification Service's queue, which sends them at its rate limit" }),
  error: z.string().nullable(),
  first_errors: z.array(RowErrorSchema).openapi({ description: "Up to 20 rejected rows" }),
  uploaded_by: z.string().nullable().openapi({ description: "Who uploaded the file (X-Operator), when a person was named" }),
  started_by: z.string().nullable().openapi({ description: "Who started the import (X-Operator): the uploader, or whoever confirmed a dry run; null when no person was named or it is not started" }),
  created_at: z.string(), started_at: z.string().nullable(), finished_at: z.string().nullable(),
}).openapi("Import");

export const upload = createRoute({
  method: "post", path: "/api/v1/imports", tags, summary: "Import orders from a CSV file",
  description: "The file as a `text/csv` body or a multipart field `file`: UTF-8 (with or without BOM) or Shift_JIS, detected. Header `order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price`; rows sharing an order_ref are one order. Each order is checked with the rules of POST /api/v1/orders, the cells read as a spreadsheet writes them: `customer_phone` as dialled in Japan (090-1234-5678, full-width digits, or 9012345678 with the leading 0 lost) is stored in E.164, `quantity` and `unit_price` may have full-width digits or thousands separators (\"1,800\"). Optional columns: `tax_rate` (an item's 消費税 rate in its tax-included unit_price: 10, or 8 for the reduced rate, also written 8%, ８％ or 軽減; empty or left out, 10), `postal_code,prefecture,address_line1,address_line2` (the shipping address) and `delivery_date,delivery_time` (the delivery wish), as POST /api/v1/orders takes them. Bad rows are reported and skipped, the rest imported. `dry_run=true` stops after validation (VALIDATED) until confirmed. Limits: IMPORT_MAX_BYTES (413), IMPORT_MAX_ROWS and IMPORT_MAX_ORDERS (422), refused whole before any work.",
  request: {
    query: z.object({ dry_run: z.enum(["true", "false"]).optional(), file_name: z.string().max(255).optional() }),
  },
  responses: { 202: { description: "The import", content: { "application/json": { schema: ImportSchema } } }, ...problemResponses(400, 413, 415, 422) },
});

export const confirm = createRoute({
  method: "post", path: "/api/v1/imports/{id}/confirm", tags, summary: "Start an import validated with dry_run=true",
  request: { params: importId },
  responses: { 202: { description: "Started", content: { "application/json": { schema: ImportSchema } } }, ...problemResponses(404, 409) },
});

export const getOne = createRoute({
  method: "get", path: "/api/v1/imports/{id}", tags, summary: "An import and its progress per stage",
  request: { params: importId },
  responses: { 200: { description: "The import", content: { "application/json": { schema: ImportSchema } } }, ...problemResponses(404) },
});

export const list = createRoute({
  method: "get", path: "/api/v1/imports", tags, summary: "Imports, newest first",
  request: { query: PageQuery },
  responses: { 200: { description: "A page of imports", content: { "application/json": { schema: pageOf(ImportSchema, "ImportPage") } } }, ...problemResponses(422) },
});

export const events = createRoute({
  method: "get", path: "/api/v1/imports/{id}/events", tags, summary: "The import's progress as Server-Sent Events",
  description: "An event `progress` with the Import each time it changes; the stream ends when the import is finished.",
  request: { params: importId },
  responses: { 200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } }, ...problemResponses(404) },
});

export const errors = createRoute({
  method: "get", path: "/api/v1/imports/{id}/errors", tags, summary: "The rejected rows as CSV",
  description: "Columns row,column,message. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them.",
  request: { params: importId },
  responses: { 200: { description: "text/csv", content: { "text/csv": { schema: z.string() } } }, ...problemResponses(404) },
});
