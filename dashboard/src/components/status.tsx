import type { ApiError, Service } from "../api/client";
import { reasonOf } from "../messages";
import { diskFullImpact, lowDisk, serviceImpact, serviceNames } from "../state/health";

/** What went wrong with a load, in words an operator can act on. */
export function LoadError({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  if (error.unreachable && error.code !== "ORIGIN_REFUSED") return <ServiceDown service={error.service} />;
  return <p class="error" role="alert">読み込みに失敗しました：{reasonOf(error)}</p>;
}

export function ServiceDown({ service }: { service: Service }) {
  return (
    <div class="service-down" role="alert">
      <strong>{serviceNames[service]}が停止しています。</strong> {serviceImpact[service]}
    </div>
  );
}

/** A service whose database disk is running out of space: how much is left, and what stops once it is gone. */
export function DiskLow({ service }: { service: Service }) {
  const disk = lowDisk[service].value;
  if (!disk) return null;
  return (
    <div class="disk-low" role="alert" data-testid={`disk-low-${service}`}>
      <strong>{serviceNames[service]}のディスクの空きが残り {disk.free_mb.toLocaleString("ja-JP")} MB です</strong>
      {`（警告の基準 DISK_MIN_FREE_MB=${disk.min_free_mb.toLocaleString("ja-JP")}）。いっぱいになると${diskFullImpact[service]}。不要なファイルを消すか、ディスクを広げてください。`}
    </div>
  );
}

/** Services that answer, but not to a page opened at this address: what to change, since a restart of the page will not help. */
export function OriginRefused({ services }: { services: Service[] }) {
  if (!services.length) return null;
  return (
    <div class="service-down" role="alert" data-testid="origin-refused">
      <strong>{services.map((service) => serviceNames[service]).join("・")}がこの画面からの接続を拒否しています。</strong>{" "}
      サービスは動いていますが、この画面のアドレス（{location.origin}）が許可されていません。
      サービスの設定 DASHBOARD_ORIGIN にこのアドレスを加えて再起動するか、許可されたアドレスで開いてください（既定で許可されるのは、ダッシュボードのポートの http://localhost と http://127.0.0.1 です）。
    </div>
  );
}

export const Loading = ({ when }: { when: boolean }) => (when ? <p class="loading" aria-live="polite">読み込み中…</p> : null);
