import { useState } from "preact/hooks";
import { serviceUrl } from "../api/client";
import { settings } from "../state/settings";
import { notify } from "../state/toasts";

export function SettingsPage() {
  const [token, setToken] = useState(settings.token.value);
  const [operator, setOperator] = useState(settings.operator.value);
  const saveOperator = (event: Event) => {
    event.preventDefault();
    settings.operator.value = operator.trim();
    notify("success", operator.trim() ? `担当者名を「${operator.trim()}」にしました。` : "担当者名を削除しました。");
  };
  return (
    <section class="settings">
      <h2>設定</h2>
      <form onSubmit={(e) => (e.preventDefault(), (settings.token.value = token.trim()), notify("success", token.trim() ? "APIトークンを保存しました（このタブを閉じると消えます）。" : "APIトークンを削除しました。"))}>
        <label for="api-token">APIトークン（サービスが API_TOKEN を要求する場合）</label>
        <input id="api-token" type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <button type="submit" class="primary">APIトークンを保存</button>
      </form>
      <form onSubmit={saveOperator}>
        <label for="operator">担当者名（注文の変更履歴・メモ・返金に記録されます）</label>
        <input id="operator" type="text" maxLength={50} autoComplete="name" value={operator} onInput={(e) => setOperator(e.currentTarget.value)} />
        <button type="submit" class="primary">担当者名を保存</button>
      </form>
      <h3>接続先</h3>
      <ul>{(["order", "payment", "notification"] as const).map((s) => <li>{s}: <code>{serviceUrl(s)}</code></li>)}</ul>
    </section>
  );
}
