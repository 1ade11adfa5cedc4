import { isDay, japaneseDay } from "./jst-days";

/** The delivery time slots Japanese carriers offer (ヤマト運輸, 佐川急便, 日本郵便 between them). */
export const DELIVERY_SLOTS = ["午前中", "12-14", "14-16", "16-18", "18-20", "18-21", "19-21", "20-21"] as const;
export type DeliverySlot = (typeof DELIVERY_SLOTS)[number];

/**
 * A time slot as storefronts and people write it (14-16, 14時〜16時, 14:00～16:00, 午前, AM), as one
 * of DELIVERY_SLOTS; undefined when it is none of them.
 */
export function deliverySlot(text: string): DeliverySlot | undefined {
  const plain = text.normalize("NFKC").replace(/\s/g, "").replace(/:00/g, "").replace(/時/g, "").replace(/[〜~ー−–—]/g, "-");
  if (/^(午前中?|AM|am|午前指定)$/.test(plain)) return "午前中";
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(plain);
  return DELIVERY_SLOTS.find((slot) => match && slot === `${Number(match[1])}-${Number(match[2])}`);
}

/** A day as written in Japan or by Excel (2026-12-05, 2026/12/5, full-width digits), as YYYY-MM-DD; undefined when it is none. */
export function deliveryDay(text: string): string | undefined {
  const match = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(text.normalize("NFKC").trim());
  const day = match ? `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` : undefined;
  return day && isDay(day) ? day : undefined;
}

/** The wish on one line, as a note or a mail shows it: 2026年12月5日 14〜16時, or 午前中 alone. */
export function deliveryText(date: string | null | undefined, slot: string | null | undefined) {
  const day = date ? japaneseDay(date) : "";
  const time = slot === "午前中" ? "午前中" : slot ? `${slot.replace("-", "〜")}時` : "";
  return [day, time].filter(Boolean).join(" ") || "なし";
}
