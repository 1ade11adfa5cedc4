import { signal } from "@preact/signals";
import { api } from "../api/endpoints";
import type { DeliveryResult } from "../api/types";
import { orderStatusLabels } from "../format";
import { doneAndRefused, sendInBatches } from "../state/bulk-send";

type Delivery = { order_id: string } | { tracking_number: string };

/**
 * A carrier's delivery report pasted a line each: the first cell is a tracking number, or an order
 * number (ord_…) where the label carried it. Headers, blank lines and repeats are left out.
 */
function parseDeliveries(text: string) {
  const deliveries: Delivery[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const first = line.split(line.includes("\t") ? "\t" : ",")[0]!.trim();
    if (!first || /^(order_id|tracking_number|注文番号|伝票番号|送り状番号|お問い合わせ番号)$/i.test(first)) return;
    if (seen.has(first)) return void problems.push(`${i + 1} 行目：${first} が重複しています（最初の行だけ使います）。`);
    seen.add(first);
    deliveries.push(first.startsWith("ord_") ? { order_id: first } : { tracking_number: first });
  });
  return { deliveries, problems };
}

const text = signal("");
const busy = signal(false);
const results = signal<DeliveryResult[]>([]);

const why = (result: DeliveryResult) =>
  result.status === 404
    ? result.order_id ? "注文が見つかりません。" : "この伝票番号で発送した注文がありません。"
    : `現在「${orderStatusLabels[result.error?.current_status ?? ""] ?? result.error?.current_status}」のため配達完了にできません（発送済の注文のみ）。`;

async function submit(deliveries: Delivery[]) {
  const done = await sendInBatches(deliveries, api.deliverOrders, { busy, results }, doneAndRefused("の注文を配達完了にしました"));
  if (!done) return;
  // what is left in the box is what still needs a look
  const refused = new Set(done.filter((r) => r.status !== 200).map((r) => r.tracking_number ?? r.order_id));
  text.value = deliveries.map((d) => ("order_id" in d ? d.order_id : d.tracking_number)).filter((line) => refused.has(line)).join("\n");
}

/** Marks shipped orders delivered from a carrier's delivery report. */
export function Deliveries() {
  const { deliveries, problems } = parseDeliveries(text.value);
  const refused = results.value.filter((r) => r.status !== 200);
  return (
    <>
      <h3>配達完了の登録</h3>
      <p class="hint">配送業者の配達完了リストから伝票番号（または注文番号）を1行に1つ貼り付けてください。同じ伝票番号で発送した注文（同梱）はまとめて配達完了になります。ハイフンや全角数字はそのままで構いません。</p>
      <label for="delivery-lines">配達完了リスト</label>
      <textarea id="delivery-lines" rows={6} spellcheck={false} placeholder={"1234-5678-9013\nord_0193…"} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
      {problems.map((problem) => <p class="field-error">{problem}</p>)}
      <p><button type="button" class="primary" disabled={!deliveries.length || busy.value} onClick={() => void submit(deliveries)}>{deliveries.length} 件を配達完了にする</button></p>
      {refused.length > 0 && (
        <table data-testid="refused-deliveries">
          <caption>配達完了にできなかったもの</caption>
          <thead><tr><th>伝票番号</th><th>注文番号</th><th>理由</th></tr></thead>
          <tbody>{refused.map((r) => (
            <tr><td>{r.tracking_number ?? "—"}</td><td>{r.order_id && r.status === 409 ? <a href={`#/orders/${r.order_id}`}>{r.order_id}</a> : r.order_id ?? "—"}</td><td>{why(r)}</td></tr>
          ))}</tbody>
        </table>
      )}
    </>
  );
}
