import { useState } from "preact/hooks";
import { serviceUrl } from "../api/client";
import { settings } from "../state/settings";
import { notify } from "../state/toasts";

export function SettingsPage() {
  const [token, setToken] = useState(settings.token.value);
  return (
    <section>
      <h2>設定</h2>
      <form onSubmit={(e) => (e.preventDefault(), (settings.token.value = token.trim()), notify("success", token.trim() ? "APIトークンを保存しました（このタブを閉じると消えます）。" : "APIトークンを削除しました。"))}>
        <label for="api-token">APIトークン（サービスが API_TOKEN を要求する場合）</label>
        <input id="api-token" type="password" autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        <button type="submit" class="primary">保存</button>
      </form>
      <h3>接続先</h3>
      <ul>{(["order", "payment", "notification"] as const).map((s) => <li>{s}: <code>{serviceUrl(s)}</code></li>)}</ul>
    </section>
  );
}
