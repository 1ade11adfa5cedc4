import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import { csvResponse } from "@platform/shared/csv";
import type { PaymentDeps } from "../../app";
import { jstDateTime, jstDayRange } from "@platform/shared/jst-days";
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
  return { list };
}
