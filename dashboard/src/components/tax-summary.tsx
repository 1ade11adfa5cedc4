import type { TaxSummary } from "../api/types";
import { yen } from "../format";

/** The 消費税 in the span's sales by rate (the orders shipped in it), for the tax return beside the ledger. */
export function TaxSummaryTable({ summary }: { summary: TaxSummary }) {
  return (
    <>
      <table data-testid="tax-summary">
        <caption>消費税集計（{summary.from} 〜 {summary.to}、出荷日基準・日本時間）</caption>
        <thead><tr><th>税率</th><th class="num">注文数</th><th class="num">税込売上</th><th class="num">うち消費税</th></tr></thead>
        <tbody>
          {summary.by_rate.map((row) => (
            <tr data-rate={row.rate}><td>{row.rate}%{row.rate === 8 && "（軽減）"}</td><td class="num">{row.orders}</td><td class="num">{yen(row.amount)}</td><td class="num">{yen(row.tax)}</td></tr>
          ))}
        </tbody>
        <tfoot><tr data-rate="total"><th>合計</th><td class="num">{summary.orders}</td><td class="num">{yen(summary.total.amount)}</td><td class="num">{yen(summary.total.tax)}</td></tr></tfoot>
      </table>
      {summary.refunded_orders > 0 && (
        <p class="hint" data-testid="tax-summary-refunds">
          このうち {summary.refunded_orders} 件の注文に返金があります。返金は含まれていないため、入出金明細の返金を税率ごとに差し引いてください。
        </p>
      )}
    </>
  );
}
