import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "@platform/shared/openapi";
import { daysBetween, isDay } from "@platform/shared/jst-days";

const MAX_LEDGER_DAYS = 366;

const day = (example: string) => z.string().refine(isDay, "must be a date that exists, YYYY-MM-DD").openapi({ example });

const LedgerQuery = z.object({
  from: day("2026-12-01").openapi({ description: "First day (JST), included" }),
  to: day("2026-12-31").openapi({ description: "Last day (JST), included" }),
}).superRefine(({ from, to }, ctx) => {
  if (!isDay(from) || !isDay(to)) return;
  const days = daysBetween(from, to);
  if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  else if (days > MAX_LEDGER_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_LEDGER_DAYS} days after from` });
});

export const ledger = createRoute({
  method: "get", path: "/api/v1/ledger", tags: ["ledger"],
  summary: "Money movements between two JST days, as CSV (for finance)",
  description: "One line per movement, oldest first: a CHARGE (+amount) for every payment that took money, dated when the gateway took it (`completed_at`), and a REFUND (-amount) for every refund, dated when it was made, with its reason. Failed payments took no money and are not listed. Columns: date_jst, type, amount, currency, payment_id, order_id, refund_id, reason. UTF-8 with a BOM, as Excel opens Japanese.",
  request: { query: LedgerQuery },
  responses: {
    200: { description: "The ledger", content: { "text/csv": { schema: z.string().openapi({ example: "date_jst,type,amount,currency,payment_id,order_id,refund_id,reason\r\n2026-12-01 10:15:00,CHARGE,3500,JPY,pay_…,ord_…,,\r\n" }) } } },
    ...problemResponses(422),
  },
});
