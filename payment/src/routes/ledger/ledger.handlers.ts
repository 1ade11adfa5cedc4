import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { csvResponse } from "@platform/shared/csv";
import type { PaymentDeps } from "../../app";
import { eachDay, jstDateTime, jstDayRange } from "@platform/shared/jst-days";
import type * as routes from "./ledger.routes";

export function ledgerHandlers({ ledger }: PaymentDeps) {
  const list: RouteHandler<typeof routes.ledger, AppEnv> = async (c) => {
    const { from, to } = c.req.valid("query");
    const { start, end } = jstDayRange(from, to);
    async function* lines() {
      yield [["date_jst", "type", "amount", "currency", "payment_id", "order_id", "refund_id", "reason", "operator"]];
      for await (const page of ledger.entries(start, end)) {
        yield page.map((e) => [jstDateTime(e.at), e.type, e.amount, "JPY", e.payment_id, e.order_id, e.refund_id, e.reason, e.operator]);
      }
    }
    return csvResponse(`ledger-${from}-${to}.csv`, lines()) as never;
  };

  const summary: RouteHandler<typeof routes.summary, AppEnv> = async (c) => {
    const { from, to } = c.req.valid("query");
    const { start, end } = jstDayRange(from, to);
    const { charges, refunds } = await ledger.dailyTotals(start, end);
    const days = eachDay(from, to).map((date) => {
      const charged = charges.get(date), refunded = refunds.get(date);
      return { date, ...totals(charged?.n ?? 0, charged?.amount ?? 0, refunded?.n ?? 0, refunded?.amount ?? 0) };
    });
    const sumOf = (key: "charges" | "charged" | "refunds" | "refunded") => days.reduce((n, day) => n + day[key], 0);
    return c.json({ from, to, currency: "JPY" as const, days, total: totals(sumOf("charges"), sumOf("charged"), sumOf("refunds"), sumOf("refunded")) }, 200);
  };
  return { list, summary };
}

const totals = (charges: number, charged: number, refunds: number, refunded: number) => ({ charges, charged, refunds, refunded, net: charged - refunded });
