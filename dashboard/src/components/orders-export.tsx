import { useSignal } from "@preact/signals";
import { api } from "../api/endpoints";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

/** Downloads every order a filter finds as CSV (one line per item), for the warehouse or a spreadsheet. */
export function OrdersExport({ filter, label }: { filter: Parameters<typeof api.downloadOrders>[0]; label: string }) {
  const busy = useSignal(false);
  async function exportOrders() {
    busy.value = true;
    try {
      await api.downloadOrders(filter);
    } catch (error) {
      notify("error", `注文をダウンロードできませんでした：${reasonOf(error)}`);
    } finally {
      busy.value = false;
    }
  }
  return <button type="button" disabled={busy.value} onClick={() => void exportOrders()}>{busy.value ? "ダウンロード中…" : label}</button>;
}
