import { useEffect } from "preact/hooks";
import { api } from "../api/endpoints";
import { PackingSlip } from "../components/packing-slip";
import { Pager } from "../components/pager";
import { LoadError, Loading } from "../components/status";
import { orderStatusLabels } from "../format";
import { resource } from "../state/resource";
import { navigate, route } from "../state/router";

/** Slips printed in one go: a warehouse's print run, not the whole backlog at once. */
const PER_PRINT = 100;

/** #/slips?order=ord_… for one order; #/slips?status=PAID&delivery_by=…&skip=… for the orders a filter finds. */
const slips = resource(async () => {
  const params = route.value.params;
  const one = params.get("order");
  const issued = new Date().toISOString();
  const page = one ? { items: [await api.order(one)], total: 1, skip: 0 }
    : await api.orders({ skip: Number(params.get("skip") ?? 0), limit: PER_PRINT, status: params.get("status") ?? "PAID", delivery_by: params.get("delivery_by") ?? undefined });
  // an item out of stock or returned is listed on its order's slip: the few orders with one are asked for their returns
  const returns = new Map(await Promise.all(page.items.filter((order) => order.returned_amount > 0).map(async (order) => [order.id, await api.returns(order.id)] as const)));
  return { orders: page.items, returns, total: page.total, skip: page.skip, issued };
});

/** Packing slips (納品書) as they will print, one page each, with the button that prints them alone. */
export function SlipsPage() {
  const params = route.value.params;
  const key = params.toString();
  useEffect(() => {
    slips.data.value = undefined; // never the slips of the last page, printed by a quick click
    void slips.reload();
  }, [key]);
  const data = slips.data.value;
  const status = params.get("status") ?? "PAID";
  const dueBy = params.get("delivery_by");
  const toPage = (skip: number) => {
    const next = new URLSearchParams(params);
    next.set("skip", String(skip));
    navigate(`#/slips?${next}`);
  };
  return (
    <section>
      <h2>納品書の印刷</h2>
      {params.get("order") ? <p><a href={`#/orders/${params.get("order")}`}>← 注文に戻る</a></p> : (
        <p>{dueBy ? `お届け希望日が ${dueBy} までの` : ""}「{orderStatusLabels[status] ?? status}」の注文の納品書です（{PER_PRINT} 件ずつ印刷できます）。</p>
      )}
      <Loading when={slips.loading.value && !data} />
      <LoadError error={slips.error.value} />
      {data && (
        <>
          <p>
            <button type="button" class="primary" disabled={!data.orders.length} onClick={() => window.print()}>{data.orders.length} 枚を印刷</button>
          </p>
          {data.total > PER_PRINT && <Pager skip={data.skip} limit={PER_PRINT} total={data.total} onPage={toPage} />}
          {!data.orders.length && <p>該当する注文はありません。</p>}
          <div class="printable slips">{data.orders.map((order) => <PackingSlip order={order} issued={data.issued} returns={data.returns.get(order.id)} />)}</div>
        </>
      )}
    </section>
  );
}
