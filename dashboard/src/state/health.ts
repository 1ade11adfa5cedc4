import { signal } from "@preact/signals";
import type { Service } from "../api/client";

/** "refused": the service answers, but not to this page: its DASHBOARD_ORIGIN does not name the address the page was opened at. */
export type ServiceHealth = "up" | "down" | "refused" | "unknown";

/** Whether each service answers: from /health every few seconds, and from every call made. */
export const health = {
  order: signal<ServiceHealth>("unknown"),
  payment: signal<ServiceHealth>("unknown"),
  notification: signal<ServiceHealth>("unknown"),
};

export function markService(service: Service, state: ServiceHealth) {
  health[service].value = state;
}

export const serviceNames: Record<Service, string> = { order: "注文サービス", payment: "決済サービス", notification: "通知サービス" };
export const healthLabels: Record<ServiceHealth, string> = { up: "稼働中", down: "停止", refused: "接続拒否", unknown: "確認中" };

/** What an operator loses while a service is down. */
export const serviceImpact: Record<Service, string> = {
  order: "注文の一覧・作成・ステータス変更ができません。",
  payment: "決済状況の確認と返金ができません。新しい注文は受け付けられ、決済は復旧後に自動で行われます。",
  notification: "通知の確認と再送ができません。新しい通知は復旧後に自動で送信されます。",
};
