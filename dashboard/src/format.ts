import { dialledInJapan } from "@platform/shared/phone";

/** ¥12,800 */
export const yen = (amount: number | null | undefined) => (amount == null ? "—" : `¥${amount.toLocaleString("ja-JP")}`);

const jst = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
/** 2026/11/25 18:00:00 in Japan time, whatever the browser's zone. */
export const jstTime = (iso: string | null | undefined) => (iso ? jst.format(new Date(iso)) : "—");
const jstDay = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric" });
/** 2026年12月2日 in Japan time, as a letter or a slip dates itself. */
export const jstDate = (iso: string) => jstDay.format(new Date(iso));

/**
 * A stored phone number as people in Japan read it: 090-1234-5678 for a mobile (11 digits, 0X0),
 * the other Japanese numbers as dialled (their area codes vary in length), others as stored.
 */
export function phoneForPeople(e164: string | null): string | null {
  const dialled = dialledInJapan(e164);
  return dialled && /^0[2-9]0[1-9]\d{7}$/.test(dialled) ? `${dialled.slice(0, 3)}-${dialled.slice(3, 7)}-${dialled.slice(7)}` : dialled;
}

export { jstToday, jstTomorrow } from "@platform/shared/jst-days";

/** Who moved an order, as the history names them: the person by name, the rest in words. */
export function actorLabel(actor: string) {
  if (actor.startsWith("operator:")) return actor.slice("operator:".length);
  if (actor.startsWith("webhook:")) return `決済サービスの通知 ${actor.slice("webhook:".length)}`;
  if (actor.startsWith("import:")) return "一括取り込み";
  return { api: "API", "payment-service": "決済サービス", reconciler: "決済の照合" }[actor] ?? actor;
}

export const orderStatusLabels: Record<string, string> = {
  PENDING: "受付", PAYMENT_PROCESSING: "決済処理中", PAID: "支払済", PAYMENT_FAILED: "決済失敗", SHIPPED: "発送済", DELIVERED: "配達完了", CANCELLED: "キャンセル",
};
export const paymentStatusLabels: Record<string, string> = {
  PENDING: "未処理", PROCESSING: "処理中", COMPLETED: "完了", FAILED: "失敗", PARTIALLY_REFUNDED: "一部返金", REFUNDED: "返金済",
};
export const notificationStatusLabels: Record<string, string> = { PENDING: "送信待ち", SENT: "送信済", FAILED: "送信失敗" };
export const templateLabels: Record<string, string> = { ORDER_CONFIRMATION: "ご注文確認", ORDER_SHIPPED: "発送のお知らせ", ORDER_CANCELLED: "キャンセルのお知らせ", ORDER_RETURNED: "返品・返金のお知らせ", ORDER_REFUNDED: "返金のお知らせ" };
export const channelLabels: Record<string, string> = { EMAIL: "メール", SMS: "SMS" };
