import { useSignal } from "@preact/signals";
import { api } from "../api/endpoints";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

/** Today in Japan, YYYY-MM-DD, whatever the browser's zone. */
const jstToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The ledger CSV for finance: every charge and refund between two days (JST), this month by default. */
export function LedgerExport() {
  const from = useSignal(`${jstToday().slice(0, 8)}01`);
  const to = useSignal(jstToday());
  const busy = useSignal(false);
  async function submit(event: Event) {
    event.preventDefault();
    busy.value = true;
    try {
      await api.downloadLedger(from.value, to.value);
    } catch (error) {
      notify("error", `入出金明細をダウンロードできませんでした：${reasonOf(error)}`);
    } finally {
      busy.value = false;
    }
  }
  return (
    <form class="ledger" onSubmit={submit}>
      <h3>会計用CSV（入出金明細）</h3>
      <label for="ledger-from">開始日</label> <input id="ledger-from" type="date" required value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />{" "}
      <label for="ledger-to">終了日</label> <input id="ledger-to" type="date" required value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />{" "}
      <button type="submit" disabled={busy.value}>CSVをダウンロード</button>
      <p class="hint">売上（決済）と返金を1件1行、日本時間で。返金はマイナスの金額です。Excel でそのまま開けます。</p>
    </form>
  );
}
