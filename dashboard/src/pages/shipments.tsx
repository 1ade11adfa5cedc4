import { signal } from "@preact/signals";
import { api } from "../api/endpoints";
import type { ShipmentResult } from "../api/types";
import { checkDigitFails } from "@platform/shared/tracking-number";
import { Deliveries } from "../components/deliveries";
import { CHECK_DIGIT_WARNING } from "../components/ship-form";
import { OrdersExport } from "../components/orders-export";
import { PickingListPanel } from "../components/picking-list";
import { orderStatusLabels } from "../format";
import { doneAndRefused, sendInBatches } from "../state/bulk-send";

type Shipment = { order_id: string; carrier?: string; tracking_number?: string };

/**
 * Rows pasted from a spreadsheet (tab-separated) or typed as CSV: order id, carrier, tracking number.
 * A row whose tracking number fails its check digit is held back, to be corrected before its mail goes.
 */
function parseShipments(text: string) {
  const shipments: Shipment[] = [];
  const problems: string[] = [];
  const held: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const [orderId = "", carrier = "", tracking = ""] = line.split(line.includes("\t") ? "\t" : ",").map((cell) => cell.trim());
    if (!orderId || /^(order_id|注文番号)$/i.test(orderId)) return; // a blank line or the header
    if (seen.has(orderId)) return void problems.push(`${i + 1} 行目：注文 ${orderId} が重複しています（最初の行だけ使います）。`);
    seen.add(orderId);
    if (checkDigitFails(carrier, tracking)) {
      held.push(line);
      return void problems.push(`${i + 1} 行目：注文 ${orderId} の${CHECK_DIGIT_WARNING}この行は送らずに残します。`);
    }
    shipments.push({ order_id: orderId, carrier: carrier || undefined, tracking_number: tracking || undefined });
  });
  return { shipments, problems, held };
}

const text = signal("");
const busy = signal(false);
const results = signal<ShipmentResult[]>([]);

const why = (result: ShipmentResult) =>
  result.status === 404 ? "注文が見つかりません。" : `現在「${orderStatusLabels[result.error?.current_status ?? ""] ?? result.error?.current_status}」のため発送済みにできません（支払済の注文のみ）。`;

async function submit(shipments: Shipment[], held: string[]) {
  const done = await sendInBatches(shipments, api.shipOrders, { busy, results }, doneAndRefused("を発送済みにしました"));
  if (!done) return;
  // what is left in the box is what still needs a look: the rows held back and the refused ones, to correct and send again
  const refused = new Set(done.filter((r) => r.status !== 200).map((r) => r.order_id));
  text.value = [...held, ...shipments.filter((s) => refused.has(s.order_id)).map((s) => [s.order_id, s.carrier ?? "", s.tracking_number ?? ""].join("\t"))].join("\n");
}

export function ShipmentsPage() {
  const { shipments, problems, held } = parseShipments(text.value);
  const refused = results.value.filter((r) => r.status !== 200);
  return (
    <section>
      <h2>一括発送</h2>
      <p class="hint">倉庫の出荷リストから「注文番号・配送業者・伝票番号」の3列を貼り付けてください（Excel からのコピーでも、カンマ区切りでも可）。支払済の注文が発送済になり、お客様に発送のお知らせが届きます。</p>
      <p>倉庫へ渡す出荷リスト：<OrdersExport filter={{ status: "PAID" }} label="発送待ち（支払済）の注文をCSVでダウンロード" /></p>
      <PickingListPanel />
      <label for="shipment-lines">出荷リスト</label>
      <textarea id="shipment-lines" rows={10} spellcheck={false} placeholder={"ord_0193…\tヤマト運輸\t1234-5678-9013"} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
      {problems.map((problem) => <p class="field-error">{problem}</p>)}
      <p><button type="button" class="primary" disabled={!shipments.length || busy.value} onClick={() => void submit(shipments, held)}>{shipments.length} 件を発送済みにする</button></p>
      {refused.length > 0 && (
        <table data-testid="refused-shipments">
          <caption>発送済みにできなかった注文</caption>
          <thead><tr><th>注文番号</th><th>理由</th></tr></thead>
          <tbody>{refused.map((r) => <tr><td>{r.status === 404 ? r.order_id : <a href={`#/orders/${r.order_id}`}>{r.order_id}</a>}</td><td>{why(r)}</td></tr>)}</tbody>
        </table>
      )}
      <Deliveries />
    </section>
  );
}
