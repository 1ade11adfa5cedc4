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
