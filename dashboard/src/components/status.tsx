import type { ApiError, Service } from "../api/client";
import { reasonOf } from "../messages";
import { serviceImpact, serviceNames } from "../state/health";

/** What went wrong with a load, in words an operator can act on. */
export function LoadError({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  if (error.unreachable) return <ServiceDown service={error.service} />;
  return <p class="error" role="alert">読み込みに失敗しました：{reasonOf(error)}</p>;
}

export function ServiceDown({ service }: { service: Service }) {
  return (
    <div class="service-down" role="alert">
      <strong>{serviceNames[service]}が停止しています。</strong> {serviceImpact[service]}
    </div>
  );
}

export const Loading = ({ when }: { when: boolean }) => (when ? <p class="loading" aria-live="polite">読み込み中…</p> : null);
