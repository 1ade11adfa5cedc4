import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { deliveryText } from "@platform/shared/delivery";
import { api } from "../api/endpoints";
import { Badge } from "../components/badge";
import { OrdersExport } from "../components/orders-export";
import { Pager } from "../components/pager";
import { SearchBox } from "../components/search-box";
import { StatusFilter } from "../components/status-filter";
import { LoadError, Loading } from "../components/status";
import { jstTime, orderStatusLabels, yen } from "../format";
import { resource } from "../state/resource";
import { route } from "../state/router";

const skip = signal(0);
const status = signal("");
const search = signal("");
const days = signal({ from: "", to: "" });
const importId = signal(""); // one bulk import's orders, opened from its report
const deliveryBy = signal(""); // the orders wished delivered by a day, opened from the overview
/** What the list is narrowed by, as the API takes it (the export takes the same). */
const filter = () => ({
  status: status.value || undefined, q: search.value.trim() || undefined, from: days.value.from || undefined, to: days.value.to || undefined, import_id: importId.value || undefined,
  delivery_by: deliveryBy.value || undefined,
});
const page = resource(() => api.orders({ skip: skip.value, limit: 20, ...filter() }));

/** Orders created between two days (JST), either end open. */
function DayFilter() {
  const apply = (next: { from: string; to: string }) => ((days.value = next), (skip.value = 0), void page.reload());
  const set = (end: "from" | "to", value: string) => apply({ ...days.value, [end]: value });
  return (
    <p class="days">
      注文日：<label for="orders-from">開始日</label> <input id="orders-from" type="date" value={days.value.from} onChange={(e) => set("from", e.currentTarget.value)} />{" "}
      <label for="orders-to">終了日</label> <input id="orders-to" type="date" value={days.value.to} onChange={(e) => set("to", e.currentTarget.value)} />{" "}
      {(days.value.from || days.value.to) && <button type="button" onClick={() => apply({ from: "", to: "" })}>日付の指定を解除</button>}
    </p>
  );
}

export function OrdersPage() {
  const params = route.value.params;
  const fromLink = { status: params.get("status") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "", importId: params.get("import_id") ?? "", q: params.get("q") ?? "", deliveryBy: params.get("delivery_by") ?? "" };
  useEffect(() => {
    status.value = fromLink.status;
    search.value = fromLink.q;
    days.value = { from: fromLink.from, to: fromLink.to };
    importId.value = fromLink.importId;
    deliveryBy.value = fromLink.deliveryBy;
    skip.value = 0;
    void page.reload();
  }, [fromLink.status, fromLink.from, fromLink.to, fromLink.importId, fromLink.q, fromLink.deliveryBy]);
  const data = page.data.value;
  return (
    <section>
      <div class="title-row">
        <h2>注文</h2>
        <a class="button primary" href="#/orders/new">新規注文を作成</a>
      </div>
      {/* the API's q: id, order_ref, name, e-mail or phone, together with the other filters */}
      <SearchBox id="order-search" label="注文を検索" placeholder="注文番号・お名前・メール・電話番号" term={search} onSearch={() => ((skip.value = 0), void page.reload())} />
      <StatusFilter value={status.value} labels={orderStatusLabels} onChange={(value) => ((status.value = value), (skip.value = 0), void page.reload())} />
      <DayFilter />
      {importId.value && (
        <p class="import-filter" data-testid="import-filter">
          一括取り込み <a href="#/imports">{importId.value}</a> の注文のみ表示しています。{" "}
          <a href="#/orders">すべての注文を表示</a>
        </p>
      )}
      {deliveryBy.value && (
        <p class="import-filter" data-testid="delivery-filter">
          お届け希望日が {deliveryBy.value} までの注文のみ表示しています。{" "}
          <a href="#/orders">すべての注文を表示</a>
        </p>
      )}
      <LoadError error={page.error.value} />
      <Loading when={page.loading.value} />
      <table>
        <thead><tr><th>注文番号</th><th>日時（JST）</th><th>お客様</th><th class="num">商品数</th><th class="num">金額</th><th>お届け希望</th><th>ステータス</th></tr></thead>
        <tbody>
          {data?.items.map((order) => (
            <tr>
              <td><a href={`#/orders/${order.id}`}>{order.id}</a></td><td>{jstTime(order.created_at)}</td><td>{order.customer_name}</td>
              <td class="num">{order.items.length}</td><td class="num">{yen(order.total_amount)}</td>
              <td data-testid="wish">{order.delivery_date || order.delivery_time ? deliveryText(order.delivery_date, order.delivery_time) : ""}</td>
              <td><Badge status={order.status} labels={orderStatusLabels} /></td>
            </tr>
          ))}
          {data && !data.items.length && <tr><td colSpan={7}>{search.value.trim() ? `「${search.value.trim()}」に該当する注文はありません。` : "該当する注文はありません。"}</td></tr>}
        </tbody>
      </table>
      {data && <Pager skip={data.skip} limit={data.limit} total={data.total} onPage={(s) => ((skip.value = s), void page.reload())} />}
      {data && data.total > 0 && (
        <p>
          <OrdersExport filter={filter()} label={`この ${data.total.toLocaleString("ja-JP")} 件をCSVでダウンロード`} />{" "}
          <span class="hint">全ページ分を商品1点につき1行で。Excel でそのまま開けます。</span>
        </p>
      )}
    </section>
  );
}
