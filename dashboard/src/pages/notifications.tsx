import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { api } from "../api/endpoints";
import { NotificationView } from "../components/notification-view";
import { Pager } from "../components/pager";
import { SearchBox } from "../components/search-box";
import { StatusFilter } from "../components/status-filter";
import { LoadError, Loading } from "../components/status";
import { channelLabels, notificationStatusLabels, templateLabels } from "../format";
import { reasonOf } from "../messages";
import { resource } from "../state/resource";
import { route } from "../state/router";
import { notify } from "../state/toasts";

const skip = signal(0);
const status = signal("");
const recipient = signal(""); // "what did we send to this address?"
const page = resource(() => api.notifications({ skip: skip.value, limit: 20, status: status.value || undefined, recipient: recipient.value.trim() || undefined }));
const templates = resource(api.templates);
const preview = signal<{ name: string; channel: string; subject: string | null; body: string; html: string | null } | undefined>(undefined);

async function retry(id: string) {
  try {
    await api.retryNotification(id);
    notify("success", "再送を予約しました。");
  } catch (error) {
    notify("error", `再送できませんでした：${reasonOf(error)}`);
  }
  void page.reload();
}

async function showPreview(name: string, channel: string) {
  try {
    preview.value = { name, channel, ...(await api.preview(name, channel)) };
  } catch (error) {
    notify("error", `プレビューできませんでした：${reasonOf(error)}`);
  }
}

export function NotificationsPage() {
  const fromLink = route.value.params.get("status") ?? ""; // the overview links to the failed ones
  useEffect(() => {
    status.value = fromLink;
    skip.value = 0;
    void page.reload();
  }, [fromLink]);
  useEffect(() => void templates.reload(), []);
  const data = page.data.value;
  return (
    <section>
      <h2>通知</h2>
      {/* every notification to one address or phone number (as dialled): for a customer who asks what was sent */}
      <SearchBox id="recipient-search" label="宛先で検索" placeholder="メールアドレス・電話番号" term={recipient} onSearch={() => ((skip.value = 0), void page.reload())} />
      <StatusFilter value={status.value} labels={notificationStatusLabels} onChange={(value) => ((status.value = value), (skip.value = 0), void page.reload())} />
      <LoadError error={page.error.value} />
      <Loading when={page.loading.value} />
      {data?.items.map((n) => (
        <NotificationView notification={n} actions={n.status === "FAILED" && !n.erased_at && <button type="button" onClick={() => retry(n.id)}>再送する</button>} />
      ))}
      {data && !data.items.length && <p>{recipient.value.trim() ? `${recipient.value.trim()} 宛ての通知はありません。` : "該当する通知はありません。"}</p>}
      {data && <Pager skip={data.skip} limit={data.limit} total={data.total} onPage={(s) => ((skip.value = s), void page.reload())} />}

      <h3>テンプレートのプレビュー（サンプルデータ）</h3>
      <LoadError error={templates.error.value} />
      <ul class="templates">
        {templates.data.value?.map((t) => (
          <li>{templateLabels[t.name] ?? t.name}：{t.channels.map((c) => <button type="button" onClick={() => showPreview(t.name, c)}>{channelLabels[c]}をプレビュー</button>)}</li>
        ))}
      </ul>
      {preview.value && (
        <div class="preview" aria-label="プレビュー">
          <h4>{templateLabels[preview.value.name]}（{channelLabels[preview.value.channel]}）</h4>
          {preview.value.subject && <p><strong>件名：</strong>{preview.value.subject}</p>}
          <pre class="mail-body">{preview.value.body}</pre>
          {preview.value.html && <iframe title="HTML本文のプレビュー" sandbox="" srcdoc={preview.value.html} class="mail-html" />}
        </div>
      )}
    </section>
  );
}
