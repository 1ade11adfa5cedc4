import { useSignal } from "@preact/signals";
import { api } from "../api/endpoints";
import { jstToday } from "../format";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

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
