import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../api/endpoints";
import type { Import } from "../api/types";
import { LoadError } from "../components/status";
import { jstTime } from "../format";
import { inJapanese, reasonOf } from "../messages";
import { resource } from "../state/resource";
import { settings } from "../state/settings";
import { notify } from "../state/toasts";

const statusLabels: Record<string, string> = {
  VALIDATING: "検証中", VALIDATED: "検証済（未実行）", PROCESSING: "取り込み中", COMPLETED: "完了", COMPLETED_WITH_ERRORS: "完了（エラー行あり）", FAILED: "失敗",
};
const current = signal<Import | undefined>(undefined);
const uploading = signal(false);
const dragging = signal(false);
const past = resource(() => api.imports({ skip: 0, limit: 20 }));
const finished = (status: string) => ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(status);

/** Follows an import: Server-Sent Events, or polling when a token is needed (EventSource sends no headers). */
function follow(id: string) {
  if (!settings.token.value) {
    const source = new EventSource(api.importEventsUrl(id));
    source.addEventListener("progress", (event) => {
      current.value = JSON.parse((event as MessageEvent).data);
      if (finished(current.value!.status)) source.close(), void past.reload();
    });
    source.onerror = () => source.close();
    return;
  }
  const timer = setInterval(async () => {
    current.value = await api.import(id);
    if (finished(current.value.status)) clearInterval(timer), void past.reload();
  }, 1000);
}

async function send(file: File | undefined) {
  if (!file) return;
  uploading.value = true;
  try {
    current.value = await api.uploadImport(file);
    notify("success", `${file.name} を検証しました。内容を確認して取り込みを実行してください。`);
    void past.reload();
  } catch (error) {
    notify("error", `ファイルを受け付けられませんでした：${reasonOf(error)}`);
  } finally {
    uploading.value = false;
  }
}

async function confirm(id: string) {
  try {
    current.value = await api.confirmImport(id);
    notify("success", "取り込みを開始しました。");
    follow(id);
  } catch (error) {
    notify("error", `開始できませんでした：${reasonOf(error)}`);
  }
}

async function downloadErrors(id: string) {
  try {
    await api.downloadImportErrors(id);
  } catch (error) {
    notify("error", `ダウンロードできませんでした：${reasonOf(error)}`);
  }
}

function Bar({ label, done, of, testId }: { label: string; done: number; of: number; testId: string }) {
  return (
    <div class="bar">
      <label for={testId}>{label}：{done.toLocaleString("ja-JP")} / {of.toLocaleString("ja-JP")}</label>
      <progress id={testId} data-testid={testId} max={Math.max(of, 1)} value={done} />
    </div>
  );
}

/** Who uploaded the file and who started it, as one name when one person did both. */
function people(item: Import) {
  if (item.started_by && item.started_by !== item.uploaded_by) return `${item.uploaded_by ?? "担当者名なし"}（実行：${item.started_by}）`;
  return item.uploaded_by ?? item.started_by ?? "—";
}

function Report({ item }: { item: Import }) {
  const seconds = item.started_at ? ((item.finished_at ? Date.parse(item.finished_at) : Date.now()) - Date.parse(item.started_at)) / 1000 : 0;
  return (
    <div class="import-report" data-testid="import-report" data-status={item.status}>
      <h3>{item.file_name ?? item.id}（{statusLabels[item.status] ?? item.status}）</h3>
      <p>文字コード {item.encoding} ・ {item.total_rows.toLocaleString("ja-JP")} 行 ・ 注文 {item.total_orders.toLocaleString("ja-JP")} 件（取り込み可能 <strong data-testid="valid-orders">{item.valid_orders.toLocaleString("ja-JP")}</strong> 件） ・ エラー行 <strong data-testid="error-rows">{item.error_rows}</strong> 行 ・ 担当 <span data-testid="import-people">{people(item)}</span></p>
      {item.status === "VALIDATED" && <button type="button" class="primary" onClick={() => confirm(item.id)}>{item.valid_orders.toLocaleString("ja-JP")} 件の注文を取り込む</button>}
      {item.status !== "VALIDATED" && (
        <div class="bars">
          <Bar label="注文作成" done={item.succeeded + item.failed} of={item.valid_orders} testId="bar-orders" />
          <Bar label="決済" done={item.payments_completed + item.payments_failed} of={item.valid_orders} testId="bar-payments" />
          <Bar label="確認メール（送信キューへ）" done={item.notifications_sent} of={item.valid_orders} testId="bar-notifications" />
          {seconds > 0 && <p>処理速度：{Math.round(item.succeeded / seconds).toLocaleString("ja-JP")} 件/秒 ・ 決済失敗 {item.payments_failed} 件</p>}
          {item.succeeded > 0 && <p><a href={`#/orders?import_id=${item.id}`}>取り込んだ注文 {item.succeeded.toLocaleString("ja-JP")} 件を注文一覧で見る</a></p>}
        </div>
      )}
      {item.first_errors.length > 0 && (
        <>
          <table>
            <thead><tr><th class="num">行</th><th>列</th><th>内容</th></tr></thead>
            <tbody>{item.first_errors.map((e) => <tr><td class="num">{e.row}</td><td>{e.column ?? "—"}</td><td>{inJapanese({ path: e.column ?? "", message: e.message }).message}</td></tr>)}</tbody>
          </table>
          <button type="button" class="link" onClick={() => void downloadErrors(item.id)}>エラー行をすべてダウンロード（CSV）</button>
        </>
      )}
    </div>
  );
}

export function ImportsPage() {
  useEffect(() => void past.reload(), []);
  return (
    <section>
      <h2>CSV一括取り込み</h2>
      <div class={`dropzone ${dragging.value ? "over" : ""}`}
        onDragOver={(e) => (e.preventDefault(), (dragging.value = true))} onDragLeave={() => (dragging.value = false)}
        onDrop={(e) => (e.preventDefault(), (dragging.value = false), void send(e.dataTransfer?.files[0]))}>
        <p>CSVファイルをここにドロップ、または</p>
        <label for="import-file">ファイルを選択（UTF-8 または Shift_JIS）</label>
        <input id="import-file" type="file" accept=".csv,text/csv" disabled={uploading.value} onChange={(e) => void send(e.currentTarget.files?.[0])} />
        <p class="hint">列：order_ref, customer_name, customer_email, customer_phone, product_name, quantity, unit_price, tax_rate, postal_code, prefecture, address_line1, address_line2, delivery_date, delivery_time（同じ order_ref の行が1件の注文。単価は税込、tax_rate は 10 または 8（軽減税率）。電話番号・税率・配送先・お届け希望日時の列は省略可）。まず検証だけを行い、確認後に取り込みます。
          <a href="/sample-orders.csv" download="sample-orders.csv">サンプルCSVをダウンロード</a></p>
        {uploading.value && <p class="loading">検証中…</p>}
      </div>
      {current.value && <Report item={current.value} />}
      <h3>これまでの取り込み</h3>
      <LoadError error={past.error.value} />
      <table>
        <thead><tr><th>日時（JST）</th><th>ファイル</th><th>状態</th><th class="num">注文</th><th class="num">作成</th><th class="num">エラー行</th><th>担当</th></tr></thead>
        <tbody>
          {past.data.value && !past.data.value.items.length && <tr><td colSpan={7}>まだ取り込みはありません。</td></tr>}
          {past.data.value?.items.map((item) => (
            <tr><td><button type="button" class="link" onClick={() => ((current.value = item), !finished(item.status) && item.status !== "VALIDATED" && follow(item.id))}>{jstTime(item.created_at)}</button></td>
              <td>{item.file_name ?? "—"}</td><td>{statusLabels[item.status]}</td><td class="num">{item.total_orders}</td><td class="num">{item.succeeded}</td><td class="num">{item.error_rows}</td><td>{people(item)}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
