import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../api/endpoints";
import { Badge } from "../components/badge";
import { LedgerExport } from "../components/ledger-export";
import { Pager } from "../components/pager";
import { StatusFilter } from "../components/status-filter";
import { RefundControl } from "../components/refund";
import { LoadError, Loading } from "../components/status";
import { jstTime, paymentStatusLabels, yen } from "../format";
import { resource } from "../state/resource";

const skip = signal(0);
const status = signal("");
const page = resource(() => api.payments({ skip: skip.value, limit: 20, status: status.value || undefined }));

export function PaymentsPage() {
  useEffect(() => void page.reload(), []);
  const data = page.data.value;
  return (
    <section>
      <h2>決済</h2>
      <StatusFilter value={status.value} labels={paymentStatusLabels} onChange={(value) => ((status.value = value), (skip.value = 0), void page.reload())} />
      <LoadError error={page.error.value} />
      <Loading when={page.loading.value} />
      <table>
        <thead><tr><th>決済ID</th><th>注文</th><th>作成（JST）</th><th>決済完了（JST）</th><th class="num">金額</th><th class="num">返金済</th><th>ステータス</th><th>返金</th></tr></thead>
        <tbody>
          {data?.items.map((payment) => (
            <tr data-payment={payment.id}>
              <td class="id">{payment.id}</td><td class="id"><a href={`#/orders/${payment.order_id}`}>{payment.order_id}</a></td><td>{jstTime(payment.created_at)}</td>
              <td data-testid="completed-at">{jstTime(payment.completed_at)}</td>
              <td class="num">{yen(payment.amount)}</td><td class="num">{yen(payment.refunded_amount)}</td>
              <td><Badge status={payment.status} labels={paymentStatusLabels} />{payment.failure_reason && <small> {payment.failure_reason}</small>}</td>
              <td><RefundControl payment={payment} folded onDone={() => void page.reload()} /></td>
            </tr>
          ))}
          {data && !data.items.length && <tr><td colSpan={8}>該当する決済はありません。</td></tr>}
        </tbody>
      </table>
      {data && <Pager skip={data.skip} limit={data.limit} total={data.total} onPage={(s) => ((skip.value = s), void page.reload())} />}
      <LedgerExport />
    </section>
  );
}
