import { useSignal } from "@preact/signals";
import { api } from "../api/endpoints";
import type { DayTotals, LedgerSummary, TaxSummary } from "../api/types";
import { TaxSummaryTable } from "./tax-summary";
import { jstToday, yen } from "../format";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

/** The ledger for finance, between two days (JST), this month by default: its CSV, its totals by day, and the 消費税 in the sales shipped on those days, shown or as CSV by day. */
export function LedgerExport() {
  const from = useSignal(`${jstToday().slice(0, 8)}01`);
  const to = useSignal(jstToday());
  const busy = useSignal(false);
  const summary = useSignal<LedgerSummary | undefined>(undefined);
  const tax = useSignal<TaxSummary | undefined>(undefined);
  async function run(what: string, work: () => Promise<unknown>) {
    busy.value = true;
    try {
      await work();
    } catch (error) {
      notify("error", `${what}できませんでした：${reasonOf(error)}`);
    } finally {
      busy.value = false;
    }
  }
  const download = (event: Event) => (event.preventDefault(), run("入出金明細をダウンロード", () => api.downloadLedger(from.value, to.value)));
  const showTotals = () => run("日別集計を表示", async () => (summary.value = await api.ledgerSummary(from.value, to.value)));
  const showTax = () => run("消費税集計を表示", async () => (tax.value = await api.taxSummary(from.value, to.value)));
  const downloadTax = () => run("消費税集計をダウンロード", () => api.downloadTaxSummary(from.value, to.value));
  return (
    <form class="ledger" onSubmit={download}>
      <h3>会計用CSV（入出金明細）</h3>
      <label for="ledger-from">開始日</label> <input id="ledger-from" type="date" required value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />{" "}
      <label for="ledger-to">終了日</label> <input id="ledger-to" type="date" required value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />{" "}
      <button type="submit" disabled={busy.value}>入出金明細CSV</button>{" "}
      <button type="button" disabled={busy.value} onClick={showTotals}>日別集計を表示</button>{" "}
      <button type="button" disabled={busy.value} onClick={showTax}>消費税集計を表示</button>{" "}
      <button type="button" disabled={busy.value} onClick={downloadTax}>消費税集計CSV（日別）</button>
      <p class="hint">入出金明細は売上（決済）と返金を1件1行、日本時間で。返金はマイナスの金額です。消費税集計CSVは出荷日・返品登録日ごと、税率ごとに1行です。どちらも Excel でそのまま開けます。</p>
      {summary.value && <DailyTotals summary={summary.value} />}
      {tax.value && <TaxSummaryTable summary={tax.value} />}
    </form>
  );
}

const cells = (totals: DayTotals) => [
  <td class="num">{totals.charges}</td>, <td class="num">{yen(totals.charged)}</td>, <td class="num">{totals.refunds}</td>,
  <td class="num">{totals.refunded ? `−${yen(totals.refunded)}` : yen(0)}</td>, <td class="num">{yen(totals.net)}</td>,
];

/** The CSV's movements totalled by day: what finance checks against the processor's daily deposits. */
function DailyTotals({ summary }: { summary: LedgerSummary }) {
  return (
    <table data-testid="ledger-summary">
      <caption>日別集計（{summary.from} 〜 {summary.to}、日本時間）</caption>
      <thead><tr><th>日付</th><th class="num">売上件数</th><th class="num">売上</th><th class="num">返金件数</th><th class="num">返金</th><th class="num">差引</th></tr></thead>
      <tbody>{summary.days.map((day) => <tr data-date={day.date}><td>{day.date}</td>{cells(day)}</tr>)}</tbody>
      <tfoot><tr data-date="total"><th>合計</th>{cells(summary.total)}</tr></tfoot>
    </table>
  );
}
