import { createRoute, z } from "@hono/zod-openapi";
import { dayRangeCheck, JstDay, problemResponses } from "@platform/shared/openapi";

const LedgerQuery = z.object({
  from: JstDay("2026-12-01", "First day (JST), included"),
  to: JstDay("2026-12-31", "Last day (JST), included"),
}).superRefine(dayRangeCheck(366));

export const ledger = createRoute({
  method: "get", path: "/api/v1/ledger", tags: ["ledger"],
  summary: "Money movements between two JST days, as CSV (for finance)",
  description: "One line per movement, oldest first: a CHARGE (+amount) for every payment that took money, dated when the gateway took it (`completed_at`), and a REFUND (-amount) for every refund, dated when it was made, with its reason. Failed payments took no money and are not listed. Columns: date_jst, type, amount, currency, payment_id, order_id, refund_id, reason, operator (who asked for a refund, when a person was named in X-Operator). UTF-8 with a BOM, as Excel opens Japanese.",
  request: { query: LedgerQuery },
  responses: {
    200: { description: "The ledger", content: { "text/csv": { schema: z.string().openapi({ example: "date_jst,type,amount,currency,payment_id,order_id,refund_id,reason,operator\r\n2026-12-01 10:15:00,CHARGE,3500,JPY,pay_…,ord_…,,,\r\n" }) } } },
    ...problemResponses(422),
  },
});

const Totals = z.object({
  charges: z.number().int().openapi({ description: "Payments that took money that day", example: 12 }),
  charged: z.number().int().openapi({ description: "JPY they took", example: 45600 }),
  refunds: z.number().int().openapi({ example: 1 }),
  refunded: z.number().int().openapi({ description: "JPY refunded that day (a positive number)", example: 3500 }),
  net: z.number().int().openapi({ description: "charged - refunded", example: 42100 }),
});

export const summary = createRoute({
  method: "get", path: "/api/v1/ledger/summary", tags: ["ledger"],
  summary: "The ledger's movements totalled by JST day (for finance)",
  description: "Every day from `from` to `to` (JST, both included), days without movements too, with the charges (dated when the money was taken) and refunds of the ledger CSV counted and summed, and the whole range's total. The same movements as `GET /api/v1/ledger` for the same days, so the two agree.",
  request: { query: LedgerQuery },
  responses: {
    200: { description: "Totals by day", content: { "application/json": { schema: z.object({
      from: z.string().openapi({ example: "2026-12-01" }), to: z.string().openapi({ example: "2026-12-31" }), currency: z.literal("JPY"),
      days: z.array(Totals.extend({ date: z.string().openapi({ example: "2026-12-01" }) })),
      total: Totals,
    }).openapi("LedgerSummary") } } },
    ...problemResponses(422),
  },
});
