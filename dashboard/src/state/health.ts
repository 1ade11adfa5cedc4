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

/** The free space on each service's database disk, when its /health says it is below DISK_MIN_FREE_MB. */
export type LowDisk = { free_mb: number; min_free_mb: number };
export const lowDisk = {
  order: signal<LowDisk | null>(null),
  payment: signal<LowDisk | null>(null),
  notification: signal<LowDisk | null>(null),
};

export function markService(service: Service, state: ServiceHealth) {
  health[service].value = state;
}

export const serviceNames: Record<Service, string> = { order: "注文サービス", payment: "決済サービス", notification: "通知サービス" };
const healthLabels: Record<ServiceHealth, string> = { up: "稼働中", down: "停止", refused: "接続拒否", unknown: "確認中" };

/** A service's state in words: 稼働中, 停止 …, and when up with little disk left, saying so. */
export const healthText = (service: Service) =>
  `${healthLabels[health[service].value]}${health[service].value === "up" && lowDisk[service].value ? "（ディスク残り少）" : ""}`;

/** What stops once a service's disk is full. */
export const diskFullImpact: Record<Service, string> = {
  order: "注文の作成・ステータス変更・取り込みができなくなります",
  payment: "新しい決済と返金ができなくなります",
  notification: "新しい通知を受け付けられなくなります",
};

/** What an operator loses while a service is down. */
export const serviceImpact: Record<Service, string> = {
  order: "注文の一覧・作成・ステータス変更ができません。",
  payment: "決済状況の確認と返金ができません。新しい注文は受け付けられ、決済は復旧後に自動で行われます。",
  notification: "通知の確認と再送ができません。新しい通知は復旧後に自動で送信されます。",
};
