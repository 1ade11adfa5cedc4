import { TAX_RATE } from "@platform/shared/contracts/tax";
import type { TaxSummary } from "../api/types";
import { yen } from "../format";

/** The 消費税 in the span's sales (the orders shipped in it) and returns, by rate, for the tax return beside the ledger. */
export function TaxSummaryTable({ summary }: { summary: TaxSummary }) {
  return (
    <>
      <table data-testid="tax-summary">
        <caption>消費税集計（{summary.from} 〜 {summary.to}、売上は出荷日・返品は登録日、日本時間）</caption>
        <thead><tr><th>税率</th><th class="num">出荷注文数</th><th class="num">税込売上</th><th class="num">うち消費税</th><th class="num">返品件数</th><th class="num">返品額（税込）</th><th class="num">うち消費税</th></tr></thead>
        <tbody>
          {summary.by_rate.map((row) => (
            <tr data-rate={row.rate}>
              <td>{row.rate}%{row.rate === TAX_RATE.reduced && "（軽減）"}</td><td class="num">{row.orders}</td><td class="num">{yen(row.amount)}</td><td class="num">{yen(row.tax)}</td>
              <td class="num">{row.returns}</td><td class="num">{yen(row.returned_amount)}</td><td class="num">{yen(row.returned_tax)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-rate="total">
            <th>合計</th><td class="num">{summary.orders}</td><td class="num">{yen(summary.total.amount)}</td><td class="num">{yen(summary.total.tax)}</td>
            <td /><td class="num">{yen(summary.total.returned_amount)}</td><td class="num">{yen(summary.total.returned_tax)}</td>
          </tr>
        </tfoot>
      </table>
      {summary.refunded_orders > 0 && (
        <p class="hint" data-testid="tax-summary-refunds">
          このうち {summary.refunded_orders} 件の注文に、返品として登録されていない返金（値引きなど）があります。税率が分からないため含まれていません。入出金明細で確認してください。
        </p>
      )}
    </>
  );
}
