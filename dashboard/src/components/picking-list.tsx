import { useSignal } from "@preact/signals";
import { api } from "../api/endpoints";
import type { PickingList } from "../api/types";
import { jstTime, jstTomorrow } from "../format";
import { reasonOf } from "../messages";
import { notify } from "../state/toasts";

/**
 * What the warehouse picks before packing: each product's quantity over the paid orders (or only
 * those wished delivered by tomorrow), shown and printed on its own.
 */
export function PickingListPanel() {
  const dueOnly = useSignal(false);
  const busy = useSignal(false);
  const shown = useSignal<{ list: PickingList; dueBy?: string; at: string } | undefined>(undefined);
  async function show() {
    busy.value = true;
    try {
      const dueBy = dueOnly.value ? jstTomorrow() : undefined;
      shown.value = { list: await api.pickingList({ status: "PAID", delivery_by: dueBy }), dueBy, at: new Date().toISOString() };
    } catch (error) {
      notify("error", `ピッキングリストを表示できませんでした：${reasonOf(error)}`);
    } finally {
      busy.value = false;
    }
  }
  const current = shown.value;
  return (
    <div class="picking">
      <h3>ピッキングリスト</h3>
      <p>
        <label><input type="checkbox" checked={dueOnly.value} onChange={(e) => (dueOnly.value = e.currentTarget.checked)} /> お届け希望日が明日までの注文だけ</label>{" "}
        <button type="button" disabled={busy.value} onClick={() => void show()}>ピッキングリストを表示</button>{" "}
        {current && <button type="button" onClick={() => window.print()}>印刷</button>}{" "}
        {current && <a href={`#/slips?status=PAID${current.dueBy ? `&delivery_by=${current.dueBy}` : ""}`}>これらの注文の納品書</a>}
      </p>
      {current && (
        <table class="printable" data-testid="picking-list">
          <caption>
            {current.dueBy ? `お届け希望日が ${current.dueBy} までの` : ""}発送待ち（支払済）{current.list.orders} 件の注文・計 {current.list.total_quantity} 点（{jstTime(current.at)} 時点）
          </caption>
          <thead><tr><th>商品名</th><th class="num">数量</th><th class="num">注文数</th></tr></thead>
          <tbody>
            {current.list.products.map((product) => <tr><td>{product.product_name}</td><td class="num">{product.quantity}</td><td class="num">{product.orders}</td></tr>)}
            {!current.list.products.length && <tr><td colSpan={3}>発送待ちの注文はありません。</td></tr>}
          </tbody>
        </table>
      )}
    </div>
  );
}
