import { useEffect } from "preact/hooks";
import { api } from "../api/endpoints";
import { Badge } from "../components/badge";
import { DeadMessages } from "../components/dead-messages";
import { LoadError, Loading } from "../components/status";
import { jstTime, jstToday, jstTomorrow, orderStatusLabels, yen } from "../format";
import { health, healthText, serviceNames } from "../state/health";
import { resource } from "../state/resource";

const stats = resource(api.orderStats);
const recent = resource(() => api.orders({ skip: 0, limit: 5 }));
const queue = resource(api.notificationStats);
/** Tomorrow in Japan: paid orders wished delivered by then must ship today. */
const dueSoon = resource(() => api.orders({ skip: 0, limit: 1, status: "PAID", delivery_by: jstTomorrow() }));
/** What the Order and Payment Services gave up telling the others; each service's list on its own, so one down hides only its own. */
const dead = { order: resource(() => api.deadMessages("order")), payment: resource(() => api.deadMessages("payment")) };
const deadCount = () => (dead.order.data.value && dead.payment.data.value ? dead.order.data.value.total + dead.payment.data.value.total : "—");
const deadMessages = () => (["order", "payment"] as const).flatMap((service) => (dead[service].data.value?.items ?? []).map((message) => ({ service, message })))
  .sort((a, b) => b.message.created_at.localeCompare(a.message.created_at));
/** Orders of a status, once the counts are known: a service that does not answer counts nothing, not zero. */
const ordersIn = (status: string) => (stats.data.value ? stats.data.value.by_status[status] ?? 0 : "—");

export function OverviewPage() {
  useEffect(() => {
    const load = () => [stats, recent, queue, dueSoon, dead.order, dead.payment].forEach((r) => void r.reload());
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section>
      <h2>概要</h2>
      <div class="cards">
        <div class="card"><h3>本日の注文数</h3><p class="figure" data-testid="today-orders"><a href={`#/orders?from=${jstToday()}&to=${jstToday()}`}>{stats.data.value?.today.orders ?? "—"}</a></p></div>
        <div class="card"><h3>本日の売上（支払済以降）</h3><p class="figure" data-testid="today-revenue">{yen(stats.data.value?.today.revenue)}</p></div>
        <div class="card"><h3>通知キュー</h3><p class="figure">{queue.data.value?.pending ?? "—"} 件待ち</p><p>送信失敗：{queue.data.value?.failed ?? "—"} 件</p><LoadError error={queue.error.value} /></div>
        <div class="card"><h3>サービスの状態</h3>
          <ul>{(Object.keys(health) as (keyof typeof health)[]).map((s) => <li>{serviceNames[s]}：{healthText(s)}</li>)}</ul>
        </div>
      </div>
      <h3>要対応</h3>
      <ul class="attention" data-testid="attention">
        <li><a href="#/shipments">発送待ち（支払済）</a>：{ordersIn("PAID")} 件</li>
        <li><a href={`#/orders?status=PAID&delivery_by=${jstTomorrow()}`}>お届け希望日が明日までの発送待ち</a>：{dueSoon.data.value?.total ?? "—"} 件</li>
        <li><a href="#/orders?status=PAYMENT_FAILED">決済失敗</a>：{ordersIn("PAYMENT_FAILED")} 件</li>
        <li><a href="#/notifications?status=FAILED">送信失敗の通知</a>：{queue.data.value?.failed ?? "—"} 件</li>
        <li>サービス間で届かなかった連絡：{deadCount()} 件</li>
      </ul>
      {deadMessages().length > 0 && <DeadMessages messages={deadMessages()} onRetried={() => [dead.order, dead.payment].forEach((r) => void r.reload())} />}
      <h3>ステータス別の注文数</h3>
      <LoadError error={stats.error.value} />
      <ul class="by-status">
        {Object.entries(orderStatusLabels).map(([status, label]) => <li><a href={`#/orders?status=${status}`}>{label}</a>：{ordersIn(status)}</li>)}
      </ul>
      <h3>最近の注文</h3>
      <Loading when={recent.loading.value && !recent.data.value} />
      <table>
        <thead><tr><th>日時（JST）</th><th>お客様</th><th class="num">金額</th><th>ステータス</th></tr></thead>
        <tbody>
          {recent.data.value?.items.map((order) => (
            <tr><td><a href={`#/orders/${order.id}`}>{jstTime(order.created_at)}</a></td><td>{order.customer_name}</td><td class="num">{yen(order.total_amount)}</td><td><Badge status={order.status} labels={orderStatusLabels} /></td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
